/**
 * One run of the command: spawn it in its own session, sample its tree on a self-correcting timer
 * (tick k at start + k·interval, skipping missed slots instead of drifting), poll the stage sources,
 * stop it on timeout or cancel, and take a last sample once it has exited.
 */
import { pushAll } from '../collections.js';
import { errorMessage } from '../errors.js';
import type { ProfileEnvironment } from '../formats/profile.js';
import type { CommandExit, ContainmentInfo, ContainmentMode, MeasureDeps, MemoryMetric, TreeEnd, TreeProbe, TreeReading } from './ports.js';
import { SamplesWriter, type RunStatus, type Sample, type SamplesHeader, type StatusObservation } from './samples-file.js';
import { EventsTail, type StageEvent } from './stages/events.js';
import { StatusFilePoller } from './stages/status-file.js';
import type { GpuSampler } from './gpu-sampler.js';

export interface MeasureRunOptions {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  output: 'inherit' | 'ignore';
  sampleIntervalS: number;
  timeoutS?: number;
  /** Seconds between SIGTERM and SIGKILL when stopping the tree. */
  killGraceS: number;
  signal?: AbortSignal;
  /** Absolute path given to the command in OPTIMIZATION_GATE_STAGE_EVENTS. */
  eventsPath: string;
  /** Long-run share of a core for full PSS readings (see pss-estimator.ts). */
  pssBudgetPct: number;
  /** How the command is held (containment.ts); default `auto`. */
  containment?: ContainmentMode;
  /** Absolute path of a status file to poll, if any. */
  statusFilePath?: string;
  /** Stop polling the status file once stage events have been seen (`auto`: events win anyway). */
  statusOnlyWithoutEvents?: boolean;
  /** Where to write the timeline; absent for a warm-up run (not sampled). */
  samples?: { path: string; header: Omit<SamplesHeader, 'started_at' | 'root_pid' | 'memory_metric'> };
  /**
   * The complete environment (python, git: a process each), never asked for before the command
   * starts: `atStart` asks right after the spawn (a warm-up run, or details already under way),
   * otherwise it is asked once the command has exited, so its processes do not overlap a measured
   * run. Written to the samples file when known, at the latest before the end record.
   */
  environment?: { collect: () => Promise<ProfileEnvironment>; atStart: boolean };
  /** Called every `progressEveryS` with the elapsed time and the stages open now. */
  onTick?: (elapsedS: number, openStages: string[]) => void;
  progressEveryS?: number;
  /** GPU readings of the tree (nvidia-smi), attached to its samples; absent without a GPU. */
  gpu?: GpuSampler;
}

export interface RawRun {
  startedAt: number;
  endedAt: number;
  rootPid: number;
  memoryMetric: MemoryMetric;
  samples: Sample[];
  statuses: StatusObservation[];
  events: StageEvent[];
  eventWarnings: string[];
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  warnings: string[];
  /** The probe's counters (e.g. pss_snapshots), kept in stage_truth. */
  probeSummary: Record<string, number>;
  /** Set when a bug in the sampling loop stopped the run (the tree was stopped; what was measured is kept). */
  internalError?: string;
  /** What held the tree, and how it ended (absent with runners that hold nothing). */
  containment?: ContainmentInfo;
  treeEnd?: TreeEnd;
}

