import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expandMetricPattern, lookupMetric, lookupSide, mergeOrders, stageNames } from '../../src/compare/grammar/metrics.js';
import {
  ANTHROPIC_PROFILE,
  BUNDLED_PROFILE,
  GEMINI_METRICS,
  NER_EVAL_DIR,
  OLLAMA_EVAL_DIR,
  OLLAMA_PROFILE,
  OPENAI_EVAL_DIR,
  PIPELINE_METRICS_SKELETON,
  SILVER_OPUS_EVAL_DIR,
  STAGED_PROFILE,
} from '../helpers/fixtures.js';
import { readJson } from '../../src/formats/parse.js';
import { run } from './helpers.js';
import type { MeasuredRun } from '../../src/compare/types.js';

const staged = run(STAGED_PROFILE, OPENAI_EVAL_DIR);
const bundled = run(BUNDLED_PROFILE, OLLAMA_EVAL_DIR);

describe('lookupMetric on the real fixtures', () => {
  it('reads profile, stage_truth and metrics.json numbers', () => {
    expect(lookupMetric(staged, 'profile.totals.wall_time_s')).toEqual({ kind: 'number', value: 40.3144 });
    expect(lookupMetric(staged, 'profile.stages.summarization.wall_time_s')).toEqual({ kind: 'number', value: 45.9 });
    expect(lookupMetric(bundled, 'truth.run_wall_s')).toEqual({ kind: 'number', value: 21.5184 });
    expect(lookupMetric(staged, 'truth.resource_by_stage_psutil.vector_indexing.peak_rss_mb')).toEqual({ kind: 'number', value: 645.89 });
    expect(lookupMetric(staged, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1')).toEqual({
      kind: 'number',
      value: 0.3140222928030686,
    });
  });

  it('reads the wall time of a stage absent from a profile as 0 s (absent means zero wall time)', () => {
    expect(lookupMetric(bundled, 'profile.stages.transcript_cleaning.wall_time_s')).toEqual({ kind: 'number', value: 0, note: 'stage absent: zero wall time' });
    expect(lookupMetric(bundled, 'truth.wall_seconds_by_stage.transcript_cleaning')).toEqual({ kind: 'number', value: 0, note: 'stage absent: zero wall time' });
    // Without a stage_truth companion nothing is known about the stage.
    expect(lookupMetric(run(ANTHROPIC_PROFILE), 'truth.wall_seconds_by_stage.transcript_cleaning').kind).toBe('absent');
  });

  it('says a stage present on the other side only is absent for memory and CPU, naming the run', () => {
    const found = lookupMetric(bundled, 'profile.stages.transcript_cleaning.peak_rss_mb');
    expect(found.kind).toBe('absent');
    expect(found).toMatchObject({ reason: expect.stringContaining('stage transcript_cleaning absent in issue477-bundled-gpt4o.yaml') as string });
  });

  it('says a problem shared by repeated runs once, with how many runs', () => {
    const side = lookupSide([staged, bundled, bundled], 'profile.stages.transcript_cleaning.peak_rss_mb');
    expect(side.numbers).toEqual([630]);
    expect(side.problems).toEqual(['stage transcript_cleaning absent in 2 of 3 runs: it did not run, so it has no memory or CPU (mark the threshold optional: true if a stage may be removed)']);
    expect(side.complete).toBe(false);
  });

  it('says a missing companion document is absent', () => {
    const anthropic = run(ANTHROPIC_PROFILE);
    expect(lookupMetric(anthropic, 'truth.run_wall_s')).toEqual({
      kind: 'absent',
      reason: `no stage_truth.json for v2.6-wip-anthropic.yaml: looked for ${ANTHROPIC_PROFILE.replace('.yaml', '.stage_truth.json')} (the profile has no stage_truth companion)`,
    });
    // The eval documents name every place they were looked for: <stem>.eval/, then the profile's folder.
    const dir = ANTHROPIC_PROFILE.replace(/\/[^/]+$/, '');
    expect(lookupMetric(anthropic, 'cost.total_stage_cost_usd')).toEqual({
      kind: 'absent',
      reason: `no eval_pipeline_metrics.json for v2.6-wip-anthropic.yaml: looked for ${dir}/v2.6-wip-anthropic.eval/eval_pipeline_metrics.json, ${dir}/eval_pipeline_metrics.json`,
    });
  });

  it('tells null from absent (Gemini numbers_retained is null)', () => {
    const gemini: MeasuredRun = { ...staged, eval: readJson(GEMINI_METRICS) as MeasuredRun['eval'] };
    const found = lookupMetric(gemini, 'eval.vs_reference.silver_sonnet46_benchmark_v2_bullets.numbers_retained');
    expect(found.kind).toBe('null');
    expect(lookupMetric(gemini, 'eval.vs_reference.silver_sonnet46_benchmark_v2_bullets.rougeL_f1')).toEqual({
      kind: 'number',
      value: 0.36847741760083974,
    });
  });

  it('reads nested NER metrics and refuses non-numbers with a reason', () => {
    const ner = run(STAGED_PROFILE, NER_EVAL_DIR);
    expect(lookupMetric(ner, 'eval.vs_reference.ner_entities_smoke_gold_v1.entity_set.f1')).toEqual({ kind: 'number', value: 0.9285714285714286 });
    const nerFile = join(NER_EVAL_DIR, 'metrics.json');
    expect(lookupMetric(ner, 'eval.vs_reference.ner_entities_smoke_gold_v1.entity_set')).toEqual({
      kind: 'invalid',
      reason: `eval.vs_reference.ner_entities_smoke_gold_v1.entity_set is a mapping, not a number in metrics.json of issue477-staged-gpt4o.yaml (${nerFile})`,
      file: nerFile,
    });
    expect(lookupMetric(staged, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.reference_quality')).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/^eval\.vs_reference\.silver_sonnet46_smoke_bullets_v1\.reference_quality is a string "silver", not a number in metrics\.json of /) as string,
    });
    expect(lookupMetric(staged, 'eval.intrinsic.gates.failed_episodes').kind).toBe('invalid');
  });

  it('treats NaN and Infinity as not a number', () => {
    const bad: MeasuredRun = { ...staged, eval: { x: { nan: Number.NaN, inf: Number.POSITIVE_INFINITY } } };
    expect(lookupMetric(bad, 'eval.x.nan')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^eval\.x\.nan is NaN, not a number in metrics\.json of /) as string });
    expect(lookupMetric(bad, 'eval.x.inf')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^eval\.x\.inf is Infinity, not a number in /) as string });
  });

  it('rejects an unknown first segment and walking through a leaf', () => {
    expect(lookupMetric(staged, 'metrics.totals.wall_time_s')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('unknown document "metrics"') as string });
    expect(lookupMetric(staged, 'profile.totals.wall_time_s.extra')).toMatchObject({ kind: 'absent', reason: expect.stringContaining('profile.totals.wall_time_s is 40.3144') as string });
  });

  it('lookupSide collects numbers and the reasons of the runs without one', () => {
    const found = lookupSide([staged, bundled], 'profile.stages.transcript_cleaning.peak_rss_mb');
    expect(found.numbers).toEqual([630]);
    expect(found.complete).toBe(false);
    expect(found.problems).toHaveLength(1);
    expect(lookupSide([], 'profile.totals.wall_time_s').complete).toBe(false);
  });
});

