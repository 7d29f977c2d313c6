/**
 * One measured run → the profile YAML document and its stage_truth companion (pure), in the
 * schema of the fixtures. Rounding: walls 4 decimals everywhere; memory 1 decimal MiB in the YAML
 * (the anchor writes whole MiB, which hides changes on small pipelines) and 2 in stage_truth;
 * CPU percent 2 decimals.
 */
import type { Profile, ProfileEnvironment, StageResources } from '../formats/profile.js';
import type { StageSample, StageTruth } from '../formats/stage-truth.js';
import type { JsonObject } from '../formats/validate.js';
import { RunStatsAccumulator, SampleAttribution, type RunStats } from './attribution.js';
import type { MemoryMetric } from './ports.js';
import { round, type RunStatus, type Sample } from './samples-file.js';
import type { StageTimeline } from './stages/source.js';

export const STAGE_TRUTH_VERSION = 1;

export interface RunRecord {
  release: string;
  datasetId: string;
  environment: ProfileEnvironment;
  sampleIntervalS: number;
  memoryMetric: MemoryMetric;
  /** Epoch seconds: spawn and observed exit. */
  startedAt: number;
  endedAt: number;
  /** In time order; read once (an array, or a file streamed line by line for a long run). */
  samples: Iterable<Sample>;
  timeline: StageTimeline;
  episodes: number | null;
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  /** Problems worth keeping next to the numbers (located where possible). */
  warnings: readonly string[];
  metricsExcerpt?: JsonObject;
  /** The probe's counters (pss_snapshots, pss_reads), kept in stage_truth. */
  probeSummary?: Record<string, number>;
  /** File names of the companions, recorded in stage_truth for the reader. */
  files?: { samples?: string; events?: string };
}

const METHOD_NOTES: Record<StageTimeline['method'], string> = {
  events: 'Stages from the JSON-lines stage events the pipeline wrote (exact boundaries; overlapping stages share samples).',
  status_file: 'Stages from polling the pipeline status file (boundaries as the file states them, changes seen once per sample).',
  metrics: 'Per-stage RSS/CPU uses proportional wall-time windows from metrics.json; parallel work can mis-attribute samples (approximate).',
  whole_run: 'No stage information: one stage "run" covers the whole run.',
};

const MEMORY_NOTES: Record<MemoryMetric, string> = {
  pss_sum: 'Memory is the PSS sum over the whole process tree (Linux smaps_rollup), so pages shared by forked workers count once.',
  rss_sum: 'Memory is the RSS sum over the whole process tree (no PSS on this OS), so pages shared between processes count more than once.',
  cgroup_anon_shmem:
    "Memory is what the kernel charges to the tree's own cgroup: anonymous + shared memory, each page once (comparable with a PSS sum), each sample the highest of its interval; file cache is apart (stage_truth).",
};

export function samplingNote(run: Pick<RunRecord, 'timeline' | 'memoryMetric' | 'sampleIntervalS' | 'probeSummary'>, series: Pick<RunStats, 'count' | 'firstT' | 'lastT'>): string {
  const n = series.count;
  const achieved = n > 1 && series.firstT !== undefined && series.lastT !== undefined ? (series.lastT - series.firstT) / (n - 1) : null;
  const rate = achieved !== null ? `, achieved ${round(achieved, 3)} s` : '';
  const snapshots = run.probeSummary?.pss_snapshots;
  const pss =
    run.memoryMetric === 'pss_sum' && snapshots !== undefined && n > 0 && snapshots < n
      ? ` PSS read in full at ${snapshots} of them and carried forward in between (RSS changes, forks, exits; copy-on-write watched).`
      : '';
  return `${METHOD_NOTES[run.timeline.method]} ${MEMORY_NOTES[run.memoryMetric]} Sampled every ${run.sampleIntervalS} s (${n} samples${rate}).${pss}`;
}

function isoSeconds(epoch: number): string {
  return new Date(Math.floor(epoch) * 1000).toISOString().replace('.000Z', 'Z');
}

