import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateGate, type GateResult, type ThresholdResult } from '../../src/compare/verdicts/gate.js';
import type { MeasuredRun } from '../../src/compare/types.js';
import type { ThresholdSpec } from '../../src/compare/grammar/thresholds/types.js';
import { ANTHROPIC_PROFILE, BUNDLED_PROFILE, GEMINI_METRICS, NER_EVAL_DIR, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, PIPELINE_METRICS_SKELETON, STAGED_PROFILE } from '../helpers/fixtures.js';
import { evalCopy, profileCopy, run, side, tempDir, threshold, wallRepeats } from './helpers.js';

const staged = run(STAGED_PROFILE, OPENAI_EVAL_DIR);
const bundled = run(BUNDLED_PROFILE, OLLAMA_EVAL_DIR);

function gate(thresholds: ThresholdSpec['thresholds'], base: MeasuredRun[], cand: MeasuredRun[], extra: Partial<ThresholdSpec> = {}): GateResult {
  return evaluateGate({ thresholds, problems: [], ...extra }, side('baseline', ...base), side('candidate', ...cand), { failOn: 'reject' });
}

function only(result: GateResult, metric: string): ThresholdResult {
  const found = result.thresholds.filter((t) => t.metric === metric);
  expect(found).toHaveLength(1);
  return found[0] as ThresholdResult;
}

describe('gate on the issue-477 staged → bundled pair (single runs)', () => {
  it('target: total wall time <= -20 % passes at -46.62 %', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], [staged], [bundled]);
    const t = only(result, 'profile.totals.wall_time_s');
    expect(t.verdict).toBe('pass');
    expect(t.change.value).toBeCloseTo(-46.62, 2);
    expect(t.change.unit).toBe('%');
    expect(t.change.interval).toBeUndefined();
    expect(t.baseline).toEqual({ values: [40.3144], median: 40.3144, n: 1, problems: [] });
    expect(t.candidate.median).toBe(21.5184);
    expect(t.reason).toBe('change -46.6 % meets <= -20% (single run: no noise estimate)');
    expect(result.decision).toBe('ship');
    expect(result.noise).toBe('single run: no noise estimate');
  });

  it('the same rule as -50 % fails and, as a target, iterates', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= -50%', 'target')], [staged], [bundled]);
    expect(only(result, 'profile.totals.wall_time_s').verdict).toBe('fail');
    expect(result.decision).toBe('iterate');
    expect(result.passed).toBe(true);
  });

  it('per-stage peak memory: transcript_cleaning (baseline only) is missing and rejects', () => {
    const result = gate([threshold('profile.stages.*.peak_rss_mb', '<= +10%')], [staged], [bundled]);
    expect(result.thresholds.map((t) => [t.metric.split('.')[2], t.verdict])).toEqual([
      ['speaker_detection', 'pass'],
      ['transcript_cleaning', 'missing'],
      ['summarization', 'pass'],
      ['gi_generation', 'pass'],
      ['kg_extraction', 'pass'],
      ['vector_indexing', 'pass'],
    ]);
    expect(only(result, 'profile.stages.transcript_cleaning.peak_rss_mb').reason).toBe(
      'candidate: stage transcript_cleaning absent in issue477-bundled-gpt4o.yaml: it did not run, so it has no memory or CPU (mark the threshold optional: true if a stage may be removed)',
    );
    expect(result.decision).toBe('reject');
    expect(result.passed).toBe(false);
  });

  it('absolute and delta bounds on peak memory (645 → 644 MiB)', () => {
    const result = gate([threshold('profile.totals.peak_rss_mb', '<= 650'), threshold('profile.totals.peak_rss_mb', '< 644'), threshold('profile.totals.peak_rss_mb', '<= -1')], [staged], [bundled]);
    expect(result.thresholds.map((t) => [t.threshold.rule.text, t.verdict, t.change.value])).toEqual([
      ['<= 650', 'pass', 644],
      ['< 644', 'fail', 644],
      ['<= -1', 'pass', -1],
    ]);
  });

  it('an absolute bound needs only the candidate', () => {
    const result = gate([threshold('truth.run_wall_s', '<= 30')], [run(ANTHROPIC_PROFILE)], [bundled]);
    const t = only(result, 'truth.run_wall_s');
    expect(t.baseline.n).toBe(0);
    expect(t.verdict).toBe('pass');
    expect(result.decision).toBe('ship');
  });

  it('quality and latency of the openai vs ollama eval pair', () => {
    const result = gate(
      [
        threshold('eval.vs_reference.*.rougeL_f1', '>= -0.01'),
        threshold('eval.intrinsic.performance.avg_latency_ms', '<= +10%'),
        threshold('eval.intrinsic.performance.p95_latency_ms', '<= +10%', 'guardrail', { optional: true }),
      ],
      [staged],
      [bundled],
    );
    const rouge = only(result, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1');
    expect(rouge.verdict).toBe('pass');
    expect(rouge.change.value).toBeCloseTo(0.01886, 5);
    const latency = only(result, 'eval.intrinsic.performance.avg_latency_ms');
    expect(latency.verdict).toBe('fail');
    expect(latency.change.value).toBeCloseTo(228.82, 2);
    const p95 = only(result, 'eval.intrinsic.performance.p95_latency_ms');
    expect([p95.verdict, p95.counts]).toEqual(['missing', false]);
    expect(result.decision).toBe('reject');
    expect(result.reasons).toEqual([expect.stringMatching(/^guardrail eval.intrinsic.performance.avg_latency_ms failed: change \+228.8 % breaks <= \+10%/)]);
  });

  it("the NER fixture's nested metrics can be gated", () => {
    const ner = run(STAGED_PROFILE, NER_EVAL_DIR);
    const result = gate([threshold('eval.vs_reference.ner_entities_smoke_gold_v1.entity_set.f1', '>= 0.9')], [ner], [ner]);
    expect(result.thresholds[0]).toMatchObject({ verdict: 'pass', change: { value: 0.9285714285714286, form: 'value' } });
  });
});

