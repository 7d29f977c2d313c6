/**
 * How many runs per side would likely decide an inconclusive verdict, from the spread of the runs
 * seen. Rough by nature — the spread of 3–5 runs is itself uncertain — and said to be.
 *
 * The interval's half-width shrinks as z·s·√(k/N) (k = 2 for a shift between two sides, 1 for one
 * side's value), divided by the method's efficiency against a t-interval under normal noise. The
 * verdict is decided once the interval clears the bound; at N = k·((z + z80)·s / d)² / efficiency
 * that happens about 80 % of the time if the change and the spread stay as seen (d: distance from
 * the estimate to the bound).
 */
import { formatValue, type MetricUnit } from '../grammar/units.js';
import type { Estimate, IntervalMethod } from './stats.js';

/** Standard normal quantiles: 97.5 % (a 95 % two-sided interval) and 80 % (the chance to decide). */
const Z_INTERVAL = 1.959964;
const Z_DECIDE = 0.841621;
/** Beyond this, say "more than": such estimates from a few runs are not worth a number. */
export const MAX_RUNS_TO_SUGGEST = 50;

/** Asymptotic efficiency against the t-interval under normal noise: HL shift 3/π, a median 2/π. */
function efficiency(method: IntervalMethod, sides: 1 | 2): number {
  if (method === 'welch-t' || method === 'point') return 1;
  if (method === 'rank-shift' && sides === 2) return 3 / Math.PI;
  return 2 / Math.PI;
}

/** Pooled sample standard deviation of the sides that have at least two values. */
export function pooledSd(sides: readonly (readonly number[])[]): number | undefined {
  let squares = 0;
  let df = 0;
  for (const values of sides) {
    if (values.length < 2) continue;
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    squares += values.reduce((s, v) => s + (v - mean) ** 2, 0);
    df += values.length - 1;
  }
  return df > 0 ? Math.sqrt(squares / df) : undefined;
}

/** Runs per side at which an interval of this method clears a bound `distance` away, about 80 % of the time. */
export function runsForDistance(sd: number, distance: number, sides: 1 | 2, method: IntervalMethod): number {
  return Math.ceil((sides * (((Z_INTERVAL + Z_DECIDE) * sd) / distance) ** 2) / efficiency(method, sides));
}

export interface RunsNeeded {
  /** Runs per side; undefined when no estimate can be given. */
  runs: number | undefined;
  /** Why no number, or "more than 50". */
  text: string;
  /** More runs are unlikely to decide it at any affordable number (beyond 50, or on the bound itself). */
  futile?: boolean;
}

/**
 * The sentence for an inconclusive verdict. `baseline` is empty for an absolute bound (one side).
 * Relative changes are judged on logarithms (as the interval is), so their spread is a relative SD.
 */
export function runsToDecide(estimate: Estimate, bound: number, values: { baseline: readonly number[]; candidate: readonly number[] }, unit?: MetricUnit): RunsNeeded {
  const { interval } = estimate;
  const n = estimate.form === 'value' ? estimate.n.candidate : Math.min(estimate.n.baseline, estimate.n.candidate);
  const vague = { runs: undefined, text: 'more runs would decide it' };
  if (!interval || estimate.estimate === undefined) return vague;
  if (Math.abs(estimate.estimate - bound) < ((interval.high - interval.low) / 2) * 0.05) {
    return { runs: undefined, futile: true, text: 'the change sits on the bound itself: more runs will not decide it' };
  }
  const relative = estimate.form === 'relative';
  const all = [...values.baseline, ...values.candidate];
  if (relative && (!all.every((v) => v > 0) || estimate.estimate <= -100 || bound <= -100)) return vague;
  const scale = (xs: readonly number[]) => (relative ? xs.map(Math.log) : xs);
  const sd = pooledSd(estimate.form === 'value' ? [values.candidate] : [scale(values.baseline), scale(values.candidate)]);
  if (sd === undefined || sd === 0) return vague;
  const distance = relative ? Math.abs(Math.log1p(estimate.estimate / 100) - Math.log1p(bound / 100)) : Math.abs(estimate.estimate - bound);
  const sides = estimate.form === 'value' ? 1 : 2;
  const needed = runsForDistance(sd, distance, sides, estimate.method);
  const spread = relative ? `${(sd * 100).toFixed(sd < 0.001 ? 2 : 1)} %` : formatValue(sd, unit);
  const per = sides === 1 ? 'candidate runs' : 'runs per side';
  if (needed > MAX_RUNS_TO_SUGGEST) {
    return { runs: undefined, futile: true, text: `deciding it would take more than ${MAX_RUNS_TO_SUGGEST} ${per} at the spread seen (SD ${spread})` };
  }
  const runs = Math.max(needed, n + 1);
  return { runs, text: `about ${runs} ${per} would likely decide it at the spread seen (SD ${spread}; rough estimate)` };
}