export async function measureRun(options: MeasureRunOptions, deps: MeasureDeps): Promise<RawRun> {
  const { clock } = deps;
  const intervalMs = options.sampleIntervalS * 1000;
  const statusPoller = options.statusFilePath ? new StatusFilePoller(options.statusFilePath) : undefined;
  const events = new EventsTail(options.eventsPath);
  const warnings: string[] = [];

  const command = await deps.commands.start({ argv: options.argv, cwd: options.cwd, env: options.env, output: options.output, containment: options.containment ?? 'auto' });
  // Last line of defence: if this process dies mid-run (a crash, an uncaught throw), the tree dies with it.
  const killOnExit = (): void => (command.signalTree ? command.signalTree('SIGKILL') : command.signalGroup('SIGKILL'));
  process.once('exit', killOnExit);
  let probe: TreeProbe | undefined;
  let writer: SamplesWriter | undefined;
  try {
    probe = options.samples ? deps.probeFactory(command.pid, { pssBudgetPct: options.pssBudgetPct, ...(command.group ? { group: command.group } : {}) }) : undefined;
    writer =
      options.samples && probe
        ? new SamplesWriter(options.samples.path, {
            ...options.samples.header,
            started_at: command.startedAt,
            root_pid: command.pid,
            memory_metric: probe.memoryMetric,
            ...(command.containment ? { containment: command.containment } : {}),
          })
        : undefined;
  } catch (error) {
    // Never leave a command running unmeasured behind us.
    command.signalGroup('SIGKILL');
    process.off('exit', killOnExit);
    await command.finish?.();
    throw error;
  }

  let environmentWritten = false;
  const recordEnvironment = (environment: ProfileEnvironment): void => {
    if (environmentWritten) return;
    environmentWritten = true;
    writer?.environment(environment);
  };
  const environment = options.environment?.atStart ? options.environment.collect() : undefined;
  void environment?.then(recordEnvironment);

  const samples: Sample[] = [];
  let lastEventsPoll = Number.NEGATIVE_INFINITY;
  let previous: { t: number; cpuSeconds: number } | undefined;
  let samplerError: string | undefined;

  const takeSample = async (): Promise<void> => {
    const t = clock.nowEpoch();
    if (probe && writer) {
      let reading: TreeReading;
      try {
        reading = await probe.read();
      } catch (error) {
        // A broken read must not lose the run: note it once and keep going.
        samplerError ??= errorMessage(error);
        return;
      }
      const dt = previous ? t - previous.t : 0;
      const cpuPct = previous && dt > 0 ? Math.max(0, ((reading.cpuSeconds - previous.cpuSeconds) / dt) * 100) : null;
      const sample: Sample = {
        t,
        mem_mb: reading.memoryKb / 1024,
        rss_mb: reading.rssKb / 1024,
        cpu_pct: cpuPct,
        cpu_s: reading.cpuSeconds,
        procs: reading.processes,
        ...(reading.pssAgeS !== undefined ? { pss_age_s: reading.pssAgeS } : {}),
        ...(reading.pssUnverifiedKb !== undefined ? { pss_unverified_mb: reading.pssUnverifiedKb / 1024 } : {}),
        ...(reading.kernel
          ? {
              mem_now_mb: reading.kernel.nowKb / 1024,
              file_cache_mb: reading.kernel.fileCacheKb / 1024,
              ...(reading.kernel.usagePeakKb !== undefined ? { usage_peak_mb: reading.kernel.usagePeakKb / 1024 } : {}),
            }
          : {}),
      };
      previous = { t, cpuSeconds: reading.cpuSeconds };
      if (options.gpu) {
        options.gpu.poll(probe.members().map((m) => m.pid));
        const gpu = options.gpu.latest();
        if (gpu) Object.assign(sample, { gpu_mem_mb: gpu.memMb, gpu_util_pct: gpu.utilPct, gpu_device_mem_mb: gpu.deviceMemMb });
      }
      samples.push(sample);
      writer.sample(sample);
    }
    // Status changes are timed by our polls: every tick. Events carry their own times: reading them
    // every few seconds is enough (for progress lines; the file is read to the end after the run).
    if (!(options.statusOnlyWithoutEvents && events.events.length > 0)) {
      const observation = statusPoller?.poll(t);
      if (observation) writer?.status(observation);
    }
    if (t - lastEventsPoll >= 2) {
      lastEventsPoll = t;
      events.poll();
    }
  };

  // Stopping: SIGTERM to the group (and to members that left it), SIGKILL after the grace period.
  let stopReason: RunStatus | undefined;
  let killTimer: { cancel(): void } | undefined;
  const signalTree = (signal: NodeJS.Signals): void => {
    if (command.signalTree) command.signalTree(signal);
    else command.signalGroup(signal);
    // Without a cgroup, members that left the process group are reached one by one.
    if (command.group) return;
    let members: ReadonlyArray<{ pid: number; pgid: number }> = [];
    try {
      members = probe?.members() ?? [];
    } catch {
      // A broken probe must not keep the group signal from going out.
    }
    for (const member of members) if (member.pgid !== command.pid) command.signalProcess(member.pid, signal);
  };
  const stop = (reason: RunStatus): void => {
    if (stopReason) return;
    stopReason = reason;
    signalTree('SIGTERM');
    killTimer = clock.setTimer(() => signalTree('SIGKILL'), options.killGraceS * 1000);
  };
  const timeoutTimer = options.timeoutS !== undefined ? clock.setTimer(() => stop('timed_out'), options.timeoutS * 1000) : undefined;
  // A bug in the loop below (not a failed /proc read, which takes care of itself) ends sampling: the
  // tree is stopped rather than left running unmeasured, and everything sampled so far is kept.
  let internalError: string | undefined;
  let stoppedByBug = false;
  const failSampling = (error: unknown): void => {
    if (internalError !== undefined) return;
    internalError = errorMessage(error);
    stoppedByBug = !exit;
    stop('failed');
  };
  const onAbort = (): void => stop('cancelled');
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  let exit: CommandExit | undefined;
  const exited = command.exited.then((e) => (exit = e));
  const startMono = clock.nowMono();
  let tickIndex = 0;
  let timer: { cancel(): void } | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let lastProgress = 0;
  const progressEveryS = options.progressEveryS ?? 10;

  const schedule = (): void => {
    if (exit) return;
    const now = clock.nowMono();
    tickIndex = Math.max(tickIndex + 1, Math.floor((now - startMono) / intervalMs) + 1);
    timer = clock.setTimer(
      () => {
        inFlight = inFlight.then(async () => {
          if (exit || internalError !== undefined) return;
          try {
            await takeSample();
            const elapsed = (clock.nowMono() - startMono) / 1000;
            if (options.onTick && elapsed - lastProgress >= progressEveryS) {
              lastProgress = elapsed;
              options.onTick(elapsed, events.openStages());
            }
            schedule();
          } catch (error) {
            failSampling(error);
          }
        });
      },
      startMono + tickIndex * intervalMs - now,
    );
  };

  inFlight = takeSample().catch(failSampling); // the first sample right after spawn
  try {
    schedule();
  } catch (error) {
    failSampling(error);
  }
  await exited;
  timer?.cancel();
  timeoutTimer?.cancel();
  options.signal?.removeEventListener('abort', onAbort);
  await inFlight;
  // The last one: what the tree looks like after the command exited (a broken loop may fail again here).
  await takeSample().catch((error: unknown) => (internalError ??= errorMessage(error)));
  try {
    events.poll(true);
  } catch (error) {
    internalError ??= errorMessage(error);
  }

  const finalExit = exit as CommandExit;
  // Nothing the command started outlives its run: whatever is left is ended now, before anything is
  // decided from the measurement (with a cgroup: every process in it, however it detached).
  killTimer?.cancel();
  const leftSampled = samples.length > 0 ? (samples[samples.length - 1] as Sample).procs : 0;
  // With a cgroup, finish() kills through it (and counts what it found first); without, we reach the
  // process group and the members we know.
  if (!command.group) signalTree('SIGKILL');
  const treeEnd = await command.finish?.();
  const left = treeEnd?.leftover ?? leftSampled;
  if (!stopReason && left > 0) {
    warnings.push(`${left} process(es) of the tree were still running after the command exited: ended (SIGKILL), not measured further`);
  }
  pushAll(warnings, treeEnd?.problems ?? []);
  if (finalExit.spawnError) warnings.push(`command error: ${finalExit.spawnError}`);
  if (samplerError) warnings.push(`sampling error (some samples missing): ${samplerError}`);
  if (internalError !== undefined) {
    warnings.push(`internal error in the sampler (please report): ${internalError}; ${stoppedByBug ? 'the command was stopped, ' : ''}what was sampled before is kept`);
  }
  const gpuError = await options.gpu?.close();
  if (gpuError) warnings.push(`GPU sampling error (some GPU readings missing): ${gpuError}`);

  const status: RunStatus = stopReason ?? (finalExit.exitCode === 0 ? 'ok' : 'failed');
  if (options.environment && writer) recordEnvironment(await (environment ?? options.environment.collect()));
  writer?.end({ t: finalExit.endedAt, status, exit_code: finalExit.exitCode, signal: finalExit.signal });
  writer?.close();
  const probeSummary = probe?.summary?.() ?? {};
  probe?.close();
  process.off('exit', killOnExit);

  return {
    startedAt: command.startedAt,
    endedAt: finalExit.endedAt,
    rootPid: command.pid,
    memoryMetric: probe?.memoryMetric ?? 'pss_sum',
    samples,
    statuses: statusPoller?.observations ?? [],
    events: events.events,
    eventWarnings: events.warnings,
    status,
    exitCode: finalExit.exitCode,
    signal: finalExit.signal,
    warnings,
    probeSummary,
    ...(internalError !== undefined ? { internalError } : {}),
    ...(command.containment ? { containment: command.containment } : {}),
    ...(treeEnd ? { treeEnd } : {}),
  };
}
