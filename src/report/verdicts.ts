/** The top of the report: the decision line, what failed, and the per-threshold verdict table. */
import { formatPercent, formatSigned, formatValue, metricUnit } from '../compare/grammar/units.js';
import type { GateResult, ThresholdResult } from '../compare/verdicts/gate.js';
import type { Decision, Verdict } from '../compare/verdicts/decision.js';
import { code, table } from './markdown.js';
import { escapeInline, neutralize } from './escape.js';
import { NONE } from './diff-tables.js';

export const DECISION_ICON: Record<Decision, string> = { ship: '✅', iterate: '🟡', reject: '❌' };
export const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '🟡', missing: '❔', accepted: '☑️' };

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The change of a threshold as the rule reads it: percent, signed delta, or the candidate's value. */
export function formatThresholdChange(t: ThresholdResult, value: number | undefined = t.change.value): string {
  if (value === undefined) return NONE;
  const unit = metricUnit(t.metric);
  if (t.change.form === 'relative') return formatPercent(value);
  if (t.change.form === 'delta') return formatSigned(value, unit);
  return formatValue(value, unit);
}

function interval(t: ThresholdResult): string {
  const i = t.change.interval;
  if (!i) return NONE;
  if (i.low === i.high) return `[${formatThresholdChange(t, i.low)}] (zero spread)`;
  // The level each interval really covers: with few runs it can be below the one asked for.
  const level = t.change.level !== undefined ? ` · ${(t.change.level * 100).toFixed(t.change.level >= 0.995 ? 1 : 0)} %` : '';
  return `[${formatThresholdChange(t, i.low)}, ${formatThresholdChange(t, i.high)}]${level}`;
}

function brief(t: ThresholdResult): string {
  const change = t.change.value !== undefined ? ` ${formatThresholdChange(t)}` : '';
  return `${code(t.metric)}${change} (rule ${code(t.threshold.rule.text)})`;
}

function listed(items: readonly ThresholdResult[], show = 2): string {
  const head = items.slice(0, show).map(brief).join(', ');
  return items.length > show ? `${head} and ${items.length - show} more` : head;
}

/** `### ❌ reject — 1 guardrail failed: …`: the decision and what caused it, in one line. */
export function headline(result: GateResult): string {
  const counted = result.thresholds.filter((t) => t.counts);
  const pick = (kind: 'guardrail' | 'target', verdict: Verdict) => counted.filter((t) => t.threshold.kind === kind && t.verdict === verdict);
  const failedRuns = [...result.runs.baseline, ...result.runs.candidate].filter((r) => r.failed);
  const parts: string[] = [];
  if (result.problems.length > 0) parts.push(`${plural(result.problems.length, 'threshold problem')} on the issue`);
  // A dataset mismatch refuses the comparison: said as such, whatever else is wrong.
  const mismatches = result.dataset.mismatches;
  if (mismatches.length > 0) parts.push('dataset mismatch: comparison refused');
  const errors = result.inputErrors.filter((e) => !mismatches.includes(e));
  if (errors.length > 0) {
    // A single short error is the headline itself; long ones (with code spans) are listed below it.
    const first = neutralize((errors[0] as string).split('\n')[0] as string);
    const short = errors.length === 1 && first.length <= 100 && !first.includes('`');
    parts.push(short ? first : first.startsWith('no thresholds found') ? 'no thresholds found on the issue' : plural(errors.length, 'input error'));
  }
  if (failedRuns.length > 0) parts.push(`${plural(failedRuns.length, 'measured run')} failed (${failedRuns.map((r) => `${escapeInline(r.label)}: ${escapeInline(r.status ?? '')}`).join(', ')})`);
  const groups: Array<[ThresholdResult[], string]> = [
    [pick('guardrail', 'fail'), 'failed'],
    [pick('guardrail', 'missing'), 'missing'],
    [pick('target', 'fail'), 'failed'],
    [pick('target', 'missing'), 'missing'],
  ];
  for (const [items, what] of groups) {
    const kind = items[0]?.threshold.kind;
    if (kind) parts.push(`${plural(items.length, kind)} ${what}: ${listed(items)}`);
  }
  const inconclusive = counted.filter((t) => t.verdict === 'inconclusive');
  if (inconclusive.length > 0) parts.push(`${inconclusive.length} inconclusive: ${listed(inconclusive)}`);
  const accepted = counted.filter((t) => t.verdict === 'accepted');
  if (accepted.length > 0) {
    const alone = parts.length === 0;
    parts.push(`${plural(accepted.length, 'accepted regression')}: ${listed(accepted)}`);
    if (alone) parts.push('the other thresholds pass');
  }
  if (parts.length === 0) {
    const notMeasured = result.thresholds.filter((t) => t.notMeasured).length;
    const optional = result.thresholds.length - counted.length - notMeasured;
    const ignored = [optional > 0 ? `${optional} optional missing` : '', notMeasured > 0 ? `${notMeasured} not measured` : ''].filter(Boolean);
    parts.push(`${counted.length === 1 ? 'the one threshold passes' : `all ${counted.length} thresholds pass`}${ignored.length > 0 ? ` (${ignored.join(', ')}, ignored)` : ''}`);
  }
  return `### ${DECISION_ICON[result.decision]} ${result.decision} — ${parts.join('; ')}`;
}

