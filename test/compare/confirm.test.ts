import { describe, expect, it } from 'vitest';
import { confirmationNote, nextConfirmation } from '../../src/compare/verdicts/confirm.js';
import { evaluateGate, type GateResult } from '../../src/compare/verdicts/gate.js';
import type { MeasuredRun } from '../../src/compare/types.js';
import type { ThresholdSpec } from '../../src/compare/grammar/thresholds/types.js';
import { STAGED_PROFILE } from '../helpers/fixtures.js';
import { profileCopy, run, side, tempDir, threshold, wallRepeats } from './helpers.js';

const dir = tempDir('og-confirm-');
// Same code both sides, ±2 % noise on the total wall time: a 0 % bound is inside the noise.
const base = wallRepeats(STAGED_PROFILE, dir, 'b', [1, 1.02, 0.985, 1.01, 0.995]);
const cand = wallRepeats(STAGED_PROFILE, dir, 'c', [0.99, 1.015, 1.005, 0.98, 1.02]);
const WALL = 'profile.totals.wall_time_s';
const RSS = 'profile.totals.peak_rss_mb';

function gate(thresholds: ThresholdSpec['thresholds'], b: MeasuredRun[] = base, c: MeasuredRun[] = cand, failedRuns: string[] = []): GateResult {
  return evaluateGate({ thresholds, problems: [] }, side('baseline', ...b), side('candidate', ...c), { failOn: 'reject', failedRuns });
}

describe('nextConfirmation', () => {
  it('confirms while a guardrail is inconclusive, up to the number allowed', () => {
    // 97 % CI [-2.94 %, +2.51 %]; about 18 runs per side would decide it: within 3 × the runs reachable.
    const result = gate([threshold(WALL, '<= +2%'), threshold(RSS, '<= +10%')]);
    expect(result.thresholds.map((t) => t.verdict)).toEqual(['inconclusive', 'pass']);
    expect(result.thresholds[0]?.toDecide).toEqual({ runs: 18, futile: false });
    expect(nextConfirmation(result, 0, 2)).toMatchObject({ confirm: true, why: `1 guardrail(s) inconclusive: ${WALL}` });
    expect(nextConfirmation(result, 1, 2).confirm).toBe(true);
    expect(nextConfirmation(result, 2, 2)).toMatchObject({ confirm: false, why: `confirm-runs used up (2 of 2); still inconclusive: ${WALL}` });
    expect(nextConfirmation(result, 0, 0)).toMatchObject({ confirm: false, why: 'confirm-runs is 0' });
  });

  it('does not confirm when the rounds left would likely not decide it at the spread seen', () => {
    // No margin: the change sits near the bound, more than 50 runs per side would be needed.
    const noMargin = gate([threshold(WALL, '<= 0%')]);
    expect(noMargin.thresholds[0]).toMatchObject({ verdict: 'inconclusive', toDecide: { runs: undefined, futile: true } });
    expect(nextConfirmation(noMargin, 0, 5)).toMatchObject({
      confirm: false,
      why: `the 5 rounds left would likely not decide the inconclusive guardrail(s) (runs per side needed at the spread seen: ${WALL} more than 50)`,
    });
    // 39 runs per side at +1.5 %: beyond 3 × (5 + 5) = 30 with 5 rounds left, within 3 × (5 + 10) with 10.
    const far = gate([threshold(WALL, '<= +1.5%')]);
    expect(far.thresholds[0]?.toDecide).toEqual({ runs: 39, futile: false });
    expect(nextConfirmation(far, 0, 5).confirm).toBe(false);
    expect(nextConfirmation(far, 0, 10).confirm).toBe(true);
  });

  it('does not confirm for an inconclusive target, or when nothing is inconclusive', () => {
    const target = gate([threshold(WALL, '<= +2%', 'target')]);
    expect(target.thresholds[0]?.verdict).toBe('inconclusive');
    expect(nextConfirmation(target, 0, 3)).toMatchObject({ confirm: false, undecided: [], why: 'no guardrail is inconclusive' });
    expect(nextConfirmation(gate([threshold(WALL, '<= +10%')]), 0, 3).confirm).toBe(false);
  });

  it('does not confirm when the gate rejects already (a failed guardrail, a failed run)', () => {
    const failing = gate([threshold(WALL, '<= +2%'), threshold(WALL, '<= -30%')]);
    expect(failing.thresholds.map((t) => t.verdict)).toEqual(['inconclusive', 'fail']);
    expect(nextConfirmation(failing, 0, 3)).toMatchObject({ confirm: false, why: 'the gate rejects already: more runs would not change the decision' });
    const crashed = gate([threshold(WALL, '<= +2%')], base, cand, ['candidate: run 2: failed (exit code 1)']);
    expect(crashed.decision).toBe('reject');
    expect(nextConfirmation(crashed, 0, 3).confirm).toBe(false);
  });

  it('does not confirm an undefined change (relative from a baseline of 0): no number of runs defines it', () => {
    // A measured 0 (not a memory reading: 0 MiB would be a "no sample" marker, never compared).
    const zero = (name: string) =>
      run(
        profileCopy(STAGED_PROFILE, dir, name, (doc) => {
          doc.totals.wall_time_s = 0;
        }),
      );
    const result = gate([threshold(WALL, '<= +10%')], [zero('z1'), zero('z2')], [zero('z3'), zero('z4')]);
    expect(result.thresholds[0]?.verdict).toBe('inconclusive');
    expect(nextConfirmation(result, 0, 3)).toMatchObject({
      confirm: false,
      undecided: [],
      why: `no more runs can decide the inconclusive guardrail(s) ${WALL} (undefined change)`,
    });
  });
});

describe('confirmation in the gate result', () => {
  it('says how many rounds were measured, and the repeat note counts them', () => {
    const spec: ThresholdSpec = { thresholds: [threshold(WALL, '<= 0%')], problems: [], repeat: 3 };
    const result = evaluateGate(spec, side('baseline', ...base), side('candidate', ...cand), {
      failOn: 'reject',
      confirmation: { rounds: 2, allowed: 4, candidateOnly: false },
    });
    // 3 planned + 2 confirmation runs per side = the 5 given: no "the issue asks for repeat" note.
    expect(result.notes).toEqual(['2 confirmation rounds (2 more runs per side, interleaved) added because a guardrail was inconclusive (confirm-runs: 4)']);
    const stored = evaluateGate(spec, side('baseline', ...base.slice(0, 3)), side('candidate', ...cand.slice(0, 4)), {
      failOn: 'reject',
      confirmation: { rounds: 1, allowed: 2, candidateOnly: true },
    });
    expect(stored.notes).toEqual(["1 confirmation round (1 more candidate run; the stored baseline's runs are fixed) added because a guardrail was inconclusive (confirm-runs: 2)"]);
    expect(confirmationNote({ rounds: 0, allowed: 2, candidateOnly: false })).toBeUndefined();
  });
});
