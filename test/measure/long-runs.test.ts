/**
 * Faults of long runs on REAL process trees: a burst of stage events far larger than one call can
 * take, a bug in the sampling loop, the freeze process itself dying. In every case nothing measured
 * is lost and nothing is left running.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { runCli } from '../../src/cli/index.js';
import { loadMeasuredRun } from '../../src/formats/loaders.js';
import { freeze } from '../../src/measure/freeze.js';
import { parseSamplesFile } from '../../src/measure/samples-file.js';
import { EventsTail } from '../../src/measure/stages/events.js';
import { sessionMembers } from '../helpers/processes.js';

const linux = process.platform === 'linux';
const WORKLOAD = fileURLToPath(new URL('./workloads/forking.py', import.meta.url));
const dir = (): string => mkdtempSync(join(tmpdir(), 'og-long-'));
const rootPidOf = (samplesPath: string): number => parseSamplesFile(readFileSync(samplesPath, 'utf8'), samplesPath).header.root_pid;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

afterEach(() => vi.restoreAllMocks());

/** A pipeline that writes `n` start/end pairs of stage "item" in ONE write, then keeps running a while. */
function burst(n: number, afterS: number, exitCode = 0): string[] {
  const script = [
    'import json, os, sys, time',
    't = time.time()',
    `lines = [json.dumps({"ts": t + i * 1e-6, "stage": "item", "event": "start" if i % 2 == 0 else "end"}) for i in range(${2 * n})]`,
    'with open(os.environ["OPTIMIZATION_GATE_STAGE_EVENTS"], "a") as f:',
    '    f.write("\\n".join(lines) + "\\n")',
    `time.sleep(${afterS})`,
    `sys.exit(${exitCode})`,
  ].join('\n');
  return ['python3', '-c', script];
}

describe.runIf(linux)('300,000 stage events in one burst', () => {
  it('the freeze keeps sampling through it, exits with the status of the command, and the profile has the stage', async () => {
    const out = dir();
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // 150,000 occurrences = 300,000 events; the run goes on long enough for polls during the run.
    const code = await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', join(out, 'p.yaml'), '--warmup', '0', '--sample-interval', '0.1', '--', ...burst(150_000, 2.5)]);
    expect(code, lines.join('\n')).toBe(0);
    const run = loadMeasuredRun(join(out, 'p.yaml'));
    expect(Object.keys(run.profile.stages)).toEqual(['item']);
    expect(run.profile.status).toBeUndefined();
    expect(run.truth?.stage_source).toBe('events');
    // Each occurrence lasts 1 µs: the stage's wall is their sum.
    expect(run.profile.stages.item?.wall_time_s).toBeCloseTo(0.15, 3);
    const samples = parseSamplesFile(readFileSync(join(out, 'p.samples.jsonl'), 'utf8'), 's');
    expect(samples.samples.length).toBeGreaterThan(10);
    await settle();
    expect(sessionMembers(samples.header.root_pid)).toEqual([]);
  });

  it('a failing command in the burst still makes the freeze exit 1 with the profile marked failed', async () => {
    const out = dir();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', join(out, 'p.yaml'), '--warmup', '0', '--', ...burst(150_000, 0.2, 4)]);
    expect(code).toBe(1);
    const run = loadMeasuredRun(join(out, 'p.yaml'));
    expect(run.profile.status).toBe('failed');
    expect(run.truth?.exit_code).toBe(4);
    expect(Object.keys(run.profile.stages)).toEqual(['item']);
  });
});

describe('reading events in bounded chunks', () => {
  it('takes a burst in over several polls during the run and the rest at the end; counts open stages as it goes', () => {
    const path = join(dir(), 'events.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      lines.push(JSON.stringify({ ts: 1000 + i, stage: 'item', event: 'start' }), JSON.stringify({ ts: 1000 + i + 0.5, stage: 'item', event: 'end' }));
    }
    lines.push(JSON.stringify({ ts: 9e5, stage: 'tail', event: 'start' }));
    writeFileSync(path, `${lines.join('\n')}\n`);
    const tail = new EventsTail(path);
    const first = tail.poll();
    // 1 MiB per poll while the run goes on, not the whole 15 MB file in one tick.
    expect(first).toBeGreaterThan(10_000);
    expect(first).toBeLessThan(50_000);
    expect(tail.poll()).toBeGreaterThan(10_000);
    const during = tail.events.length;
    expect(tail.poll(true)).toBe(300_001 - during);
    expect(tail.events).toHaveLength(300_001);
    expect(tail.events.at(-1)).toMatchObject({ stage: 'tail', line: 300_001 });
    expect(tail.openStages()).toEqual(['tail']);
    expect(tail.warnings).toEqual([]);
  });

  it('lists the first 50 bad lines with their numbers and counts the rest; skips an endless line', () => {
    const path = join(dir(), 'events.jsonl');
    const bad = Array.from({ length: 200_000 }, (_, i) => `not json ${i}`);
    writeFileSync(path, `${bad.join('\n')}\n${'x'.repeat(200_000)}\n${JSON.stringify({ ts: 1, stage: 'ok', event: 'start' })}\n`);
    const tail = new EventsTail(path);
    tail.poll(true);
    expect(tail.events).toEqual([{ ts: 1, stage: 'ok', event: 'start', line: 200_002 }]);
    expect(tail.warnings).toHaveLength(51);
    expect(tail.warnings[0]).toBe(`${path} line 1: not valid JSON (ignored)`);
    expect(tail.warnings[49]).toBe(`${path} line 50: not valid JSON (ignored)`);
    expect(tail.warnings[50]).toBe(`${path}: 199951 more problem line(s) not listed`);
  });
});

