/**
 * The sampling loop and the stop logic, with fake timers, a fake command and a scripted probe.
 * (Real processes are measured in freeze.integration.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureRun, type MeasureRunOptions } from '../../src/measure/measure-run.js';
import type { Clock, CommandExit, MeasureDeps, RunningCommand, TreeProbe, TreeReading } from '../../src/measure/ports.js';
import { parseSamplesFile } from '../../src/measure/samples-file.js';

const START = Date.UTC(2026, 0, 1); // ms

/** Monotonic time = fake Date, so a test can make one tick "slow" by moving the system time. */
const clock: Clock = {
  nowEpoch: () => Date.now() / 1000,
  nowMono: () => Date.now(),
  setTimer: (callback, delayMs) => {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  },
};

class FakeCommand implements RunningCommand {
  readonly pid = 4242;
  readonly startedAt = Date.now() / 1000;
  readonly signals: string[] = [];
  private resolveExit: (exit: CommandExit) => void = () => undefined;
  readonly exited = new Promise<CommandExit>((resolve) => (this.resolveExit = resolve));

  exit(exitCode: number | null, signal: string | null = null): void {
    this.resolveExit({ exitCode, signal, endedAt: Date.now() / 1000 });
  }
  signalGroup(signal: NodeJS.Signals): void {
    this.signals.push(`group:${signal}@${Date.now() - START}`);
  }
  signalProcess(pid: number, signal: NodeJS.Signals): void {
    this.signals.push(`${pid}:${signal}@${Date.now() - START}`);
  }
}

class ScriptedProbe implements TreeProbe {
  readonly memoryMetric = 'pss_sum' as const;
  reads = 0;
  /** Extra milliseconds a read takes (moves the fake clock). */
  slowReads = new Map<number, number>();
  processesAfterExit = 0;
  exited = false;

  read(): TreeReading {
    const elapsedS = (Date.now() - START) / 1000;
    const slow = this.slowReads.get(this.reads);
    this.reads++;
    if (slow) vi.setSystemTime(Date.now() + slow);
    // One core busy the whole time; memory grows 10 MiB per second.
    return { memoryKb: elapsedS * 10 * 1024, rssKb: elapsedS * 20 * 1024, cpuSeconds: elapsedS, processes: this.exited ? this.processesAfterExit : 2 };
  }
  members() {
    return [
      { pid: 4242, pgid: 4242 },
      { pid: 4300, pgid: 4300 }, // left the group (setpgid): must be signalled on its own
    ];
  }
  close(): void {}
}

function setup(overrides: Partial<MeasureRunOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'og-run-'));
  const command = new FakeCommand();
  const probe = new ScriptedProbe();
  void command.exited.then(() => (probe.exited = true));
  const deps: MeasureDeps = {
    clock,
    commands: { start: () => Promise.resolve(command) },
    probeFactory: () => probe,
    environment: { host: () => ({}), full: () => Promise.resolve({}) },
  };
  const options: MeasureRunOptions = {
    argv: ['pipeline'],
    cwd: dir,
    env: {},
    output: 'ignore',
    sampleIntervalS: 0.5,
    killGraceS: 2,
    pssBudgetPct: 0.2,
    eventsPath: join(dir, 'events.jsonl'),
    samples: {
      path: join(dir, 'run.samples.jsonl'),
      header: {
        type: 'header',
        format: 'optimization-gate-samples',
        version: 1,
        release: 'r',
        dataset_id: 'd',
        sample_interval_s: 0.5,
        command: ['pipeline'],
        cwd: dir,
        stage_source: { kind: 'auto' },
        events_path: join(dir, 'events.jsonl'),
        status_file: null,
        metrics_file: null,
        episodes: null,
        environment: {},
      },
    },
    ...overrides,
  };
  return { command, probe, deps, options, dir };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

describe('measureRun sampling loop', () => {
  it('samples at spawn, then on the k·interval grid, then once after exit; CPU% from the cumulative time', async () => {
    const { command, deps, options } = setup();
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(2200);
    command.exit(0);
    const raw = await run;
    expect(raw.samples.map((s) => Math.round((s.t * 1000 - START) / 10) * 10)).toEqual([0, 500, 1000, 1500, 2000, 2200]);
    expect(raw.samples[0]?.cpu_pct).toBeNull();
    expect(raw.samples.slice(1).map((s) => Math.round(s.cpu_pct ?? -1))).toEqual([100, 100, 100, 100, 100]);
    expect(raw.samples[4]?.mem_mb).toBeCloseTo(20);
    expect(raw.status).toBe('ok');
    const file = parseSamplesFile(readFileSync(options.samples?.path ?? '', 'utf8'), 'f');
    expect(file.samples).toHaveLength(6);
    expect(file.header.root_pid).toBe(4242);
    expect(file.end).toMatchObject({ status: 'ok', exit_code: 0 });
  });

  it('skips slots missed by a slow tick instead of drifting or bunching up', async () => {
    const { command, probe, deps, options } = setup();
    probe.slowReads.set(1, 1200); // the tick at 500 ms takes 1.2 s (moves the clock itself)
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(3100 - 1200);
    command.exit(0);
    const raw = await run;
    const at = raw.samples.map((s) => Math.round(s.t * 1000 - START));
    // 500 ran until 1700: slots 1000 and 1500 are gone, the grid resumes at 2000.
    expect(at).toEqual([0, 500, 2000, 2500, 3000, 3100]);
  });

  it('marks a non-zero exit as failed, and ends processes left running after a normal exit (noted)', async () => {
    const { command, probe, deps, options } = setup();
    probe.processesAfterExit = 1;
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(600);
    command.exit(3);
    const raw = await run;
    expect(raw.status).toBe('failed');
    expect(raw.exitCode).toBe(3);
    expect(raw.warnings).toEqual(['1 process(es) of the tree were still running after the command exited: ended (SIGKILL), not measured further']);
    // Nothing outlives the run: the group, and the member that left it.
    expect(command.signals).toEqual(['group:SIGKILL@600', '4300:SIGKILL@600']);
  });
});

