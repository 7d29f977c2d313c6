/**
 * GPU memory and utilisation: the nvidia-smi CSV parser on real outputs (test/fixtures/nvidia-smi/,
 * sources in its README), the sampler behind its port, its hook in the sampling loop, and the
 * profile numbers it gives. Sampling a real GPU is verified on a GPU machine; none is here.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nvidiaNumber, parseComputeApps, parseGpus, treeGpuReading } from '../../src/measure/gpu.js';
import { APPS_QUERY, GPU_QUERY, GpuSampler, nvidiaSmi, type GpuQuery } from '../../src/measure/gpu-sampler.js';
import { addGpu } from '../../src/measure/gpu-profile.js';
import { measureRun } from '../../src/measure/measure-run.js';
import type { CommandExit, MeasureDeps, RunningCommand, TreeProbe } from '../../src/measure/ports.js';
import { parseSamplesFile, type Sample } from '../../src/measure/samples-file.js';
import { systemClock } from '../../src/measure/clock.js';
import type { Profile } from '../../src/formats/profile.js';
import type { StageTruth } from '../../src/formats/stage-truth.js';

const DIR = fileURLToPath(new URL('../fixtures/nvidia-smi/', import.meta.url));
const capture = (name: string) => readFileSync(join(DIR, name), 'utf8');

describe('nvidia-smi CSV parser on real outputs', () => {
  it('H100 under load: three compute processes with their memory; the device with its utilisation', () => {
    expect(parseComputeApps(capture('h100-590.48.01.load.compute-apps.csv'))).toEqual([
      { gpuUuid: 'GPU-00000000-0000-0000-0000-000000000000', pid: 11327, usedMemMb: 2566 },
      { gpuUuid: 'GPU-00000000-0000-0000-0000-000000000000', pid: 11328, usedMemMb: 1542 },
      { gpuUuid: 'GPU-00000000-0000-0000-0000-000000000000', pid: 11345, usedMemMb: 15690 },
    ]);
    expect(parseComputeApps(capture('h100-590.48.01.idle.compute-apps.csv'))).toEqual([]);
    // 212 columns of the full query; read by header name.
    expect(parseGpus(capture('h100-590.48.01.load.query-gpu.csv'))).toEqual([
      { index: 0, uuid: 'GPU-00000000-0000-0000-0000-000000000000', name: 'NVIDIA H100 80GB HBM3', utilPct: 100, memUsedMb: 19818, memTotalMb: 81559 },
    ]);
  });

  it('Windows (WDDM): per-process memory is [N/A], read as unknown, never as 0', () => {
    const apps = parseComputeApps(capture('rtx2080s-windows-610.62.load.compute-apps.csv'));
    expect(apps).toHaveLength(21);
    expect(apps.every((p) => p.usedMemMb === null)).toBe(true);
    const gpus = parseGpus(capture('rtx2080s-windows-610.62.load.query-gpu.csv'));
    expect(treeGpuReading(gpus, apps, new Set([12940, 13820]))).toEqual({ memMb: null, utilPct: 7, deviceMemMb: 1366 });
  });

  it('a desktop GPU shared with the compositor: only the tree’s processes count', () => {
    const apps = parseComputeApps(capture('rtx4080s-595.71.05.load.compute-apps.csv'));
    const gpus = parseGpus(capture('rtx4080s-595.71.05.load.query-gpu.csv'));
    expect(treeGpuReading(gpus, apps, new Set([5021, 5022]))).toEqual({ memMb: 863, utilPct: 7, deviceMemMb: 1474 });
    // A tree with no process on the GPU uses 0 MiB of it (a reading, unlike a missing one) and no utilisation.
    expect(treeGpuReading(gpus, apps, new Set([1]))).toEqual({ memMb: 0, utilPct: null, deviceMemMb: 1474 });
  });

  it('four GPUs: a process on two of them sums its memory and averages those GPUs only', () => {
    const apps = parseComputeApps(capture('four-gpus.compute-apps.csv'));
    const gpus = parseGpus(capture('four-gpus.query-gpu.csv'));
    expect(gpus.map((g) => [g.index, g.utilPct, g.memUsedMb, g.name])).toEqual([
      [0, 0, 529, undefined],
      [1, 0, 5, undefined],
      [2, 98, 74709, undefined],
      [3, 0, 567, undefined],
    ]);
    expect(treeGpuReading(gpus, apps, new Set([1912379]))).toEqual({ memMb: 1036, utilPct: 0, deviceMemMb: 75810 });
    expect(treeGpuReading(gpus, apps, new Set([3891903]))).toEqual({ memMb: 74698, utilPct: 98, deviceMemMb: 75810 });
  });

  it('without a gpu_uuid column (the blog output) every listed GPU is the tree’s', () => {
    const apps = parseComputeApps(capture('blog.compute-apps.csv'));
    expect(apps).toEqual([{ gpuUuid: undefined, pid: 4135549, usedMemMb: 7242 }]);
    expect(treeGpuReading(parseGpus(capture('four-gpus.query-gpu.csv')), apps, new Set([4135549]))).toEqual({ memMb: 7242, utilPct: 24.5, deviceMemMb: 75810 });
  });

  it('reads units and markers', () => {
    expect([nvidiaNumber('1542 MiB'), nvidiaNumber('98 %'), nvidiaNumber('7'), nvidiaNumber('[N/A]'), nvidiaNumber('[Not Supported]'), nvidiaNumber('')]).toEqual([1542, 98, 7, null, null, null]);
  });
});

/** A recording nvidia-smi: answers each query with a real capture (or a failure). */
function fakeSmi(answers: Record<'gpus' | 'apps', string | { reason: string }>): GpuQuery & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run(args) {
      calls.push([...args]);
      const answer = args[0] === GPU_QUERY[0] ? answers.gpus : args[0] === APPS_QUERY[0] ? answers.apps : { reason: 'unexpected query' };
      return Promise.resolve(typeof answer === 'string' ? { ok: true, stdout: answer } : { ok: false, reason: answer.reason });
    },
  };
}

