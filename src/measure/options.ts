/** What a freeze is asked to do (the action and the CLI both fill this), checked once up front. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { ContainmentMode } from './ports.js';
import type { RunSlot } from './schedule.js';
import { parseStageSource, type StageSourceSpec } from './stages/source.js';
import { profileStem } from '../formats/run-files.js';

export interface FreezeProgress {
  kind: 'run-start' | 'tick' | 'run-end';
  /** A log line, e.g. "run 2 of 5 (measured) … 12.3 s elapsed, stage: transcribe". */
  message: string;
  run?: number;
  of?: number;
  measured?: boolean;
  elapsedS?: number;
  /** At a run's start: its slot in the schedule (schedule.ts). */
  slot?: RunSlot;
}

export interface FreezeOptions {
  /** `release` of the profile. */
  version: string;
  datasetId: string;
  /** Profile path (`.yaml` / `.yml`); companions are written beside it. */
  output: string;
  /** argv of the pipeline command; never joined into a shell string. */
  command: readonly string[];
  /** Seconds between samples (default 0.5). */
  sampleIntervalS?: number;
  /** Unmeasured runs first (default 1). */
  warmup?: number;
  /** Measured runs (default 1); above 1, per-run files plus a median profile. */
  repeat?: number;
  /** `auto` (default), `events`, `status-file[:PATH]`, `metrics:PATH`, `none`, or the parsed form. */
  stages?: string | StageSourceSpec;
  /** The pipeline's metrics.json (relative to cwd): stage windows for `auto`, and the stage_truth metrics_excerpt. */
  metricsFile?: string;
  /** Episodes processed, for avg_wall_time_per_episode_s (else taken from metrics.json when it says). */
  episodes?: number;
  /** Stage events file (default `<stem>.events.jsonl`, or `<stem>.run-K.events.jsonl`). */
  eventsFile?: string;
  /** Per-run time limit; the tree is stopped and the run marked timed_out. */
  timeoutS?: number;
  /**
   * Long-run share of one core (percent) the sampler may spend re-reading every member's PSS in full
   * (default 0.05); in between, PSS is carried forward from cheap RSS readings (see pss-estimator.ts).
   * 100 or more reads every member at every tick: exact, and costly on big processes.
   */
  pssBudgetPct?: number;
  /** Seconds between SIGTERM and SIGKILL when stopping the tree (default 5). */
  killGraceS?: number;
  /** Where the command runs (default the current directory). */
  cwd?: string;
  /** Added to the inherited environment. */
  env?: Record<string, string>;
  /** Show the command's output (default) or drop it. */
  commandOutput?: 'inherit' | 'ignore';
  /**
   * How the command's tree is held (containment.ts): `auto` (default) its own cgroup and user
   * namespace where the host allows them, `cgroup` no namespace, `none` neither. The environment
   * is scrubbed of the action's tokens in every mode.
   */
  containment?: ContainmentMode;
  /** Aborting stops the tree and marks the run cancelled; no further runs start. */
  signal?: AbortSignal;
  onProgress?: (event: FreezeProgress) => void;
  /** Seconds between `tick` progress events (default 10). */
  progressEveryS?: number;
}

export interface CheckedFreezeOptions {
  pssBudgetPct: number;
  cwd: string;
  stem: string;
  stages: StageSourceSpec;
  sampleIntervalS: number;
  warmup: number;
  repeat: number;
}

/** The smallest interval we accept: below it the sampler's own cost stops being negligible. */
export const MIN_SAMPLE_INTERVAL_S = 0.02;
/** Default PSS re-read budget: with the rest of the sampler it keeps the cost under 0.3 % of a core at 2 Hz (npm run bench). */
export const DEFAULT_PSS_BUDGET_PCT = 0.05;

export function checkFreezeOptions(options: FreezeOptions): CheckedFreezeOptions {
  const problems: string[] = [];
  if (options.version.trim() === '') problems.push('version: must not be empty');
  if (options.datasetId.trim() === '') problems.push('dataset id: must not be empty');
  if (!/\.ya?ml$/i.test(options.output)) problems.push(`output: expected a path ending in .yaml or .yml, got "${options.output}"`);
  if (options.command.length === 0 || options.command[0] === '') problems.push('command: nothing to run (give it after --)');
  const sampleIntervalS = options.sampleIntervalS ?? 0.5;
  if (!(sampleIntervalS >= MIN_SAMPLE_INTERVAL_S) || !Number.isFinite(sampleIntervalS)) {
    problems.push(`sample interval: expected seconds >= ${MIN_SAMPLE_INTERVAL_S}, got ${sampleIntervalS}`);
  }
  const warmup = options.warmup ?? 1;
  if (!Number.isInteger(warmup) || warmup < 0) problems.push(`warmup: expected a whole number >= 0, got ${warmup}`);
  const repeat = options.repeat ?? 1;
  if (!Number.isInteger(repeat) || repeat < 1) problems.push(`repeat: expected a whole number >= 1, got ${repeat}`);
  const pssBudgetPct = options.pssBudgetPct ?? DEFAULT_PSS_BUDGET_PCT;
  if (!(pssBudgetPct > 0)) problems.push(`PSS budget: expected a percentage > 0, got ${pssBudgetPct}`);
  if (options.timeoutS !== undefined && !(options.timeoutS > 0)) problems.push(`timeout: expected seconds > 0, got ${options.timeoutS}`);
  if (options.episodes !== undefined && !(Number.isInteger(options.episodes) && options.episodes > 0)) {
    problems.push(`episodes: expected a whole number > 0, got ${options.episodes}`);
  }
  const cwd = resolve(options.cwd ?? '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) problems.push(`cwd: directory not found: ${cwd}`);
  let stages: StageSourceSpec = { kind: 'auto' };
  try {
    stages = typeof options.stages === 'object' ? options.stages : parseStageSource(options.stages ?? 'auto');
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new UserError('freeze: invalid options', problems);
  return { pssBudgetPct, cwd, stem: profileStem(resolve(options.output)), stages, sampleIntervalS, warmup, repeat };
}
