/** Valid issue bodies: every threshold as parsed (metric, op, form, value, kind, optional, line), no problems. */
import { describe, expect, it } from 'vitest';
import { parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';
import { issue, issueFiles, rows, type ThresholdRow } from './corpus.js';

const ROUGE_L = 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1';

const VALID: Record<string, { baseline?: string; repeat?: number; thresholds: ThresholdRow[] }> = {
  'valid-01-issue477-decision-gate.md': {
    baseline: 'data/profiles/issue-477/issue477-staged-gpt4o.yaml',
    repeat: 3,
    thresholds: [
      [28, ROUGE_L, '>=', 'delta', -0.02, 'guardrail', false, 'block'],
      [29, 'profile.totals.wall_time_s', '<=', 'relative', -20, 'target', false, 'block'],
      [30, 'profile.totals.peak_rss_mb', '<=', 'relative', 5, 'guardrail', false, 'block'],
      [31, 'cost.total_episode_estimated_cost_usd', '<=', 'relative', 0, 'guardrail', false, 'block'],
      [32, 'eval.intrinsic.gates.boilerplate_leak_rate', '<=', 'absolute', 0, 'guardrail', false, 'block'],
    ],
  },
  'valid-02-table-only.md': {
    thresholds: [
      [9, 'eval.intrinsic.performance.avg_latency_ms', '<=', 'relative', -30, 'target', false, 'table'],
      [10, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rouge1_f1', '>=', 'delta', -0.01, 'guardrail', false, 'table'],
      [11, 'cost.llm_summarization_cost_usd', '<=', 'relative', 10, 'guardrail', false, 'table'],
      [12, 'profile.stages.summarization.wall_time_s', '<=', 'absolute', 30, 'target', false, 'table'],
    ],
  },
  'valid-03-block-and-table.md': {
    thresholds: [
      [5, 'cost.llm_gi_cost_usd', '<=', 'relative', -30, 'target', false, 'block'],
      [6, 'cost.llm_gi_calls', '<=', 'delta', 0, 'guardrail', false, 'block'],
      [13, 'profile.totals.wall_time_s', '<=', 'relative', 10, 'guardrail', false, 'table'],
      [14, ROUGE_L, '>=', 'delta', -0.02, 'guardrail', false, 'table'],
    ],
  },
  'valid-04-crlf.md': {
    repeat: 5,
    thresholds: [
      [8, 'profile.stages.vector_indexing.wall_time_s', '<=', 'relative', -25, 'target', false, 'block'],
      [9, 'profile.stages.vector_indexing.peak_rss_mb', '<=', 'absolute', 700, 'guardrail', false, 'block'],
      [14, 'truth.global_peak_rss_mb_sampled', '<=', 'relative', 5, 'guardrail', false, 'table'],
    ],
  },
  'valid-05-units.md': {
    thresholds: [
      [7, 'eval.intrinsic.performance.avg_latency_ms', '<=', 'absolute', 2500, 'guardrail', false, 'block'],
      [8, 'profile.totals.peak_rss_mb', '<=', 'absolute', 1024, 'guardrail', false, 'block'],
      [9, 'profile.totals.wall_time_s', '<=', 'absolute', 90, 'guardrail', false, 'block'],
      [10, 'profile.totals.avg_wall_time_per_episode_s', '<=', 'delta', 120, 'guardrail', false, 'block'],
      [11, 'profile.stages.kg_extraction.peak_rss_mb', '<=', 'delta', 0.5, 'guardrail', false, 'block'],
      [12, 'cost.total_stage_cost_usd', '<=', 'absolute', 0.05, 'guardrail', false, 'block'],
      [13, 'cost.llm_summarization_cost_usd', '<=', 'absolute', 0.1, 'guardrail', false, 'block'],
      [14, 'profile.stages.vector_indexing.avg_cpu_pct', '<=', 'absolute', 150, 'guardrail', false, 'block'],
      [15, 'truth.run_wall_s', '<', 'absolute', 3600, 'guardrail', false, 'block'],
    ],
  },
  'valid-06-wildcards.md': {
    thresholds: [
      [5, 'profile.stages.*.peak_rss_mb', '<=', 'relative', 10, 'guardrail', false, 'block'],
      [6, 'truth.resource_by_stage_psutil.*.avg_cpu_pct', '<=', 'delta', 50, 'guardrail', false, 'block'],
      [7, 'eval.vs_reference.*.rougeL_f1', '>=', 'delta', -0.02, 'guardrail', false, 'block'],
      [8, 'cost.llm_token_totals_by_stage.*.output_tokens', '<=', 'relative', 5, 'guardrail', false, 'block'],
    ],
  },
  'valid-07-optional-kind.md': {
    thresholds: [
      [5, 'profile.totals.wall_time_s', '<=', 'relative', -10, 'target', false, 'block'],
      [6, 'eval.intrinsic.cost.total_cost_usd', '<=', 'relative', 0, 'guardrail', true, 'block'],
      [7, 'eval.vs_reference.silver_opus47_smoke_v1.embedding_cosine', '>=', 'delta', -0.01, 'guardrail', true, 'block'],
      [15, 'eval.intrinsic.performance.p95_latency_ms', '<=', 'relative', 15, 'guardrail', true, 'table'],
      [16, 'eval.intrinsic.performance.median_latency_ms', '<=', 'relative', -10, 'target', false, 'table'],
      [17, 'cost.total_episode_estimated_cost_usd', '<', 'relative', -5, 'target', true, 'table'],
    ],
  },
  'valid-08-tilde-fence-in-list.md': {
    thresholds: [
      [8, 'profile.totals.wall_time_s', '<=', 'relative', -15, 'guardrail', false, 'block'],
      [9, 'profile.totals.peak_rss_mb', '<=', 'relative', 5, 'guardrail', false, 'block'],
    ],
  },
  'valid-09-template-with-comments.md': {
    thresholds: [[22, 'profile.stages.speaker_detection.wall_time_s', '<=', 'relative', -40, 'target', false, 'table']],
  },
  'valid-10-other-code-blocks.md': {
    thresholds: [[25, 'profile.totals.wall_time_s', '<=', 'relative', -20, 'guardrail', false, 'block']],
  },
  'valid-11-several-rules-per-metric.md': {
    thresholds: [
      [6, ROUGE_L, '>=', 'absolute', 0.3, 'guardrail', false, 'block'],
      [7, ROUGE_L, '>=', 'delta', -0.02, 'guardrail', false, 'block'],
      [8, 'profile.totals.wall_time_s', '<=', 'relative', -20, 'guardrail', false, 'block'],
      [8, 'profile.totals.wall_time_s', '<=', 'absolute', 35, 'guardrail', false, 'block'],
      [13, 'profile.totals.peak_rss_mb', '<=', 'relative', 5, 'guardrail', false, 'table'],
      [14, 'profile.totals.peak_rss_mb', '<=', 'absolute', 700, 'guardrail', false, 'table'],
    ],
  },
  'valid-12-unicode-and-escapes.md': {
    thresholds: [
      [5, ROUGE_L, '>=', 'delta', -0.02, 'guardrail', false, 'block'],
      [6, 'profile.totals.wall_time_s', '<=', 'relative', -20, 'guardrail', false, 'block'],
      [11, 'profile.totals.peak_rss_mb', '<=', 'relative', 5, 'guardrail', false, 'table'],
      [12, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.wer', '<=', 'delta', 0.05, 'guardrail', false, 'table'],
    ],
  },
  'valid-13-zero-forms.md': {
    thresholds: [
      [5, 'cost.total_stage_cost_usd', '<=', 'relative', 0, 'guardrail', false, 'block'],
      [6, 'cost.llm_gi_calls', '<=', 'delta', 0, 'guardrail', false, 'block'],
      [7, 'eval.intrinsic.gates.truncation_rate', '<=', 'absolute', 0, 'guardrail', false, 'block'],
      [8, 'eval.intrinsic.gates.speaker_label_leak_rate', '<=', 'delta', 0, 'guardrail', false, 'block'],
      [9, 'profile.totals.wall_time_s', '<', 'relative', 0, 'guardrail', false, 'block'],
    ],
  },
  'valid-14-baseline-only-block.md': {
    baseline: 'references/v2.6.0-openai',
    repeat: 1,
    thresholds: [
      [12, 'profile.totals.wall_time_s', '<=', 'relative', -10, 'target', false, 'table'],
      [13, 'truth.parallelism_hint_ratio', '>=', 'absolute', 1.5, 'guardrail', false, 'table'],
    ],
  },
  'valid-15-tables-without-rule-column.md': {
    thresholds: [[16, 'profile.totals.avg_wall_time_per_episode_s', '<=', 'relative', -20, 'guardrail', false, 'table']],
  },
  'valid-16-gfm-table-rules.md': {
    thresholds: [
      [5, 'profile.stages.gi_generation.wall_time_s', '<=', 'relative', 10, 'guardrail', false, 'table'],
      [7, 'profile.stages.gi_generation.peak_rss_mb', '<=', 'relative', 10, 'guardrail', false, 'table'],
      [12, 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.coverage_ratio', '>=', 'delta', -0.01, 'guardrail', true, 'table'],
    ],
  },
};

describe('valid issue bodies', () => {
  it('covers every valid-*.md of the corpus', () => {
    expect(Object.keys(VALID)).toEqual(issueFiles().filter((f) => f.startsWith('valid-')));
  });

  for (const [name, want] of Object.entries(VALID)) {
    it(name, () => {
      const spec = parseIssueThresholds(issue(name));
      expect(spec.problems).toEqual([]);
      expect(rows(spec)).toEqual(want.thresholds);
      expect(spec.baseline).toBe(want.baseline);
      expect(spec.repeat).toBe(want.repeat);
    });
  }

  it('keeps each rule and unit exactly as written', () => {
    const units = parseIssueThresholds(issue('valid-05-units.md')).thresholds.map((t) => [t.rule.text, t.rule.unit]);
    expect(units).toEqual([
      ['<= 2.5s', 's'],
      ['<= 1GB', 'GB'],
      ['<= 90 sec', 'sec'],
      ['<= +2min', 'min'],
      ['<= +512KiB', 'KiB'],
      ['<= $0.05', '$'],
      ['<= 0.10 USD', 'USD'],
      ['<= 150', undefined],
      ['< 1h', 'h'],
    ]);
    const unicode = parseIssueThresholds(issue('valid-12-unicode-and-escapes.md')).thresholds.map((t) => t.rule.text);
    expect(unicode).toEqual(['≥ −0.02', '≤ -20%', '<= +5%', '<= +0.05']);
  });
});
