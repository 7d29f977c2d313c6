import { describe, expect, it } from 'vitest';
import { changeInterval, median, SINGLE_RUN_NOTE, seededRandom, valueInterval } from '../../src/compare/statistics/stats.js';
import { InternalError } from '../../src/errors.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(InternalError);
  });
});

describe('seeded PRNG', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});

describe('changeInterval', () => {
  it('one run per side: point estimate, no interval, says so', () => {
    const e = changeInterval([40.3144], [21.5184], 'relative');
    expect(e.estimate).toBeCloseTo(-46.6235, 3);
    expect(e.interval).toBeUndefined();
    expect(e.method).toBe('point');
    expect(e.note).toBe(SINGLE_RUN_NOTE);
  });

  it('delta form is candidate minus baseline in the metric unit', () => {
    expect(changeInterval([0.3140222928030686], [0.3328839242681311], 'delta').estimate).toBeCloseTo(0.018862, 5);
  });

  it('relative change from a baseline of 0 is undefined, not Infinity', () => {
    const e = changeInterval([0], [0.5], 'relative');
    expect(e.estimate).toBeUndefined();
    expect(e.interval).toBeUndefined();
    expect(e.note).toMatch(/baseline of 0 is undefined/);
    expect(changeInterval([0, 0, 0], [0, 0, 0], 'relative').estimate).toBeUndefined();
  });

  it('identical repeats give a zero-width interval (degenerate)', () => {
    const e = changeInterval([10, 10, 10], [10, 10, 10], 'relative');
    expect(e.estimate).toBe(0);
    expect(e.interval).toEqual({ low: 0, high: 0, level: 0.95 });
    expect(e.degenerate).toBe(true);
  });

  it('is deterministic: the same input gives the same interval', () => {
    const base = [40.1, 40.9, 39.7, 41.2, 40.4];
    const cand = [21.3, 22.0, 21.6, 20.9, 21.8];
    const a = changeInterval(base, cand, 'relative');
    const b = changeInterval(base, cand, 'relative');
    expect(a).toEqual(b);
    expect(a.interval!.low).toBeLessThan(a.estimate!);
    expect(a.interval!.high).toBeGreaterThan(a.estimate!);
    // Medians 40.4 → 21.6: -46.5 %; every resample stays far below -40 %.
    expect(a.estimate).toBeCloseTo(((21.6 - 40.4) / 40.4) * 100, 6);
    expect(a.interval!.high).toBeLessThan(-40);
    expect(a.interval!.low).toBeGreaterThan(-50);
  });

  it('widens with noise: overlapping sides straddle zero', () => {
    const e = changeInterval([100, 104, 96, 102, 98], [101, 97, 103, 99, 100], 'relative');
    expect(e.interval!.low).toBeLessThan(0);
    expect(e.interval!.high).toBeGreaterThan(0);
  });

  it('one side with a single run still gets an interval, with a note', () => {
    const e = changeInterval([100], [90, 92, 94], 'delta');
    expect(e.estimate).toBe(-8);
    expect(e.interval!.low).toBeGreaterThanOrEqual(-10);
    expect(e.interval!.high).toBeLessThanOrEqual(-6);
    expect(e.note).toMatch(/baseline is a single run/);
  });

  it('relative with a 0 among the runs: the rank interval of the raw shift over the baseline median', () => {
    // Differences 1 − 0 (×3) and 1 − 5 (×6): at 3 + 3 runs the extremes, −4 … +1, over the median 5.
    const e = changeInterval([0, 5, 5], [1, 1, 1], 'relative');
    expect(e.method).toBe('rank-shift');
    expect(e.estimate).toBe(-80);
    expect(e.interval).toEqual({ low: -80, high: 20, level: 0.9 });
    expect(e.note).toBe('a run holds 0 or less: interval of the raw shift over the baseline median; too few runs for a 95 % interval: this one covers 90.0 %');
  });

  it('the bootstrap gives no interval when too many resampled baseline medians are 0', () => {
    const e = changeInterval([0, 5, 5], [1, 1, 1], 'relative', { method: 'bootstrap-median' });
    expect(e.estimate).toBe(-80);
    expect(e.interval).toBeUndefined();
    expect(e.note).toMatch(/undefined in \d+ % of resamples/);
  });

  it('refuses non-finite values and bad options (they are bugs upstream)', () => {
    expect(() => changeInterval([Number.NaN], [1], 'delta')).toThrow(InternalError);
    expect(() => changeInterval([], [1], 'delta')).toThrow(InternalError);
    expect(() => changeInterval([1, 2], [1, 2], 'delta', { level: 1.5 })).toThrow(InternalError);
  });

  it('honours the confidence level: 80 % is narrower than 99 %', () => {
    const base = [10, 11, 9, 12, 8, 10.5];
    const cand = [11, 12, 10, 13, 9, 11.5];
    const narrow = changeInterval(base, cand, 'delta', { level: 0.8 }).interval!;
    const wide = changeInterval(base, cand, 'delta', { level: 0.99 }).interval!;
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
});

describe('interval methods on the same small sample', () => {
  const base = [100, 102, 98];
  const cand = [110, 112, 108];

  it('rank-shift (default), relative: between the smallest and largest of the 9 ratios, 90 % (the most 3 + 3 runs can back)', () => {
    const e = changeInterval(base, cand, 'relative');
    expect(e.method).toBe('rank-shift');
    expect(e.estimate).toBeCloseTo(((110 - 100) / 100) * 100, 12);
    expect(e.interval!.low).toBeCloseTo((108 / 102 - 1) * 100, 10);
    expect(e.interval!.high).toBeCloseTo((112 / 98 - 1) * 100, 10);
    expect(e.interval!.level).toBeCloseTo(0.9, 12);
    expect(e.note).toBe('too few runs for a 95 % interval: this one covers 90.0 %');
  });

  it('welch-t, relative: Welch on the logs (df 3.96), back to percent (as scipy)', () => {
    const e = changeInterval(base, cand, 'relative', { method: 'welch-t' });
    expect(e.method).toBe('welch-t');
    expect(e.interval!.low).toBeCloseTo(5.321267153, 8);
    expect(e.interval!.high).toBeCloseTo(14.89189738, 8);
    expect(e.interval!.level).toBe(0.95);
    expect(e.note).toBeUndefined();
  });

  it('welch-t with a 0 in a relative change: Welch on the raw values over the baseline median (df 2.16, as scipy)', () => {
    const e = changeInterval([0, 5, 5], [1, 1, 2], 'relative', { method: 'welch-t' });
    expect(e.method).toBe('welch-t');
    expect(e.interval!.low).toBeCloseTo(-176.368876022, 7);
    expect(e.interval!.high).toBeCloseTo(96.368876022, 7);
    expect(valueInterval([640, 644, 648, 650, 642], { method: 'welch-t' }).interval!.low).toBeCloseTo(639.650461464, 8);
  });
});

describe('valueInterval', () => {
  it('bootstraps the candidate median for absolute bounds', () => {
    expect(valueInterval([644]).interval).toBeUndefined();
    expect(valueInterval([644]).estimate).toBe(644);
    const e = valueInterval([640, 644, 648, 650, 642]);
    expect(e.estimate).toBe(644);
    expect(e.interval!.low).toBeGreaterThanOrEqual(640);
    expect(e.interval!.high).toBeLessThanOrEqual(650);
    expect(valueInterval([5, 5]).degenerate).toBe(true);
  });
});
