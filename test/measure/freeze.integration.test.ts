/**
 * The freeze on REAL process trees (python3 forking children that allocate memory), read back with
 * the loader the diff uses. Bounds are generous: the machine is shared and timing is noisy.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeze, type FreezeOptions } from '../../src/measure/freeze.js';
import { loadMeasuredRun } from '../../src/formats/loaders.js';
import { parseSamplesFile } from '../../src/measure/samples-file.js';
import { rebuildFromSamples } from '../../src/measure/rebuild.js';
import { sessionMembers } from '../helpers/processes.js';
import { cgroupSupport } from '../helpers/containment.js';

const WORKLOAD = fileURLToPath(new URL('./workloads/forking.py', import.meta.url));
const linux = process.platform === 'linux';
const cgroupMemory = cgroupSupport().memory;

function outDir(): string {
  return mkdtempSync(join(tmpdir(), 'og-freeze-'));
}

function options(dir: string, args: string[], overrides: Partial<FreezeOptions> = {}): FreezeOptions {
  return {
    version: 'test-v1',
    datasetId: 'tiny',
    output: join(dir, 'out', 'profile.yaml'),
    command: ['python3', WORKLOAD, ...args],
    cwd: dir,
    sampleIntervalS: 0.05,
    warmup: 0,
    commandOutput: 'ignore',
    ...overrides,
  };
}

describe.runIf(linux)('freeze of a real forking process tree', () => {
  it('measures the whole tree with PSS (no containment), per stage from events, and writes files the loader accepts', async () => {
    const dir = outDir();
    // The workers hold their memory 1.5 s: time enough for a sampler on a busy machine to see them.
    // PSS of every member at every tick (pssBudgetPct 100): the bounds below are about finding the
    // tree and summing PSS, not about the budgeted estimator between readings (pss-estimator.test.ts),
    // whose readings a busy machine delays.
    const result = await freeze(options(dir, ['parent_mb=60', 'child_mb=40', 'children=2', 'hold_s=1.5', 'cpu_s=0.4'], { episodes: 2, pssBudgetPct: 100, containment: 'none' }));
    expect(result.status).toBe('ok');
    expect(result.exitCode).toBe(0);

    const run = loadMeasuredRun(result.profilePath);
    const { profile, truth } = run;
    expect(Object.keys(profile.stages)).toEqual(['load', 'workers', 'compute']);
    expect(profile.totals.memory_metric).toBe('pss_sum');
    // Known allocation: 60 (parent, shared once) + 2 × 40 (children) = 140 MiB, plus two interpreters.
    expect(profile.totals.peak_rss_mb).toBeGreaterThanOrEqual(140 * 0.95);
    expect(profile.totals.peak_rss_mb).toBeLessThan(140 + 60);
    // The RSS sum counts the parent's 60 MiB in each child too.
    expect(profile.totals.peak_rss_sum_mb as number).toBeGreaterThan(profile.totals.peak_rss_mb + 100);
    expect(profile.stages.workers?.peak_rss_mb).toBe(profile.totals.peak_rss_mb);
    expect(profile.stages.workers?.wall_time_s).toBeGreaterThanOrEqual(1.5);
    // The workload burns 0.4 CPU-seconds in compute (plus its start-up); the tree's CPU time counts
    // them whatever the load (to a clock tick or two).
    // How much of it lands in which stage depends on when the samples fell (a starved sampler blurs
    // stage edges): exact attribution is tested on synthetic samples (build-profile.test.ts); here,
    // that compute got some and that attribution conserves CPU-seconds.
    const totalCpuS = profile.totals.cpu_time_s as number;
    expect(totalCpuS).toBeGreaterThanOrEqual(0.38);
    expect(profile.stages.compute?.avg_cpu_pct).toBeGreaterThan(0);
    const stageCpuS = Object.values(profile.stages).reduce((sum, s) => sum + (s.avg_cpu_pct / 100) * s.wall_time_s, 0);
    expect(stageCpuS).toBeLessThanOrEqual(totalCpuS + 0.05);
    expect(profile.totals.avg_wall_time_per_episode_s).toBeCloseTo(profile.totals.wall_time_s / 2, 3);
    expect(profile.environment.python).toMatch(/^3\./);

    expect(truth?.stage_source).toBe('events');
    expect(truth?.wall_seconds_by_stage).toEqual(Object.fromEntries(Object.entries(profile.stages).map(([k, s]) => [k, s.wall_time_s])));
    // Stage walls are the workload's own clock: compare with its events file.
    const events = readFileSync(join(dir, 'out', 'profile.events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ts: number; stage: string });
    const workers = events.filter((e) => e.stage === 'workers').map((e) => e.ts);
    expect(profile.stages.workers?.wall_time_s).toBeCloseTo((workers[1] ?? 0) - (workers[0] ?? 0), 3);

    // PSS either way: read at every sample, or (a starved sampler skipping reads) carried forward between them.
    expect(['pss_estimator', 'pss_every_sample']).toContain((truth?.memory_method as { method: string }).method);
    expect(truth?.containment).toMatchObject({ mode: 'none', cgroup: null, namespace: null });
    const samples = parseSamplesFile(readFileSync(join(dir, 'out', 'profile.samples.jsonl'), 'utf8'), 'samples');
    expect(samples.header.memory_metric).toBe('pss_sum');
    // Parent + 2 workers (a pyenv shim may add short-lived bash helpers at start).
    expect(Math.max(...samples.samples.map((s) => s.procs))).toBeGreaterThanOrEqual(3);
    expect(samples.end?.status).toBe('ok');
    expect(result.files.map((f) => f.replace(`${dir}/out/`, ''))).toEqual(['profile.yaml', 'profile.stage_truth.json', 'profile.samples.jsonl', 'profile.events.jsonl']);
  });

  it.runIf(cgroupMemory)('measures the same tree through its own cgroup (kernel accounting) where the host allows one', async () => {
    const dir = outDir();
    const result = await freeze(options(dir, ['parent_mb=60', 'child_mb=40', 'children=2', 'hold_s=0.6', 'cpu_s=0.4']));
    expect(result.status).toBe('ok');
    const { profile, truth } = loadMeasuredRun(result.profilePath);
    expect(profile.totals.memory_metric).toBe('cgroup_anon_shmem');
    expect(truth?.memory_method).toMatchObject({ method: 'cgroup' });
    expect(truth?.containment).toMatchObject({ mode: 'auto', tree_end: { leftover: 0, ended: true } });
    expect((truth?.containment as { cgroup: string }).cgroup).toMatch(/cgroup/);
    // Known allocation: 60 + 2 × 40 = 140 MiB (pages shared after the fork once), plus the interpreters' heaps.
    expect(profile.totals.peak_rss_mb).toBeGreaterThanOrEqual(140 * 0.95);
    expect(profile.totals.peak_rss_mb).toBeLessThan(140 + 60);
    // CPU from the group's cpu.stat: the 0.4 CPU-seconds of compute are counted whatever the load; a
    // share of the stage's wall would depend on how busy the machine is (attribution: build-profile.test.ts).
    expect(profile.totals.cpu_time_s).toBeGreaterThanOrEqual(0.38);
    expect(profile.stages.compute?.avg_cpu_pct).toBeGreaterThan(0);
  });

  it('a failing command still leaves samples and a profile marked failed, and a non-zero exit', async () => {
    const dir = outDir();
    const result = await freeze(options(dir, ['children=1', 'hold_s=0.1', 'cpu_s=0.1', 'exit=3']));
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(1);
    expect(result.runs[0]?.exitCode).toBe(3);
    const run = loadMeasuredRun(result.profilePath);
    expect(run.profile.status).toBe('failed');
    expect(run.truth?.exit_code).toBe(3);
    expect(Object.keys(run.profile.stages)).toEqual(['load', 'workers', 'compute']);
    expect(existsSync(join(dir, 'out', 'profile.samples.jsonl'))).toBe(true);
  });

  it('a timeout stops the whole tree, even children that ignore SIGTERM, and marks timed_out', async () => {
    const dir = outDir();
    const script = 'import os, signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nos.fork()\ntime.sleep(30)\n';
    // SIGTERM is ignored from the first instruction (bash's trap survives the exec), not only once
    // Python has started: a slow start on a busy machine must not let the timeout's SIGTERM through.
    const command = ['bash', '-c', 'trap "" TERM; exec python3 -c "$0"', script];
    const result = await freeze(options(dir, [], { command, timeoutS: 1, killGraceS: 0.4 }));
    expect(result.status).toBe('timed_out');
    // Ended by the kill, not by the script's own 30 s sleep.
    expect(result.runs[0]?.wallS).toBeLessThan(30);
    expect(result.exitCode).toBe(1);
    const run = loadMeasuredRun(result.profilePath);
    expect(run.profile.status).toBe('timed_out');
    expect(run.truth?.signal).toBe('SIGKILL');
    const rootPid = parseSamplesFile(readFileSync(join(dir, 'out', 'profile.samples.jsonl'), 'utf8'), 's').header.root_pid;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sessionMembers(rootPid)).toEqual([]);
  });

  it('an abort signal cancels the run and no further run starts', async () => {
    const dir = outDir();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    const result = await freeze(options(dir, [], { command: ['sleep', '20'], repeat: 3, signal: controller.signal, killGraceS: 1 }));
    expect(result.status).toBe('cancelled');
    expect(result.runs).toHaveLength(1);
    expect(loadMeasuredRun(result.profilePath).profile.status).toBe('cancelled');
  });

  it('an abort before the first run starts nothing', async () => {
    const dir = outDir();
    const controller = new AbortController();
    controller.abort();
    const result = await freeze(options(dir, [], { command: ['sleep', '20'], warmup: 1, signal: controller.signal }));
    expect(result).toMatchObject({ status: 'cancelled', exitCode: 1, runs: [], warmups: [], stoppedBecause: 'cancelled before warm-up run 1' });
    expect(existsSync(result.profilePath)).toBe(false);
  });

  it('--repeat 2 with a warm-up: per-run files and a median profile listing them', async () => {
    const dir = outDir();
    const progress: string[] = [];
    const result = await freeze(options(dir, ['children=1', 'parent_mb=20', 'child_mb=20', 'hold_s=0.2', 'cpu_s=0.1'], { warmup: 1, repeat: 2, onProgress: (e) => progress.push(e.message) }));
    expect(result.status).toBe('ok');
    expect(result.warmups).toEqual([{ status: 'ok', exitCode: 0, signal: null }]);
    expect(progress.filter((m) => !m.includes('elapsed'))).toEqual([
      'warm-up run 1 of 1 (not measured)',
      expect.stringMatching(/^warm-up run 1: exit code 0 after/),
      'run 1 of 2 (measured)',
      expect.stringMatching(/^run 1 of 2: exit code 0 after .* s, peak .* MiB$/),
      'run 2 of 2 (measured)',
      expect.stringMatching(/^run 2 of 2: exit code 0/),
    ]);
    const median = loadMeasuredRun(result.profilePath);
    expect(median.profile.runs).toEqual([expect.objectContaining({ file: 'profile.run-1.yaml', status: 'ok' }), expect.objectContaining({ file: 'profile.run-2.yaml', status: 'ok' })]);
    const walls = [1, 2].map((k) => loadMeasuredRun(join(dir, 'out', `profile.run-${k}.yaml`)).profile.totals.wall_time_s);
    expect(median.profile.totals.wall_time_s).toBeCloseTo(((walls[0] ?? 0) + (walls[1] ?? 0)) / 2, 3);
    expect(existsSync(join(dir, 'out', 'profile.warmup.events.jsonl'))).toBe(false);
  });

  it('auto falls back to a polled .pipeline_status.json when no events are written', async () => {
    const dir = outDir();
    writeFileSync(join(dir, '.pipeline_status.json'), JSON.stringify({ stage: 'stale-from-last-run' }));
    const result = await freeze(options(dir, ['children=1', 'hold_s=0.4', 'cpu_s=0.4', '--status']));
    const run = loadMeasuredRun(result.profilePath);
    expect(run.truth?.stage_source).toBe('status_file');
    expect(Object.keys(run.profile.stages)).toEqual(expect.arrayContaining(['workers', 'compute']));
    expect(run.profile.stages['stale-from-last-run']).toBeUndefined();
    expect(run.profile.stages.compute?.wall_time_s).toBeGreaterThan(0.3);
  });

  it('metrics:PATH lays out windows from the metrics.json the pipeline wrote, flagged approximate', async () => {
    const dir = outDir();
    const result = await freeze(options(dir, ['children=1', 'hold_s=0.2', 'cpu_s=0.2', '--metrics'], { stages: 'metrics:metrics.json' }));
    const run = loadMeasuredRun(result.profilePath);
    expect(run.truth?.stage_source).toBe('metrics');
    expect(run.truth?.source_metrics_path).toBe(join(dir, 'metrics.json'));
    expect(Object.keys(run.truth?.metrics_excerpt ?? {})).toEqual(['run_duration_seconds', 'wall_seconds_by_stage']);
    expect(run.profile.totals.sampling_note).toMatch(/approximate/);
  });

  it('rebuilds the profile from the samples and events files alone after the sampler was killed', async () => {
    const dir = outDir();
    const result = await freeze(options(dir, ['children=2', 'hold_s=0.3', 'cpu_s=0.2']));
    const samplesPath = join(dir, 'out', 'profile.samples.jsonl');
    // What a killed sampler leaves: no end record, maybe a torn last line.
    const lines = readFileSync(samplesPath, 'utf8')
      .trim()
      .split('\n')
      .filter((l) => !l.includes('"type":"end"'));
    writeFileSync(samplesPath, `${lines.join('\n')}\n{"type":"sample","t":17`);
    const rebuilt = rebuildFromSamples(samplesPath);
    expect(rebuilt.finished).toBe(false);
    const run = loadMeasuredRun(result.profilePath);
    expect(run.profile.status).toBe('cancelled');
    expect(run.truth?.rebuilt_from_samples).toBe(true);
    // Same stages and walls (from the events file); memory and CPU from the samples as written
    // (rounded to 1 kB and 0.01 %), so equal up to that rounding.
    const original = result.profile?.stages ?? {};
    expect(Object.keys(run.profile.stages)).toEqual(Object.keys(original));
    for (const [name, stage] of Object.entries(run.profile.stages)) {
      expect(stage.wall_time_s).toBe(original[name]?.wall_time_s);
      expect(stage.peak_rss_mb).toBeCloseTo(original[name]?.peak_rss_mb ?? -1, 0);
      expect(stage.avg_cpu_pct).toBeCloseTo(original[name]?.avg_cpu_pct ?? -1, 1);
    }
    expect(run.profile.totals.peak_rss_mb).toBeCloseTo(result.profile?.totals.peak_rss_mb ?? -1, 0);
  });
});
