import { describe, expect, it } from 'vitest';
import { mannWhitneyCdf, medianInterval, shiftInterval } from '../../src/compare/statistics/rank-interval.js';

describe('exact Mann–Whitney distribution', () => {
  it('matches the published tables', () => {
    // n = m = 3: 20 arrangements, P(U = 0) = 1/20, P(U <= 1) = 2/20, P(U <= 2) = 4/20.
    const three = mannWhitneyCdf(3, 3);
    expect(three.slice(0, 3)).toEqual([0.05, 0.1, 0.2]);
    expect(three.at(-1)).toBeCloseTo(1, 12);
    // n = m = 5: 252 arrangements; P(U <= 2) = 4/252 = 0.0159, P(U <= 3) = 7/252 = 0.0278 (critical value 2 at 5 %).
    const five = mannWhitneyCdf(5, 5);
    expect(five[2]).toBeCloseTo(4 / 252, 12);
    expect(five[3]).toBeCloseTo(7 / 252, 12);
    // Symmetric: P(U <= u) = P(U >= nm − u).
    expect(1 - (five[21] as number)).toBeCloseTo(five[3] as number, 12);
    expect(mannWhitneyCdf(1, 4)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('shift interval', () => {
  it('at 5 + 5 runs, 95 %: from the 3rd smallest to the 3rd largest of 25 differences (coverage 96.8 %)', () => {
    const base = [10, 11, 12, 13, 14];
    const cand = [20, 21, 22, 23, 24];
    const interval = shiftInterval(base, cand, 0.95);
    // Differences range 6 … 14; sorted: 6, 7, 7, 8, 8, 8, … the 3rd smallest is 7, the 3rd largest 13.
    expect(interval).toEqual({ low: 7, high: 13, coverage: 1 - 8 / 252 });
  });

  it('at 3 + 3 runs 95 % is out of reach: the widest interval, with its real 90 % coverage', () => {
    const interval = shiftInterval([1, 2, 3], [2, 4, 6], 0.95);
    expect(interval).toEqual({ low: -1, high: 5, coverage: 0.9 });
  });

  it('median interval of 5 values at 90 %: min to max (93.75 %)', () => {
    expect(medianInterval([5, 1, 4, 2, 3], 0.9)).toEqual({ low: 1, high: 5, coverage: 1 - 2 / 32 });
    // 10 values at 95 %: P(Bin(10, ½) <= 1) = 11/1024 <= 0.025 → 2nd to 9th (97.9 %).
    expect(medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toEqual({ low: 2, high: 9, coverage: 1 - 22 / 1024 });
  });
});
