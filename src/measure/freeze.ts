/**
 * The native freeze: warm-up run(s) unmeasured, then measured run(s) of the command, each sampled
 * over its whole process tree, written as `<stem>.yaml` + `.stage_truth.json` + `.samples.jsonl`
 * (per run `<stem>.run-K.*` and a median `<stem>.*` when repeated). A run that fails, times out or
 * is cancelled still leaves its samples and a profile marked with its status.
 */
import { rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { renderProfileYaml, type Profile } from '../formats/profile.js';
import { renderStageTruthJson, type StageTruth } from '../formats/stage-truth.js';
import { medianOfRuns, overallStatus, type RunOutputs } from './repeat-median.js';
import { defaultMeasureDeps } from './deps.js';
import { measureRun, type RawRun } from './measure-run.js';
import { checkFreezeOptions, type FreezeOptions } from './options.js';
import type { MeasureDeps } from './ports.js';
import type { RunStatus } from './samples-file.js';
import { DEFAULT_STATUS_FILE, STAGE_EVENTS_ENV, type StageSourceSpec } from './stages/source.js';
import { outputsOf, readMetricsFile, writeOutput } from './run-outputs.js';
import { repeatStem, runFilesOf, warmupEventsPath, type RunFiles } from '../formats/run-files.js';
import { GpuSampler, type GpuProbeResult } from './gpu-sampler.js';

export type { FreezeOptions, FreezeProgress } from './options.js';

export type { RunFiles } from '../formats/run-files.js';

export interface FreezeRunResult {
  /** 1-based index among the measured runs. */
  index: number;
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  wallS: number;
  files: RunFiles;
  profile: Profile;
  truth: StageTruth;
}

export interface FreezeResult {
  /** ok only when every run (warm-up and measured) completed with exit code 0. */
  status: RunStatus;
  /** 0 when every run succeeded, 1 otherwise (the CLI's exit code). */
  exitCode: 0 | 1;
  profilePath: string;
  stageTruthPath: string;
  /** Every file written, in order. */
  files: string[];
  runs: FreezeRunResult[];
  warmups: Array<{ status: RunStatus; exitCode: number | null; signal: string | null }>;
  /** The profile at profilePath (the median one when repeated); absent when no measured run happened. */
  profile?: Profile;
  truth?: StageTruth;
  /** Why the freeze stopped early, if it did. */
  stoppedBecause?: string;
}

function describeEnd(raw: RawRun): string {
  if (raw.internalError !== undefined && raw.status === 'failed') return `stopped by an internal error in the sampler (${raw.internalError})`;
  if (raw.status === 'timed_out') return 'timed out';
  if (raw.status === 'cancelled') return 'cancelled';
  return raw.signal ? `killed by ${raw.signal}` : `exit code ${raw.exitCode ?? '?'}`;
}

export async function freeze(options: FreezeOptions, deps: Partial<MeasureDeps> = {}): Promise<FreezeResult> {
  const checked = checkFreezeOptions(options);
  const d: MeasureDeps = { ...defaultMeasureDeps(), ...deps };
  const { cwd, stages, stem } = checked;
  const progress = options.onProgress ?? (() => undefined);
  // The host part is instant; python and git take a process each, which never delay the command's
  // start: they run alongside the first warm-up run, or after the first measured run has ended.
  const hostEnvironment = d.environment.host(cwd);
  let collected: Promise<Profile['environment']> | undefined;
  const collect = (): Promise<Profile['environment']> => (collected ??= d.environment.full(cwd).catch(() => hostEnvironment));
  // Is there a GPU to sample (nvidia-smi)? Asked alongside the first run, never before its start:
  // until the answer is in, a run's GPU sampler stays idle. Its model goes into the environment block.
  let gpuAvailable: boolean | undefined;
  const gpuProbe = (d.gpu ? GpuSampler.probe(d.gpu, () => d.clock.nowMono()) : Promise.resolve<GpuProbeResult>({ devices: [], note: 'no GPU: not sampled' })).then((probe) => {
    gpuAvailable = probe.sampler !== undefined;
    return probe;
  });
  const environmentWithGpu = async (): Promise<Profile['environment']> => {
    const [environment, probe] = await Promise.all([collect(), gpuProbe]);
    const gpuNames = [...new Set(probe.devices.map((g) => g.name).filter((n): n is string => n !== undefined))];
    return gpuNames.length > 0 ? { ...environment, gpu: gpuNames.join(', ') } : environment;
  };
  const statusPath = statusFileFor(stages, cwd);
  const metricsPath = stages.kind === 'metrics' ? resolve(cwd, stages.path) : options.metricsFile !== undefined ? resolve(cwd, options.metricsFile) : undefined;
  const env = { ...process.env, ...options.env };
  const result: FreezeResult = {
    status: 'ok',
    exitCode: 0,
    profilePath: runFilesOf(stem).profile,
    stageTruthPath: runFilesOf(stem).stageTruth,
    files: [],
    runs: [],
    warmups: [],
  };
  const common = {
    argv: options.command,
    cwd,
    output: options.commandOutput ?? 'inherit',
    sampleIntervalS: checked.sampleIntervalS,
    killGraceS: options.killGraceS ?? 5,
    pssBudgetPct: checked.pssBudgetPct,
    containment: options.containment ?? 'auto',
    ...(options.timeoutS !== undefined ? { timeoutS: options.timeoutS } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(statusPath ? { statusFilePath: statusPath, statusOnlyWithoutEvents: stages.kind === 'auto' } : {}),
    progressEveryS: options.progressEveryS ?? 10,
  } as const;

  for (let w = 1; w <= checked.warmup; w++) {
    const eventsPath = options.eventsFile !== undefined ? resolve(options.eventsFile) : warmupEventsPath(stem);
    if (options.signal?.aborted) return stopEarly(result, 'cancelled', `cancelled before warm-up run ${w}`);
    writeOutput(eventsPath, '');
    progress({ kind: 'run-start', message: `warm-up run ${w} of ${checked.warmup} (not measured)`, run: w, of: checked.warmup, measured: false });
    const raw = await measureRun(
      {
        ...common,
        environment: { collect, atStart: true },
        env: { ...env, [STAGE_EVENTS_ENV]: eventsPath },
        eventsPath,
        onTick: (elapsed) => progress({ kind: 'tick', message: `warm-up run ${w} of ${checked.warmup} … ${elapsed.toFixed(1)} s elapsed`, elapsedS: elapsed }),
      },
      d,
    );
    if (options.eventsFile === undefined) rmSync(eventsPath, { force: true });
    result.warmups.push({ status: raw.status, exitCode: raw.exitCode, signal: raw.signal });
    progress({ kind: 'run-end', message: `warm-up run ${w}: ${describeEnd(raw)} after ${(raw.endedAt - raw.startedAt).toFixed(1)} s` });
    if (raw.status !== 'ok') {
      result.status = raw.status;
      result.exitCode = 1;
      result.stoppedBecause = `warm-up run ${w} did not complete (${describeEnd(raw)}); no measured run was made`;
      return result;
    }
  }

  const outputs: RunOutputs[] = [];
  let cancelledBetweenRuns = false;
  for (let k = 1; k <= checked.repeat; k++) {
    const files: RunFiles = runFilesOf(repeatStem(stem, k, checked.repeat), options.eventsFile !== undefined ? resolve(options.eventsFile) : undefined);
    if (options.signal?.aborted) {
      cancelledBetweenRuns = true;
      result.stoppedBecause = `cancelled before measured run ${k}`;
      if (outputs.length === 0) return stopEarly(result, 'cancelled', result.stoppedBecause);
      break;
    }
    // Created before the command starts: an unwritable place fails here, not with a run under way.
    writeOutput(files.events, '');
    writeOutput(files.samples, '');
    const label = `run ${k} of ${checked.repeat} (measured)`;
    progress({ kind: 'run-start', message: label, run: k, of: checked.repeat, measured: true });
    const raw = await measureRun(
      {
        ...common,
        env: { ...env, [STAGE_EVENTS_ENV]: files.events },
        eventsPath: files.events,
        environment: { collect, atStart: collected !== undefined },
        // A sampler per run, so no reading of one run is carried into the next.
        ...(d.gpu
          ? {
              gpu: new GpuSampler(
                d.gpu,
                () => d.clock.nowMono(),
                1000,
                () => gpuAvailable,
              ),
            }
          : {}),
        samples: {
          path: files.samples,
          header: {
            type: 'header',
            format: 'optimization-gate-samples',
            version: 1,
            release: options.version,
            dataset_id: options.datasetId,
            sample_interval_s: checked.sampleIntervalS,
            command: options.command,
            cwd,
            stage_source: stages,
            events_path: files.events,
            status_file: statusPath ?? null,
            metrics_file: metricsPath ?? null,
            episodes: options.episodes ?? null,
            environment: hostEnvironment,
          },
        },
        onTick: (elapsed, open) =>
          progress({
            kind: 'tick',
            message: `${label} … ${elapsed.toFixed(1)} s elapsed${open.length > 0 ? `, stage: ${open.join(', ')}` : ''}`,
            elapsedS: elapsed,
          }),
      },
      d,
    );
    const metrics = metricsPath !== undefined ? readMetricsFile(metricsPath) : undefined;
    const { profile, truth } = outputsOf(raw, { options, checked: { ...checked, stages }, environment: await environmentWithGpu(), files, statusPath, metrics, gpuNote: (await gpuProbe).note });
    writeOutput(files.profile, renderProfileYaml(profile));
    writeOutput(files.stageTruth, renderStageTruthJson(truth));
    result.files.push(files.profile, files.stageTruth, files.samples, files.events);
    const wallS = raw.endedAt - raw.startedAt;
    result.runs.push({ index: k, status: raw.status, exitCode: raw.exitCode, signal: raw.signal, wallS, files, profile, truth });
    outputs.push({ profile, truth, status: raw.status, file: basename(files.profile) });
    progress({ kind: 'run-end', message: `run ${k} of ${checked.repeat}: ${describeEnd(raw)} after ${wallS.toFixed(1)} s, peak ${profile.totals.peak_rss_mb} MiB` });
    if (raw.status !== 'ok') {
      result.stoppedBecause = `measured run ${k} did not complete (${describeEnd(raw)})`;
      break;
    }
  }

  result.status = cancelledBetweenRuns ? 'cancelled' : overallStatus(outputs.map((o) => o.status));
  result.exitCode = result.status === 'ok' ? 0 : 1;
  if (checked.repeat === 1) {
    const only = result.runs[0];
    if (only) {
      result.profile = only.profile;
      result.truth = only.truth;
    }
  } else if (outputs.length > 0) {
    const { profile, truth } = medianOfRuns(outputs);
    if (cancelledBetweenRuns) {
      // Fewer runs than asked for: the median is of what ran, and says so.
      profile.status = 'cancelled';
      truth.status = 'cancelled';
    }
    writeOutput(result.profilePath, renderProfileYaml(profile));
    writeOutput(result.stageTruthPath, renderStageTruthJson(truth));
    result.files.push(result.profilePath, result.stageTruthPath);
    result.profile = profile;
    result.truth = truth;
  }
  return result;
}

function stopEarly(result: FreezeResult, status: RunStatus, why: string): FreezeResult {
  result.status = status;
  result.exitCode = 1;
  result.stoppedBecause = why;
  return result;
}

function statusFileFor(stages: StageSourceSpec, cwd: string): string | undefined {
  if (stages.kind === 'status-file') return resolve(cwd, stages.path);
  if (stages.kind === 'auto') return resolve(cwd, DEFAULT_STATUS_FILE);
  return undefined;
}
