/**
 * The side effects of measuring, each behind a small interface so the accounting, the sampling
 * loop and the freeze can be tested with synthetic process tables, fake clocks and fake commands.
 * Real implementations: linux-proc.ts, clock.ts, command.ts, environment.ts.
 */
import type { ProfileEnvironment } from '../formats/profile.js';
import type { GroupReading } from './cgroup.js';
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
  /**
   * statm in KiB: resident pages, and those of them that are file or shmem pages (the rest are
   * anonymous). Cheap (kernel counters, no page walk); `hold` as for readStat.
   */
  readStatm(pid: number, hold?: boolean): { residentKb: number; sharedKb: number } | undefined;
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
  /** KiB of memory changes the PSS estimate could not place yet (its error bound at this reading). */
  pssUnverifiedKb?: number;
  /** With cgroup accounting: the tree's memory at this instant (memoryKb is the interval's highest), and file cache. */
  kernel?: { nowKb: number; fileCacheKb: number; usagePeakKb?: number };
}

/**
 * `cgroup_anon_shmem`: what the kernel charges to the tree's own cgroup, anonymous + shared memory
 * (each page once: comparable with the PSS sum); file cache is kept apart.
 */
export type MemoryMetric = 'pss_sum' | 'rss_sum' | 'cgroup_anon_shmem';

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
  /** The tree's own cgroup, when one holds it: the kernel's accounting and member list. */
  group?: KernelGroup;
}

/** The tree's own cgroup as the probe sees it (cgroup.ts `TreeGroup`). */
export interface KernelGroup {
  /** Which hierarchy accounts the tree's memory / CPU, if any. */
  readonly memory: 'v2' | 'v1' | undefined;
  readonly cpu: 'v2' | 'v1' | undefined;
  read(): GroupReading;
  pids(): number[];
  /** Whether the kernel lets us reset the peak per reading (known after the first reading). */
  peakResettable(): boolean | undefined;
}

export type TreeProbeFactory = (rootPid: number, settings: ProbeSettings) => TreeProbe;

/** How a measured command is held: `auto` every layer the host allows, `cgroup` no user namespace, `none` neither. */
export type ContainmentMode = 'auto' | 'cgroup' | 'none';

export interface CommandSpec {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** `inherit` shows the command's output in ours (CLI, action log); `ignore` drops it. */
  output: 'inherit' | 'ignore';
  /** Default `auto`. The environment is scrubbed whatever the mode (measured-env.ts). */
  containment?: ContainmentMode;
}

/** What held a measured command while it ran; written into stage_truth as `containment`. */
export interface ContainmentInfo {
  mode: ContainmentMode;
  /** The cgroup(s) holding the tree, e.g. `cgroup v1 (memory) + cgroup v2 (cpu, no memory controller)`; null without. */
  cgroup: string | null;
  /** `user`: the command ran in its own user namespace (it cannot read our environment or memory through /proc). */
  namespace: 'user' | null;
  /** Names of the variables removed from its environment. */
  env_removed: string[];
  /** Why a layer is missing, when one is. */
  notes: string[];
}

/** How a tree ended once its command had exited. */
export interface TreeEnd {
  /** Processes the command left running, ended by us; null when unknown (no cgroup: only its process group was signalled). */
  leftover: number | null;
  /** False when some were still there after the kill (named in `problems`). */
  ended: boolean;
  problems: string[];
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
  /** What held the tree (absent for runners that hold nothing, e.g. test fakes). */
  readonly containment?: ContainmentInfo;
  /** The tree's own cgroup, when one holds it. */
  readonly group?: KernelGroup;
  /** Signals every process of the tree, wherever it went (its cgroup); absent: signalGroup + known members. */
  signalTree?(signal: NodeJS.Signals): void;
  /** Ends whatever the command left running and releases the containment. Call once the command exited. */
  finish?(): Promise<TreeEnd>;
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
