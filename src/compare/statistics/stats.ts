/**
 * Statistics for small numbers of repeated runs (typically 1–10 per side): medians and a
 * confidence interval of the change. Default `rank-shift`: the exact, distribution-free interval of
 * the shift between the sides from their pairwise differences (Hodges–Lehmann / Mann–Whitney), on
 * logs for relative changes; its coverage is exact whatever the noise's shape, and reported as the
 * level actually reached. Kept for comparison (`npm run bench:verdict` runs all three on this
 * machine's runs): `bootstrap-median`, a seeded percentile bootstrap of the difference or ratio of
 * medians (at 3 + 3 runs it spans the same extremes as the rank interval but calls them 95 %, where
 * they cover 90 %), and `welch-t`, Welch's t-interval (on logs for relative changes), which loses
 * power when the noise is bimodal, as a stage's often is.
 */
import { median } from '../../collections.js';
import { InternalError } from '../../errors.js';
import { medianInterval, shiftInterval } from './rank-interval.js';
import { meanInterval, welchInterval } from './t-interval.js';

export const SINGLE_RUN_NOTE = 'single run: no noise estimate';

export type ChangeForm = 'relative' | 'delta';
export type EstimateForm = ChangeForm | 'value';
/** `point`: no interval (one run per side). */
export type IntervalMethod = 'rank-shift' | 'welch-t' | 'bootstrap-median' | 'point';

export interface IntervalOptions {
  /** Confidence level, 0 < level < 1. Default 0.95. */
  level?: number;
  /** Bootstrap resamples. Default 2000. */
  resamples?: number;
  /** PRNG seed. Default a fixed constant. */
  seed?: number;
  method?: Exclude<IntervalMethod, 'point'>;
}

export const DEFAULT_INTERVAL_OPTIONS: Required<IntervalOptions> = { level: 0.95, resamples: 2000, seed: 0x5eed, method: 'rank-shift' };

export interface Interval {
  low: number;
  high: number;
  level: number;
}

export interface Estimate {
  form: EstimateForm;
  /** Point estimate from the medians: percent for `relative`, metric unit otherwise. Undefined when not defined. */
  estimate: number | undefined;
  /** Undefined with one run per side, or when the change is undefined. */
  interval: Interval | undefined;
  method: IntervalMethod;
  n: { baseline: number; candidate: number };
  /** Every run of each side gave the same value: the interval has zero width. */
  degenerate: boolean;
  note?: string;
}

export { median };

/** mulberry32: tiny, fast, good enough for resampling; deterministic for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Linear-interpolated quantile of sorted values (type 7). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

function resampledMedian(values: readonly number[], random: () => number): number {
  if (values.length === 1) return values[0] as number;
  const sample = values.map(() => values[Math.floor(random() * values.length)] as number);
  return median(sample);
}

function relativeChange(base: number, cand: number): number | undefined {
  return base === 0 ? undefined : ((cand - base) / Math.abs(base)) * 100;
}

function checkValues(values: readonly number[], side: string): void {
  if (values.length === 0) throw new InternalError(`no ${side} values to estimate from`);
  if (!values.every(Number.isFinite)) throw new InternalError(`non-finite ${side} value reached the statistics`);
}

function resolved(options: IntervalOptions) {
  const o = { ...DEFAULT_INTERVAL_OPTIONS, ...options };
  if (!(o.level > 0 && o.level < 1)) throw new InternalError(`confidence level must be in (0, 1), got ${o.level}`);
  if (!Number.isInteger(o.resamples) || o.resamples < 100) throw new InternalError(`resamples must be an integer >= 100, got ${o.resamples}`);
  return o;
}

function allEqual(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

function singleRunNote(nBase: number, nCand: number): string | undefined {
  if (nBase === 1 && nCand > 1) return 'baseline is a single run: the interval reflects candidate noise only';
  if (nCand === 1 && nBase > 1) return 'candidate is a single run: the interval reflects baseline noise only';
  return undefined;
}

/** Percentile bootstrap of `statistic` over resampled medians; undefined statistics are dropped. */
function bootstrap(
  sides: readonly (readonly number[])[],
  statistic: (medians: number[]) => number | undefined,
  o: ReturnType<typeof resolved>,
): { interval: Interval | undefined; undefinedShare: number } {
  const random = seededRandom(o.seed);
  const stats: number[] = [];
  for (let i = 0; i < o.resamples; i++) {
    const value = statistic(sides.map((values) => resampledMedian(values, random)));
    if (value !== undefined) stats.push(value);
  }
  const undefinedShare = 1 - stats.length / o.resamples;
  // If more resamples than the tail we cut are undefined, no interval at this level is honest.
  if (undefinedShare > (1 - o.level) / 2) return { interval: undefined, undefinedShare };
  stats.sort((a, b) => a - b);
  const tail = (1 - o.level) / 2;
  return { interval: { low: quantile(stats, tail), high: quantile(stats, 1 - tail), level: o.level }, undefinedShare };
}

/**
 * The change of candidate vs baseline (`relative`: percent of the baseline median; `delta`:
 * candidate − baseline in the metric's unit) with a bootstrap interval of the difference/ratio of
 * medians. One run per side: point estimate only, noted "single run: no noise estimate".
 */
