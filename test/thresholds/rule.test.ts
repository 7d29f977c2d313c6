/** The rule grammar, metric paths, and the wording of rules and problems. */
import { describe, expect, it } from 'vitest';
import { describeRule, formatProblem } from '../../src/compare/grammar/thresholds/index.js';
import { checkKind, checkMetric, checkOptional, checkRule } from '../../src/compare/grammar/thresholds/rule.js';
import type { Rule } from '../../src/compare/grammar/thresholds/types.js';

function rule(text: string, metric = 'eval.vs_reference.silver.rougeL_f1'): Rule {
  const checked = checkRule(text, metric);
  if (!checked.ok) throw new Error(`${text}: expected ${checked.expected}`);
  return checked.value;
}

function expected(text: string, metric = 'eval.vs_reference.silver.rougeL_f1'): string {
  const checked = checkRule(text, metric);
  if (checked.ok) throw new Error(`${text} parsed as ${JSON.stringify(checked.value)}`);
  return checked.expected;
}

describe('rule grammar', () => {
  it('tells relative, delta and absolute apart by % and by the sign', () => {
    expect(rule('<= -20%')).toEqual({ op: '<=', form: 'relative', value: -20, unit: '%', text: '<= -20%' });
    expect(rule('<= +5%')).toMatchObject({ form: 'relative', value: 5 });
    expect(rule('<= 5%')).toMatchObject({ form: 'relative', value: 5 });
    expect(rule('<= 0%')).toMatchObject({ form: 'relative', value: 0 });
    expect(rule('>= -0.01')).toEqual({ op: '>=', form: 'delta', value: -0.01, text: '>= -0.01' });
    expect(rule('> +2')).toMatchObject({ op: '>', form: 'delta', value: 2 });
    expect(rule('<= +0')).toMatchObject({ form: 'delta', value: 0 });
    expect(rule('<= 0')).toMatchObject({ form: 'absolute', value: 0 });
    expect(rule('< .5')).toMatchObject({ op: '<', form: 'absolute', value: 0.5 });
    expect(rule('  >=0.3  ')).toEqual({ op: '>=', form: 'absolute', value: 0.3, text: '>=0.3' });
  });

  it('never stores a negative zero', () => {
    expect(Object.is(rule('<= -0').value, 0)).toBe(true);
    expect(Object.is(rule('<= -0%').value, 0)).toBe(true);
  });

  it('accepts ≤ ≥ and the typographic minus', () => {
    expect(rule('≤ −20%')).toMatchObject({ op: '<=', form: 'relative', value: -20, text: '≤ −20%' });
    expect(rule('≥ 0.3')).toMatchObject({ op: '>=', form: 'absolute', value: 0.3 });
  });

  it('converts units into the metric unit and keeps the unit as written', () => {
    expect(rule('<= 2.5s', 'eval.intrinsic.performance.avg_latency_ms')).toMatchObject({ value: 2500, unit: 's' });
    expect(rule('<= 1500 ms', 'profile.totals.wall_time_s')).toMatchObject({ value: 1.5, unit: 'ms' });
    expect(rule('<= 0.1min', 'profile.totals.wall_time_s')).toMatchObject({ value: 6 });
    expect(rule('<= 1.5GiB', 'profile.totals.peak_rss_mb')).toMatchObject({ value: 1536, form: 'absolute' });
    expect(rule('<= +100MB', 'profile.totals.peak_rss_mb')).toMatchObject({ value: 100, form: 'delta' });
    expect(rule('<= 2048 MB', 'profile.memory_gb')).toMatchObject({ value: 2 });
    expect(rule('<= -$0.01', 'cost.total_stage_cost_usd')).toMatchObject({ form: 'delta', value: -0.01, unit: '$' });
    expect(rule('<= 0.05$', 'cost.total_stage_cost_usd')).toMatchObject({ form: 'absolute', value: 0.05, unit: '$' });
  });

  it('says what was expected for each kind of mistake', () => {
    expect(expected('fast')).toBe('a rule OP VALUE[UNIT], e.g. `<= -20%`, `>= -0.01`, `<= 650MB`; OP is one of <=, <, >=, >');
    expect(expected('=< 1')).toContain('OP is one of <=, <, >=, >');
    expect(expected('<== 1')).toContain('OP is one of');
    expect(expected('<=')).toBe('a rule OP VALUE[UNIT], e.g. `<= -20%`, `>= -0.01`, `<= 650MB`');
    expect(expected('<= 1e3')).toContain('a known unit');
    expect(expected('<= 20%%')).toContain('a relative change in % with no unit');
    expect(expected('<= $5%', 'cost.total_stage_cost_usd')).toContain('a relative change in % with no unit');
    expect(expected('<= 1 parsec', 'profile.totals.wall_time_s')).toContain('got `parsec`');
    expect(expected('<= 5s', 'profile.totals.peak_rss_mb')).toBe('a memory unit for `profile.totals.peak_rss_mb` (in MiB): B, KB, MB, GB, KiB, MiB, GiB (MB = MiB)');
    expect(expected('<= $1', 'profile.totals.wall_time_s')).toBe('a time unit for `profile.totals.wall_time_s` (in s): s, ms, min, h');
    expect(expected('<= 5MB', 'cost.total_stage_cost_usd')).toBe('a money unit for `cost.total_stage_cost_usd` (in USD): $, USD');
    expect(expected('<= 5s', 'profile.stages.*')).toContain('no unit: `profile.stages.*` has none');
    expect(expected(`<= ${'9'.repeat(400)}`)).toContain('a finite number');
  });
});