describe('wildcard expansion', () => {
  it('expands stages over both sides in the baseline profile order', () => {
    expect(expandMetricPattern('profile.stages.*.peak_rss_mb', [staged, bundled])).toEqual([
      'profile.stages.speaker_detection.peak_rss_mb',
      'profile.stages.transcript_cleaning.peak_rss_mb',
      'profile.stages.summarization.peak_rss_mb',
      'profile.stages.gi_generation.peak_rss_mb',
      'profile.stages.kg_extraction.peak_rss_mb',
      'profile.stages.vector_indexing.peak_rss_mb',
    ]);
  });

  it('inserts candidate-only stages after their predecessor', () => {
    const ollama = run(OLLAMA_PROFILE);
    expect(stageNames([bundled, ollama])).toEqual(['rss_feed_fetch', 'speaker_detection', 'transcript_cleaning', 'summarization', 'gi_generation', 'kg_extraction', 'vector_indexing']);
    expect(
      mergeOrders([
        ['a', 'b', 'c'],
        ['a', 'x', 'c', 'y'],
      ]),
    ).toEqual(['a', 'x', 'b', 'c', 'y']);
  });

  it('matches numeric and null leaves only (no lists, mappings or strings)', () => {
    expect(expandMetricPattern('eval.intrinsic.gates.*', [staged])).toEqual([
      'eval.intrinsic.gates.boilerplate_leak_rate',
      'eval.intrinsic.gates.speaker_label_leak_rate',
      'eval.intrinsic.gates.truncation_rate',
    ]);
    expect(expandMetricPattern('eval.vs_reference.*.*', [staged])).not.toContain('eval.vs_reference.silver_sonnet46_smoke_bullets_v1.reference_quality');
  });

  it('expands nested NER metrics and keeps paths present on one side', () => {
    const ner = run(STAGED_PROFILE, NER_EVAL_DIR);
    expect(expandMetricPattern('eval.vs_reference.*.*.f1', [ner])).toEqual([
      'eval.vs_reference.ner_entities_smoke_gold_v1.entity_set.f1',
      'eval.vs_reference.ner_entities_smoke_gold_v1.mention_exact.f1',
      'eval.vs_reference.ner_entities_smoke_gold_v1.mention_overlap.f1',
    ]);
    expect(expandMetricPattern('eval.intrinsic.performance.*', [staged, bundled])).toEqual([
      'eval.intrinsic.performance.avg_latency_ms',
      'eval.intrinsic.performance.median_latency_ms',
      'eval.intrinsic.performance.p95_latency_ms',
      'eval.intrinsic.performance.avg_latency_ms_excluding_first',
    ]);
  });

  it('expands cost keys of the eval_pipeline_metrics skeleton and intrinsic.cost of the silver run', () => {
    const withCost: MeasuredRun = { ...staged, cost: readJson(PIPELINE_METRICS_SKELETON) as MeasuredRun['cost'] };
    const costs = expandMetricPattern('cost.*', [withCost]);
    expect(costs).toContain('cost.llm_summarization_cost_usd');
    expect(costs).toContain('cost.total_stage_cost_usd');
    expect(costs).not.toContain('cost.llm_token_totals_by_stage');
    const silver = run(STAGED_PROFILE, SILVER_OPUS_EVAL_DIR);
    expect(expandMetricPattern('eval.intrinsic.cost.*', [silver])).toEqual(['eval.intrinsic.cost.total_cost_usd', 'eval.intrinsic.cost.total_input_tokens', 'eval.intrinsic.cost.total_output_tokens']);
  });

  it('returns nothing for a pattern that matches nothing, and a plain path as is', () => {
    expect(expandMetricPattern('eval.vs_reference.*.rougeL_f1', [run(STAGED_PROFILE, SILVER_OPUS_EVAL_DIR)])).toEqual([]);
    expect(expandMetricPattern('profile.stages.nope.wall_time_s', [staged])).toEqual(['profile.stages.nope.wall_time_s']);
  });
});
