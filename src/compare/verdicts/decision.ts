/**
 * From verdicts to a decision, and whether that decision fails the job (the rules below; README "Verdicts").
 * - reject: a guardrail fails or is missing (not optional), a measured run failed, or the
 *   thresholds themselves are unusable (parse problems, none at all, unreadable inputs);
 * - iterate: no guardrail fails, but a target fails or is missing (not optional), or anything is
 *   inconclusive;
 * - ship: everything passes. An optional threshold whose value is missing counts as neither, and
 *   nor does a metric not measured on the sides it needs; when nothing is left to count, iterate.
 */
import type { ThresholdKind } from '../grammar/thresholds/types.js';

/** `accepted`: a failure someone with write access acknowledged (acceptance.ts); it fails nothing. */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'missing' | 'accepted';
export type Decision = 'ship' | 'iterate' | 'reject';
export type FailOn = 'reject' | 'iterate' | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['reject', 'iterate', 'never'];
export const DECISIONS: readonly Decision[] = ['ship', 'iterate', 'reject'];

export function isDecision(value: unknown): value is Decision {
  return (DECISIONS as readonly unknown[]).includes(value);
}

export interface VerdictInput {
  metric: string;
  kind: ThresholdKind;
  optional: boolean;
  verdict: Verdict;
  /** Short account with numbers, used in the reasons. */
  summary: string;
  /** Whether it takes part in the decision, when the gate knows better than `verdictCounts` (a not-measured metric). */
  counts?: boolean;
}

export interface DecisionInput {
  verdicts: readonly VerdictInput[];
  /** Runs that did not complete: `candidate x.yaml (status failed)`. */
  failedRuns: readonly string[];
  /** Why the thresholds or inputs cannot be trusted (parse problems, no thresholds, unreadable files). */
  blockers: readonly string[];
}

export interface DecisionOutcome {
  decision: Decision;
  /** Why, most severe first; empty for a clean `ship`. */
  reasons: string[];
}

/** Whether a verdict takes part in the decision: an optional threshold's missing value does not. */
export function verdictCounts(v: Pick<VerdictInput, 'optional' | 'verdict'>): boolean {
  return !(v.optional && v.verdict === 'missing');
}

export function decide(input: DecisionInput): DecisionOutcome {
  const counted = input.verdicts.filter((v) => v.counts ?? verdictCounts(v));
  const bad = (kind: ThresholdKind, verdict: Verdict) => counted.filter((v) => v.kind === kind && v.verdict === verdict);
  const line = (v: VerdictInput) => `${v.kind} ${v.metric} ${v.verdict === 'missing' ? 'is missing' : v.verdict === 'fail' ? 'failed' : 'is inconclusive'}: ${v.summary}`;

  const rejectReasons = [...input.blockers, ...input.failedRuns.map((r) => `measured run failed: ${r}`), ...bad('guardrail', 'fail').map(line), ...bad('guardrail', 'missing').map(line)];
  const iterateReasons = [...bad('target', 'fail').map(line), ...bad('target', 'missing').map(line), ...counted.filter((v) => v.verdict === 'inconclusive').map(line)];
  // Thresholds that all went uncounted (optional and missing, or not measured) judged nothing: no ship on that.
  if (input.verdicts.length > 0 && counted.length === 0) {
    iterateReasons.push(`none of the ${input.verdicts.length} threshold results could be judged (all optional and missing, or not measured)`);
  }
  if (rejectReasons.length > 0) return { decision: 'reject', reasons: [...rejectReasons, ...iterateReasons] };
  if (iterateReasons.length > 0) return { decision: 'iterate', reasons: iterateReasons };
  return { decision: 'ship', reasons: [] };
}

/** `reject`: only reject fails the job; `iterate`: iterate and reject fail; `never`: nothing fails. */
export function passesFailOn(decision: Decision, failOn: FailOn): boolean {
  switch (failOn) {
    case 'never':
      return true;
    case 'iterate':
      return decision === 'ship';
    case 'reject':
      return decision !== 'reject';
  }
}