describe('metric paths', () => {
  it('accepts dotted paths into the four documents, with whole-segment wildcards', () => {
    for (const path of ['profile.totals.wall_time_s', 'truth.resource_by_stage_psutil.*.peak_rss_mb', 'eval.vs_reference.*.rougeL_f1', 'cost.*']) {
      expect(checkMetric(path)).toEqual({ ok: true, value: path });
    }
  });

  it('refuses other sources, single segments, partial wildcards, spaces and odd characters', () => {
    for (const path of ['', 'metrics.x', 'profile', 'profile.', 'profile.a*', 'profile.*x.y', 'profile.a b', 'eval.a/b', 'PROFILE.totals']) {
      expect(checkMetric(path).ok, path).toBe(false);
    }
  });

  it('reads kind and optional from YAML values or table words', () => {
    expect(checkKind(undefined)).toEqual({ ok: true, value: 'guardrail' });
    expect(checkKind(' Target ')).toEqual({ ok: true, value: 'target' });
    expect(checkKind(true).ok).toBe(false);
    expect([true, 'yes', 'TRUE', ' Yes '].map((v) => checkOptional(v))).toEqual(Array(4).fill({ ok: true, value: true }));
    expect([false, 'no', 'False', '', undefined].map((v) => checkOptional(v))).toEqual(Array(5).fill({ ok: true, value: false }));
    expect(checkOptional(1).ok).toBe(false);
  });
});

describe('rules in words', () => {
  const cases: Array<[string, string, string]> = [
    ['<= -20%', 'profile.totals.wall_time_s', 'at least 20 % lower than the baseline'],
    ['< -20%', 'profile.totals.wall_time_s', 'more than 20 % lower than the baseline'],
    ['<= +5%', 'profile.totals.peak_rss_mb', 'at most 5 % higher than the baseline'],
    ['< +5%', 'profile.totals.peak_rss_mb', 'less than 5 % higher than the baseline'],
    ['<= 0%', 'cost.total_stage_cost_usd', 'not higher than the baseline'],
    ['< 0%', 'cost.total_stage_cost_usd', 'lower than the baseline'],
    ['>= 0%', 'eval.x.rougeL_f1', 'not lower than the baseline'],
    ['> 0%', 'eval.x.rougeL_f1', 'higher than the baseline'],
    ['>= -0.01', 'eval.x.rougeL_f1', 'at most 0.01 lower than the baseline'],
    ['> -0.01', 'eval.x.rougeL_f1', 'less than 0.01 lower than the baseline'],
    ['>= +0.02', 'eval.x.rougeL_f1', 'at least 0.02 higher than the baseline'],
    ['> +0.02', 'eval.x.rougeL_f1', 'more than 0.02 higher than the baseline'],
    ['<= +2s', 'profile.totals.wall_time_s', 'at most 2 s higher than the baseline'],
    ['<= +0.5GB', 'profile.totals.peak_rss_mb', 'at most 512 MiB higher than the baseline'],
    ['<= +$0.01', 'cost.total_stage_cost_usd', 'at most $0.01 higher than the baseline'],
    ['<= 650MB', 'profile.totals.peak_rss_mb', 'at most 650 MiB'],
    ['< 1min', 'profile.totals.wall_time_s', 'below 60 s'],
    ['>= 0.3', 'eval.x.rougeL_f1', 'at least 0.3'],
    ['> 1.5', 'truth.parallelism_hint_ratio', 'above 1.5'],
    ['<= 150', 'profile.stages.x.avg_cpu_pct', 'at most 150 % of a core'],
  ];
  for (const [text, metric, words] of cases) {
    it(`${text} on ${metric}`, () => expect(describeRule(rule(text, metric), metric)).toBe(words));
  }
});

describe('formatProblem', () => {
  it('names the line, quotes the text and says what was expected', () => {
    expect(
      formatProblem({
        line: 14,
        text: 'profile.totals.wall_time_s: "<= fast"',
        expected: 'a rule OP VALUE[UNIT], e.g. `<= -20%`, `>= -0.01`, `<= 650MB`',
        origin: 'block',
      }),
    ).toBe('line 14: `profile.totals.wall_time_s: "<= fast"` — expected a rule OP VALUE[UNIT], e.g. `<= -20%`, `>= -0.01`, `<= 650MB`');
  });

  it('keeps backticks in the text readable, shortens long text, and names the input', () => {
    expect(formatProblem({ line: 3, text: '`=> 1`', expected: 'x', origin: 'table' })).toBe('line 3: `` `=> 1` `` — expected x');
    expect(formatProblem({ line: 1, text: '```optimization-gate', expected: 'x', origin: 'block' })).toBe('line 1: ```` ```optimization-gate ```` — expected x');
    expect(formatProblem({ line: 2, text: 'a: b', expected: 'x', origin: 'input' })).toBe('thresholds input, line 2: `a: b` — expected x');
    const long = formatProblem({ line: 9, text: 'x'.repeat(500), expected: 'y', origin: 'table' });
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('…');
  });
});
