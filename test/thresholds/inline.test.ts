/** The action's `thresholds` input and how it is merged over the issue's thresholds. */
import { describe, expect, it } from 'vitest';
import { mergeThresholds, parseInlineThresholds, parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';
import { issue } from './corpus.js';

describe('parseInlineThresholds', () => {
  it('reads the block YAML without a fence, with lines of the input and origin input', () => {
    const spec = parseInlineThresholds('baseline: references/main\r\nthresholds:\r\n  profile.totals.wall_time_s: "<= -10%"\r\n');
    expect(spec).toEqual({
      baseline: 'references/main',
      thresholds: [
        { metric: 'profile.totals.wall_time_s', rule: { op: '<=', form: 'relative', value: -10, unit: '%', text: '<= -10%' }, kind: 'guardrail', optional: false, line: 3, origin: 'input' },
      ],
      problems: [],
    });
  });

  it('is empty for an empty input', () => {
    expect(parseInlineThresholds('  \n')).toEqual({ thresholds: [], problems: [] });
  });

  it('accepts a pasted optimization-gate block and refuses other fences', () => {
    const fenced = parseInlineThresholds('\n```optimization-gate\nthresholds:\n  profile.totals.peak_rss_mb: "<= +5%"\n```\n');
    expect(fenced.problems).toEqual([]);
    expect(fenced.thresholds.map((t) => [t.line, t.metric])).toEqual([[4, 'profile.totals.peak_rss_mb']]);
    expect(parseInlineThresholds('```yaml\nthresholds: {}\n```').problems).toEqual([{ line: 1, text: '```yaml', expected: 'YAML without a fence (or an `optimization-gate` block)', origin: 'input' }]);
  });

  it('reports problems at input lines', () => {
    const spec = parseInlineThresholds('thresholds:\n  profile.totals.wall_time_s: "<= 5MB"\n  nope: "<= 1"\nrepeat: 2.5\n');
    expect(spec.problems.map((p) => [p.line, p.origin, p.text])).toEqual([
      [2, 'input', 'profile.totals.wall_time_s: "<= 5MB"'],
      [3, 'input', 'nope: "<= 1"'],
      [4, 'input', 'repeat: 2.5'],
    ]);
  });
});

describe('mergeThresholds', () => {
  it('lets an input entry replace every issue entry for its metric, and input baseline/repeat win', () => {
    const fromIssue = parseIssueThresholds(issue('valid-11-several-rules-per-metric.md'));
    const input = parseInlineThresholds('repeat: 7\nthresholds:\n  profile.totals.wall_time_s: { rule: "<= -30%", kind: target }\n');
    const merged = mergeThresholds(fromIssue, input);
    expect(merged.repeat).toBe(7);
    expect(merged.baseline).toBeUndefined();
    expect(merged.thresholds.map((t) => [t.metric, t.rule.text, t.origin])).toEqual([
      ['eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1', '>= 0.30', 'block'],
      ['eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1', '>= -0.02', 'block'],
      ['profile.totals.peak_rss_mb', '<= +5%', 'table'],
      ['profile.totals.peak_rss_mb', '<= 700MB', 'table'],
      ['profile.totals.wall_time_s', '<= -30%', 'input'],
    ]);
  });

  it('keeps the problems of both and the issue baseline when the input has none', () => {
    const fromIssue = parseIssueThresholds(issue('broken-08-repeat-and-baseline.md'));
    const merged = mergeThresholds(parseIssueThresholds(issue('valid-01-issue477-decision-gate.md')), parseInlineThresholds('thresholds:\n  x.y: "<= 1"\n'));
    expect(merged.baseline).toBe('data/profiles/issue-477/issue477-staged-gpt4o.yaml');
    expect(merged.problems.map((p) => [p.origin, p.line])).toEqual([['input', 2]]);
    const both = mergeThresholds(fromIssue, parseInlineThresholds('repeat: 0\n'));
    expect(both.problems.map((p) => [p.origin, p.line])).toEqual([
      ['block', 2],
      ['block', 3],
      ['input', 1],
    ]);
  });
});
