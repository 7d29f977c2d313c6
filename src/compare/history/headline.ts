/**
 * The headline numbers of one side for the history: medians over its runs of the run's
 * wall time, peak memory, CPU time and spend, and the eval metrics the thresholds name. Pure.
 */
import type { Headline } from './ledger.js';
import { lookupSide } from '../grammar/metrics.js';
import { median } from '../statistics/stats.js';
import type { MeasuredRun } from '../types.js';

/** Quality metrics kept per row: the history stays small. */
export const MAX_QUALITY_METRICS = 3;

function medianOf(runs: readonly MeasuredRun[], path: string): number | null {
  const { numbers } = lookupSide(runs, path);
  return numbers.length > 0 ? median(numbers) : null;
}

export function headlineOf(runs: readonly MeasuredRun[], qualityMetrics: readonly string[]): Headline | null {
  if (runs.length === 0) return null;
  const quality: Record<string, number> = {};
  for (const metric of qualityMetrics.filter((m) => m.startsWith('eval.')).slice(0, MAX_QUALITY_METRICS)) {
    const value = medianOf(runs, metric);
    if (value !== null) quality[metric] = value;
  }
  return {
    runs: runs.length,
    wall_s: medianOf(runs, 'profile.totals.wall_time_s'),
    peak_mb: medianOf(runs, 'profile.totals.peak_rss_mb'),
    cpu_s: medianOf(runs, 'profile.totals.cpu_time_s'),
    cost_usd: medianOf(runs, 'cost.total_stage_cost_usd'),
    quality,
  };
}
