/**
 * Gating the pipeline's own files as a user of that pipeline would (issue 11): "no sample" markers,
 * dataset identity, environment differences, defaults for metrics written only on failure. All on
 * the real fixtures; changed copies are written to temp dirs, never over a fixture.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { evaluateGate, type GateResult, type ThresholdResult } from '../../src/compare/verdicts/gate.js';
import { diffSides } from '../../src/compare/verdicts/diff.js';
import { lookupMetric } from '../../src/compare/grammar/metrics.js';
import { renderReport } from '../../src/report/report.js';
import type { MeasuredRun } from '../../src/compare/types.js';
import type { StageResources } from '../../src/formats/profile.js';
import type { Threshold, ThresholdSpec } from '../../src/compare/grammar/thresholds/types.js';
import {
  ANTHROPIC_BENCHMARK_EVAL_DIR,
  ANTHROPIC_PROFILE,
  BUNDLED_PROFILE,
  DEEPSEEK_PROFILE,
  GEMINI_PROFILE,
  GROK_PROFILE,
  MISTRAL_PROFILE,
  OLLAMA_EVAL_DIR,
  OPENAI_EVAL_DIR,
  STAGED_PROFILE,
} from '../helpers/fixtures.js';
import { evalCopy, profileCopy, run, side, tempDir, threshold, wallRepeats } from './helpers.js';
import { nextConfirmation } from '../../src/compare/verdicts/confirm.js';

function gate(thresholds: Threshold[], base: MeasuredRun[], cand: MeasuredRun[], extra: Partial<ThresholdSpec> = {}): GateResult {
  return evaluateGate({ thresholds, problems: [], ...extra }, side('baseline', ...base), side('candidate', ...cand), { failOn: 'reject' });
}

const verdicts = (result: GateResult) => result.thresholds.map((t) => [t.metric.split('.').slice(2).join('.') || t.metric, t.verdict, t.counts]);
const only = (result: GateResult, metric: string) => result.thresholds.find((t) => t.metric === metric) as ThresholdResult;

/** The per-stage memory guardrail of the grammar's example (docs/thresholds.md). */
const STAGE_MEMORY = threshold('profile.stages.*.peak_rss_mb', '<= +10%');