describe.runIf(linux)('an internal error in the sampler', () => {
  it('stops the whole tree at once and keeps the samples, with a profile marked failed that says why', async () => {
    const out = dir();
    let polls = 0;
    const original = Object.getOwnPropertyDescriptor(EventsTail.prototype, 'poll')?.value as (this: EventsTail, final?: boolean) => number;
    // The bug that crashed the freeze, injected into the loop on its second poll (about 2 s in).
    vi.spyOn(EventsTail.prototype, 'poll').mockImplementation(function (this: EventsTail, final?: boolean) {
      if (!final && ++polls === 2) throw new RangeError('Maximum call stack size exceeded');
      return original.call(this, final);
    });
    const started = Date.now();
    const result = await freeze({
      version: 'v',
      datasetId: 'd',
      output: join(out, 'p.yaml'),
      command: ['python3', WORKLOAD, 'children=2', 'parent_mb=10', 'child_mb=10', 'hold_s=60'],
      cwd: out,
      sampleIntervalS: 0.1,
      warmup: 0,
      killGraceS: 1,
      commandOutput: 'ignore',
    });
    // Stopped, not run to its 60 s hold (a generous bound: the machine may be busy).
    expect(Date.now() - started).toBeLessThan(50_000);
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(1);
    expect(result.stoppedBecause).toMatch(/stopped by an internal error in the sampler \(Maximum call stack size exceeded\)/);
    const samples = parseSamplesFile(readFileSync(join(out, 'p.samples.jsonl'), 'utf8'), 's');
    expect(samples.samples.length).toBeGreaterThan(10);
    expect(samples.samples.some((s) => s.procs >= 3)).toBe(true); // the workers were being measured
    expect(samples.end?.status).toBe('failed');
    const run = loadMeasuredRun(join(out, 'p.yaml'));
    expect(run.profile.status).toBe('failed');
    expect(run.truth?.warnings).toContainEqual(expect.stringMatching(/^internal error in the sampler \(please report\): Maximum call stack size exceeded; the command was stopped/));
    await settle();
    expect(sessionMembers(samples.header.root_pid)).toEqual([]);
  });
});

describe.runIf(linux)('the freeze process dying mid-run', () => {
  const bundle = fileURLToPath(new URL('../../node_modules/.cache/optimization-gate/test/measure.mjs', import.meta.url));
  beforeAll(async () => {
    mkdirSync(join(bundle, '..'), { recursive: true });
    await build({
      entryPoints: [fileURLToPath(new URL('../../src/measure/index.ts', import.meta.url))],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
  });

  it('takes the measured tree with it: an uncaught throw in the freeze process leaves nothing running', async () => {
    const out = dir();
    const samplesPath = join(out, 'p.samples.jsonl');
    const script = [
      `import { freeze } from ${JSON.stringify(pathToFileURL(bundle).href)};`,
      // A bug elsewhere in the process, while the command runs.
      `setTimeout(() => { throw new Error('unrelated bug'); }, 1500);`,
      `await freeze({ version: 'v', datasetId: 'd', output: ${JSON.stringify(join(out, 'p.yaml'))}, warmup: 0, sampleIntervalS: 0.1, commandOutput: 'ignore',`,
      `  command: ['python3', ${JSON.stringify(WORKLOAD)}, 'children=2', 'parent_mb=5', 'child_mb=5', 'hold_s=60'] });`,
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: out, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code, stderr).toBe(1);
    expect(stderr).toContain('unrelated bug');
    expect(existsSync(samplesPath)).toBe(true);
    await settle();
    expect(sessionMembers(rootPidOf(samplesPath))).toEqual([]);
  });
});