export function buildRunOutputs(run: RunRecord): { profile: Profile; truth: StageTruth } {
  const wall = Math.max(0, run.endedAt - run.startedAt);
  // One pass: a long run's samples need not all be in memory at once.
  const attribution = new SampleAttribution(run.timeline.spans, run.startedAt);
  const totals = new RunStatsAccumulator();
  for (const sample of run.samples) {
    attribution.add(sample);
    totals.add(sample);
  }
  const byStage = attribution.result();
  const warnings = [...run.warnings, ...run.timeline.warnings];

  const stages: Record<string, StageResources> = {};
  const resource: Record<string, StageSample> = {};
  const wallsByStage: Record<string, number> = {};
  let sumWalls = 0;
  for (const stage of run.timeline.order) {
    const stageWall = run.timeline.walls[stage] ?? 0;
    if (stageWall <= 0) continue; // zero-wall stages are absent, as in the fixtures
    const stats = byStage.get(stage);
    if (!stats) warnings.push(`stage "${stage}": no sample covers it; its memory and CPU read 0`);
    else if (stats.avg_cpu_pct === null) warnings.push(`stage "${stage}": only samples without a CPU interval cover it; its CPU reads 0`);
    const peak = stats?.peak_mb ?? 0;
    const cpu = stats?.avg_cpu_pct ?? 0;
    stages[stage] = { wall_time_s: round(stageWall, 4), peak_rss_mb: round(peak, 1), avg_cpu_pct: round(cpu, 2) };
    resource[stage] = { peak_rss_mb: round(peak, 2), avg_cpu_pct: round(cpu, 2), samples: stats?.samples ?? 0 };
    wallsByStage[stage] = round(stageWall, 4);
    sumWalls += stageWall;
  }

  const note = samplingNote(run, totals);
  const profile: Profile = {
    release: run.release,
    date: isoSeconds(run.startedAt),
    dataset_id: run.datasetId,
    episodes_processed: run.episodes,
    environment: run.environment,
    stages,
    totals: {
      peak_rss_mb: round(totals.peakMb, 1),
      wall_time_s: round(wall, 4),
      avg_wall_time_per_episode_s: run.episodes !== null && run.episodes > 0 ? round(wall / run.episodes, 4) : null,
      sampling_note: note,
      memory_metric: run.memoryMetric,
      cpu_time_s: round(totals.cpuSeconds, 2),
      avg_cpu_pct: wall > 0 ? round((totals.cpuSeconds / wall) * 100, 2) : 0,
      peak_rss_sum_mb: round(totals.peakRssSumMb, 1),
    },
    ...(run.status !== 'ok' ? { status: run.status } : {}),
  };

  const truth: StageTruth = {
    profile_stage_truth_version: STAGE_TRUTH_VERSION,
    release: run.release,
    dataset_id: run.datasetId,
    source_metrics_path: run.timeline.metricsPath ?? null,
    sample_interval_s: run.sampleIntervalS,
    run_wall_s: round(wall, 4),
    sum_mapped_stage_wall_s: round(sumWalls, 4),
    parallelism_hint_ratio: wall > 0 ? round(sumWalls / wall, 4) : null,
    wall_seconds_by_stage: wallsByStage,
    resource_by_stage_psutil: resource,
    global_peak_rss_mb_sampled: round(totals.peakMb, 2),
    metrics_excerpt: run.metricsExcerpt ?? null,
    // Not psutil: the key keeps its name for readers of the anchor format; this says what it holds.
    memory_metric: run.memoryMetric,
    stage_source: run.timeline.method,
    sampling_note: note,
    samples_count: totals.count,
    global_peak_rss_sum_mb_sampled: round(totals.peakRssSumMb, 2),
    cpu_time_s: round(totals.cpuSeconds, 2),
    status: run.status,
    exit_code: run.exitCode,
    signal: run.signal,
    stages_open_at_end: run.timeline.openAtEnd,
    ...(run.probeSummary ?? {}),
    warnings,
    ...(run.files?.samples ? { samples_file: run.files.samples } : {}),
    ...(run.files?.events ? { events_file: run.files.events } : {}),
  };
  return { profile, truth };
}