describe('"no sample" markers of the v2.6 profiles (peak_rss_mb: 0, avg_cpu_pct: 0.0)', () => {
  const gemini = run(GEMINI_PROFILE);
  const deepseek = run(DEEPSEEK_PROFILE);
  const mistral = run(MISTRAL_PROFILE);

  it('reads 0 MiB and the CPU of that stage as not measured; a 0.0 % CPU beside a real memory reading stays a measurement', () => {
    expect(lookupMetric(gemini, 'profile.stages.vector_indexing.peak_rss_mb')).toEqual({
      kind: 'not_measured',
      reason: 'profile.stages.vector_indexing.peak_rss_mb is 0 in v2.6-wip-gemini.yaml: no sample fell in it (a process tree is never 0 bytes resident), so it was not measured',
      file: GEMINI_PROFILE,
    });
    expect(lookupMetric(gemini, 'profile.stages.vector_indexing.avg_cpu_pct').kind).toBe('not_measured');
    expect(lookupMetric(gemini, 'profile.stages.vector_indexing.wall_time_s')).toEqual({ kind: 'number', value: 0.2793 });
    // speaker_detection: 475 MiB was sampled; its 0.0 % is a real (idle) average.
    expect(lookupMetric(gemini, 'profile.stages.speaker_detection.avg_cpu_pct')).toEqual({ kind: 'number', value: 0 });
  });

  it('GPU metrics of a profile measured without them are absent, saying so (a GPU reading of 0 MiB would be a real one)', () => {
    expect(lookupMetric(gemini, 'profile.totals.peak_gpu_mem_mb')).toMatchObject({
      kind: 'absent',
      reason: 'profile.totals.peak_gpu_mem_mb absent in v2.6-wip-gemini.yaml: this profile has no GPU measurement',
    });
    const dir = tempDir();
    const gpu = run(
      profileCopy(GEMINI_PROFILE, dir, 'gpu', (doc) => {
        doc.totals.gpu_note = 'no GPU: nvidia-smi not found';
        doc.stages.summarization = { ...(doc.stages.summarization as StageResources), peak_gpu_mem_mb: 0 };
      }),
    );
    expect(lookupMetric(gpu, 'profile.totals.avg_gpu_util_pct')).toMatchObject({ reason: 'profile.totals.avg_gpu_util_pct absent in gpu.yaml: no GPU: nvidia-smi not found' });
    expect(lookupMetric(gpu, 'profile.stages.summarization.peak_gpu_mem_mb')).toEqual({ kind: 'number', value: 0 });
  });

  it('the documented wildcard per-stage memory guardrail ships gemini → deepseek: vector_indexing is not measured on either side and not counted', () => {
    const result = gate([STAGE_MEMORY], [gemini], [deepseek]);
    expect(verdicts(result)).toEqual([
      ['speaker_detection.peak_rss_mb', 'pass', true],
      ['transcript_cleaning.peak_rss_mb', 'pass', true],
      ['summarization.peak_rss_mb', 'pass', true],
      ['gi_generation.peak_rss_mb', 'pass', true],
      ['kg_extraction.peak_rss_mb', 'pass', true],
      ['vector_indexing.peak_rss_mb', 'missing', false],
    ]);
    expect(only(result, 'profile.stages.vector_indexing.peak_rss_mb')).toMatchObject({
      notMeasured: true,
      reason: expect.stringMatching(/^not measured on either side, not judged: baseline: .* is 0 in v2\.6-wip-gemini\.yaml/) as string,
    });
    expect(result.decision).toBe('ship');
    const report = renderReport(result, diffSides(side('baseline', gemini), side('candidate', deepseek)));
    expect(report.split('\n')[0]).toBe('### ✅ ship — all 5 thresholds pass (1 not measured, ignored)');
    expect(report).toContain('| ❔ not measured (ignored) | `profile.stages.vector_indexing.peak_rss_mb` |');
    expect(report).toContain('| vector_indexing | 0.2793 s → 0.446 s (+59.7 %) | — → — (not measured on both sides) | — → — (not measured on both sides) |');
  });

  it('an absolute bound never "passes" on a 0: <= 650MB over the stages is not judged where the candidate has no sample', () => {
    const result = gate([{ ...threshold('profile.stages.*.peak_rss_mb', '<= 650'), rule: { op: '<=', form: 'absolute', value: 650, unit: 'MB', text: '<= 650MB' } }], [gemini], [deepseek]);
    expect(only(result, 'profile.stages.vector_indexing.peak_rss_mb')).toMatchObject({ verdict: 'missing', counts: false, notMeasured: true });
    expect(only(result, 'profile.stages.speaker_detection.peak_rss_mb').verdict).toBe('pass');
    expect(only(result, 'profile.stages.transcript_cleaning.peak_rss_mb').verdict).toBe('fail');
  });

  it('not measured on one side only is missing (gemini → mistral), and optional: true lets it go, as a user expects', () => {
    const strict = gate([STAGE_MEMORY], [gemini], [mistral]);
    expect(verdicts(strict)).toEqual([
      ['speaker_detection.peak_rss_mb', 'pass', true],
      ['transcript_cleaning.peak_rss_mb', 'missing', true],
      ['summarization.peak_rss_mb', 'pass', true],
      ['gi_generation.peak_rss_mb', 'pass', true],
      ['kg_extraction.peak_rss_mb', 'pass', true],
      ['vector_indexing.peak_rss_mb', 'missing', true],
    ]);
    expect(only(strict, 'profile.stages.transcript_cleaning.peak_rss_mb').reason).toBe(
      'candidate: profile.stages.transcript_cleaning.peak_rss_mb is 0 in v2.6-wip-mistral.yaml: no sample fell in it (a process tree is never 0 bytes resident), so it was not measured',
    );
    expect(strict.decision).toBe('reject');
    const lenient = gate([{ ...STAGE_MEMORY, optional: true }], [gemini], [mistral]);
    expect(lenient.decision).toBe('ship');
    expect(lenient.thresholds.filter((t) => !t.counts).map((t) => t.metric)).toEqual(['profile.stages.transcript_cleaning.peak_rss_mb', 'profile.stages.vector_indexing.peak_rss_mb']);
  });

  it('repeated runs: a run without a sample in a short stage is left out, the others decide', () => {
    const dir = tempDir();
    const sampled = run(
      profileCopy(GEMINI_PROFILE, dir, 'gemini-sampled', (doc) => {
        doc.stages.vector_indexing = { wall_time_s: 0.2793, peak_rss_mb: 1130, avg_cpu_pct: 30.1 };
      }),
    );
    const result = gate([threshold('profile.stages.vector_indexing.peak_rss_mb', '<= 1200')], [gemini], [deepseek, sampled]);
    const t = only(result, 'profile.stages.vector_indexing.peak_rss_mb');
    expect(t.verdict).toBe('pass');
    expect(t.candidate.values).toEqual([null, 1130]);
    expect(t.reason).toContain('left out: candidate: profile.stages.vector_indexing.peak_rss_mb is 0 in v2.6-wip-deepseek.yaml');
  });

  it('every v2.6 pair with the wildcard memory guardrail: verdicts only where both sides measured', () => {
    const grok = run(GROK_PROFILE);
    const anthropic = run(ANTHROPIC_PROFILE);
    expect(gate([STAGE_MEMORY], [gemini], [grok]).decision).toBe('ship');
    // anthropic → gemini: summarization 1014 → 1134 MiB (+11.8 %) is a real regression and still fails.
    const result = gate([STAGE_MEMORY], [anthropic], [gemini]);
    expect(only(result, 'profile.stages.summarization.peak_rss_mb').verdict).toBe('fail');
    expect(result.decision).toBe('reject');
  });
});

