/**
 * Markdown tables of a diff: per-stage time / memory / CPU, the stage_truth summary, quality and
 * cost. Shared by the gate report and `optimization-gate diff --format md`.
 */
import { formatPercent, formatSigned, formatValue, metricUnit } from '../compare/grammar/units.js';
import { TRUTH_QUANTITIES, type Diff, type DiffRow, type DiffSection } from '../compare/verdicts/diff.js';
import { code, table } from './markdown.js';
import { escapeInline, neutralize } from './escape.js';

export const NONE = '—';

export function formatMedian(value: number | undefined, metric: string): string {
  return value === undefined ? NONE : formatValue(value, metricUnit(metric));
}

export function formatChange(row: DiffRow): string {
  return row.change === undefined ? NONE : formatSigned(row.change, metricUnit(row.metric));
}

export function formatRowPercent(row: DiffRow): string {
  return row.percent === undefined ? NONE : formatPercent(row.percent);
}

/** `45.90 s → 5.760 s (-87.5 %)`, or with the note when there is no percent. */
function transition(row: DiffRow | undefined): string {
  if (!row) return NONE;
  const b = formatMedian(row.baseline.median, row.metric);
  const c = formatMedian(row.candidate.median, row.metric);
  const tail = row.percent !== undefined ? formatPercent(row.percent) : row.note;
  return `${b} → ${c}${tail ? ` (${tail})` : ''}`;
}

export function rowsOf(diff: Diff, section: DiffSection): DiffRow[] {
  return diff.rows.filter((r) => r.section === section);
}

function medianNote(diff: Diff): string {
  const nb = diff.baseline.labels.length;
  const nc = diff.candidate.labels.length;
  return nb > 1 || nc > 1 ? ` Values are medians over ${nb} baseline / ${nc} candidate runs.` : '';
}

/** One row per stage (profile order) then the totals; each cell reads baseline → candidate (change). */
export function stageTable(diff: Diff, maxRows = 60): string {
  const find = (section: DiffSection, group: string, name: string) => diff.rows.find((r) => r.section === section && r.group === group && r.name === name);
  // The totals row is kept whatever the cut, so it is added after truncating the stages.
  const cut = Math.max(0, diff.stages.length - maxRows);
  const rows = diff.stages
    .slice(0, maxRows)
    .map((stage) => [escapeInline(stage), transition(find('stages', stage, 'wall_time_s')), transition(find('stages', stage, 'peak_rss_mb')), transition(find('stages', stage, 'avg_cpu_pct'))]);
  rows.push(['**total**', `**${transition(find('totals', 'totals', 'wall_time_s'))}**`, `**${transition(find('totals', 'totals', 'peak_rss_mb'))}**`, NONE]);
  const perEpisode = find('totals', 'totals', 'avg_wall_time_per_episode_s');
  const lines = [
    table(['Stage', 'Wall time', 'Peak memory', 'CPU (% of one core)'], rows),
    '',
    ...(cut > 0 ? [`_… ${cut} more stages not shown (see \`optimization-gate diff --format json\`)._`, ''] : []),
    `Each cell: baseline → candidate (change).${medianNote(diff)}`,
  ];
  if (perEpisode && (perEpisode.baseline.median !== undefined || perEpisode.candidate.median !== undefined)) {
    lines.push(`Wall time per episode: ${transition(perEpisode)}.`);
  }
  // The summary numbers only; every stage_truth number is in `diff --format json|text` and gate.json.
  const truth = rowsOf(diff, 'truth').filter((r) => (TRUTH_QUANTITIES as readonly string[]).includes(r.name));
  if (truth.length > 0) {
    lines.push(`stage_truth: ${truth.map((r) => `${escapeInline(r.name)} ${transition(r)}`).join('; ')}.`);
  }
  return lines.join('\n');
}

function numberTable(rows: readonly DiffRow[], maxRows: number, moreAt: string): string {
  return table(
    ['Group', 'Metric', 'Baseline', 'Candidate', 'Change', '%'],
    rows.map((r, i) => [
      // The group is written once, on its first row, to keep long reference ids from repeating.
      i > 0 && rows[i - 1]?.group === r.group ? '' : escapeInline(r.group),
      escapeInline(r.name),
      formatMedian(r.baseline.median, r.metric),
      formatMedian(r.candidate.median, r.metric),
      formatChange(r),
      r.percent !== undefined ? formatPercent(r.percent) : neutralize(r.note ?? NONE),
    ]),
    { align: 'llrrrr', maxRows, moreAt },
  );
}

export function qualityTable(diff: Diff, maxRows = 80, moreAt = 'gate.json / `diff --format json`'): string | undefined {
  const rows = rowsOf(diff, 'quality');
  if (rows.length === 0) return undefined;
  return `${numberTable(rows, maxRows, moreAt)}\n\nMetric paths are \`eval.vs_reference.<group>.<metric>\` or \`eval.intrinsic.<group>.<metric>\`.`;
}

/** Cost rows; rows that are 0 on both sides are counted, not listed (the skeleton has dozens). */
export function costTable(diff: Diff, maxRows = 80, moreAt = 'gate.json / `diff --format json`'): string | undefined {
  const rows = rowsOf(diff, 'cost');
  if (rows.length === 0) return undefined;
  const bothZero = (r: DiffRow) => r.baseline.median === 0 && r.candidate.median === 0;
  const shown = rows.filter((r) => !bothZero(r));
  const hidden = rows.length - shown.length;
  const parts = [];
  if (shown.length > 0) parts.push(numberTable(shown, maxRows, moreAt));
  if (hidden > 0) parts.push(`${shown.length > 0 ? '' : 'No cost recorded: '}${hidden} cost metric${hidden === 1 ? ' is' : 's are'} 0 on both sides${shown.length > 0 ? ' (not listed)' : ''}.`);
  parts.push(`Metric paths are ${code('cost.<metric>')} (eval_pipeline_metrics.json) or ${code('eval.intrinsic.cost.<metric>')}.`);
  return parts.join('\n\n');
}
