/**
 * The side effects of measuring, each behind a small interface so the accounting, the sampling
 * loop and the freeze can be tested with synthetic process tables, fake clocks and fake commands.
 * Real implementations: linux-proc.ts, clock.ts, command.ts, environment.ts.
 */
import type { ProfileEnvironment } from '../formats/profile.js';
import type { MemoryRollup, ProcStat } from './proc-parse.js';
import type { GpuQuery } from './gpu-sampler.js';

/** Read access to the process table (Linux /proc). Every read returns undefined when the process is gone. */
export interface ProcReader {
  listPids(): number[];
  /**
   * `hold` keeps the file open for the next reads (tree members, read every tick): cheaper, and a
   * held read fails once that process is gone even if its pid has been reused. `release` closes it.
   */
  readStat(pid: number, hold?: boolean): ProcStat | undefined;
  release(pid: number): void;
  readMemory(pid: number): MemoryRollup | undefined;
  /** Resident pages that are anonymous (statm resident − shared), in KiB: cheap, no page walk. */
  readAnonKb(pid: number): number | undefined;
  /** The pid the kernel allocated last (/proc/loadavg): while it does not change, no process was created. */
  lastPid(): number | undefined;
  /** cutime + cstime of the sampling process itself: where a child reaped by us leaves its final CPU time. */
  readSelfChildrenTicks(): number | undefined;
  /** Clock ticks per second (CLK_TCK). */
  readonly ticksPerSecond: number;
  /** Page size in KiB (stat's RSS is in pages). */
  readonly pageSizeKb: number;
  /** Closes whatever the reader holds open. */
  close?(): void;
}

export interface Clock {
  /** Wall clock, epoch seconds (the clock a pipeline's own `time.time()` stamps use). */
  nowEpoch(): number;
  /** Monotonic milliseconds, for scheduling. */
  nowMono(): number;
  setTimer(callback: () => void, delayMs: number): { cancel(): void };
}

/** One reading of the whole process tree. */
export interface TreeReading {
  /** Tree memory in KiB in the metric of `memoryMetric` (PSS sum on Linux, else RSS sum). */
  memoryKb: number;
  /** RSS sum in KiB (counts shared pages once per process: shown to make the double counting visible). */
  rssKb: number;
  /** Cumulative CPU seconds of the tree since it started, including exited members. */
  cpuSeconds: number;
  processes: number;
  /** Seconds since every member's PSS was last read in full (0: read at this tick). See pss-estimator.ts. */
  pssAgeS?: number;
}

export type MemoryMetric = 'pss_sum' | 'rss_sum';

/** Samples one process tree; created per run by a TreeProbeFactory. */
export interface TreeProbe {
  readonly memoryMetric: MemoryMetric;
  /** Sync on Linux (cheap /proc reads); a promise where sampling needs a subprocess. */
  read(): TreeReading | Promise<TreeReading>;
  /** Members known at the last reading and their process groups (to stop members that left the group). */
  members(): ReadonlyArray<{ pid: number; pgid: number }>;
  /** Counters worth keeping with the run (e.g. how often PSS was read in full). */
  summary?(): Record<string, number>;
  close(): void;
}

export interface ProbeSettings {
  /** Long-run share of one core the probe may spend on full PSS readings, percent (>= 100: every member, every tick). */
  pssBudgetPct: number;
}

export type TreeProbeFactory = (rootPid: number, settings: ProbeSettings) => TreeProbe;

export interface CommandSpec {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** `inherit` shows the command's output in ours (CLI, action log); `ignore` drops it. */
  output: 'inherit' | 'ignore';
}

export interface CommandExit {
  exitCode: number | null;
  signal: string | null;
  /** Epoch seconds when the exit was observed. */
  endedAt: number;
  /** Set when the command could not be started at all (e.g. ENOENT). */
  spawnError?: string;
}

export interface RunningCommand {
  readonly pid: number;
  /** Epoch seconds just after spawn returned. */
  readonly startedAt: number;
  readonly exited: Promise<CommandExit>;
  /** Signals the whole process group (the command runs in its own session and group). */
  signalGroup(signal: NodeJS.Signals): void;
  /** Signals one process (a tree member that moved to another group). */
  signalProcess(pid: number, signal: NodeJS.Signals): void;
}

export interface CommandRunner {
  /** Throws UserError when the command cannot be started (not found, not executable). */
  start(spec: CommandSpec): Promise<RunningCommand>;
}

export interface EnvironmentProbe {
  /** What needs no subprocess (hostname, CPU, memory, OS, Node): instant, written at spawn. */
  host(cwd: string): ProfileEnvironment;
  /** All of it, adding python3 --version and the git state (subprocesses: started after the command). Never rejects. */
  full(cwd: string): Promise<ProfileEnvironment>;
}

export interface MeasureDeps {
  clock: Clock;
  commands: CommandRunner;
  probeFactory: TreeProbeFactory;
  environment: EnvironmentProbe;
  /** `nvidia-smi`, for GPU memory and utilisation of the tree; absent: no GPU sampling. */
  gpu?: GpuQuery;
}
