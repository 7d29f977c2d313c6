import { describe, expect, it } from 'vitest';
import { MAX_CHECK_LENGTH, MAX_DEPTH, parseCheck } from '../../src/compare/grammar/hypotheses/expression.js';
import type { Check, Expr } from '../../src/compare/grammar/hypotheses/types.js';

function ok(text: string): Check {
  const parsed = parseCheck(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.expected}`);
  return parsed.check;
}

function problem(text: string): string {
  const parsed = parseCheck(text);
  if (parsed.ok) throw new Error(`${text} parsed`);
  return parsed.expected;
}

/** The tree in a compact form: (op a b), share(a, b), sum(p), metric paths, numbers with their dimension. */
function shape(e: Expr): string {
  switch (e.type) {
    case 'number':
      return `${e.value}${e.dim === 'free' ? '' : `:${e.dim}`}`;
    case 'metric':
      return e.path;
    case 'sum':
      return `sum(${e.pattern})`;
    case 'share':
      return `share(${shape(e.part)}, ${shape(e.whole)})`;
    case 'negate':
      return `(- ${shape(e.operand)})`;
    case 'binary':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
  }
}

const WALL = 'profile.totals.wall_time_s';
const H1 = 'share(profile.stages.transcript_cleaning.wall_time_s + profile.stages.summarization.wall_time_s, sum(profile.stages.*.wall_time_s)) >= 0.5';

describe('hypothesis checks: the language', () => {
  it('reads the H1 check of the issue: a share of two stage walls in the summed stage wall time', () => {
    const check = ok(H1);
    expect(check.op).toBe('>=');
    expect(shape(check.left)).toBe('share((+ profile.stages.transcript_cleaning.wall_time_s profile.stages.summarization.wall_time_s), sum(profile.stages.*.wall_time_s))');
    expect(check.left.dim).toBe('none');
    expect(shape(check.right)).toBe('0.5');
  });

  it('precedence and brackets: * / before + -, left to right, unary minus', () => {
    expect(shape(ok(`${WALL} - 2 * 3 / 4 + 1 > 0`).left)).toBe(`(+ (- ${WALL} (/ (* 2 3) 4)) 1)`);
    expect(shape(ok(`(${WALL} - 2) * 3 > 0`).left)).toBe(`(* (- ${WALL} 2) 3)`);
    expect(shape(ok(`-${WALL} < -1`).left)).toBe(`(- ${WALL})`);
    expect(shape(ok(`${WALL} − 1 ≥ 2`).left)).toBe(`(- ${WALL} 1)`);
    expect(ok(`${WALL} ≤ 2`).op).toBe('<=');
    expect(ok('eval.intrinsic.gates.truncation_rate == 0').op).toBe('==');
  });

  it('units as in thresholds, converted to the base unit of their dimension', () => {
    expect(shape(ok(`${WALL} < 1 min`).right)).toBe('60:time');
    expect(shape(ok(`${WALL} < 1500ms`).right)).toBe('1.5:time');
    expect(shape(ok('profile.totals.peak_rss_mb <= 1 GB').right)).toBe('1024:memory');
    expect(shape(ok('cost.total_stage_cost_usd <= $0.05').right)).toBe('0.05:money');
    expect(shape(ok('cost.total_stage_cost_usd <= 0.05 USD').right)).toBe('0.05:money');
    expect(shape(ok(`share(${WALL}, truth.sum_mapped_stage_wall_s) >= 50%`).right)).toBe('0.5:none');
    // A bare number takes the dimension of the other side, as a rule's does.
    expect(ok(`${WALL} < 60`).right.dim).toBe('free');
    // A ratio of two times has no unit; a time divided by a count stays a time.
    expect(ok(`${WALL} / truth.sum_mapped_stage_wall_s < 1`).left.dim).toBe('none');
    expect(ok(`${WALL} / profile.episodes_processed < 30s`).left.dim).toBe('time');
  });

  it('metric paths: the four documents, `*` only inside sum(), `-` inside a name', () => {
    expect(shape(ok('eval.vs_reference.silver-v1.rougeL_f1 >= 0.3').left)).toBe('eval.vs_reference.silver-v1.rougeL_f1');
    expect(shape(ok('sum(truth.wall_seconds_by_stage.*) * 2 > 1').left)).toBe('(* sum(truth.wall_seconds_by_stage.*) 2)');
    expect(shape(ok(`${WALL} - 2 > 1`).left)).toBe(`(- ${WALL} 2)`);
  });
});

describe('hypothesis checks: every mistake is located, with what was expected', () => {
  it.each([
    [WALL, 'a comparison (`<`, `<=`, `>`, `>=`, `==`) and a bound, e.g. `>= 0.5`, found the end of the check, at column 27 of the check'],
    [`${WALL} >`, 'a metric, a number, `sum(`, `share(` or `(`, found the end of the check, at column 29 of the check'],
    [`${WALL} > 1 < 2`, 'one comparison per check (write another hypothesis for a second bound), found `<`, at column 32 of the check'],
    [`${WALL} = 2`, 'a comparison `<`, `<=`, `>`, `>=` or `==` (`=` alone and `!=` are not part of the language), at column 28 of the check'],
    [`${WALL} != 2`, 'a comparison `<`, `<=`, `>`, `>=` or `==` (`=` alone and `!=` are not part of the language), at column 28 of the check'],
    [`${WALL} => 2`, 'a comparison `<`, `<=`, `>`, `>=` or `==` (`=` alone and `!=` are not part of the language), at column 28 of the check'],
    [`${WALL} <> 2`, 'a comparison `<`, `<=`, `>`, `>=` or `==`, at column 28 of the check'],
    [`max(${WALL}) > 1`, 'a function `sum(` or `share(` (no others exist), found `max(`, at column 1 of the check'],
    [`sum(${WALL}) > 1`, 'a metric pattern with `*` inside `sum(`, e.g. `sum(profile.stages.*.wall_time_s)`; without `*` write the metric alone, at column 5 of the check'],
    [`sum(profile.stages.*.wall_time_s > 1`, 'a closing `)` after the pattern of `sum(`, found `>`, at column 34 of the check'],
    [`share(${WALL}) > 1`, 'a `,` between the part and the whole of `share(part, whole)`, found `)`, at column 33 of the check'],
    [`(${WALL} > 1`, 'a closing `)`, found `>`, at column 29 of the check'],
    [`${WALL} + profile.totals.peak_rss_mb > 1`, 'values of one kind on both sides of `+` (here a time and a memory size), at column 28 of the check'],
    [`${WALL} > 1 GB`, 'values of one kind on both sides of `>` (here a time and a memory size), at column 28 of the check'],
    [`${WALL} * ${WALL} > 1`, 'at most one side of `*` with a unit (here a time times a time), at column 28 of the check'],
    [`1 / ${WALL} > 1`, 'a divisor without a unit, or the same unit on both sides of `/` (here a number divided by a time), at column 3 of the check'],
    ['profile.stages.clean.avg_cpu_pct < 50%', 'values of one kind on both sides of `<` (here a CPU % of one core and a plain number), at column 34 of the check'],
    [`share(${WALL}, profile.totals.peak_rss_mb) > 0.5`, 'values of one kind on both sides of `share` (here a time and a memory size), at column 1 of the check'],
    [`${WALL}-2 > 1`, 'spaces around a minus (`profile.totals.wall_time_s - 2`): a `-` inside a name is part of the name, at column 1 of the check'],
    ['wall_time_s > 1', 'a dotted metric path starting with `profile.`, `truth.`, `eval.`, `cost.`, e.g. `profile.totals.wall_time_s`, at column 1 of the check'],
    ['profile.stages.*.wall_time_s > 1', 'a metric path without `*` outside `sum(…)` (a check compares numbers, a pattern is many), at column 1 of the check'],
    [`${WALL} > 5 parsecs`, 'an operator (+ - * /) or the end of the check, found `parsecs`, at column 32 of the check'],
    [`${WALL} > 5parsecs`, 'a known unit (ms, s, min, h, B, KB, MB, GB, KiB, MiB, GiB, $, USD) after the number, got `parsecs`, at column 31 of the check'],
    [`${WALL} > $`, 'a number after `$`, e.g. `$0.05`, at column 31 of the check'],
    [`${WALL} > $5%`, 'either `$` or `%` on a number, not both, at column 32 of the check'],
    [`${WALL} > 1 ; 2`, 'a metric, a number, an operator (+ - * /), a comparison or a bracket, got `;`, at column 32 of the check'],
    ['   ', 'a check: a comparison of metrics and numbers, e.g. `share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6`'],
  ])('%s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('bounds what it reads: the length of a check and the nesting of brackets', () => {
    expect(problem(`${WALL} > ${'1 + '.repeat(300)}1`)).toBe(`a check of at most ${MAX_CHECK_LENGTH} characters`);
    // A long flat chain is fine (the parser loops over it, it does not recurse).
    expect(ok(`${WALL} > ${'1 + '.repeat(200)}1`).right.dim).toBe('free');
    expect(ok(`${'('.repeat(MAX_DEPTH)}${WALL}${')'.repeat(MAX_DEPTH)} > 1`).op).toBe('>');
    expect(problem(`${'('.repeat(MAX_DEPTH + 1)}${WALL}${')'.repeat(MAX_DEPTH + 1)} > 1`)).toBe(`at most ${MAX_DEPTH} nested brackets or signs, at column ${MAX_DEPTH + 1} of the check`);
    expect(problem(`${'-'.repeat(MAX_DEPTH + 1)}${WALL} > 1`)).toBe(`at most ${MAX_DEPTH} nested brackets or signs, at column ${MAX_DEPTH + 1} of the check`);
  });
});