describe('dataset identity', () => {
  const smoke = run(GEMINI_PROFILE, OPENAI_EVAL_DIR);
  const quality = [threshold('eval.vs_reference.*.rougeL_f1', '>= -0.02'), threshold('eval.intrinsic.performance.avg_latency_ms', '<= +10%')];

  it('refuses a smoke run gated against a benchmark run (the real anthropic benchmark eval run), saying why, and judges nothing', () => {
    const benchmark = run(DEEPSEEK_PROFILE, ANTHROPIC_BENCHMARK_EVAL_DIR);
    const result = gate(quality, [smoke], [benchmark]);
    expect(result.decision).toBe('reject');
    expect(result.passed).toBe(false);
    expect(result.thresholds).toEqual([]);
    expect(result.inputErrors).toEqual([
      'dataset mismatch: eval dataset_id differs: baseline "curated_5feeds_smoke_v1" vs candidate "curated_5feeds_benchmark_v1"',
      'dataset mismatch: no common eval reference: baseline scored against "silver_sonnet46_smoke_bullets_v1", candidate against "silver_sonnet46_benchmark_v1"',
    ]);
    expect(result.reasons).toEqual(result.inputErrors);
    const report = renderReport(result, undefined);
    expect(report.split('\n')[0]).toBe('### ❌ reject — dataset mismatch: comparison refused');
    expect(report).toContain('#### ❌ Dataset mismatch: comparison refused');
    expect(report).toContain('| eval dataset_id | `curated_5feeds_smoke_v1` | `curated_5feeds_benchmark_v1` | ❌ differs |');
    expect(report).toContain('| profile dataset_id | `e2e_podcast1_mtb_n2` | `e2e_podcast1_mtb_n2` | ✅ same |');
    expect(report).not.toContain('could not judge these inputs');
  });

  it('reads the eval dataset from fingerprint.json too: the two real smoke runs agree', () => {
    const result = gate(quality, [smoke], [run(DEEPSEEK_PROFILE, OLLAMA_EVAL_DIR)]);
    expect(result.dataset.comparable).toBe(true);
    expect(result.decision).toBe('reject'); // latency +228.8 %: a real regression, judged
    expect(only(result, 'eval.intrinsic.performance.avg_latency_ms').verdict).toBe('fail');
  });

  it('refuses another profile dataset_id (the action writes its dataset-id input there)', () => {
    const dir = tempDir();
    const other = run(
      profileCopy(DEEPSEEK_PROFILE, dir, 'other-dataset', (doc) => {
        doc.dataset_id = 'default';
      }),
    );
    const result = gate([STAGE_MEMORY], [run(GEMINI_PROFILE)], [other]);
    expect(result.inputErrors).toEqual([
      'dataset mismatch: profile dataset_id differs: baseline "e2e_podcast1_mtb_n2" vs candidate "default" (the action writes its `dataset-id` input: set it to the dataset the baseline was measured on)',
    ]);
    expect(result.decision).toBe('reject');
  });
});

