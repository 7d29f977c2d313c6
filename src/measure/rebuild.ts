/**
 * Rebuilds a run's profile + stage_truth from what is on disk — `<stem>.samples.jsonl` and the stage
 * events file its header names — for when the process that was sampling was killed mid-run (the
 * action's post step), or to attribute with another stage source (`optimization-gate rebuild`).
 * The samples are streamed from the file twice (what the run says, then attribution), so a long
 * run is rebuilt in memory bounded by its stage changes, not by its length.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { renderProfileYaml, type Profile } from '../formats/profile.js';
import { renderStageTruthJson, type StageTruth } from '../formats/stage-truth.js';
import { readText } from '../formats/parse.js';
import { profileStem, runFilesOf, samplesStem } from '../formats/run-files.js';
import { outputsOf, readMetricsFile, writeOutput, type RunInput } from './run-outputs.js';
import { samplesOf, scanSamplesFile, type RunStatus } from './samples-file.js';
import { parseEventsText } from './stages/events.js';
import type { StageSourceSpec } from './stages/source.js';

export { SAMPLES_SUFFIX } from '../formats/run-files.js';

export interface RebuildOptions {
  /** Status to record when the file has no end record (the sampler died first). Default `cancelled`. */
  statusIfUnfinished?: RunStatus;
  /** Write the profile and stage_truth (default true). */
  write?: boolean;
  /** Profile path to write (`.yaml`); stage_truth beside it. Default `<stem>.yaml` beside the samples. */
  output?: string;
  /** Stage events file to read instead of the one the header names. */
  eventsPath?: string;
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

/**
 * The events file to read: the one asked for, else the header's path, else the file of that name
 * beside the samples (an artifact downloaded elsewhere keeps its files together, not their paths).
 */
function eventsFileFor(samplesPath: string, headerPath: string | null, asked: string | undefined): { path: string | null; found: boolean } {
  if (asked !== undefined) return { path: asked, found: existsSync(asked) };
  if (headerPath === null) return { path: null, found: false };
  if (existsSync(headerPath)) return { path: headerPath, found: true };
  const beside = join(dirname(samplesPath), basename(headerPath));
  return existsSync(beside) ? { path: beside, found: true } : { path: headerPath, found: false };
}

export function rebuildFromSamples(samplesPath: string, options: RebuildOptions = {}): RebuildResult {
  const scan = scanSamplesFile(samplesPath);
  const { header, statuses, end } = scan;
  const warnings = [...scan.warnings];
  const stages = options.stageSource ?? header.stage_source;
  const events = eventsFileFor(samplesPath, header.events_path, options.eventsPath);
  let parsedEvents: ReturnType<typeof parseEventsText> = { events: [], warnings: [] };
  if (events.found && events.path !== null) parsedEvents = parseEventsText(readText(events.path), events.path);
  else if (events.path !== null) warnings.push(`stage events file not found: ${events.path}`);
  if (stages.kind === 'status-file' && header.status_file === null) {
    warnings.push('the run did not poll a status file: there are no status changes to rebuild stages from');
  }
  const endedAt = end?.t ?? scan.lastSampleT ?? header.started_at;
  if (!end) {
    warnings.push(`rebuilt from ${samplesPath} after the sampler stopped before the command ended; the run's end is the last sample`);
  }
  const raw: RunInput = {
    startedAt: header.started_at,
    endedAt,
    rootPid: header.root_pid,
    memoryMetric: header.memory_metric,
    samples: samplesOf(samplesPath),
    statuses,
    events: parsedEvents.events,
    eventWarnings: parsedEvents.warnings,
    status: end?.status ?? options.statusIfUnfinished ?? 'cancelled',
    exitCode: end?.exit_code ?? null,
    signal: end?.signal ?? null,
    warnings,
    probeSummary: { pss_snapshots: scan.pssSnapshots },
    ...(header.containment ? { containment: header.containment } : {}),
  };
  const stem = options.output !== undefined ? profileStem(resolve(options.output)) : samplesStem(samplesPath);
  const files = {
    ...runFilesOf(stem, events.path ?? undefined),
    ...(options.output !== undefined ? { profile: resolve(options.output) } : {}),
    samples: samplesPath,
  };
  const metricsFile = stages.kind === 'metrics' ? resolve(stages.path) : header.metrics_file;
  const { profile, truth } = outputsOf(raw, {
    options: {
      version: header.release,
      datasetId: header.dataset_id,
      ...(header.episodes !== null ? { episodes: header.episodes } : {}),
    },
    checked: { sampleIntervalS: header.sample_interval_s, stages },
    environment: scan.environment ?? header.environment,
    files,
    statusPath: (stages.kind === 'status-file' ? stages.path : header.status_file) ?? undefined,
    metrics: metricsFile !== null ? readMetricsFile(metricsFile) : undefined,
  });
  truth.rebuilt_from_samples = true;
  if (options.write ?? true) {
    writeOutput(files.profile, renderProfileYaml(profile));
    writeOutput(files.stageTruth, renderStageTruthJson(truth));
  }
  return { profile, truth, profilePath: files.profile, stageTruthPath: files.stageTruth, finished: end !== undefined };
}
