import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSides, type Diff, type DiffRow } from '../../src/compare/verdicts/diff.js';
import { BUNDLED_PROFILE, GEMINI_METRICS, NER_EVAL_DIR, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, PIPELINE_METRICS_SKELETON, SILVER_OPUS_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';
import { run, side, tempDir, wallRepeats } from './helpers.js';

function rowOf(diff: Diff, metric: string): DiffRow {
  const found = diff.rows.find((r) => r.metric === metric);
  if (!found) throw new Error(`no row ${metric}`);
  return found;
}

const stagedToBundled = diffSides(side('baseline', run(STAGED_PROFILE, OPENAI_EVAL_DIR)), side('candidate', run(BUNDLED_PROFILE, OLLAMA_EVAL_DIR)));

describe('diff of the issue-477 staged → bundled pair', () => {
  it('total wall time drops 40.3144 → 21.5184 s (-46.62 %)', () => {
    const total = rowOf(stagedToBundled, 'profile.totals.wall_time_s');
    expect(total.baseline.median).toBe(40.3144);
    expect(total.candidate.median).toBe(21.5184);
    expect(total.change).toBeCloseTo(-18.796, 6);
    expect(total.percent).toBeCloseTo(-46.62, 2);
    expect(total.unit).toBe('s');
  });

  it('has a row per stage × quantity in profile order; transcript_cleaning is absent from the candidate (0 s)', () => {
    expect(stagedToBundled.stages).toEqual(['speaker_detection', 'transcript_cleaning', 'summarization', 'gi_generation', 'kg_extraction', 'vector_indexing']);
    expect(stagedToBundled.rows.filter((r) => r.section === 'stages')).toHaveLength(18);
    const cleaning = rowOf(stagedToBundled, 'profile.stages.transcript_cleaning.wall_time_s');
    expect(cleaning.baseline.median).toBe(42.08);
    expect(cleaning.candidate.median).toBe(0);
    expect(cleaning.change).toBe(-42.08);
    expect(cleaning.percent).toBe(-100);
    expect(cleaning.note).toBe('stage absent in candidate: 0 s');
    // Memory and CPU of a stage that did not run are unknown, not zero.
    const memory = rowOf(stagedToBundled, 'profile.stages.transcript_cleaning.peak_rss_mb');
    expect(memory.candidate.median).toBeUndefined();
    expect(memory.percent).toBeUndefined();
    expect(memory.note).toBe('only in baseline');
  });

  it('summarization 45.9 → 5.76 s, peak 645 → 644 MiB', () => {
    const summarization = rowOf(stagedToBundled, 'profile.stages.summarization.wall_time_s');
    expect([summarization.baseline.median, summarization.candidate.median]).toEqual([45.9, 5.76]);
    expect(summarization.percent).toBeCloseTo(-87.45, 2);
    const peak = rowOf(stagedToBundled, 'profile.totals.peak_rss_mb');
    expect([peak.baseline.median, peak.candidate.median, peak.change]).toEqual([645, 644, -1]);
    expect(peak.unit).toBe('MiB');
  });

  it('a 0 baseline leaves the percent undefined with a note (kg_extraction CPU 0.0 → 1.73)', () => {
    const cpu = rowOf(stagedToBundled, 'profile.stages.kg_extraction.avg_cpu_pct');
    expect(cpu.change).toBeCloseTo(1.73, 6);
    expect(cpu.percent).toBeUndefined();
    expect(cpu.note).toBe('baseline 0');
  });

  it('includes the stage_truth summary from the companions', () => {
    expect(rowOf(stagedToBundled, 'truth.parallelism_hint_ratio')).toMatchObject({ baseline: { median: 2.5805 }, candidate: { median: 1.5154 } });
    expect(rowOf(stagedToBundled, 'truth.sum_mapped_stage_wall_s').baseline.median).toBe(104.0307);
  });

  it('has the quality rows of the openai vs ollama eval pair', () => {
    const rouge = rowOf(stagedToBundled, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1');
    expect(rouge.baseline.median).toBeCloseTo(0.314, 4);
    expect(rouge.candidate.median).toBeCloseTo(0.3329, 4);
    expect(rouge.group).toBe('silver_sonnet46_smoke_bullets_v1');
    const latency = rowOf(stagedToBundled, 'eval.intrinsic.performance.avg_latency_ms');
    expect(Math.round(latency.baseline.median!)).toBe(4676);
    expect(Math.round(latency.candidate.median!)).toBe(15376);
    expect(rowOf(stagedToBundled, 'eval.intrinsic.performance.p95_latency_ms').note).toBe('only in candidate');
    expect(rowOf(stagedToBundled, 'eval.intrinsic.length.avg_tokens').change).toBeCloseTo(31.8, 6);
    expect(rowOf(stagedToBundled, 'eval.intrinsic.gates.truncation_rate').note).toBe('baseline 0');
    expect(stagedToBundled.rows.some((r) => r.metric.endsWith('reference_quality') || r.metric.endsWith('failed_episodes'))).toBe(false);
  });

  it('never holds NaN or Infinity', () => {
    for (const r of stagedToBundled.rows) {
      for (const v of [r.change, r.percent, r.baseline.median, r.candidate.median]) {
        if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
      }
    }
  });
});

describe('diff of eval outputs', () => {
  it('lists the nested NER metrics', () => {
    const ner = run(STAGED_PROFILE, NER_EVAL_DIR);
    const diff = diffSides(side('baseline', ner), side('candidate', ner));
    const f1 = rowOf(diff, 'eval.vs_reference.ner_entities_smoke_gold_v1.entity_set.f1');
    expect(f1.name).toBe('entity_set.f1');
    expect(f1.baseline.median).toBeCloseTo(0.92857, 5);
    expect(f1.change).toBe(0);
    expect(rowOf(diff, 'eval.vs_reference.ner_entities_smoke_gold_v1.mention_overlap.per_label_f1.PERSON').percent).toBe(0);
  });

  it('says "candidate null" for the Gemini numbers_retained', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'gemini'));
    copyFileSync(GEMINI_METRICS, join(dir, 'gemini', 'metrics.json'));
    const gemini = run(STAGED_PROFILE, join(dir, 'gemini'));
    const diff = diffSides(side('baseline', gemini), side('candidate', gemini));
    const numbers = rowOf(diff, 'eval.vs_reference.silver_sonnet46_benchmark_v2_bullets.numbers_retained');
    expect(numbers.note).toBe('null on both sides');
    expect(numbers.change).toBeUndefined();
  });

  it('has cost rows from eval_pipeline_metrics.json (skeleton: zeros) and intrinsic.cost', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cost'));
    copyFileSync(PIPELINE_METRICS_SKELETON, join(dir, 'cost', 'eval_pipeline_metrics.json'));
    copyFileSync(join(SILVER_OPUS_EVAL_DIR, 'metrics.json'), join(dir, 'cost', 'metrics.json'));
    const withCost = run(STAGED_PROFILE, join(dir, 'cost'));
    const diff = diffSides(side('baseline', withCost), side('candidate', withCost));
    const costRows = diff.rows.filter((r) => r.section === 'cost');
    expect(rowOf(diff, 'cost.llm_summarization_calls')).toMatchObject({ group: 'summarization', change: 0, percent: undefined, note: 'baseline 0' });
    expect(rowOf(diff, 'cost.llm_bundled_clean_summary_cost_usd').group).toBe('bundled_clean_summary');
    expect(rowOf(diff, 'cost.total_stage_cost_usd').group).toBe('totals');
    expect(rowOf(diff, 'eval.intrinsic.cost.total_cost_usd').baseline.median).toBe(0.19104);
    // Every number the gate can read is in the diff, also those outside the llm_*/total_* families.
    const numericKeys = Object.entries(JSON.parse(readFileSync(PIPELINE_METRICS_SKELETON, 'utf8')) as Record<string, unknown>).filter(([, v]) => typeof v === 'number' || v === null);
    for (const [key] of numericKeys)
      expect(
        costRows.some((r) => r.metric === `cost.${key}`),
        key,
      ).toBe(true);
    expect(costRows.length).toBeGreaterThan(30);
  });
});

describe('diff of repeated runs', () => {
  it('compares medians and notes runs without the value', () => {
    const dir = tempDir();
    const base = wallRepeats(STAGED_PROFILE, dir, 'b', [1, 1.02, 0.97]);
    const cand = wallRepeats(BUNDLED_PROFILE, dir, 'c', [1, 1.1, 0.99, 1.01]);
    const diff = diffSides(side('baseline', ...base), side('candidate', ...cand));
    const total = rowOf(diff, 'profile.totals.wall_time_s');
    expect(total.baseline.values).toHaveLength(3);
    expect(total.baseline.median).toBe(40.3144);
    expect(total.candidate.median).toBeCloseTo((21.5184 + 21.7336) / 2, 4);
    const mixed = diffSides(side('baseline', ...base), side('candidate', run(STAGED_PROFILE), run(BUNDLED_PROFILE)));
    expect(rowOf(mixed, 'profile.stages.transcript_cleaning.peak_rss_mb').note).toBe('candidate: 1 of 2 runs');
    const wall = rowOf(mixed, 'profile.stages.transcript_cleaning.wall_time_s');
    expect(wall.candidate.values).toEqual([42.08, 0]);
    expect(wall.note).toBe('stage absent in candidate: 0 s');
  });
});