describe('never pass on a missing, null or non-numeric value', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'gemini'));
  copyFileSync(GEMINI_METRICS, join(dir, 'gemini', 'metrics.json'));
  const gemini = run(STAGED_PROFILE, join(dir, 'gemini'));
  const numbersRetained = 'eval.vs_reference.silver_sonnet46_benchmark_v2_bullets.numbers_retained';

  it('Gemini numbers_retained: null → missing on every rule form, guardrail rejects', () => {
    for (const rule of ['>= -1%', '>= -0.5', '>= 0']) {
      const result = gate([threshold(numbersRetained, rule)], [gemini], [gemini]);
      expect(result.thresholds[0]?.verdict).toBe('missing');
      expect(result.thresholds[0]?.reason).toContain('is null (not computed)');
      expect(result.decision).toBe('reject');
    }
  });

  it('optional + missing counts as neither', () => {
    const result = gate([threshold(numbersRetained, '>= 0', 'guardrail', { optional: true }), threshold('profile.totals.wall_time_s', '<= 0%')], [gemini], [gemini]);
    expect(result.thresholds.map((t) => [t.verdict, t.counts])).toEqual([
      ['missing', false],
      ['pass', true],
    ]);
    expect(result.decision).toBe('ship');
  });

  it('a string in a reference metric (read from disk) is missing', () => {
    const broken = evalCopy(OPENAI_EVAL_DIR, dir, 'broken', { 'vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1': '0.31' });
    const result = gate([threshold('eval.vs_reference.*.rougeL_f1', '>= -0.01')], [staged], [run(BUNDLED_PROFILE, broken)]);
    expect(result.thresholds[0]).toMatchObject({ verdict: 'missing', reason: expect.stringContaining('is a string "0.31", not a number') as string });
  });

  it('NaN or Infinity in any run of a side is missing, even when the other runs have numbers', () => {
    const nan: MeasuredRun = { ...bundled, label: 'nan.yaml', profile: { ...bundled.profile, totals: { ...bundled.profile.totals, wall_time_s: Number.NaN } } };
    const inf: MeasuredRun = { ...bundled, label: 'inf.yaml', profile: { ...bundled.profile, totals: { ...bundled.profile.totals, wall_time_s: Number.POSITIVE_INFINITY } } };
    for (const bad of [nan, inf]) {
      const result = gate([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], [staged, staged], [bundled, bad]);
      expect(result.thresholds[0]?.verdict).toBe('missing');
      expect(result.thresholds[0]?.candidate.values).toEqual([21.5184, null]);
      expect(result.decision).toBe('iterate');
    }
  });

  it('a pattern that matches nothing is missing, never skipped', () => {
    const result = gate([threshold('eval.vs_reference.*.bleu', '>= -0.01')], [run(STAGED_PROFILE)], [run(BUNDLED_PROFILE)]);
    expect(result.thresholds).toHaveLength(1);
    expect(result.thresholds[0]).toMatchObject({ metric: 'eval.vs_reference.*.bleu', verdict: 'missing', reason: 'no metric matches eval.vs_reference.*.bleu in any run' });
    expect(result.decision).toBe('reject');
  });
});

