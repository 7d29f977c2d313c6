import { describe, expect, it } from 'vitest';
import { decide, passesFailOn, verdictCounts, type Decision, type FailOn, type Verdict, type VerdictInput } from '../../src/compare/verdicts/decision.js';
import type { ThresholdKind } from '../../src/compare/grammar/thresholds/types.js';

const VERDICTS: Verdict[] = ['pass', 'fail', 'inconclusive', 'missing'];
const KINDS: ThresholdKind[] = ['guardrail', 'target'];

function v(kind: ThresholdKind, verdict: Verdict, optional = false, metric = `m.${kind}.${verdict}`): VerdictInput {
  return { metric, kind, optional, verdict, summary: `${verdict} summary` };
}

/** The decision table of src/compare/verdicts/decision.ts for one threshold: what the decision must be. */
function expected(kind: ThresholdKind, verdict: Verdict, optional: boolean): Decision {
  if (verdict === 'pass') return 'ship';
  // Ignored, and nothing else was judged: a gate that judged nothing does not ship.
  if (verdict === 'missing' && optional) return 'iterate';
  if (verdict === 'inconclusive') return 'iterate';
  return kind === 'guardrail' ? 'reject' : 'iterate';
}

describe('decision table: one threshold, every kind × verdict × optional', () => {
  for (const kind of KINDS) {
    for (const verdict of VERDICTS) {
      for (const optional of [false, true]) {
        const want = expected(kind, verdict, optional);
        it(`${kind} ${verdict}${optional ? ' (optional)' : ''} → ${want}`, () => {
          const outcome = decide({ verdicts: [v(kind, verdict, optional)], failedRuns: [], blockers: [] });
          expect(outcome.decision).toBe(want);
          expect(outcome.reasons.length > 0).toBe(want !== 'ship');
        });
      }
    }
  }
});

describe('decision table: combinations', () => {
  it('a failing guardrail rejects whatever the targets do', () => {
    for (const target of VERDICTS) {
      expect(decide({ verdicts: [v('target', target), v('guardrail', 'fail')], failedRuns: [], blockers: [] }).decision).toBe('reject');
    }
  });

  it('a missing guardrail rejects; an optional missing guardrail does not', () => {
    expect(decide({ verdicts: [v('guardrail', 'missing'), v('target', 'pass')], failedRuns: [], blockers: [] }).decision).toBe('reject');
    expect(decide({ verdicts: [v('guardrail', 'missing', true), v('target', 'pass')], failedRuns: [], blockers: [] }).decision).toBe('ship');
  });

  it('inconclusive guardrail + passing target iterates; failing target + passing guardrails iterates', () => {
    expect(decide({ verdicts: [v('guardrail', 'inconclusive'), v('target', 'pass')], failedRuns: [], blockers: [] }).decision).toBe('iterate');
    expect(decide({ verdicts: [v('guardrail', 'pass'), v('target', 'fail')], failedRuns: [], blockers: [] }).decision).toBe('iterate');
    expect(decide({ verdicts: [v('guardrail', 'pass'), v('target', 'missing')], failedRuns: [], blockers: [] }).decision).toBe('iterate');
  });

  it('uncounted results alone iterate: nothing was judged', () => {
    const outcome = decide({ verdicts: [v('guardrail', 'missing', true), { ...v('guardrail', 'missing'), counts: false }], failedRuns: [], blockers: [] });
    expect(outcome).toEqual({ decision: 'iterate', reasons: ['none of the 2 threshold results could be judged (all optional and missing, or not measured)'] });
    expect(decide({ verdicts: [{ ...v('guardrail', 'missing'), counts: false }, v('target', 'pass')], failedRuns: [], blockers: [] }).decision).toBe('ship');
  });

  it('an optional inconclusive still iterates (only optional + missing is ignored)', () => {
    expect(decide({ verdicts: [v('guardrail', 'inconclusive', true)], failedRuns: [], blockers: [] }).decision).toBe('iterate');
    expect(verdictCounts({ optional: true, verdict: 'inconclusive' })).toBe(true);
    expect(verdictCounts({ optional: true, verdict: 'missing' })).toBe(false);
  });

  it('a failed run or a blocker rejects even when every threshold passes, and says why first', () => {
    const failed = decide({ verdicts: [v('guardrail', 'pass'), v('target', 'fail')], failedRuns: ['candidate c.yaml (status failed)'], blockers: [] });
    expect(failed.decision).toBe('reject');
    expect(failed.reasons[0]).toBe('measured run failed: candidate c.yaml (status failed)');
    expect(failed.reasons[1]).toMatch(/^target m.target.fail failed/);
    const blocked = decide({ verdicts: [v('guardrail', 'pass')], failedRuns: [], blockers: ['threshold problem'] });
    expect(blocked).toEqual({ decision: 'reject', reasons: ['threshold problem'] });
  });

  it('no verdicts at all and no blockers is ship (the gate adds the "no thresholds" blocker itself)', () => {
    expect(decide({ verdicts: [], failedRuns: [], blockers: [] }).decision).toBe('ship');
  });
});

describe('passesFailOn', () => {
  const table: Array<[FailOn, Decision, boolean]> = [
    ['reject', 'ship', true],
    ['reject', 'iterate', true],
    ['reject', 'reject', false],
    ['iterate', 'ship', true],
    ['iterate', 'iterate', false],
    ['iterate', 'reject', false],
    ['never', 'ship', true],
    ['never', 'iterate', true],
    ['never', 'reject', true],
  ];
  for (const [failOn, decision, passes] of table) {
    it(`fail-on ${failOn}, decision ${decision} → ${passes ? 'passes' : 'fails'}`, () => {
      expect(passesFailOn(decision, failOn)).toBe(passes);
    });
  }
});