const H100 = { gpus: capture('h100-590.48.01.load.query-gpu.csv'), apps: capture('h100-590.48.01.load.compute-apps.csv') };

describe('GpuSampler behind its port', () => {
  it('says "no GPU" and why when nvidia-smi is absent (the real port, on this machine) or lists nothing', async () => {
    const real = await GpuSampler.probe(nvidiaSmi, () => Date.now());
    if (!real.sampler) expect(real.note).toMatch(/^no GPU: nvidia-smi (not found|failed: .+)$/);
    const none = await GpuSampler.probe(fakeSmi({ gpus: capture('h100-590.48.01.idle.compute-apps.csv').split('\n')[0] ?? '', apps: '' }), () => 0);
    expect(none).toEqual({ devices: [], note: 'no GPU: nvidia-smi lists no device' });
    expect((await GpuSampler.probe(fakeSmi({ gpus: { reason: 'nvidia-smi not found' }, apps: '' }), () => 0)).note).toBe('no GPU: nvidia-smi not found');
  });

  it('finds the H100 and reads the tree at most once per interval, never two readings at once', async () => {
    let now = 0;
    const smi = fakeSmi(H100);
    const found = await GpuSampler.probe(smi, () => now, 1000);
    expect(found.note).toBe("GPU memory of the tree's processes and utilisation of their GPUs, from nvidia-smi every 1 s or slower (1 device: NVIDIA H100 80GB HBM3).");
    const sampler = found.sampler as GpuSampler;
    sampler.poll([11327, 11345, 99]);
    sampler.poll([11327]); // in flight: ignored
    await sampler.close();
    expect(sampler.latest()).toEqual({ memMb: 18256, utilPct: 100, deviceMemMb: 19818 });
    now = 500;
    sampler.poll([11328]); // too soon: ignored
    await sampler.close();
    expect(sampler.latest()?.memMb).toBe(18256);
    now = 1000;
    sampler.poll([11328]);
    await sampler.close();
    expect(sampler.latest()?.memMb).toBe(1542);
    expect(smi.calls.filter((c) => c[0] === APPS_QUERY[0])).toHaveLength(2);
  });

  it('keeps the first error and the last good reading', async () => {
    const sampler = new GpuSampler(fakeSmi({ gpus: H100.gpus, apps: { reason: 'nvidia-smi failed: Unable to determine the device handle' } }), () => 0, 0);
    sampler.poll([1]);
    expect(await sampler.close()).toBe('nvidia-smi failed: Unable to determine the device handle');
    expect(sampler.latest()).toBeUndefined();
  });
});

class Command implements RunningCommand {
  readonly pid = 11327;
  readonly startedAt = Date.now() / 1000;
  private resolveExit: (exit: CommandExit) => void = () => undefined;
  readonly exited = new Promise<CommandExit>((resolve) => (this.resolveExit = resolve));
  exit(): void {
    this.resolveExit({ exitCode: 0, signal: null, endedAt: Date.now() / 1000 });
  }
  signalGroup(): void {}
  signalProcess(): void {}
}

/** A tree whose members are the H100 capture's gpu_burn process and one memhog. */
const probe: TreeProbe = {
  memoryMetric: 'pss_sum',
  read: () => ({ memoryKb: 512 * 1024, rssKb: 600 * 1024, cpuSeconds: 1, processes: 2 }),
  members: () => [
    { pid: 11327, pgid: 11327 },
    { pid: 11345, pgid: 11327 },
  ],
  close: () => undefined,
};

