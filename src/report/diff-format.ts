/** `optimization-gate diff` output: markdown, plain text or JSON, all from the same Diff. */
import type { Diff, DiffRow } from '../compare/verdicts/diff.js';
import { costTable, formatChange, formatMedian, formatRowPercent, NONE, qualityTable, stageTable } from './diff-tables.js';
import { stageWallChart } from './chart.js';
import { maxOf } from '../collections.js';

export const DIFF_FORMATS = ['md', 'json', 'text'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const DIFF_JSON_SCHEMA = 'optimization-gate/diff@1';

function titleOf(diff: Diff): string {
  return `${diff.baseline.labels.join(', ')} → ${diff.candidate.labels.join(', ')}`;
}

export function renderDiffMarkdown(diff: Diff): string {
  const parts = [`### Diff: ${titleOf(diff)}`, '#### Stages (time, memory, CPU)', stageTable(diff, 200)];
  const chart = stageWallChart(diff);
  if (chart) parts.push(chart);
  const quality = qualityTable(diff, 500, 'diff --format json');
  if (quality) parts.push('#### Quality', quality);
  const cost = costTable(diff, 500, 'diff --format json');
  if (cost) parts.push('#### Cost', cost);
  return `${parts.join('\n\n')}\n`;
}

/** Aligned columns for a terminal: metric, baseline, candidate, change, percent (or the note). */
export function renderDiffText(diff: Diff): string {
  const rows = diff.rows.map((r) => [r.metric, formatMedian(r.baseline.median, r.metric), formatMedian(r.candidate.median, r.metric), formatChange(r), percentOrNote(r)]);
  const header = ['metric', 'baseline', 'candidate', 'change', '%'];
  const widths = header.map((h, i) =>
    maxOf(
      rows.map((r) => (r[i] as string).length),
      h.length,
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[`diff: ${titleOf(diff)}`, '', line(header), ...rows.map(line)].join('\n')}\n`;
}

function percentOrNote(r: DiffRow): string {
  const pct = formatRowPercent(r);
  if (pct !== NONE) return r.note ? `${pct} (${r.note})` : pct;
  return r.note ?? NONE;
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** JSON with `null` for every absent number; never NaN or Infinity. */
export function renderDiffJson(diff: Diff): string {
  const data = {
    schema: DIFF_JSON_SCHEMA,
    baseline: diff.baseline,
    candidate: diff.candidate,
    stages: diff.stages,
    rows: diff.rows.map((r) => ({
      section: r.section,
      metric: r.metric,
      group: r.group,
      name: r.name,
      unit: r.unit ?? null,
      baseline: { values: r.baseline.values, median: finite(r.baseline.median), runs: r.baseline.runs, problems: r.baseline.problems },
      candidate: { values: r.candidate.values, median: finite(r.candidate.median), runs: r.candidate.runs, problems: r.candidate.problems },
      change: finite(r.change),
      percent: finite(r.percent),
      note: r.note ?? null,
    })),
  };
  return `${JSON.stringify(data, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

export function renderDiff(diff: Diff, format: DiffFormat): string {
  switch (format) {
    case 'md':
      return renderDiffMarkdown(diff);
    case 'json':
      return renderDiffJson(diff);
    case 'text':
      return renderDiffText(diff);
  }
}
