/**
 * `--repeat N`: the per-run median of each number, as one profile + stage_truth, with the list of
 * the per-run files it summarises (pure). A stage absent from a run counts as 0 s there, so it is
 * present in the median profile only when present in more than half of the runs; its memory and
 * CPU are then the medians over the runs that have it. Runs that did not complete are left out of
 * the medians when at least one run completed; the result is still marked with their status.
 */
import type { Profile, StageResources } from '../formats/profile.js';
import type { StageSample, StageTruth } from '../formats/stage-truth.js';
import { round, type RunStatus } from './samples-file.js';
import { stageTruthPathFor } from '../formats/run-files.js';
import { median } from '../collections.js';

export interface RunOutputs {
  profile: Profile;
  truth: StageTruth;
  status: RunStatus;
  /** File name of the run's profile, relative to the aggregate's folder. */
  file: string;
}

/** The median of the numbers `pick` finds; 0 when no run has one (the field is written, as a freeze writes it). */
function medianOf<T>(items: readonly T[], pick: (item: T) => unknown, digits: number): number {
  const values = items.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return values.length === 0 ? 0 : round(median(values), digits);
}

/** Stage names in first-seen order across runs. */
function stageOrder(records: ReadonlyArray<Record<string, unknown>>): string[] {
  const names: string[] = [];
  for (const record of records) for (const name of Object.keys(record)) if (!names.includes(name)) names.push(name);
  return names;
}

/** The first non-ok status in run order, or ok. */
export function overallStatus(statuses: readonly RunStatus[]): RunStatus {
  return statuses.find((s) => s !== 'ok') ?? 'ok';
}

export function medianOfRuns(runs: readonly RunOutputs[]): { profile: Profile; truth: StageTruth } {
  const first = runs[0];
  if (!first) throw new RangeError('medianOfRuns needs at least one run');
  const completed = runs.filter((r) => r.status === 'ok');
  const used = completed.length > 0 ? completed : runs;
  const status = overallStatus(runs.map((r) => r.status));
  const profiles = used.map((r) => r.profile);
  const truths = used.map((r) => r.truth);

  const stages: Record<string, StageResources> = {};
  for (const name of stageOrder(profiles.map((p) => p.stages))) {
    const wall = median(profiles.map((p) => p.stages[name]?.wall_time_s ?? 0));
    if (wall <= 0) continue;
    const having = profiles.map((p) => p.stages[name]).filter((s): s is StageResources => s !== undefined);
    stages[name] = {
      wall_time_s: round(wall, 4),
      peak_rss_mb: medianOf(having, (s) => s.peak_rss_mb, 1),
      avg_cpu_pct: medianOf(having, (s) => s.avg_cpu_pct, 2),
      // GPU numbers, when the runs have them (gpu-profile.ts).
      ...(having.some((s) => typeof s.peak_gpu_mem_mb === 'number')
        ? { peak_gpu_mem_mb: medianOf(having, (s) => s.peak_gpu_mem_mb, 1), avg_gpu_util_pct: medianOf(having, (s) => s.avg_gpu_util_pct, 2) }
        : {}),
    };
  }

  const totalsKeys = Object.keys(first.profile.totals).filter((k) => typeof first.profile.totals[k] === 'number');
  const totals: Profile['totals'] = { ...first.profile.totals };
  for (const key of totalsKeys) totals[key] = medianOf(profiles, (p) => p.totals[key], key.endsWith('_s') ? 4 : key.endsWith('_mb') ? 1 : 2);
  totals.sampling_note = `Median of ${used.length} measured run(s) of ${runs.length}. ${first.profile.totals.sampling_note ?? ''}`.trim();

  const runList = runs.map((r) => ({ file: r.file, status: r.status, wall_time_s: r.profile.totals.wall_time_s, peak_rss_mb: r.profile.totals.peak_rss_mb }));
  const profile: Profile = {
    ...first.profile,
    stages,
    totals,
    status,
    repeat: runs.length,
    aggregate: 'median',
    runs: runList,
  };
  if (status === 'ok') delete profile.status;

  const walls: Record<string, number> = {};
  const resource: Record<string, StageSample> = {};
  for (const name of Object.keys(stages)) {
    walls[name] = round(median(truths.map((t) => t.wall_seconds_by_stage[name] ?? 0)), 4);
    const having = truths.map((t) => t.resource_by_stage_psutil[name]).filter((s): s is StageSample => s !== undefined);
    resource[name] = { peak_rss_mb: medianOf(having, (s) => s.peak_rss_mb, 2), avg_cpu_pct: medianOf(having, (s) => s.avg_cpu_pct, 2) };
  }
  const truth: StageTruth = {
    ...first.truth,
    run_wall_s: medianOf(truths, (t) => t.run_wall_s, 4),
    sum_mapped_stage_wall_s: medianOf(truths, (t) => t.sum_mapped_stage_wall_s, 4),
    parallelism_hint_ratio: truths.some((t) => t.parallelism_hint_ratio !== null) ? medianOf(truths, (t) => t.parallelism_hint_ratio, 4) : null,
    wall_seconds_by_stage: walls,
    resource_by_stage_psutil: resource,
    global_peak_rss_mb_sampled: medianOf(truths, (t) => t.global_peak_rss_mb_sampled, 2),
    samples_count: truths.reduce((n, t) => n + (typeof t.samples_count === 'number' ? t.samples_count : 0), 0),
    status,
    exit_code: null,
    signal: null,
    warnings: runs.flatMap((r, i) => (Array.isArray(r.truth.warnings) ? (r.truth.warnings as string[]).map((w) => `run ${i + 1}: ${w}`) : [])),
    repeat: runs.length,
    aggregate: 'median',
    runs: runList.map((r) => ({ ...r, file: stageTruthPathFor(r.file) })),
  };
  delete truth.samples_file;
  delete truth.events_file;
  for (const key of ['cpu_time_s', 'global_peak_rss_sum_mb_sampled']) truth[key] = medianOf(truths, (t) => t[key], 2);
  return { profile, truth };
}
