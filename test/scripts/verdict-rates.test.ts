import { describe, expect, it } from 'vitest';
import { countGates, mulberry32, noise, runsNeeded, shuffled, sumTallies, wilson } from '../../scripts/bench/verdict-rates.mjs';
import { evaluateGate } from '../../src/compare/verdicts/gate.js';
import { nextConfirmation } from '../../src/compare/verdicts/confirm.js';
import { parseInlineThresholds } from '../../src/compare/grammar/thresholds/index.js';
import { STAGED_PROFILE } from '../helpers/fixtures.js';
import { tempDir, wallRepeats } from '../compare/helpers.js';

describe('bench:verdict helpers', () => {
  it('Wilson interval: published values', () => {
    // 0 of 10: upper 1.96² / (10 + 1.96²) = 0.2775; 5 of 10: 0.2366 … 0.7634.
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 10)[1]).toBeCloseTo(0.2775, 4);
    expect(wilson(5, 10)[0]).toBeCloseTo(0.2366, 4);
    expect(wilson(5, 10)[1]).toBeCloseTo(0.7634, 4);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });

  it('runs needed by the normal approximation, never below 3', () => {
    // margin ln 1.151 − ln 1.05 = 0.0918; 2·((1.96 + 1.645)·0.0625 / 0.0918)² / (3/π) = 12.6.
    expect(runsNeeded({ sdLog: 0.0625, shiftPct: 15.1, boundPct: 5 })).toBe(13);
    expect(runsNeeded({ sdLog: 0.0056, shiftPct: 9.9, boundPct: 5 })).toBe(3);
    expect(runsNeeded({ sdLog: 0.01, shiftPct: 4, boundPct: 5 })).toBeUndefined();
  });

  it('noise: CV and SD of the logs', () => {
    const n = noise([9, 10, 11]);
    expect(n.mean).toBe(10);
    expect(n.cv_pct).toBeCloseTo(10, 12);
    expect(n.sd_log).toBeCloseTo(0.10038, 5);
  });

  it('shuffles deterministically for a seed, keeping every element', () => {
    const a = shuffled([1, 2, 3, 4, 5, 6], mulberry32(7));
    expect(shuffled([1, 2, 3, 4, 5, 6], mulberry32(7))).toEqual(a);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('counts the real gate on disjoint draws: A/A noise stays inside +5 %, a 20 % slowdown is caught', () => {
    const dir = tempDir('og-bench-rates-');
    const spec = parseInlineThresholds('thresholds:\n  profile.totals.wall_time_s: "<= +5%"\n');
    const a = wallRepeats(STAGED_PROFILE, dir, 'a', [1, 1.01, 0.99, 1.005, 0.995, 1.002, 0.998, 1.008, 0.992, 1]);
    const slow = wallRepeats(STAGED_PROFILE, dir, 's', [1.2, 1.21, 1.19, 1.205, 1.195]);
    const aa = countGates({ evaluateGate, spec, baselinePool: a, n: 5, draws: 20, method: 'rank-shift', random: mulberry32(1) });
    expect(aa.gates).toEqual({ total: 20, anyFalseFail: 0, confirmed: 0, rounds: 0 });
    expect(sumTallies(aa.perMetric, () => true)).toMatchObject({ pass: 20, fail: 0, total: 20 });
    const ab = countGates({
      evaluateGate,
      spec,
      baselinePool: a,
      candidatePool: { runs: slow, affected: ['profile.totals.wall_time_s'] },
      n: 5,
      draws: 20,
      method: 'rank-shift',
      random: mulberry32(2),
    });
    expect(ab.perMetric['profile.totals.wall_time_s']).toMatchObject({ fail: 20, affected: true });
    // An affected metric's fail is a detection, not a false fail.
    expect(ab.gates.anyFalseFail).toBe(0);
  });

  it('with confirm, adds runs per side by the product rule while a guardrail is inconclusive, up to maxExtra', () => {
    const dir = tempDir('og-bench-confirm-');
    const a = wallRepeats(STAGED_PROFILE, dir, 'a', [1, 1.02, 0.98, 1.01, 0.99, 1.015, 0.985, 1.005, 0.995, 1]);
    // A 2 % margin over ±2 % noise: inconclusive at 3 runs, decidable in a few more.
    const noMargin = parseInlineThresholds('thresholds:\n  profile.totals.wall_time_s: "<= +2%"\n');
    const confirm = { nextConfirmation, maxExtra: 2 };
    const aa = countGates({ evaluateGate, spec: noMargin, baselinePool: a, n: 3, draws: 30, method: 'rank-shift', random: mulberry32(3), confirm });
    // A/A close to the bound is often inconclusive: those gates confirm, none beyond 2 rounds.
    expect(aa.gates.confirmed).toBeGreaterThan(5);
    expect(aa.gates.rounds).toBeGreaterThanOrEqual(aa.gates.confirmed);
    expect(aa.gates.rounds).toBeLessThanOrEqual(2 * aa.gates.confirmed);
    const wide = parseInlineThresholds('thresholds:\n  profile.totals.wall_time_s: "<= +50%"\n');
    expect(countGates({ evaluateGate, spec: wide, baselinePool: a, n: 3, draws: 10, method: 'rank-shift', random: mulberry32(4), confirm }).gates).toMatchObject({ confirmed: 0, rounds: 0 });
  });
});
