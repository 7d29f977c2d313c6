/**
 * GPU memory and utilisation of the measured tree, sampled through `nvidia-smi` when the runner has
 * it. Two queries per reading (the GPUs; the compute processes with their GPU), run asynchronously
 * at most once per `minIntervalMs` so a slow driver call never delays the tree's own samples; each
 * tree sample carries the newest completed GPU reading. `nvidia-smi` sits behind the GpuQuery port,
 * so the sampler is tested with recorded real outputs; on a GPU machine the real one runs.
 */
import { execFile } from 'node:child_process';
import { parseComputeApps, parseGpus, treeGpuReading, type GpuDevice, type GpuReading } from './gpu.js';

export const GPU_QUERY = ['--query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total', '--format=csv'];
export const APPS_QUERY = ['--query-compute-apps=gpu_uuid,pid,used_memory', '--format=csv'];

/** Runs `nvidia-smi` with the given arguments: its stdout, or why it could not. */
export interface GpuQuery {
  run(args: readonly string[]): Promise<{ ok: true; stdout: string } | { ok: false; reason: string }>;
}

export const nvidiaSmi: GpuQuery = {
  run(args) {
    return new Promise((resolve) => {
      execFile('nvidia-smi', [...args], { timeout: 10_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout });
        const code = (error as NodeJS.ErrnoException).code;
        const first = `${stderr}`.split('\n')[0]?.trim() || stdout.split('\n')[0]?.trim() || error.message;
        resolve({ ok: false, reason: code === 'ENOENT' ? 'nvidia-smi not found' : `nvidia-smi failed: ${first}` });
      });
    });
  },
};

export interface GpuProbeResult {
  /** Set when a GPU can be sampled. */
  sampler?: GpuSampler;
  devices: GpuDevice[];
  /** `no GPU: nvidia-smi not found`, or what is sampled and how: kept in the profile's totals. */
  note: string;
}

export class GpuSampler {
  private inFlight: Promise<void> | undefined;
  private lastStart = Number.NEGATIVE_INFINITY;
  private newest: GpuReading | undefined;
  private error: string | undefined;

  /** `available`: true once a GPU was found; the sampler stays idle while it is false or not yet known. */
  constructor(
    private readonly query: GpuQuery,
    private readonly now: () => number,
    private readonly minIntervalMs = 1000,
    private readonly available: () => boolean | undefined = () => true,
  ) {}

  /** Looks for GPUs once (per freeze); says "no GPU" and why when there is none. */
  static async probe(query: GpuQuery, now: () => number, minIntervalMs = 1000): Promise<GpuProbeResult> {
    const answer = await query.run(GPU_QUERY);
    if (!answer.ok) return { devices: [], note: `no GPU: ${answer.reason}` };
    const devices = parseGpus(answer.stdout);
    if (devices.length === 0) return { devices, note: 'no GPU: nvidia-smi lists no device' };
    const names = [...new Set(devices.map((d) => d.name ?? 'unnamed GPU'))].join(', ');
    const note =
      `GPU memory of the tree's processes and utilisation of their GPUs, from nvidia-smi every ${Math.max(minIntervalMs, 0) / 1000} s or slower ` +
      `(${devices.length} device${devices.length === 1 ? '' : 's'}: ${names}).`;
    return { sampler: new GpuSampler(query, now, minIntervalMs), devices, note };
  }

  /** Starts a reading for these pids unless one is running or the last began too recently. */
  poll(pids: readonly number[]): void {
    if (this.available() !== true) return;
    if (this.inFlight || this.now() - this.lastStart < this.minIntervalMs) return;
    this.lastStart = this.now();
    const members = new Set(pids);
    this.inFlight = Promise.all([this.query.run(GPU_QUERY), this.query.run(APPS_QUERY)])
      .then(([gpus, apps]) => {
        if (!gpus.ok || !apps.ok) {
          this.error ??= !gpus.ok ? gpus.reason : (apps as { reason: string }).reason;
          return;
        }
        this.newest = treeGpuReading(parseGpus(gpus.stdout), parseComputeApps(apps.stdout), members);
      })
      .finally(() => {
        this.inFlight = undefined;
      });
  }

  /** The newest completed reading (undefined before the first one completes). */
  latest(): GpuReading | undefined {
    return this.newest;
  }

  /** Waits for a reading in flight; returns the first error seen, if any. */
  async close(): Promise<string | undefined> {
    await this.inFlight;
    return this.error;
  }
}
