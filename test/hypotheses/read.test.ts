import { describe, expect, it } from 'vitest';
import { formatProblem, mergeThresholds, parseInlineThresholds, parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';

const H1_CHECK = 'share(profile.stages.transcript_cleaning.wall_time_s + profile.stages.summarization.wall_time_s, sum(profile.stages.*.wall_time_s)) >= 0.5';

/** The issue 12 example, as a user would paste it. */
const ISSUE = [
  '## Hypotheses', // 1
  '', // 2
  '```optimization-gate', // 3
  'thresholds:', // 4
  '  profile.totals.wall_time_s: { rule: "<= -20%", kind: target }', // 5
  'hypotheses:', // 6
  '  H1:', // 7
  '    claim: cleaning + summarization dominate sequential cost per episode', // 8
  `    check: "${H1_CHECK}"`, // 9
  '    lever: bundle cleaning into the summarization call', // 10
  '  H2:', // 11
  '    claim: summarization tokens are most of the spend', // 12
  '    check: "share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6"', // 13
  '```', // 14
].join('\n');

const lines = (body: string) => parseIssueThresholds(body).problems.map(formatProblem);

describe('hypotheses in the issue block', () => {
  it('reads the example of issue 12 beside its thresholds', () => {
    const spec = parseIssueThresholds(ISSUE);
    expect(spec.problems).toEqual([]);
    expect(spec.thresholds.map((t) => t.metric)).toEqual(['profile.totals.wall_time_s']);
    expect(spec.hypotheses?.map((h) => [h.id, h.line, h.origin, h.claim, h.lever, h.check.text])).toEqual([
      ['H1', 7, 'block', 'cleaning + summarization dominate sequential cost per episode', 'bundle cleaning into the summarization call', H1_CHECK],
      ['H2', 11, 'block', 'summarization tokens are most of the spend', undefined, 'share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6'],
    ]);
  });

  it('takes the check alone as the value, quoted or not', () => {
    const spec = parseIssueThresholds('```optimization-gate\nhypotheses:\n  H3: profile.stages.summarization.avg_cpu_pct < 1\n  H4: "truth.parallelism_hint_ratio > 1.5"\n```');
    expect(spec.problems).toEqual([]);
    expect(spec.hypotheses?.map((h) => [h.id, h.check.op, h.line])).toEqual([
      ['H3', '<', 3],
      ['H4', '>', 4],
    ]);
  });

  it('locates every mistake on its line, with what was expected', () => {
    const body = [
      '```optimization-gate', // 1
      'hypotheses:', // 2
      '  H1:', // 3
      '    claim: no check here', // 4
      '  H2:', // 5
      '    check: "profile.totals.wall_time_s + profile.totals.peak_rss_mb > 1"', // 6
      '    levers: typo', // 7
      '  H3: 5', // 8
      '  bad id!: "profile.totals.wall_time_s > 1"', // 9
      '  H5:', // 10
      '    check: "profile.totals.wall_time_s > 1"', // 11
      '    claim: [a, list]', // 12
      '```', // 13
    ].join('\n');
    expect(lines(body)).toEqual([
      'line 3: `H1:` — expected `check:` in hypothesis H1, e.g. `check: "share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6"`',
      'line 6: `check: "profile.totals.wall_time_s + profile.totals.peak_rss_mb > 1"` — expected values of one kind on both sides of `+` (here a time and a memory size), at column 28 of the check',
      'line 7: `levers: typo` — expected one of the keys `claim`, `check`, `lever`',
      'line 8: `H3: 5` — expected a check as text, e.g. `share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6`',
      'line 9: `bad id!: "profile.totals.wall_time_s > 1"` — expected a hypothesis id of letters, digits, `_`, `-` or `.` (at most 40), e.g. `H1`',
      'line 12: `claim: [a, list]` — expected `claim` as one line of text',
    ]);
    expect(parseIssueThresholds(body).hypotheses).toBeUndefined();
  });

  it('wants a mapping under hypotheses:', () => {
    expect(lines('```optimization-gate\nhypotheses:\n  - H1\n```')).toEqual([
      'line 3: `- H1` — expected under `hypotheses:` a mapping of id → { claim, check, lever }, e.g. `H1: { check: "share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6" }`',
    ]);
  });

  it('a table with Hypothesis and Check columns (Claim, Lever optional); an id in both forms is a problem', () => {
    const body = [
      ISSUE, // 1–14
      '', // 15
      '| Hypothesis | Claim | Check |', // 16
      '| --- | --- | --- |', // 17
      '| H6 | parallelism collapses the wall | `sum(profile.stages.*.wall_time_s) / profile.totals.wall_time_s &gt;= 2` |', // 18
      '| H1 | again | `profile.totals.wall_time_s > 1` |', // 19
      '| | | |', // 20
      '| H7 | no check | |', // 21
      '| | orphan | `profile.totals.wall_time_s > 1` |', // 22
    ].join('\n');
    const spec = parseIssueThresholds(body);
    expect(spec.hypotheses?.map((h) => [h.id, h.origin, h.line, h.claim])).toEqual([
      ['H1', 'block', 7, 'cleaning + summarization dominate sequential cost per episode'],
      ['H2', 'block', 11, 'summarization tokens are most of the spend'],
      ['H6', 'table', 18, 'parallelism collapses the wall'],
    ]);
    expect(spec.hypotheses?.[2]?.check.text).toBe('sum(profile.stages.*.wall_time_s) / profile.totals.wall_time_s >= 2');
    expect(spec.problems.map(formatProblem)).toEqual([
      'line 19: `H1` — expected each hypothesis id once: `H1` is also at line 7',
      'line 21: `| H7 | no check | |` — expected a check: a comparison of metrics and numbers, e.g. `share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6`',
      'line 22: ``| | orphan | `profile.totals.wall_time_s > 1` |`` — expected an id in the `Hypothesis` column, e.g. `H1`',
    ]);
  });

  it('the thresholds input may add or replace hypotheses by id', () => {
    const inline = parseInlineThresholds('hypotheses:\n  H2: "share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.5"\n  H9: "profile.totals.wall_time_s < 1 min"\n');
    const merged = mergeThresholds(parseIssueThresholds(ISSUE), inline);
    expect(merged.hypotheses?.map((h) => [h.id, h.origin, h.check.right.type === 'number' ? h.check.right.value : null])).toEqual([
      ['H1', 'block', 0.5],
      ['H2', 'input', 0.5],
      ['H9', 'input', 60],
    ]);
  });
});

describe('max-cost-usd in the block', () => {
  it.each([
    ['2.5', 2.5],
    ['"$2.50"', 2.5],
    ['"2.50 USD"', 2.5],
    ['0', 0],
  ])('max-cost-usd: %s', (written, value) => {
    const spec = parseIssueThresholds(`\`\`\`optimization-gate\nmax-cost-usd: ${written}\nthresholds:\n  profile.totals.wall_time_s: "<= +5%"\n\`\`\``);
    expect(spec.problems).toEqual([]);
    expect(spec.maxCostUsd).toBe(value);
  });

  it('anything else is a located problem; the input wins over the issue', () => {
    expect(lines('```optimization-gate\nmax-cost-usd: lots\n```')).toEqual(['line 2: `max-cost-usd: lots` — expected `max-cost-usd:` a budget in US dollars, e.g. `max-cost-usd: 2.50` or `"$2.50"`']);
    expect(lines('```optimization-gate\nmax-cost-usd: -1\n```')[0]).toMatch(/^line 2: .* expected `max-cost-usd:` a budget/);
    const merged = mergeThresholds(parseIssueThresholds('```optimization-gate\nmax-cost-usd: 5\n```'), parseInlineThresholds('max-cost-usd: 1\n'));
    expect(merged.maxCostUsd).toBe(1);
  });
});
