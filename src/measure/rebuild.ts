/**
 * Rebuilds a run's profile + stage_truth from what is on disk — `<stem>.samples.jsonl` and the stage
 * events file its header names — for when the process that was sampling was killed mid-run (the
 * action's post step calls this after a cancelled job).
 */
import { existsSync } from 'node:fs';
import { renderProfileYaml, type Profile } from '../formats/profile.js';
import { renderStageTruthJson, type StageTruth } from '../formats/stage-truth.js';
import { readText } from '../formats/parse.js';
import { outputsOf, readMetricsFile, writeOutput } from './run-outputs.js';
import type { RawRun } from './measure-run.js';
import { parseSamplesFile, type RunStatus } from './samples-file.js';
import { parseEventsText } from './stages/events.js';
import type { StageSourceSpec } from './stages/source.js';

export const SAMPLES_SUFFIX = '.samples.jsonl';

export interface RebuildOptions {
  /** Status to record when the file has no end record (the sampler died first). Default `cancelled`. */
  statusIfUnfinished?: RunStatus;
  /** Write `<stem>.yaml` and `<stem>.stage_truth.json` (default true). */
  write?: boolean;
  /** Attribute with another stage source than the run asked for (e.g. the status file it also polled). */
  stageSource?: StageSourceSpec;
}

export interface RebuildResult {
  profile: Profile;
  truth: StageTruth;
  profilePath: string;
  stageTruthPath: string;
  /** False when the samples file had no end record (the run's true end is unknown). */
  finished: boolean;
}

export function rebuildFromSamples(samplesPath: string, options: RebuildOptions = {}): RebuildResult {
  const content = parseSamplesFile(readText(samplesPath), samplesPath);
  const { header, samples, statuses, end } = content;
  const warnings = [...content.warnings];
  const eventsPath = header.events_path;
  let events: RawRun['events'] = [];
  let eventWarnings: string[] = [];
  if (eventsPath !== null && existsSync(eventsPath)) {
    ({ events, warnings: eventWarnings } = parseEventsText(readText(eventsPath), eventsPath));
  } else if (eventsPath !== null) {
    warnings.push(`stage events file not found: ${eventsPath}`);
  }
  const lastSample = samples[samples.length - 1];
  const endedAt = end?.t ?? lastSample?.t ?? header.started_at;
  if (!end) {
    warnings.push(`rebuilt from ${samplesPath} after the sampler stopped before the command ended; the run's end is the last sample`);
  }
  const raw: RawRun = {
    startedAt: header.started_at,
    endedAt,
    rootPid: header.root_pid,
    memoryMetric: header.memory_metric,
    samples,
    statuses,
    events,
    eventWarnings,
    status: end?.status ?? options.statusIfUnfinished ?? 'cancelled',
    exitCode: end?.exit_code ?? null,
    signal: end?.signal ?? null,
    warnings,
    probeSummary: { pss_snapshots: samples.filter((s) => s.pss_age_s === 0).length },
    ...(header.containment ? { containment: header.containment } : {}),
  };
  const stem = samplesPath.endsWith(SAMPLES_SUFFIX) ? samplesPath.slice(0, -SAMPLES_SUFFIX.length) : samplesPath;
  const files = {
    profile: `${stem}.yaml`,
    stageTruth: `${stem}.stage_truth.json`,
    samples: samplesPath,
    events: eventsPath ?? `${stem}.events.jsonl`,
  };
  const { profile, truth } = outputsOf(raw, {
    options: {
      version: header.release,
      datasetId: header.dataset_id,
      ...(header.episodes !== null ? { episodes: header.episodes } : {}),
    },
    checked: { sampleIntervalS: header.sample_interval_s, stages: options.stageSource ?? header.stage_source },
    environment: header.environment,
    files,
    statusPath: header.status_file ?? undefined,
    metrics: header.metrics_file !== null ? readMetricsFile(header.metrics_file) : undefined,
  });
  truth.rebuilt_from_samples = true;
  if (options.write ?? true) {
    writeOutput(files.profile, renderProfileYaml(profile));
    writeOutput(files.stageTruth, renderStageTruthJson(truth));
  }
  return { profile, truth, profilePath: files.profile, stageTruthPath: files.stageTruth, finished: end !== undefined };
}
