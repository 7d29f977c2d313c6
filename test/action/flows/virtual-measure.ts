/**
 * The measuring side of the action swapped in process (hyperfine's debug mode, in spirit): a
 * virtual clock, commands that "run" scripted programs in that clock, a tree probe that reads the
 * programs' declared memory and CPU, and fixed host facts. The real freeze, stage attribution,
 * profile building and every file format run unchanged on top, in milliseconds, and every number
 * they produce is a fact of the script, whatever the machine's load.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { environmentFromFacts } from '../../../src/measure/environment.js';
import type { Clock, CommandRunner, CommandSpec, CommandExit, EnvironmentProbe, MeasureDeps, RunningCommand, TreeProbe } from '../../../src/measure/ports.js';
import { STAGE_EVENTS_ENV, PROFILE_OUTPUT_ENV } from '../../../src/inputs/constants.js';

interface Timer {
  due: number;
  seq: number;
  callback: () => void;
  cancelled: boolean;
}

/**
 * Time that only moves when nothing else can happen: the earliest timer fires, after the
 * promise jobs and I/O callbacks queued before it (setImmediate). Starts at the real epoch so file
 * times written by "commands" look like this run's.
 */
export class VirtualClock implements Clock {
  private readonly baseMs = Date.now();
  private nowMs = 0;
  private seq = 0;
  private timers: Timer[] = [];
  private pumping = false;

  nowEpoch(): number {
    return (this.baseMs + this.nowMs) / 1000;
  }

  nowMono(): number {
    return this.nowMs;
  }

  setTimer(callback: () => void, delayMs: number): { cancel(): void } {
    const timer: Timer = { due: this.nowMs + Math.max(0, delayMs), seq: this.seq++, callback, cancelled: false };
    this.timers.push(timer);
    this.pump();
    return { cancel: () => (timer.cancelled = true) };
  }

  sleep(seconds: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(resolve, seconds * 1000));
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      this.timers = this.timers.filter((t) => !t.cancelled);
      if (this.timers.length === 0) return;
      const next = this.timers.reduce((a, b) => (b.due < a.due || (b.due === a.due && b.seq < a.seq) ? b : a));
      this.timers.splice(this.timers.indexOf(next), 1);
      this.nowMs = Math.max(this.nowMs, next.due);
      next.callback();
      this.pump();
    });
  }
}

/**
 * A scripted process. Pids start above the largest pid Linux can hand out (2^22), so the post
 * step's check "is this process group still alive?" can never reach a real process.
 */
export class FakeProcess implements RunningCommand {
  private static nextPid = 2 ** 22 + 1000;
  readonly pid = FakeProcess.nextPid++;
  readonly startedAt: number;
  readonly exited: Promise<CommandExit>;
  readonly signals: string[] = [];
  alive = true;
  memoryMb = 30;
  cpuPct = 0;
  processes = 1;
  /** A program that traps SIGTERM only dies of SIGKILL. */
  ignoreTerm = false;
  private cpuSeconds = 0;
  private lastT: number;
  private resolveExit: (exit: CommandExit) => void = () => undefined;

