import { describe, expect, it } from 'vitest';
import { pooledSd, runsToDecide } from '../../src/compare/statistics/runs-needed.js';
import { changeInterval, valueInterval, type Estimate } from '../../src/compare/statistics/stats.js';
import { metricUnit } from '../../src/compare/grammar/units.js';

describe('pooledSd', () => {
  it('pools the sides with two or more values', () => {
    expect(
      pooledSd([
        [10, 11, 12],
        [12, 13, 14],
      ]),
    ).toBe(1);
    expect(pooledSd([[5], [1, 3]])).toBeCloseTo(Math.SQRT2, 12);
    expect(pooledSd([[5], [7]])).toBeUndefined();
  });
});

describe('runsToDecide', () => {
  it('relative: from the pooled SD of the logs and the distance to the bound, for the rank method', () => {
    const baseline = [100, 104, 96, 102, 98];
    const candidate = [103, 107, 99, 105, 101];
    const e = changeInterval(baseline, candidate, 'relative');
    // SD of logs 0.03118, distance |ln 1.03 − ln 1.05| = 0.01923: 2·(2.8016·0.03118/0.01923)² / (3/π) = 43.2.
    expect(runsToDecide(e, 5, { baseline, candidate })).toEqual({
      runs: 44,
      text: 'about 44 runs per side would likely decide it at the spread seen (SD 3.1 %; rough estimate)',
    });
    // A bound further away needs fewer: |ln 1.08 − ln 1.03| = 0.0474 → 7.1 → 8; never fewer than one more than now.
    expect(runsToDecide(e, 8, { baseline, candidate }).runs).toBe(8);
    expect(runsToDecide(e, 30, { baseline, candidate }).runs).toBe(6);
  });

  it('delta: in the metric unit; the t method needs no efficiency correction', () => {
    const baseline = [10, 11, 12];
    const candidate = [12, 13, 14];
    const rank = changeInterval(baseline, candidate, 'delta');
    const welch = changeInterval(baseline, candidate, 'delta', { method: 'welch-t' });
    // SD 1, distance 1.5: 2·(2.8016/1.5)² = 6.98 → 7 (t); / (3/π) = 7.31 → 8 (rank).
    expect(runsToDecide(welch, 3.5, { baseline, candidate }).runs).toBe(7);
    expect(runsToDecide(rank, 3.5, { baseline, candidate }, metricUnit('profile.totals.wall_time_s')).text).toBe(
      'about 8 runs per side would likely decide it at the spread seen (SD 1 s; rough estimate)',
    );
  });

  it('an absolute bound counts candidate runs; beyond 50 it gives no number', () => {
    const candidate = [640, 644, 648, 650, 642];
    const e = valueInterval(candidate);
    // SD 4.147, distance 2, median efficiency 2/π: 53 runs.
    expect(runsToDecide(e, 646, { baseline: [], candidate })).toEqual({
      runs: undefined,
      futile: true,
      text: 'deciding it would take more than 50 candidate runs at the spread seen (SD 4.147288)',
    });
  });

  it('says when the change sits on the bound, and gives no number without spread or interval', () => {
    const e = changeInterval([100, 104, 96, 102, 98], [103, 107, 99, 105, 101], 'relative');
    expect(runsToDecide(e, e.estimate!, { baseline: [], candidate: [] }).text).toBe('the change sits on the bound itself: more runs will not decide it');
    const single: Estimate = { ...e, interval: undefined };
    expect(runsToDecide(single, 5, { baseline: [100], candidate: [103] })).toEqual({ runs: undefined, text: 'more runs would decide it' });
    expect(runsToDecide(e, 5, { baseline: [0, 1], candidate: [1, 2] }).text).toBe('more runs would decide it');
  });
});