describe('zeros: the eval_pipeline_metrics skeleton', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'cost'));
  copyFileSync(PIPELINE_METRICS_SKELETON, join(dir, 'cost', 'eval_pipeline_metrics.json'));
  const withCost = run(STAGED_PROFILE, join(dir, 'cost'));

  it('a relative change from a baseline of 0 is inconclusive (iterate), never pass', () => {
    const result = gate([threshold('cost.total_stage_cost_usd', '<= 0%')], [withCost], [withCost]);
    expect(result.thresholds[0]).toMatchObject({ verdict: 'inconclusive', change: { value: undefined } });
    expect(result.thresholds[0]?.reason).toMatch(/baseline of 0 is undefined/);
    expect(result.decision).toBe('iterate');
  });

  it('absolute and delta rules judge zeros', () => {
    const result = gate([threshold('cost.total_stage_cost_usd', '<= 0'), threshold('cost.llm_*_calls', '<= +0')], [withCost], [withCost]);
    expect(result.thresholds[0]?.verdict).toBe('pass');
    // cost.llm_*_calls is not a wildcard segment: `*` must be a whole segment, so it matches nothing literal.
    expect(result.thresholds[1]?.verdict).toBe('missing');
  });
});

describe('repeated runs', () => {
  const dir = tempDir();
  const base = wallRepeats(STAGED_PROFILE, dir, 'b', [1, 1.03, 0.98, 1.01, 0.99]);
  const cand = wallRepeats(BUNDLED_PROFILE, dir, 'c', [1, 1.02, 0.97, 1.04, 0.995]);

  it('compares medians with an exact rank interval; a clear drop passes', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], base, cand);
    const t = only(result, 'profile.totals.wall_time_s');
    expect(t.verdict).toBe('pass');
    expect(t.baseline.n).toBe(5);
    expect(t.baseline.median).toBe(40.3144);
    expect(t.candidate.median).toBe(21.5184);
    expect(t.change.value).toBeCloseTo(-46.62, 2);
    expect(t.change.interval!.low).toBeLessThan(t.change.interval!.high);
    expect(t.change.interval!.high).toBeLessThan(-40);
    // 5 + 5 runs: the 3rd smallest to the 3rd largest of the 25 pairwise ratios, exact coverage 1 − 8/252.
    expect(t.change.level).toBeCloseTo(1 - 8 / 252, 12);
    expect(t.change.method).toBe('rank-shift');
    expect(t.reason).toMatch(/^97 % CI \[-\d+\.\d %, -\d+\.\d %\] entirely meets <= -20%$/);
    expect(result.noise).toMatch(/^5 baseline \/ 5 candidate runs: medians compared; 95 % exact rank interval/);
    // Deterministic: the same runs give the same interval.
    expect(only(gate([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], base, cand), 'profile.totals.wall_time_s').change.interval).toEqual(t.change.interval);
  });

  it('a bound inside the noise is inconclusive', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= -46.6%', 'target')], base, cand);
    expect(only(result, 'profile.totals.wall_time_s').verdict).toBe('inconclusive');
    expect(only(result, 'profile.totals.wall_time_s').reason).toBe(
      '97 % CI [-48.4 %, -44.4 %] contains the bound of <= -46.6%: within the noise; the change sits on the bound itself: more runs will not decide it',
    );
    // A bound near the edge of the interval: the spread of the runs (SD of the logs 2.3 %) and the
    // distance |ln 0.5338 − ln 0.55| = 0.030 say roughly how many runs would decide it (runs-needed.ts).
    const near = gate([threshold('profile.totals.wall_time_s', '<= -45%', 'target')], base, cand);
    expect(only(near, 'profile.totals.wall_time_s').reason).toBe(
      '97 % CI [-48.4 %, -44.4 %] contains the bound of <= -45%: within the noise; about 10 runs per side would likely decide it at the spread seen (SD 2.3 %; rough estimate)',
    );
    expect(result.decision).toBe('iterate');
  });

  it('a bound clearly beyond the interval fails', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= -60%', 'target')], base, cand);
    expect(only(result, 'profile.totals.wall_time_s').verdict).toBe('fail');
  });

  it('notes when the issue asked for another number of repeats', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], base, cand, { repeat: 3 });
    expect(result.notes).toEqual(['the issue asks for repeat: 3; got 5 baseline and 5 candidate run(s)']);
    expect(result.spec).toEqual({ repeat: 3 });
  });
});

