/** A raw run plus what the freeze knows about it → profile + stage_truth. Shared by the freeze and the rebuild. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Profile } from '../formats/profile.js';
import type { StageTruth } from '../formats/stage-truth.js';
import { readJson } from '../formats/parse.js';
import { isObject, type JsonObject } from '../formats/validate.js';
import { errorMessage, InputFileError, UserError } from '../errors.js';
import type { RunFiles } from '../formats/run-files.js';
import { buildRunOutputs } from './build-profile.js';
import { addGpu } from './gpu-profile.js';
import { containmentNote, memoryMethod } from './memory-method.js';
import type { RawRun } from './measure-run.js';
import type { Sample } from './samples-file.js';
import type { FreezeOptions } from './options.js';
import { resolveTimeline } from './stages/resolve.js';
import { formatStageSource, type StageSourceSpec } from './stages/source.js';

/** Writes an output file, creating its folder; a file we cannot write is the user's to fix (path, reason). */
export function writeOutput(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write ${path}${code ? ` (${code})` : ''}`, [errorMessage(error)]);
  }
}

export function readMetricsFile(path: string): { path: string; data?: JsonObject; error?: string } {
  try {
    const data = readJson(path);
    return isObject(data) ? { path, data } : { path, error: 'not a JSON object' };
  } catch (error) {
    if (error instanceof InputFileError && error.missing) return { path, error: 'file not found' };
    return { path, error: errorMessage(error).replace(`${path}: invalid content\n  - `, '') };
  }
}

function episodesFrom(options: Pick<FreezeOptions, 'episodes'>, metrics: JsonObject | undefined): number | null {
  if (options.episodes !== undefined) return options.episodes;
  const scraped = metrics?.episodes_scraped_total;
  return typeof scraped === 'number' && Number.isInteger(scraped) && scraped > 0 ? scraped : null;
}

export interface OutputContext {
  options: Pick<FreezeOptions, 'version' | 'datasetId' | 'episodes'>;
  checked: { sampleIntervalS: number; stages: StageSourceSpec };
  environment: Profile['environment'];
  files: RunFiles;
  statusPath: string | undefined;
  metrics: { path: string; data?: JsonObject; error?: string } | undefined;
  /** What the GPU probe found ("no GPU: nvidia-smi not found", or what is sampled). */
  gpuNote?: string;
}

/** A raw run whose samples may be streamed from its file (the rebuild) rather than held in memory. */
export type RunInput = Omit<RawRun, 'samples'> & { samples: Iterable<Sample> };

/** Raw run → profile + stage_truth (pure: the metrics file, if any, was read by the caller). */
export function outputsOf(raw: RunInput, ctx: OutputContext): { profile: Profile; truth: StageTruth } {
  const { timeline, metricsExcerpt } = resolveTimeline({
    spec: ctx.checked.stages,
    runStart: raw.startedAt,
    runEnd: raw.endedAt,
    events: raw.events,
    eventWarnings: raw.eventWarnings,
    eventsPath: ctx.files.events,
    statuses: raw.statuses,
    statusPath: ctx.statusPath ?? null,
    ...(ctx.metrics ? { metrics: ctx.metrics } : {}),
  });
  const built = buildRunOutputs({
    release: ctx.options.version,
    datasetId: ctx.options.datasetId,
    environment: ctx.environment,
    sampleIntervalS: ctx.checked.sampleIntervalS,
    memoryMetric: raw.memoryMetric,
    startedAt: raw.startedAt,
    endedAt: raw.endedAt,
    samples: raw.samples,
    timeline,
    episodes: episodesFrom(ctx.options, ctx.metrics?.data),
    status: raw.status,
    exitCode: raw.exitCode,
    signal: raw.signal,
    warnings: raw.warnings,
    probeSummary: raw.probeSummary,
    ...(metricsExcerpt ? { metricsExcerpt } : {}),
    files: { samples: basename(ctx.files.samples), events: basename(ctx.files.events) },
  });
  built.truth.stage_source_requested = formatStageSource(ctx.checked.stages);
  addGpu(built.profile, built.truth, raw.samples, timeline.spans, raw.startedAt, ctx.gpuNote);
  built.truth.memory_method = memoryMethod(raw.memoryMetric, raw.samples, raw.probeSummary, raw.containment);
  // What held the tree (cgroup, user namespace, scrubbed environment) and how it ended; the note
  // travels with the profile into every report.
  built.truth.containment = raw.containment ? { ...raw.containment, tree_end: raw.treeEnd ?? null } : null;
  if (raw.containment) {
    const note = `${built.profile.totals.sampling_note ?? ''} ${containmentNote(raw.containment, raw.treeEnd)}`.trim();
    built.profile.totals.sampling_note = note;
    built.truth.sampling_note = note;
  }
  return built;
}