export function changeInterval(baseline: readonly number[], candidate: readonly number[], form: ChangeForm, options: IntervalOptions = {}): Estimate {
  checkValues(baseline, 'baseline');
  checkValues(candidate, 'candidate');
  const o = resolved(options);
  const n = { baseline: baseline.length, candidate: candidate.length };
  const change = (medians: number[]): number | undefined => {
    const [b, c] = medians as [number, number];
    return form === 'delta' ? c - b : relativeChange(b, c);
  };
  const estimate = change([median(baseline), median(candidate)]);
  if (estimate === undefined) {
    return {
      form,
      estimate,
      interval: undefined,
      method: 'point',
      n,
      degenerate: false,
      note: 'relative change from a baseline of 0 is undefined',
    };
  }
  if (n.baseline === 1 && n.candidate === 1) {
    return { form, estimate, interval: undefined, method: 'point', n, degenerate: false, note: SINGLE_RUN_NOTE };
  }
  if (allEqual(baseline) && allEqual(candidate)) {
    return {
      form,
      estimate,
      interval: { low: estimate, high: estimate, level: o.level },
      method: o.method,
      n,
      degenerate: true,
      note: 'every run of each side gave the same value: zero spread',
    };
  }
  if (o.method !== 'bootstrap-median') {
    const closed = o.method === 'rank-shift' ? rankChange(baseline, candidate, form, o.level) : welchChange(baseline, candidate, form, o.level);
    if (closed) {
      const raw = form === 'relative' && !allPositive(baseline, candidate) ? RAW_SHIFT_NOTE : undefined;
      const note = [raw, singleRunNote(n.baseline, n.candidate), levelNote(closed.level, o.level)].filter(Boolean).join('; ');
      return { form, estimate, interval: closed, method: o.method, n, degenerate: false, ...(note ? { note } : {}) };
    }
  }
  const { interval, undefinedShare } = bootstrap([baseline, candidate], change, o);
  const note = interval === undefined ? `relative change undefined in ${(undefinedShare * 100).toFixed(0)} % of resamples (baseline median 0)` : singleRunNote(n.baseline, n.candidate);
  return { form, estimate, interval, method: 'bootstrap-median', n, degenerate: false, ...(note ? { note } : {}) };
}

function levelNote(reached: number, wanted: number): string | undefined {
  return reached + 1e-9 < wanted ? `too few runs for a ${Math.round(wanted * 100)} % interval: this one covers ${(reached * 100).toFixed(1)} %` : undefined;
}

/** The rank interval of the change (on logs for a relative one when every value is positive). */
function rankChange(baseline: readonly number[], candidate: readonly number[], form: ChangeForm, level: number): Interval {
  if (form === 'delta') {
    const { low, high, coverage } = shiftInterval(baseline, candidate, level);
    return { low, high, level: coverage };
  }
  if (!allPositive(baseline, candidate)) return overBaselineMedian(shiftInterval(baseline, candidate, level), baseline);
  const { low, high, coverage } = shiftInterval(baseline.map(Math.log), candidate.map(Math.log), level);
  return { low: (Math.exp(low) - 1) * 100, high: (Math.exp(high) - 1) * 100, level: coverage };
}

function allPositive(baseline: readonly number[], candidate: readonly number[]): boolean {
  return [...baseline, ...candidate].every((v) => v > 0);
}

/**
 * A relative change whose runs hold a 0 (a stage's CPU % over one empty sample, an absent stage's
 * wall time) has no logarithm: the interval of the raw shift, in percent of the baseline's median.
 * The median's own noise is left out; it matters little near a change of 0, where verdicts are close.
 */
function overBaselineMedian(shift: { low: number; high: number; coverage: number }, baseline: readonly number[]): Interval {
  const scale = Math.abs(median(baseline));
  return { low: (shift.low / scale) * 100, high: (shift.high / scale) * 100, level: shift.coverage };
}

const RAW_SHIFT_NOTE = 'a run holds 0 or less: interval of the raw shift over the baseline median';

/** Welch's interval of the change (of logs for a relative one when every value is positive); undefined without spread. */
function welchChange(baseline: readonly number[], candidate: readonly number[], form: ChangeForm, level: number): Interval | undefined {
  if (form === 'delta') {
    const t = welchInterval(baseline, candidate, level);
    return t && { low: t.low, high: t.high, level: t.coverage };
  }
  if (!allPositive(baseline, candidate)) {
    const raw = welchInterval(baseline, candidate, level);
    return raw && overBaselineMedian(raw, baseline);
  }
  const t = welchInterval(baseline.map(Math.log), candidate.map(Math.log), level);
  return t && { low: (Math.exp(t.low) - 1) * 100, high: (Math.exp(t.high) - 1) * 100, level: t.coverage };
}

/** The candidate's median with an interval of its centre (order statistics by default), for absolute bounds (`<= 650MB`). */
export function valueInterval(candidate: readonly number[], options: IntervalOptions = {}): Estimate {
  checkValues(candidate, 'candidate');
  const o = resolved(options);
  const n = { baseline: 0, candidate: candidate.length };
  const estimate = median(candidate);
  if (candidate.length === 1) {
    return { form: 'value', estimate, interval: undefined, method: 'point', n, degenerate: false, note: SINGLE_RUN_NOTE };
  }
  if (allEqual(candidate)) {
    return {
      form: 'value',
      estimate,
      interval: { low: estimate, high: estimate, level: o.level },
      method: o.method,
      n,
      degenerate: true,
      note: 'every candidate run gave the same value: zero spread',
    };
  }
  const closed = o.method === 'rank-shift' ? medianInterval(candidate, o.level) : o.method === 'welch-t' ? meanInterval(candidate, o.level) : undefined;
  if (closed) {
    const { low, high, coverage } = closed;
    const note = levelNote(coverage, o.level);
    return { form: 'value', estimate, interval: { low, high, level: coverage }, method: o.method, n, degenerate: false, ...(note ? { note } : {}) };
  }
  const { interval } = bootstrap([candidate], (m) => m[0], o);
  return { form: 'value', estimate, interval, method: 'bootstrap-median', n, degenerate: false };
}
