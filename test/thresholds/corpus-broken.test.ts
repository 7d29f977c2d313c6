/** Broken issue bodies: every problem with its exact line, offending text and expectation; all reported together. */
import { describe, expect, it } from 'vitest';
import { parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';
import * as E from './corpus.js';
import { issue, issueFiles, problemRows, type ProblemRow } from './corpus.js';

const ROUGE_L = 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1';

/** Problems, and the lines of the thresholds that were still read correctly. */
const BROKEN: Record<string, { problems: ProblemRow[]; readLines: number[] }> = {
  'broken-01-bad-operator.md': {
    problems: [
      [5, 'block', 'profile.totals.wall_time_s: "=< -20%"', E.RULE_OP],
      [6, 'block', 'profile.totals.peak_rss_mb: "== 0%"', E.RULE_OP],
      [7, 'block', 'eval.intrinsic.gates.truncation_rate: "0"', E.RULE_OP],
      [12, 'table', '`!= 0`', E.RULE_OP],
      [13, 'table', '`=> +0`', E.RULE_OP],
    ],
    readLines: [],
  },
  'broken-02-missing-value.md': {
    problems: [
      [5, 'block', 'profile.totals.wall_time_s: "<="', E.RULE],
      [6, 'block', 'profile.totals.peak_rss_mb:', E.RULE_MISSING],
      [7, 'block', 'eval.intrinsic.performance.avg_latency_ms: "<= fast"', E.RULE],
      [12, 'table', '`<= %`', E.RULE],
    ],
    readLines: [],
  },
  'broken-03-unit-mismatch.md': {
    problems: [
      [3, 'block', 'profile.totals.wall_time_s: "<= 650MB"', 'a time unit for `profile.totals.wall_time_s` (in s): s, ms, min, h'],
      [4, 'block', `${ROUGE_L}: ">= -2s"`, E.noUnit(ROUGE_L, '>= -2')],
      [5, 'block', 'profile.totals.peak_rss_mb: "<= -20% MB"', E.RELATIVE_UNIT],
      [6, 'block', 'profile.stages.summarization.avg_cpu_pct: "<= 150%s"', E.RELATIVE_UNIT],
      [7, 'block', 'cost.total_stage_cost_usd: "<= 10 parsecs"', E.unknownUnit('parsecs')],
      [8, 'block', 'profile.stages.vector_indexing.avg_cpu_pct: "<= 2s"', 'a number without a unit: `profile.stages.vector_indexing.avg_cpu_pct` is in % of one core, e.g. `<= 2`'],
      [9, 'block', 'truth.wall_seconds_by_stage.summarization: "<= 30MB"', 'a time unit for `truth.wall_seconds_by_stage.summarization` (in s): s, ms, min, h'],
    ],
    readLines: [],
  },
  'broken-04-unknown-prefix.md': {
    problems: [
      [5, 'table', '`metrics.totals.wall_time_s`', E.METRIC],
      [6, 'table', '`wall_time_s`', E.METRIC],
      [7, 'table', '`profile`', 'a path inside the `profile` document after `profile.`, e.g. `profile.totals.wall_time_s`'],
      [8, 'table', '`Profile.totals.wall_time_s`', E.METRIC],
      [9, 'table', 'ROUGE-L F1 vs silver', `${E.METRIC} (no spaces)`],
    ],
    readLines: [],
  },
  'broken-05-wildcard-mid-segment.md': {
    problems: [
      [3, 'block', 'profile.stages.summ*.wall_time_s: "<= -20%"', E.WILDCARD],
      [4, 'block', 'eval.vs_reference.**.rougeL_f1: ">= -0.02"', E.WILDCARD],
      [5, 'block', 'profile.stages..peak_rss_mb: "<= +5%"', `${E.METRIC} (no empty segment between dots)`],
    ],
    readLines: [6],
  },
  'broken-06-bad-yaml-indentation.md': {
    problems: [
      [6, 'block', 'profile.stages.transcript_cleaning.peak_rss_mb: "<= +5%"', 'valid YAML (All mapping items must start at the same column)'],
      [8, 'block', 'cost.llm_cleaning_calls: "<= 0 calls"', E.unknownUnit('calls')],
    ],
    readLines: [5, 7],
  },
  'broken-07-unknown-key.md': {
    problems: [
      [3, 'block', 'fail-on: iterate', E.TOP_KEYS],
      [4, 'block', 'thresholdz:', E.TOP_KEYS],
      [7, 'block', 'profile.totals.peak_rss_mb: { rule: "<= +5%", severity: error }', E.ENTRY_KEYS],
      [8, 'block', 'eval.intrinsic.gates.truncation_rate: { kind: guardrail }', '`rule:` in the entry, e.g. `{ rule: "<= -20%", kind: target }`'],
    ],
    readLines: [7],
  },
  'broken-08-repeat-and-baseline.md': {
    problems: [
      [2, 'block', 'baseline:', E.BASELINE],
      [3, 'block', 'repeat: 0', E.REPEAT],
    ],
    readLines: [5, 12],
  },
  'broken-09-repeat-too-large.md': {
    problems: [
      [2, 'block', 'baseline: true', E.BASELINE],
      [3, 'block', 'repeat: 500', E.REPEAT],
    ],
    readLines: [5],
  },
  'broken-10-duplicates.md': {
    problems: [
      [5, 'block', 'profile.totals.wall_time_s: "<= -30%"', '`profile.totals.wall_time_s` only once (first at line 3); for several rules on one metric write a list: `metric: ["<= -20%", "<= 60s"]`'],
      [11, 'table', `| \`${ROUGE_L}\` | \`>= -0.020\` |`, `\`${ROUGE_L}\` with rule \`>= -0.020\` only once (also at line 10)`],
      [12, 'table', '| `profile.totals.peak_rss_mb` | `<= +10%` |', 'each metric in one form only: `profile.totals.peak_rss_mb` is also in the block at line 4'],
    ],
    readLines: [3, 4, 10, 11, 12],
  },
  'broken-11-table-missing-cells.md': {
    problems: [
      [5, 'table', '| `profile.totals.wall_time_s` | | target |', E.RULE_CELL],
      [6, 'table', '| | `<= +5%` | guardrail |', E.METRIC_CELL],
      [7, 'table', '| `profile.totals.peak_rss_mb`', E.RULE_CELL],
      [8, 'table', 'must', E.KIND],
    ],
    readLines: [],
  },
  'broken-12-unterminated-fence.md': {
    problems: [[3, 'block', '```optimization-gate', E.CLOSING_FENCE]],
    readLines: [],
  },
  'broken-13-two-blocks.md': {
    problems: [[8, 'block', '```optimization-gate', E.secondBlock(1)]],
    readLines: [3, 10],
  },
  'broken-14-unquoted-gt-and-number.md': {
    problems: [
      [3, 'block', `${ROUGE_L}: >= -0.02`, E.QUOTE_GT],
      [4, 'block', 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.bleu: 0.2', 'a rule with an operator, in quotes, e.g. `">= 0.2"` or `"<= 0.2"`'],
    ],
    readLines: [5],
  },
  'broken-15-crlf.md': {
    problems: [
      [6, 'block', 'profile.totals.peak_rss_mb: "<= +5 parsecs"', E.unknownUnit('parsecs')],
      [12, 'table', '`eval.rougeL*`', E.WILDCARD],
    ],
    readLines: [5, 11],
  },
  'broken-16-near-miss-info.md': {
    problems: [
      [1, 'block', '```Optimization-Gate', 'the info string exactly `optimization-gate` after the fence'],
      [6, 'block', '```optimization_gate', 'the info string exactly `optimization-gate` after the fence'],
    ],
    readLines: [],
  },
  'broken-17-empty-blocks.md': {
    problems: [
      [1, 'block', '```optimization-gate', E.EMPTY_BLOCK],
      [6, 'block', '~~~optimization-gate', E.secondBlock(1)],
      [6, 'block', '~~~optimization-gate', E.EMPTY_BLOCK],
    ],
    readLines: [],
  },
  'broken-18-kind-optional-values.md': {
    problems: [
      [3, 'block', 'profile.totals.wall_time_s: { rule: "<= -20%", kind: goal }', E.KIND],
      [4, 'block', 'eval.intrinsic.cost.total_cost_usd: { rule: "<= 0%", optional: maybe }', E.OPTIONAL],
      [9, 'table', 'sometimes', E.OPTIONAL],
    ],
    readLines: [],
  },
  'broken-19-not-a-mapping.md': {
    problems: [[2, 'block', '- profile.totals.wall_time_s: "<= -20%"', 'a mapping with the keys `baseline`, `repeat`, `thresholds`, `compare-across`, `hypotheses`, `max-cost-usd`']],
    readLines: [],
  },
  'broken-20-thresholds-shape.md': {
    problems: [[4, 'block', '- profile.totals.wall_time_s: "<= -20%"', E.THRESHOLDS_MAP]],
    readLines: [],
  },
  'broken-21-null-thresholds-alias.md': {
    problems: [
      [5, 'block', 'thresholds:', E.THRESHOLDS_MAP],
      [12, 'block', '```optimization-gate', E.secondBlock(3)],
      [14, 'block', 'cost.total_stage_cost_usd: *runs', 'a rule as text, not a YAML alias'],
      [15, 'block', 'true: "<= 1"', 'a metric path as the key, e.g. `profile.totals.wall_time_s`'],
    ],
    readLines: [10],
  },
  'broken-22-yaml-syntax.md': {
    problems: [
      [5, 'block', 'profile.totals.wall_time_s: "<= -20%', 'valid YAML (Missing closing "quote)'],
      [9, 'block', '```optimization-gate', E.secondBlock(3)],
      [11, 'block', 'profile.totals.wall_time_s: "<= -20%"', 'valid YAML (Tabs are not allowed as indentation)'],
    ],
    readLines: [6],
  },
};

describe('broken issue bodies', () => {
  it('covers every broken-*.md of the corpus', () => {
    expect(Object.keys(BROKEN)).toEqual(issueFiles().filter((f) => f.startsWith('broken-')));
  });

  for (const [name, want] of Object.entries(BROKEN)) {
    it(name, () => {
      const spec = parseIssueThresholds(issue(name));
      expect(problemRows(spec)).toEqual(want.problems);
      expect(spec.thresholds.map((t) => t.line)).toEqual(want.readLines);
    });
  }
});