describe('the hook in the sampling loop', () => {
  it('attaches the newest GPU reading to the tree samples and writes it to samples.jsonl', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-gpu-'));
    const command = new Command();
    const deps: MeasureDeps = {
      clock: systemClock,
      commands: { start: () => Promise.resolve(command) },
      probeFactory: () => probe,
      environment: { host: () => ({}), full: () => Promise.resolve({}) },
    };
    setTimeout(() => command.exit(), 400);
    const raw = await measureRun(
      {
        argv: ['x'],
        cwd: dir,
        env: {},
        output: 'ignore',
        sampleIntervalS: 0.05,
        killGraceS: 1,
        pssBudgetPct: 1,
        eventsPath: join(dir, 'events.jsonl'),
        gpu: new GpuSampler(fakeSmi(H100), () => Date.now(), 0),
        samples: {
          path: join(dir, 'run.samples.jsonl'),
          header: {
            type: 'header',
            format: 'optimization-gate-samples',
            version: 1,
            release: 'r',
            dataset_id: 'd',
            sample_interval_s: 0.05,
            command: ['x'],
            cwd: dir,
            stage_source: { kind: 'none' },
            events_path: null,
            status_file: null,
            metrics_file: null,
            episodes: null,
            environment: {},
          },
        },
      },
      deps,
    );
    // The first sample comes before the first reading completes; every later one carries it.
    expect(raw.samples[0]?.gpu_mem_mb).toBeUndefined();
    const withGpu = raw.samples.filter((s) => s.gpu_mem_mb !== undefined);
    expect(withGpu.length).toBeGreaterThan(0);
    expect(withGpu.every((s) => s.gpu_mem_mb === 18256 && s.gpu_util_pct === 100 && s.gpu_device_mem_mb === 19818)).toBe(true);
    const file = parseSamplesFile(readFileSync(join(dir, 'run.samples.jsonl'), 'utf8'), 'f');
    expect(file.samples.filter((s) => s.gpu_mem_mb === 18256)).toHaveLength(withGpu.length);
  });
});

describe('GPU numbers of the profile', () => {
  const sample = (t: number, gpu?: { mem: number | null; util: number | null }): Sample => ({
    t,
    mem_mb: 500,
    rss_mb: 600,
    cpu_pct: 10,
    cpu_s: t,
    procs: 2,
    ...(gpu ? { gpu_mem_mb: gpu.mem, gpu_util_pct: gpu.util, gpu_device_mem_mb: 20000 } : {}),
  });
  const base = (): { profile: Profile; truth: StageTruth } => ({
    profile: {
      release: 'r',
      date: 'd',
      dataset_id: 'x',
      environment: {},
      stages: {
        load: { wall_time_s: 2, peak_rss_mb: 500, avg_cpu_pct: 10 },
        infer: { wall_time_s: 2, peak_rss_mb: 500, avg_cpu_pct: 10 },
        save: { wall_time_s: 0.1, peak_rss_mb: 500, avg_cpu_pct: 10 },
      },
      totals: { peak_rss_mb: 500, wall_time_s: 4.1 },
    },
    truth: {
      profile_stage_truth_version: 1,
      release: 'r',
      dataset_id: 'x',
      sample_interval_s: 1,
      run_wall_s: 4.1,
      sum_mapped_stage_wall_s: 4.1,
      parallelism_hint_ratio: 1,
      wall_seconds_by_stage: {},
      resource_by_stage_psutil: { infer: { peak_rss_mb: 500, avg_cpu_pct: 10 } },
      global_peak_rss_mb_sampled: 500,
    },
  });
  const spans = [
    { stage: 'load', start: 100, end: 102 },
    { stage: 'infer', start: 102, end: 104 },
    { stage: 'save', start: 104, end: 104.1 },
  ];

  it('per stage peak memory and overlap-weighted utilisation; null where no reading fell; totals and the note', () => {
    const { profile, truth } = base();
    const samples = [sample(100), sample(101, { mem: 0, util: null }), sample(102, { mem: 2000, util: 50 }), sample(103, { mem: 6000, util: 100 }), sample(104, { mem: 5000, util: 80 })];
    addGpu(profile, truth, samples, spans, 100, 'GPU note');
    expect(profile.stages.load).toMatchObject({ peak_gpu_mem_mb: 2000, avg_gpu_util_pct: 50 });
    expect(profile.stages.infer).toMatchObject({ peak_gpu_mem_mb: 6000, avg_gpu_util_pct: 90 });
    expect(profile.stages.save).toMatchObject({ peak_gpu_mem_mb: null, avg_gpu_util_pct: null });
    expect(profile.totals).toMatchObject({ peak_gpu_mem_mb: 6000, avg_gpu_util_pct: 76.67, peak_gpu_device_mem_mb: 20000, gpu_note: 'GPU note' });
    expect(truth.resource_by_stage_psutil.infer).toMatchObject({ peak_gpu_mem_mb: 6000, avg_gpu_util_pct: 90 });
  });

  it('without a GPU: no GPU numbers, only the note saying so', () => {
    const { profile, truth } = base();
    addGpu(profile, truth, [sample(100), sample(101)], spans, 100, 'no GPU: nvidia-smi not found');
    expect(profile.totals.gpu_note).toBe('no GPU: nvidia-smi not found');
    expect(profile.totals.peak_gpu_mem_mb).toBeUndefined();
    expect(profile.stages.load?.peak_gpu_mem_mb).toBeUndefined();
  });
});
