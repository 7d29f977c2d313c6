/**
 * The report of a run that measures without gating (`mode: measure`, `mode: baseline`): what was
 * measured, per stage, with the run status and sampling method. Pure.
 */
import type { MeasuredRun } from '../compare/types.js';
import { median } from '../compare/statistics/stats.js';
import { formatValue, metricUnit } from '../compare/grammar/units.js';
import { code, table } from './markdown.js';
import { pushAll } from '../collections.js';
import { escapeInline, neutralize } from './escape.js';
import type { HypothesisResult } from '../compare/grammar/hypotheses/index.js';
import { renderHypotheses } from './hypotheses.js';

export interface MeasurementReportOptions {
  title: string;
  runUrl?: string;
  artifactUrl?: string;
  /** Lines shown under the title (e.g. where the baseline was stored). */
  notes?: readonly string[];
  failures?: readonly string[];
  /** The hypotheses evaluated on these runs. */
  hypotheses?: readonly HypothesisResult[];
}

function medianOf(runs: readonly MeasuredRun[], pick: (r: MeasuredRun) => number | undefined): string {
  const values = runs.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length === 0 ? '—' : String(median(values));
}

function fmt(value: string, metric: string): string {
  return value === '—' ? value : formatValue(Number(value), metricUnit(metric));
}

export function renderMeasurementReport(runs: readonly MeasuredRun[], options: MeasurementReportOptions): string {
  const failed = runs.filter((r) => r.profile.status !== undefined && r.profile.status !== 'ok');
  const failures = [...(options.failures ?? []).map(neutralize), ...failed.map((r) => `${escapeInline(r.label)}: ${escapeInline(String(r.profile.status))}`)];
  const lines = [`### ${failures.length > 0 || runs.length === 0 ? '❌' : '📏'} ${options.title}`, ''];
  const links = [options.artifactUrl ? `[artifacts](${options.artifactUrl})` : '', options.runUrl ? `[workflow run](${options.runUrl})` : ''].filter(Boolean);
  if (links.length > 0) lines.push(links.join(' · '), '');
  for (const note of options.notes ?? []) lines.push(`- ${neutralize(note)}`);
  if (failures.length > 0) pushAll(lines, ['', '**Runs that did not complete:**', ...failures.map((f) => `- ${f}`)]);
  if (runs.length === 0) {
    lines.push('', 'No profile was measured.');
    return `${lines.join('\n')}\n`;
  }
  const stages: string[] = [];
  for (const run of runs) for (const stage of Object.keys(run.profile.stages)) if (!stages.includes(stage)) stages.push(stage);
  const rows = stages.map((stage) => [
    escapeInline(stage),
    fmt(
      medianOf(runs, (r) => r.profile.stages[stage]?.wall_time_s),
      'wall_time_s',
    ),
    fmt(
      medianOf(runs, (r) => r.profile.stages[stage]?.peak_rss_mb),
      'peak_rss_mb',
    ),
    fmt(
      medianOf(runs, (r) => r.profile.stages[stage]?.avg_cpu_pct),
      'avg_cpu_pct',
    ),
  ]);
  rows.push([
    '**total**',
    `**${fmt(
      medianOf(runs, (r) => r.profile.totals.wall_time_s),
      'wall_time_s',
    )}**`,
    `**${fmt(
      medianOf(runs, (r) => r.profile.totals.peak_rss_mb),
      'peak_rss_mb',
    )}**`,
    '—',
  ]);
  lines.push('', table(['Stage', 'Wall time', 'Peak memory', 'CPU (% of one core)'], rows, { align: 'lrrr' }));
  if (runs.length > 1) lines.push('', `Medians over ${runs.length} runs.`);
  const hypotheses = renderHypotheses(options.hypotheses ?? []);
  if (hypotheses) lines.push('', hypotheses);
  const first = runs[0] as MeasuredRun;
  const env = first.profile.environment;
  lines.push(
    '',
    `<sub>Host ${code(String(env.hostname ?? '?'))}, CPU ${code(String(env.cpu_model ?? env.cpu ?? '?'))}. ` +
      `Sampling: ${neutralize(String(first.profile.totals.sampling_note ?? 'not stated'))}. Memory metric: ${neutralize(String(first.profile.totals.memory_metric ?? 'not stated'))}.</sub>`,
  );
  return `${lines.join('\n')}\n`;
}