describe('environment comparability', () => {
  const dir = tempDir();
  const gpuCopy = (name: string) =>
    run(
      profileCopy(DEEPSEEK_PROFILE, dir, name, (doc) => {
        doc.environment = { ...doc.environment, device: 'cuda', precision: 'fp16', library_versions: { ...(doc.environment.library_versions as object), torch: '2.10.0' } };
      }),
      OLLAMA_EVAL_DIR,
    );
  const spec = [threshold('profile.totals.wall_time_s', '<= +900%'), STAGE_MEMORY, threshold('eval.vs_reference.*.rougeL_f1', '>= -0.02')];

  it('a candidate on another device/precision: time and memory verdicts inconclusive with the reason, quality still counts', () => {
    const result = gate(spec, [run(GEMINI_PROFILE, OPENAI_EVAL_DIR)], [gpuCopy('cuda')]);
    expect(result.environment.blocking.map((r) => r.attribute)).toEqual(['device', 'precision', 'library_versions.torch']);
    expect(only(result, 'profile.totals.wall_time_s')).toMatchObject({
      verdict: 'inconclusive',
      environment: ['device "cpu" → "cuda"', 'precision "fp32" → "fp16"', 'library_versions.torch "2.9.1" → "2.10.0"'],
      reason: expect.stringMatching(
        /^not comparable across environments \(device "cpu" → "cuda"; .*\): a pass here would not be the change's; .* Measured: change \+468\.8 % meets <= \+900%/,
      ) as string,
    });
    expect(only(result, 'profile.stages.transcript_cleaning.peak_rss_mb').verdict).toBe('inconclusive');
    expect(only(result, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1').verdict).toBe('pass');
    expect(result.decision).toBe('iterate');
    const report = renderReport(result, undefined);
    expect(report).toContain('#### ⚠️ Environment differs: time and memory verdicts are inconclusive (`device`, `precision`, `library_versions.torch`)');
    expect(report).toContain('| `device` | `cpu` | `cuda` | ⚠️ changes time and memory: time/memory inconclusive |');
    expect(report).toContain('| `library_versions.torch` | `2.9.1` | `2.10.0` | ⚠️ another major.minor library version: time/memory inconclusive |');
    // Only what differs is listed: both profiles share git_sha 39c4b70.
    expect(report).not.toContain('| `git_sha` |');
  });

  it('compare-across names the difference that is the experiment: the verdicts stand', () => {
    const result = gate(spec, [run(GEMINI_PROFILE, OPENAI_EVAL_DIR)], [gpuCopy('cuda-accepted')], { compareAcross: ['device', 'precision', 'library_versions'] });
    expect(result.environment.comparable).toBe(true);
    expect(result.environment.rows.filter((r) => r.accepted).map((r) => r.attribute)).toEqual(['device', 'precision', 'library_versions.torch']);
    expect(result.notes).toEqual([]);
    // A misspelt name excuses nothing, and the report says it matched nothing.
    const typo = gate(spec, [run(GEMINI_PROFILE, OPENAI_EVAL_DIR)], [gpuCopy('cuda-typo')], { compareAcross: ['devise', 'precision', 'library_versions'] });
    expect(typo.environment.blocking.map((r) => r.attribute)).toEqual(['device']);
    expect(typo.notes).toEqual(['compare-across: devise matched no attribute that differs between the sides']);
    expect(only(result, 'profile.totals.wall_time_s').verdict).toBe('pass');
    expect(result.decision).toBe('ship');
  });

  it('no confirmation round is spent on a verdict an environment difference made inconclusive', () => {
    const base = wallRepeats(GEMINI_PROFILE, dir, 'env-b', [1, 1.01, 0.99]);
    const cand = [1, 1.02, 0.98].map((f, i) =>
      run(
        profileCopy(DEEPSEEK_PROFILE, dir, `env-c-${i}`, (doc) => {
          doc.environment = { ...doc.environment, device: 'cuda' };
          doc.totals.wall_time_s = Math.round(doc.totals.wall_time_s * f * 10000) / 10000;
        }),
      ),
    );
    const result = gate([threshold('profile.totals.wall_time_s', '<= +900%')], base, cand);
    const t = only(result, 'profile.totals.wall_time_s');
    expect(t.verdict).toBe('inconclusive');
    expect(t.change.interval).toBeDefined();
    expect(nextConfirmation(result, 0, 3)).toMatchObject({ confirm: false, why: 'no more runs can decide the inconclusive guardrail(s) profile.totals.wall_time_s (environments differ)' });
  });

  it('a value recorded on one side only is shown, not judged (issue477 device: null vs v2.6 device: cpu)', () => {
    const result = gate([threshold('profile.totals.wall_time_s', '<= +500%')], [run(STAGED_PROFILE)], [run(GEMINI_PROFILE)]);
    expect(result.environment.rows.find((r) => r.attribute === 'device')).toEqual({
      attribute: 'device',
      baseline: ['(not recorded)'],
      candidate: ['cpu'],
      affects: false,
      accepted: false,
      note: 'not recorded on every run: not judged',
    });
    expect(result.environment.comparable).toBe(true);
    expect(only(result, 'profile.totals.wall_time_s').verdict).toBe('pass');
  });
});

describe('default: for metrics written only when something went wrong', () => {
  const dir = tempDir();
  const clean = run(GEMINI_PROFILE, OPENAI_EVAL_DIR);
  const failures = (n: number) => run(GEMINI_PROFILE, evalCopy(OLLAMA_EVAL_DIR, dir, `failures-${n}`, { 'intrinsic.bundled_parse_failures': n }));
  const rule = threshold('eval.intrinsic.bundled_parse_failures', '<= 0');

  it('without default, a clean run is missing and the reason names the metrics.json it was looked for in', () => {
    const result = gate([rule], [clean], [clean]);
    expect(only(result, 'eval.intrinsic.bundled_parse_failures')).toMatchObject({
      verdict: 'missing',
      reason: `candidate: eval.intrinsic.bundled_parse_failures absent in metrics.json of v2.6-wip-gemini.yaml (${join(OPENAI_EVAL_DIR, 'metrics.json')})`,
    });
  });

  it('with default: 0 a clean run passes and the report says the default was used; a run with failures fails', () => {
    const withDefault = { ...rule, default: 0 };
    const result = gate([withDefault], [clean], [clean]);
    const t = only(result, 'eval.intrinsic.bundled_parse_failures');
    expect(t.verdict).toBe('pass');
    expect(t.defaulted).toEqual({ baseline: 0, candidate: 1 });
    expect(t.reason).toBe('value 0 meets <= 0 (single run: no noise estimate) (default 0 used where the file lacks it, as the threshold says: candidate 1 run)');
    expect(renderReport(result, undefined)).toContain('| guardrail, default 0 |');
    expect(only(gate([withDefault], [clean], [failures(2)]), 'eval.intrinsic.bundled_parse_failures').verdict).toBe('fail');
  });

  it('diff shows every metric the gate can read: intrinsic.warnings.*, length.*, bundled_parse_failures, episode_count', () => {
    const diff = diffSides(side('baseline', clean), side('candidate', failures(3)));
    const rows = new Map(diff.rows.map((r) => [r.metric, r]));
    expect(rows.get('eval.intrinsic.warnings.speaker_name_leak_rate')).toMatchObject({ group: 'warnings', baseline: { median: 0 }, candidate: { median: 0 } });
    expect(rows.get('eval.intrinsic.length.min_tokens')).toMatchObject({ group: 'length', baseline: { median: 187 }, candidate: { median: 210 }, change: 23 });
    expect(rows.get('eval.intrinsic.length.max_tokens')?.candidate.median).toBe(263);
    expect(rows.get('eval.intrinsic.bundled_parse_failures')).toMatchObject({ group: 'intrinsic', candidate: { median: 3 }, note: 'only in candidate' });
    expect(rows.get('eval.intrinsic.performance.median_latency_ms')?.note).toBe('only in candidate');
    expect(rows.get('eval.episode_count')).toMatchObject({ group: 'run', change: 0 });
    // Every number a threshold can address in metrics.json has a row.
    for (const metric of ['eval.intrinsic.gates.truncation_rate', 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.numbers_retained']) expect(rows.has(metric), metric).toBe(true);
  });

  it('never stands in for a missing file', () => {
    const result = gate([{ ...rule, default: 0 }], [clean], [run(GEMINI_PROFILE)]);
    expect(only(result, 'eval.intrinsic.bundled_parse_failures')).toMatchObject({ verdict: 'missing', defaulted: { baseline: 0, candidate: 0 } });
    expect(only(result, 'eval.intrinsic.bundled_parse_failures').reason).toMatch(/^candidate: no metrics\.json for v2\.6-wip-gemini\.yaml: looked for /);
  });
});

describe('exact values', () => {
  it('a CPU delta is in percentage points, with the readings as written (issue477 kg_extraction 0.0 → 1.73 %)', () => {
    const result = gate([threshold('profile.stages.kg_extraction.avg_cpu_pct', '<= +5')], [run(STAGED_PROFILE)], [run(BUNDLED_PROFILE)]);
    const t = only(result, 'profile.stages.kg_extraction.avg_cpu_pct');
    expect(t.change).toMatchObject({ value: 1.73, unit: 'pp', form: 'delta' });
    expect(t.reason).toBe('change +1.73 pp meets <= +5 (single run: no noise estimate)');
    const report = renderReport(result, diffSides(side('baseline', run(STAGED_PROFILE)), side('candidate', run(BUNDLED_PROFILE))));
    expect(report).toContain('| ✅ pass | `profile.stages.kg_extraction.avg_cpu_pct` | guardrail | `<= +5` | 0 % | 1.73 % | +1.73 pp |');
    // gi_generation 0.97 → 0.3 %: both readings shown in full, so -69.1 % can be recomputed.
    expect(report).toContain('| gi_generation | 11.68 s → 21.66 s (+85.4 %) | 630 MiB → 640 MiB (+1.59 %) | 0.97 % → 0.3 % (-69.1 %) |');
  });
});
