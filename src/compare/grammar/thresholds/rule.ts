/**
 * The rule grammar `OP VALUE[UNIT]` and metric paths (README "Thresholds on the issue", docs/thresholds.md).
 * Each check returns either the parsed value or what was expected, so callers can locate the problem.
 */
import { METRIC_SOURCES } from '../../types.js';
import { convertUnit, KNOWN_RULE_UNITS, metricUnit, ruleUnit, type MetricUnit } from '../units.js';
import type { Operator, Rule, ThresholdKind } from './types.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const expect = <T>(expected: string): Checked<T> => ({ ok: false, expected });

export const RULE_EXAMPLES = '`<= -20%`, `>= -0.01`, `<= 650MB`';
const RULE_EXPECTED = `a rule OP VALUE[UNIT], e.g. ${RULE_EXAMPLES}`;
const METRIC_EXPECTED = `a dotted metric path starting with ${METRIC_SOURCES.map((s) => `\`${s}.\``).join(', ')}, e.g. \`profile.totals.wall_time_s\``;

/** `≤`/`≥` are accepted (they survive copy-paste from documents) and stored as `<=`/`>=`. */
const OPERATORS: ReadonlyArray<[string, Operator]> = [
  ['<=', '<='],
  ['>=', '>='],
  ['≤', '<='],
  ['≥', '>='],
  ['<', '<'],
  ['>', '>'],
];

// sign, optional `$`, number, optional unit: `+5%`, `-0.01`, `650 MB`, `$0.05`, `-$0.01`, `2.5s`.
const VALUE = /^([+\-−]?)\s*(\$?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(.*)$/;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Checks a metric path: a known first segment, at least two segments, `*` only as a whole segment. */
export function checkMetric(metric: string): Checked<string> {
  const path = metric.trim();
  if (path === '') return expect(METRIC_EXPECTED);
  if (/\s/.test(path)) return expect(`${METRIC_EXPECTED} (no spaces)`);
  const segments = path.split('.');
  const source = segments[0]!;
  if (!(METRIC_SOURCES as readonly string[]).includes(source)) return expect(METRIC_EXPECTED);
  if (segments.length < 2) return expect(`a path inside the \`${source}\` document after \`${source}.\`, e.g. \`profile.totals.wall_time_s\``);
  for (const segment of segments.slice(1)) {
    if (segment === '*') continue;
    if (segment.includes('*')) {
      return expect(`\`*\` only as a whole path segment (it matches one segment), e.g. \`profile.stages.*.peak_rss_mb\``);
    }
    if (segment === '') return expect(`${METRIC_EXPECTED} (no empty segment between dots)`);
    if (!SEGMENT.test(segment)) return expect(`path segments made of letters, digits, \`_\` and \`-\` (or \`*\`), got \`${segment}\``);
  }
  return ok(path);
}

function unitNames(unit: MetricUnit): string {
  switch (unit.dimension) {
    case 'time':
      return 's, ms, min, h';
    case 'memory':
      return 'B, KB, MB, GB, KiB, MiB, GiB (MB = MiB)';
    case 'money':
      return '$, USD';
    case 'cpu':
      return '';
  }
}

/** Checks a rule for a metric; the value is converted into the metric's own unit. */
export function checkRule(text: string, metric: string): Checked<Rule> {
  const written = text.trim();
  const operator = OPERATORS.find(([symbol]) => written.startsWith(symbol));
  if (!operator) return expect(`${RULE_EXPECTED}; OP is one of <=, <, >=, >`);
  const [symbol, op] = operator;
  const rest = written.slice(symbol.length).trim();
  if (rest.startsWith('=')) return expect(`${RULE_EXPECTED}; OP is one of <=, <, >=, >`);
  const match = VALUE.exec(rest);
  if (!match) return expect(RULE_EXPECTED);
  const [, sign, dollar, digits, suffix] = match as unknown as [string, string, string, string, string];
  const signed = sign === '' ? 1 : sign === '+' ? 1 : -1;
  // `-0` is stored as 0 so that JSON and comparisons never see a negative zero.
  const number = Number(digits) === 0 ? 0 : signed * Number(digits);
  if (!Number.isFinite(number)) return expect(`a finite number, e.g. ${RULE_EXAMPLES}`);

  if (suffix.startsWith('%')) {
    if (dollar !== '' || suffix.trim() !== '%') {
      return expect('a relative change in % with no unit, e.g. `<= -20%` (a % rule compares with the baseline)');
    }
    return ok({ op, form: 'relative', value: number, unit: '%', text: written });
  }

  const form = sign === '' ? 'absolute' : 'delta';
  const unitText = dollar !== '' ? (suffix === '' ? '$' : `$ ${suffix}`) : suffix;
  if (unitText === '') return ok({ op, form, value: number, text: written });

  const from = dollar !== '' && suffix === '' ? ruleUnit('$') : ruleUnit(unitText);
  if (!from) return expect(`a known unit (${KNOWN_RULE_UNITS.join(', ')}) or none, got \`${unitText}\``);
  const to = metricUnit(metric);
  if (!to) {
    return expect(`no unit: \`${metric}\` has none (only names ending in _s, _ms, _mb, _gb, _usd, _pct carry one), e.g. \`${symbol} ${sign}${digits}\``);
  }
  const converted = convertUnit(number, from, to);
  if (converted === undefined && to.dimension === 'cpu') {
    return expect(`a number without a unit: \`${metric}\` is in % of one core, e.g. \`${symbol} ${sign}${digits}\``);
  }
  if (converted === undefined) {
    return expect(`a ${to.dimension} unit for \`${metric}\` (in ${to.symbol}): ${unitNames(to)}`);
  }
  // 12 significant digits drop binary noise from the conversion (0.1 min → 6 s, not 6.000000000000001).
  return ok({ op, form, value: Number(converted.toPrecision(12)), unit: unitText, text: written });
}

export function checkKind(raw: unknown): Checked<ThresholdKind> {
  if (raw === undefined) return ok('guardrail');
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (word === '') return ok('guardrail');
  if (word === 'guardrail' || word === 'target') return ok(word);
  return expect('a kind `guardrail` (must not regress; the default) or `target` (the improvement sought)');
}

/** Booleans, or yes/no/true/false as text (tables, and YAML 1.2 reads `yes` as a string). */
export function checkOptional(raw: unknown): Checked<boolean> {
  if (raw === undefined) return ok(false);
  if (typeof raw === 'boolean') return ok(raw);
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (word === '') return ok(false);
  if (word === 'yes' || word === 'true') return ok(true);
  if (word === 'no' || word === 'false') return ok(false);
  return expect('`optional` as yes / no / true / false');
}

/** `default:` a plain number in the metric's own unit (a YAML number, or a table cell that reads as one). */
export function checkDefault(raw: unknown): Checked<number | undefined> {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return ok(undefined);
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isFinite(value)) return ok(value === 0 ? 0 : value);
  return expect("`default:` a number in the metric's own unit, used when a run's file lacks the metric, e.g. `default: 0`");
}

const ATTRIBUTE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** One `compare-across:` entry: an environment attribute such as `device` or `library_versions.torch`. */
export function checkAttribute(raw: unknown): Checked<string> {
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (ATTRIBUTE.test(text)) return ok(text);
  return expect("an environment attribute as in the report's environment table, e.g. `device`, `precision`, `library_versions.torch`");
}