describe('A/A: a profile against itself', () => {
  const rules = [
    threshold('profile.totals.wall_time_s', '<= 0%'),
    threshold('profile.totals.peak_rss_mb', '>= 0%'),
    threshold('profile.stages.*.wall_time_s', '<= +0'),
    threshold('eval.vs_reference.*.rougeL_f1', '>= -0'),
  ];

  it('one run: every <= / >= rule at 0 passes, ship', () => {
    const result = gate(rules, [staged], [staged]);
    expect(result.thresholds.every((t) => t.verdict === 'pass' && t.change.value === 0)).toBe(true);
    expect(result.thresholds).toHaveLength(1 + 1 + 6 + 1);
    expect(result.decision).toBe('ship');
  });

  it('identical repeats: zero-width interval, pass', () => {
    const result = gate(rules, [staged, staged, staged], [staged, staged, staged]);
    expect(result.thresholds.every((t) => t.verdict === 'pass')).toBe(true);
    expect(result.thresholds[0]?.change.interval).toEqual({ low: 0, high: 0 });
    expect(result.thresholds[0]?.reason).toMatch(/all runs identical/);
  });

  it('noisy repeats of the same profile: a 0 % bound is inconclusive, a +10 % bound passes', () => {
    const dir = tempDir();
    const a = wallRepeats(STAGED_PROFILE, dir, 'a', [1, 1.02, 0.985, 1.01, 0.995]);
    const b = wallRepeats(STAGED_PROFILE, dir, 'b', [0.99, 1.015, 1.005, 0.98, 1.02]);
    const result = gate([threshold('profile.totals.wall_time_s', '<= 0%'), threshold('profile.totals.wall_time_s', '>= 0%'), threshold('profile.totals.wall_time_s', '<= +10%')], a, b);
    expect(result.thresholds.map((t) => t.verdict)).toEqual(['inconclusive', 'inconclusive', 'pass']);
    const interval = result.thresholds[0]!.change.interval!;
    expect(interval.low).toBeLessThan(0);
    expect(interval.high).toBeGreaterThan(0);
    expect(interval.high - interval.low).toBeLessThan(6);
    expect(result.decision).toBe('iterate');
  });

  it('strict rules at 0 fail on an identical run (no change is not an improvement)', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '< 0%', 'target')], [staged], [staged]);
    expect(result.thresholds[0]?.verdict).toBe('fail');
  });
});