const INTERVAL_NAMES: Record<string, string> = { 'rank-shift': 'rank interval', 'welch-t': 't-interval', 'bootstrap-median': 'bootstrap interval' };

function intervalName(result: GateResult): string {
  const method = result.thresholds.map((t) => t.change.method).find((m) => m !== undefined && m !== 'point');
  return INTERVAL_NAMES[method ?? 'rank-shift'] ?? 'rank interval';
}

/** One line of counts, runs, noise and the host warning. */
export function summaryLine(result: GateResult): string {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, inconclusive: 0, missing: 0, accepted: 0 };
  for (const t of result.thresholds) counts[t.verdict] += 1;
  // `accepted` shows only when a regression was accepted (most gates have none).
  const verdicts = (Object.keys(counts) as Verdict[])
    .filter((v) => v !== 'accepted' || counts[v] > 0)
    .map((v) => `${counts[v]} ${v}`)
    .join(' · ');
  const nb = result.runs.baseline.length;
  const nc = result.runs.candidate.length;
  const runs = nb + nc === 0 ? 'not evaluated' : `${nb} baseline / ${nc} candidate run${nc === 1 ? '' : 's'} (${nb <= 1 && nc <= 1 ? result.noise : `medians, ${intervalName(result)}`})`;
  const parts = [`**${verdicts}**`, runs];
  if (!result.host.comparable) parts.push('⚠️ **runs from different hosts**');
  parts.push(`fail-on \`${result.failOn}\`: job ${result.passed ? 'passes' : 'fails'}`);
  return parts.join(' — ');
}

const SEVERITY: Record<Verdict, number> = { fail: 0, missing: 1, inconclusive: 2, accepted: 3, pass: 4 };

function severity(t: ThresholdResult): number {
  if (!t.counts) return 100;
  return SEVERITY[t.verdict] * 2 + (t.threshold.kind === 'guardrail' ? 0 : 1);
}

function sideCell(t: ThresholdResult, side: 'baseline' | 'candidate'): string {
  const values = t[side];
  if (values.median === undefined) return NONE;
  const text = formatValue(values.median, metricUnit(t.metric));
  return values.values.length > 1 ? `${text} (median)` : text;
}

/** Every concrete threshold with its numbers, worst first. */
export function verdictTable(result: GateResult, maxRows = 100): string {
  const ordered = result.thresholds
    .map((t, i) => ({ t, i }))
    .sort((a, b) => severity(a.t) - severity(b.t) || a.i - b.i)
    .map(({ t }) => t);
  const rows = ordered.map((t) => [
    t.notMeasured ? `${VERDICT_ICON.missing} not measured (ignored)` : `${VERDICT_ICON[t.verdict]} ${t.verdict}${t.counts ? '' : ' (ignored)'}`,
    code(t.metric),
    `${t.threshold.kind}${t.threshold.optional ? ', optional' : ''}${t.threshold.default !== undefined ? `, default ${String(t.threshold.default)}` : ''}`,
    code(t.threshold.rule.text),
    t.change.form === 'value' ? NONE : sideCell(t, 'baseline'),
    sideCell(t, 'candidate'),
    t.change.form === 'value' ? `value ${formatThresholdChange(t)}` : formatThresholdChange(t),
    interval(t),
    `${t.baseline.n}/${t.candidate.n}`,
  ]);
  const text = table(['Verdict', 'Metric', 'Kind', 'Rule', 'Baseline', 'Candidate', 'Change', 'Interval · coverage', 'N (B/C)'], rows, { align: 'llllrrrrr', maxRows, moreAt: 'gate.json' });
  const why = ordered
    .filter((t) => t.verdict !== 'pass')
    .slice(0, 30)
    .map((t) => `- ${code(t.metric)}: ${neutralize(t.reason)}`);
  return why.length > 0 ? `${text}\n\n${why.join('\n')}` : text;
}
