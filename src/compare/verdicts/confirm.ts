/**
 * When to measure confirmation rounds (`confirm-runs`): after the planned runs, one more round at a
 * time while a counted guardrail is inconclusive and more runs could decide it, up to the number
 * allowed. Never when the gate already rejects (a failed guardrail or run decides it, whatever
 * extra runs show), not for a relative change from a baseline of 0 (no number of runs defines
 * it), and not when the runs left could not decide any of them at the spread seen (a guardrail as
 * noisy as its margin would take every round and still be inconclusive: the rounds are spend).
 * Pure: the gate's result in, the decision out.
 */
import type { GateResult, ThresholdResult } from './gate.js';

export interface ConfirmationStep {
  /** Measure one more round. */
  confirm: boolean;
  /** Counted guardrails that are inconclusive and that more runs could decide. */
  undecided: ThresholdResult[];
  /** One line for the log: why another round, or why none. */
  why: string;
}

export interface ConfirmationRecord {
  /** Confirmation rounds measured. */
  rounds: number;
  /** Allowed by `confirm-runs`. */
  allowed: number;
  /** With a stored baseline only the candidate gets confirmation runs: the baseline's runs are fixed. */
  candidateOnly: boolean;
}

function metrics(items: readonly ThresholdResult[]): string {
  const names = items.slice(0, 3).map((t) => t.metric);
  return items.length > 3 ? `${names.join(', ')} and ${items.length - 3} more` : names.join(', ');
}

const FUTILITY_FACTOR = 3;

/**
 * Whether the rounds left may decide an inconclusive verdict. The runs it needs are estimated from
 * the spread of a few runs, itself uncertain (one slow run in five doubles it): only an estimate
 * beyond three times the runs reachable counts as hopeless. Measured in `npm run bench:verdict`
 * (reference scenario, docs/spend.md): with the defaults (repeat 5, confirm-runs 6) a +10 % regression
 * of a 2.4 %-noise stage is caught 97 % of the time at 5.9 runs per side, and an unchanged candidate
 * costs 7.3 runs per side, where a round while anything is inconclusive (5 + 5) cost 8.5.
 * No estimate (no spread yet) gets the benefit of the doubt.
 */
export function mayDecide(t: ThresholdResult, roundsLeft: number): boolean {
  if (t.toDecide?.futile) return false;
  return t.toDecide?.runs === undefined || t.toDecide.runs <= FUTILITY_FACTOR * (t.candidate.n + roundsLeft);
}

/** Decides whether to measure another confirmation round; `done` rounds were measured so far. */
export function nextConfirmation(result: GateResult, done: number, allowed: number): ConfirmationStep {
  const inconclusive = result.thresholds.filter((t) => t.counts && t.threshold.kind === 'guardrail' && t.verdict === 'inconclusive');
  // An inconclusive verdict without an interval is an undefined change (baseline 0), not noise; one
  // made inconclusive by an environment difference is not noise either: no number of runs decides them.
  const undecided = inconclusive.filter((t) => t.change.interval !== undefined && t.change.value !== undefined && t.environment === undefined);
  const stop = (why: string): ConfirmationStep => ({ confirm: false, undecided, why });
  if (allowed <= 0) return stop('confirm-runs is 0');
  if (result.decision === 'reject') return stop('the gate rejects already: more runs would not change the decision');
  if (undecided.length === 0) {
    const why = inconclusive.some((t) => t.environment !== undefined) ? 'environments differ' : 'undefined change';
    return stop(inconclusive.length > 0 ? `no more runs can decide the inconclusive guardrail(s) ${metrics(inconclusive)} (${why})` : 'no guardrail is inconclusive');
  }
  if (done >= allowed) return stop(`confirm-runs used up (${done} of ${allowed}); still inconclusive: ${metrics(undecided)}`);
  const left = allowed - done;
  const hopeful = undecided.filter((t) => mayDecide(t, left));
  if (hopeful.length === 0) {
    const needs = undecided.slice(0, 3).map((t) => `${t.metric} ${t.toDecide?.runs !== undefined ? `about ${t.toDecide.runs}` : 'more than 50'}`);
    return stop(
      `the ${left} round${left === 1 ? '' : 's'} left would likely not decide the inconclusive guardrail(s) (runs per side needed at the spread seen: ${needs.join(', ')}${undecided.length > 3 ? ', …' : ''})`,
    );
  }
  return { confirm: true, undecided, why: `${undecided.length} guardrail(s) inconclusive: ${metrics(undecided)}` };
}

/** The report's note on the confirmation rounds measured. */
export function confirmationNote(record: ConfirmationRecord): string | undefined {
  if (record.rounds === 0) return undefined;
  const rounds = `${record.rounds} confirmation round${record.rounds === 1 ? '' : 's'}`;
  const runs = record.candidateOnly
    ? `${record.rounds} more candidate run${record.rounds === 1 ? '' : 's'}; the stored baseline's runs are fixed`
    : `${record.rounds} more run${record.rounds === 1 ? '' : 's'} per side, interleaved`;
  return `${rounds} (${runs}) added because a guardrail was inconclusive (confirm-runs: ${record.allowed})`;
}