describe('several runs without an interval', () => {
  it('is inconclusive, never judged on the point estimate (the bootstrap with baseline medians of 0)', () => {
    const dir = tempDir();
    // Wall time, not memory: a memory reading of 0 is a "no sample" marker and is left out.
    const wall = (name: string, s: number) =>
      run(
        profileCopy(STAGED_PROFILE, dir, name, (doc) => {
          doc.totals.wall_time_s = s;
        }),
      );
    const result = evaluateGate(
      { thresholds: [threshold('profile.totals.wall_time_s', '<= +5%')], problems: [] },
      side('baseline', wall('b1', 0), wall('b2', 5), wall('b3', 5)),
      side('candidate', wall('c1', 1), wall('c2', 1), wall('c3', 1)),
      { failOn: 'reject', interval: { method: 'bootstrap-median' } },
    );
    const t = only(result, 'profile.totals.wall_time_s');
    expect(t.verdict).toBe('inconclusive');
    expect(t.change.value).toBe(-80);
    expect(t.change.interval).toBeUndefined();
    expect(t.reason).toMatch(/^change -80\.0 %, but no interval could be formed \(relative change undefined in \d+ % of resamples \(baseline median 0\)\): not judged on the point alone$/);
  });
});

describe('inputs that must never pass', () => {
  it('threshold problems reject and are listed', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= 0%')], [staged], [staged], {
      problems: [{ line: 4, text: 'profile.totals.wall_time_s: "<= fast"', expected: 'a rule like "<= -20%"', origin: 'block' }],
    });
    expect(result.decision).toBe('reject');
    expect(result.reasons[0]).toBe('threshold problem, issue line 4: `profile.totals.wall_time_s: "<= fast"` — expected a rule like "<= -20%"');
    expect(result.thresholds[0]?.verdict).toBe('pass');
  });

  it('no thresholds at all rejects', () => {
    const result = gate([], [staged], [staged]);
    expect(result.decision).toBe('reject');
    expect(result.inputErrors[0]).toMatch(/^no thresholds found/);
  });

  it('a failed measured run rejects', () => {
    const dir = tempDir();
    const failed = run(profileCopy(BUNDLED_PROFILE, dir, 'failed', (doc) => (doc.status = 'failed')));
    const result = gate([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], [staged], [failed]);
    expect(result.thresholds[0]?.verdict).toBe('pass');
    expect(result.decision).toBe('reject');
    expect(result.reasons).toEqual(['measured run failed: candidate failed.yaml (status failed)']);
    const ok = run(profileCopy(BUNDLED_PROFILE, dir, 'ok', (doc) => (doc.status = 'ok')));
    expect(gate([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], [staged], [ok]).decision).toBe('ship');
  });

  it('a failure reported outside the profiles (a crashed experiment) rejects', () => {
    const result = evaluateGate({ thresholds: [threshold('profile.totals.wall_time_s', '<= -20%', 'target')], problems: [] }, side('baseline', staged), side('candidate', bundled), {
      failOn: 'reject',
      failedRuns: ['candidate experiment: the experiment command failed (exit code 3)'],
    });
    expect(result.thresholds[0]?.verdict).toBe('pass');
    expect(result.decision).toBe('reject');
    expect(result.reasons).toEqual(['measured run failed: candidate experiment: the experiment command failed (exit code 3)']);
  });
});
