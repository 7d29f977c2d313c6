import { describe, expect, it } from 'vitest';
import { meanInterval, studentTCdf, studentTQuantile, welchInterval } from '../../src/compare/statistics/t-interval.js';
import { InternalError } from '../../src/errors.js';

describe('Student t', () => {
  it('matches the published quantiles (and scipy.stats.t.ppf to 1e-9), fractional df included', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736, 8);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776445105, 9);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138852, 9);
    expect(studentTQuantile(0.95, 2)).toBeCloseTo(2.91998558, 9);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032142984, 9);
    expect(studentTQuantile(0.975, 3.2347)).toBeCloseTo(3.055721853, 9);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.962339081, 9);
  });

  it('has a symmetric CDF around 0 and refuses impossible arguments', () => {
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(-2.776445105, 4)).toBeCloseTo(0.025, 9);
    expect(studentTCdf(2.776445105, 4)).toBeCloseTo(0.975, 9);
    expect(() => studentTQuantile(0.3, 4)).toThrow(InternalError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(InternalError);
  });
});

describe('Welch interval', () => {
  it('of [10, 12, 14] → [20, 21, 22, 23]: shift 9.5, Welch df 3.2347, half-width 4.0423 (as scipy)', () => {
    const t = welchInterval([10, 12, 14], [20, 21, 22, 23], 0.95)!;
    expect(t.low).toBeCloseTo(5.457672045, 8);
    expect(t.high).toBeCloseTo(13.542327955, 8);
    expect(t.coverage).toBe(0.95);
  });

  it('a single-run side adds no variance; no spread at all gives no interval', () => {
    // Only the candidate's variance (1, n 3): 2 ± t(0.975, 2) · √(1/3).
    const t = welchInterval([10], [11, 12, 13], 0.95)!;
    expect(t.low).toBeCloseTo(2 - 4.30265273 * Math.sqrt(1 / 3), 8);
    expect(t.high).toBeCloseTo(2 + 4.30265273 * Math.sqrt(1 / 3), 8);
    expect(welchInterval([5, 5], [6, 6], 0.95)).toBeUndefined();
  });

  it('one-sample interval of the mean', () => {
    const t = meanInterval([640, 644, 648, 650, 642], 0.95)!;
    expect(t.low).toBeCloseTo(639.650461464, 8);
    expect(t.high).toBeCloseTo(649.949538536, 8);
    expect(meanInterval([3, 3, 3], 0.95)).toBeUndefined();
  });
});