  constructor(
    readonly clock: VirtualClock,
    readonly spec: CommandSpec,
  ) {
    this.startedAt = clock.nowEpoch();
    this.lastT = this.startedAt;
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  /** Cumulative CPU seconds of the "tree" now. */
  cpuNow(): number {
    const t = this.clock.nowEpoch();
    if (this.alive) this.cpuSeconds += (this.cpuPct / 100) * (t - this.lastT);
    this.lastT = t;
    return this.cpuSeconds;
  }

  /** What the tree holds from now on. */
  load(memoryMb: number, cpuPct: number, processes = 1): void {
    this.cpuNow();
    Object.assign(this, { memoryMb, cpuPct, processes });
  }

  /** Resolves after `seconds` of virtual time, unless the process died meanwhile (then never). */
  async sleep(seconds: number): Promise<void> {
    if (!Number.isFinite(seconds)) return new Promise(() => undefined);
    await this.clock.sleep(seconds);
    if (!this.alive) return new Promise(() => undefined);
  }

  /** A stage event stamped with the virtual clock, where the freeze asked for them. */
  event(stage: string, event: 'start' | 'end'): void {
    const path = this.spec.env[STAGE_EVENTS_ENV];
    if (this.alive && path) appendFileSync(path, `${JSON.stringify({ ts: this.clock.nowEpoch(), stage, event })}\n`);
  }

  /**
   * Writes a file as the program would. Dated no earlier than either clock: the action checks an
   * experiment's outputs against the real clock and an external freeze's against the freeze's
   * (virtual) one, and the two drift apart as a test file runs.
   */
  write(path: string, content: string): void {
    if (!this.alive) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    const at = Math.max(this.clock.nowEpoch(), Date.now() / 1000);
    utimesSync(path, at, at);
  }

  exit(exitCode: number | null, signal: string | null = null): void {
    if (!this.alive) return;
    this.cpuNow();
    this.alive = false;
    this.resolveExit({ exitCode, signal, endedAt: this.clock.nowEpoch() });
  }

  signalGroup(signal: NodeJS.Signals): void {
    this.signals.push(signal);
    if (signal === 'SIGTERM' && this.ignoreTerm) return;
    // Dies at the next turn of the clock, as a real process does after the signal is delivered.
    this.clock.setTimer(() => this.exit(null, signal), 0);
  }

  signalProcess(_pid: number, signal: NodeJS.Signals): void {
    this.signals.push(`member:${signal}`);
  }
}

/** A program: what a command does, in virtual time; resolves with its exit code. */
export type Program = (process: FakeProcess, args: string[]) => Promise<number>;

export interface ScriptedCommands extends CommandRunner {
  /** Every command started, in order: its `bash -c` text and working directory. */
  readonly started: Array<{ command: string; cwd: string; process: FakeProcess }>;
}

/**
 * Runs `bash -c '<name> <args…>'` as the program called `<name>` (the action hands its inputs to
 * bash; the programs stand for the user's pipeline). An unknown name exits 127, as bash does.
 */
export function scriptedCommands(clock: VirtualClock, programs: Record<string, Program>): ScriptedCommands {
  const started: ScriptedCommands['started'] = [];
  return {
    started,
    async start(spec) {
      const command = spec.argv[0] === 'bash' && spec.argv[1] === '-c' ? (spec.argv[2] ?? '') : spec.argv.join(' ');
      const [name = '', ...args] = command.trim().split(/\s+/);
      const process = new FakeProcess(clock, spec);
      started.push({ command, cwd: spec.cwd, process });
      const program = programs[name] ?? (async () => 127);
      program(process, args).then(
        (code) => process.exit(code),
        () => process.exit(1),
      );
      return process;
    },
  };
}

/** Reads what the scripted tree holds; pids it does not know read as an empty tree. */
export function scriptedProbes(commands: ScriptedCommands): MeasureDeps['probeFactory'] {
  return (rootPid): TreeProbe => {
    const find = () => commands.started.find((s) => s.process.pid === rootPid)?.process;
    return {
      memoryMetric: 'pss_sum',
      read() {
        const p = find();
        const alive = p?.alive ?? false;
        const kb = alive && p ? p.memoryMb * 1024 : 0;
        return { memoryKb: kb, rssKb: kb, cpuSeconds: p?.cpuNow() ?? 0, processes: alive && p ? p.processes : 0 };
      },
      members: () => [],
      close: () => undefined,
    };
  };
}

export const FLOW_HOST = 'flow-host';

const FLOW_HOST_FACTS = {
  hostname: FLOW_HOST,
  arch: 'x86_64',
  logicalCores: 2,
  totalMemBytes: 8 * 1024 ** 3,
  osType: 'Linux',
  osRelease: '6.1.0',
  nodeVersion: 'v24.0.0',
  pythonVersion: null,
};

export const fixedEnvironment: EnvironmentProbe = {
  host: () => environmentFromFacts(FLOW_HOST_FACTS),
  full: () => Promise.resolve(environmentFromFacts({ ...FLOW_HOST_FACTS, pythonVersion: '3.11.2' })),
};

/** The workspace's `config.json`, which the programs below read (each side's checkout has its own). */
export interface PipelineScript {
  /** Stage → declared seconds, run in this order. */
  stages: Record<string, number>;
  /** Stage → MiB the tree holds while it runs (default 40). */
  memoryMb?: Record<string, number>;
  /** Percent of one core while a stage runs (default 100). */
  cpuPct?: number;
  rougeL: number;
  cost: number;
  /** Seconds of the `jitter` stage, by how many runs came before in the job (cycled). */
  jitter?: number[];
  exit?: number;
  /** Runs until stopped, after calling the `onHang` hook. */
  hang?: boolean;
  ignoreTerm?: boolean;
  /** Which fixture profile `external-freeze` writes. */
  external?: 'staged' | 'bundled' | 'nothing';
  /** The experiment writes no outputs. */
  experimentWritesNothing?: boolean;
}

export function readScript(cwd: string): PipelineScript {
  return JSON.parse(readFileSync(join(cwd, 'config.json'), 'utf8')) as PipelineScript;
}

export interface Hooks {
  onHang?: () => void;
  /** Profile runs so far in this job (the `jitter` stage's pattern follows it). */
  runsInJob?: number;
}

/**
 * `pipeline`: the stages with their declared seconds, memory and CPU; `experiment`: eval outputs
 * (metrics.json + eval_pipeline_metrics.json in `eval-out/`) from the config's quality and cost;
 * `external-freeze`: a real fixture profile + stage_truth where OPTIMIZATION_GATE_PROFILE says.
 */
export function pipelinePrograms(hooks: Hooks = {}, fixtures: { staged: string; bundled: string }): Record<string, Program> {
  return {
    async pipeline(p) {
      const script = readScript(p.spec.cwd);
      p.ignoreTerm = script.ignoreTerm ?? false;
      for (const [stage, seconds] of Object.entries(script.stages)) {
        p.load(script.memoryMb?.[stage] ?? 40, script.cpuPct ?? 100, stage === 'transcribe' ? 2 : 1);
        p.event(stage, 'start');
        await p.sleep(seconds);
        p.event(stage, 'end');
      }
      if (script.jitter) {
        const count = hooks.runsInJob ?? 0;
        hooks.runsInJob = count + 1;
        const seconds = script.jitter[count % script.jitter.length] as number;
        p.event('jitter', 'start');
        await p.sleep(seconds);
        p.event('jitter', 'end');
      }
      if (script.hang) {
        hooks.onHang?.();
        await p.sleep(Number.POSITIVE_INFINITY);
      }
      return script.exit ?? 0;
    },
    async experiment(p) {
      const script = readScript(p.spec.cwd);
      await p.sleep(0.2);
      if (script.experimentWritesNothing) return 0;
      const out = join(p.spec.cwd, 'eval-out');
      p.write(
        join(out, 'metrics.json'),
        JSON.stringify({
          dataset_id: 'tiny',
          run_id: 'flow',
          episode_count: 2,
          schema: 'metrics_summarization_v2',
          task: 'summarization',
          intrinsic: { gates: { boilerplate_leak_rate: 0, speaker_label_leak_rate: 0, truncation_rate: 0, failed_episodes: [], episode_gate_failures: {} } },
          vs_reference: { silver: { rougeL_f1: script.rougeL, rouge1_f1: script.rougeL + 0.2 } },
        }),
      );
      p.write(join(out, 'eval_pipeline_metrics.json'), JSON.stringify({ llm_summarization_calls: 2, llm_summarization_cost_usd: script.cost, total_stage_cost_usd: script.cost }));
      return 0;
    },
    async 'external-freeze'(p) {
      const script = readScript(p.spec.cwd);
      const output = p.spec.env[PROFILE_OUTPUT_ENV];
      await p.sleep(1);
      if (!output || script.external === 'nothing') return 0;
      const source = script.external === 'bundled' ? fixtures.bundled : fixtures.staged;
      p.write(output, readFileSync(source, 'utf8'));
      p.write(output.replace(/\.ya?ml$/i, '.stage_truth.json'), readFileSync(source.replace(/\.ya?ml$/i, '.stage_truth.json'), 'utf8'));
      return 0;
    },
  };
}