describe('measureRun stopping', () => {
  it('on timeout: SIGTERM to the group and to members outside it, SIGKILL after the grace period, timed_out', async () => {
    const { command, deps, options } = setup({ timeoutS: 1 });
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(3050);
    command.exit(null, 'SIGKILL');
    const raw = await run;
    expect(raw.status).toBe('timed_out');
    expect(raw.signal).toBe('SIGKILL');
    expect(command.signals).toEqual([
      'group:SIGTERM@1000',
      '4300:SIGTERM@1000',
      'group:SIGKILL@3000',
      '4300:SIGKILL@3000',
      // after the root is gone, whatever is left is killed
      'group:SIGKILL@3050',
      '4300:SIGKILL@3050',
    ]);
    expect(raw.samples.length).toBeGreaterThan(5);
  });

  it('on abort: stops the tree and marks the run cancelled', async () => {
    const controller = new AbortController();
    const { command, deps, options } = setup({ signal: controller.signal });
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(700);
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    command.exit(null, 'SIGTERM');
    const raw = await run;
    expect(raw.status).toBe('cancelled');
    expect(command.signals.slice(0, 2)).toEqual(['group:SIGTERM@700', '4300:SIGTERM@700']);
  });

  it('a warm-up run (no samples file) is not sampled', async () => {
    const { command, probe, deps, options } = setup();
    delete options.samples;
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(1000);
    command.exit(0);
    const raw = await run;
    expect(raw.samples).toEqual([]);
    expect(probe.reads).toBe(0);
    expect(raw.status).toBe('ok');
  });
});

describe('measureRun faults and start-up', () => {
  it('a bug in the loop stops the tree (SIGTERM, SIGKILL after the grace period) and keeps what was sampled', async () => {
    let ticks = 0;
    const onTick = (): void => {
      if (++ticks === 3) throw new TypeError('progress line broke');
    };
    const { command, deps, options } = setup({ onTick, progressEveryS: 0 });
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(4000);
    command.exit(null, 'SIGKILL');
    const raw = await run;
    expect(command.signals).toEqual(['group:SIGTERM@1500', '4300:SIGTERM@1500', 'group:SIGKILL@3500', '4300:SIGKILL@3500', 'group:SIGKILL@4000', '4300:SIGKILL@4000']);
    expect(raw.status).toBe('failed');
    expect(raw.internalError).toBe('progress line broke');
    expect(raw.warnings).toContain('internal error in the sampler (please report): progress line broke; the command was stopped, what was sampled before is kept');
    // Sampling stopped with the bug; the samples before it and the last one after the exit are kept.
    expect(raw.samples.map((s) => Math.round(s.t * 1000 - START))).toEqual([0, 500, 1000, 1500, 4000]);
    const file = parseSamplesFile(readFileSync(options.samples?.path ?? '', 'utf8'), 'f');
    expect(file.samples).toHaveLength(5);
    expect(file.end).toMatchObject({ status: 'failed', signal: 'SIGKILL' });
  });

  it.each([
    [true, ['command', 'environment', 'exit']],
    [false, ['command', 'exit', 'environment']],
  ])('asks for the environment details after the command started (at start: %s), records them before the end', async (atStart, expected) => {
    const order: string[] = [];
    const collect = () => {
      order.push('environment');
      return Promise.resolve({ hostname: 'h', python: '3.11.7', git_sha: 'abc1234' } as never);
    };
    const { command, deps, options } = setup({ environment: { collect, atStart } });
    const start = deps.commands.start.bind(deps.commands);
    deps.commands = { start: (spec) => (order.push('command'), start(spec)) };
    const run = measureRun(options, deps);
    await vi.advanceTimersByTimeAsync(600);
    order.push('exit');
    command.exit(0);
    await run;
    expect(order).toEqual(expected);
    const text = readFileSync(options.samples?.path ?? '', 'utf8');
    const file = parseSamplesFile(text, 'f');
    expect(file.environment).toEqual({ hostname: 'h', python: '3.11.7', git_sha: 'abc1234' });
    const types = text
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types.indexOf('environment')).toBeGreaterThan(0);
    expect(types.at(-1)).toBe('end');
  });
});
