import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseIssueThresholds, formatProblem } from '../../src/compare/grammar/thresholds/index.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('threshold examples shipped with the project', () => {
  it("examples/issue-477.md (the README's example report) parses into its 4 thresholds without problems", () => {
    const spec = parseIssueThresholds(read('examples/issue-477.md'));
    expect(spec.problems.map(formatProblem)).toEqual([]);
    expect(spec.thresholds.map((t) => [t.metric, t.rule.text, t.kind, t.optional])).toEqual([
      ['profile.totals.wall_time_s', '<= -20%', 'target', false],
      ['profile.totals.peak_rss_mb', '<= +5%', 'guardrail', false],
      ['profile.stages.*.peak_rss_mb', '<= +5%', 'guardrail', true],
      ['profile.stages.gi_generation.wall_time_s', '<= +25%', 'guardrail', false],
    ]);
  });

  it('examples/issue.md (the demo) parses into its 8 thresholds without problems', () => {
    const spec = parseIssueThresholds(read('examples/issue.md'));
    expect(spec.problems.map(formatProblem)).toEqual([]);
    expect(spec.thresholds.map((t) => [t.metric, t.rule.text, t.kind, t.optional, t.origin])).toEqual([
      ['profile.totals.wall_time_s', '<= -15%', 'target', false, 'block'],
      ['cost.total_stage_cost_usd', '<= -30%', 'target', false, 'block'],
      ['profile.totals.peak_rss_mb', '<= +10%', 'guardrail', false, 'block'],
      ['profile.stages.*.peak_rss_mb', '<= +15%', 'guardrail', true, 'block'],
      ['eval.vs_reference.silver_example_v1.rougeL_f1', '>= -0.02', 'guardrail', false, 'block'],
      ['eval.intrinsic.gates.truncation_rate', '<= 0', 'guardrail', false, 'table'],
      ['eval.intrinsic.gates.boilerplate_leak_rate', '<= 0', 'guardrail', false, 'table'],
      ['eval.intrinsic.performance.avg_latency_ms', '<= +10%', 'guardrail', false, 'table'],
    ]);
  });

  it.each(['README.md', 'docs/thresholds.md'])('every threshold block of %s parses without problems', (page) => {
    const blocks = [...read(page).matchAll(/^(`{3,})optimization-gate\n[\s\S]*?^\1$/gm)].map((m) => m[0]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const spec = parseIssueThresholds(block);
      expect(spec.problems.map(formatProblem), block).toEqual([]);
      expect(spec.thresholds.length, block).toBeGreaterThan(0);
    }
  });
});
