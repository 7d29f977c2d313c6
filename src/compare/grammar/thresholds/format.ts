/** Thresholds and their problems in words, for logs, annotations and the report. */
import { metricUnit, type MetricUnit } from '../units.js';
import type { Rule, ThresholdProblem } from './types.js';
import { maxOf } from '../../../collections.js';

const MAX_TEXT = 160;

/** Wraps text in a code span that survives backticks inside it (markdown and plain logs alike). */
function codeSpan(text: string): string {
  const longestRun = maxOf(
    (text.match(/`+/g) ?? []).map((run) => run.length),
    0,
  );
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `line 14: \`profile.totals.wall_time_s: "<= fast"\` — expected a rule OP VALUE[UNIT], e.g. …` */
export function formatProblem(problem: ThresholdProblem): string {
  const where = problem.origin === 'input' ? `thresholds input, line ${problem.line}` : `line ${problem.line}`;
  const oneLine = problem.text.replace(/\s+/g, ' ').trim();
  const text = oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine;
  return `${where}: ${text === '' ? '(empty)' : codeSpan(text)} — expected ${problem.expected}`;
}

/** A number in a rule, in the metric's unit: `20 %`, `0.01`, `650 MiB`, `2.5 s`, `$0.05`. */
function amount(value: number, unit: MetricUnit | undefined): string {
  const number = String(Number(Math.abs(value).toPrecision(6)));
  if (!unit) return number;
  switch (unit.dimension) {
    case 'money':
      return `$${number}`;
    case 'cpu':
      return `${number} % of a core`;
    case 'time':
    case 'memory':
      return `${number} ${unit.symbol}`;
  }
}

/** Wording for a change by `value` (negative = lower) under `op`, e.g. "at least 20 % lower". */
function change(op: Rule['op'], value: number, size: string): string {
  const direction = value < 0 ? 'lower' : 'higher';
  if (value === 0) {
    const zero: Record<Rule['op'], string> = { '<=': 'not higher', '<': 'lower', '>=': 'not lower', '>': 'higher' };
    return `${zero[op]} than the baseline`;
  }
  // Moving further in the rule's own direction is the strict side: `<= -20%` wants a drop of 20 % or more.
  const towardsBound = (op === '<=' || op === '<') === value < 0;
  const bound: Record<Rule['op'], string> = towardsBound
    ? { '<=': 'at least', '<': 'more than', '>=': 'at least', '>': 'more than' }
    : { '<=': 'at most', '<': 'less than', '>=': 'at most', '>': 'less than' };
  return `${bound[op]} ${size} ${direction} than the baseline`;
}

/**
 * A rule in words for reports: `<= -20%` → "at least 20 % lower than the baseline",
 * `>= -0.01` → "at most 0.01 lower than the baseline", `<= 650MB` → "at most 650 MiB".
 */
export function describeRule(rule: Rule, metric: string): string {
  switch (rule.form) {
    case 'relative':
      return change(rule.op, rule.value, `${String(Number(Math.abs(rule.value).toPrecision(6)))} %`);
    case 'delta':
      return change(rule.op, rule.value, amount(rule.value, metricUnit(metric)));
    case 'absolute': {
      const words: Record<Rule['op'], string> = { '<=': 'at most', '<': 'below', '>=': 'at least', '>': 'above' };
      // Unsigned by grammar, so the value is never negative here.
      return `${words[rule.op]} ${amount(rule.value, metricUnit(metric))}`;
    }
  }
}
