/**
 * The tree probe when the tree's own cgroup accounts its memory: no per-process reads at all. The
 * kernel already counts, per group, what the tree holds (each page once, however many processes map
 * it), what every process that ever ran in it used of the CPU, and who is in it.
 *
 * Memory (`cgroup_anon_shmem`) is anonymous + shared memory (heaps, copy-on-write copies, tmpfs,
 * shared mappings): comparable with the sum of PSS. File cache (files read or mapped from disk,
 * model weights among them) is kept apart: it is charged to the group that first read the file and
 * the kernel drops it under pressure, so it says little about what a pipeline needs.
 *
 * A spike between two readings: the kernel keeps a high-water mark of the group's whole usage, reset
 * at each reading where the kernel allows it (v1 always, v2 from Linux 6.12). Each sample then
 * carries the highest tree memory of its interval, estimated as that mark minus the larger of the
 * file cache + kernel memory seen at the interval's two ends — exact when the cache holds still,
 * never more than the mark, never less than the tree at the reading.
 */
import type { KernelGroup, TreeProbe, TreeReading } from './ports.js';

export class CgroupTreeProbe implements TreeProbe {
  readonly memoryMetric = 'cgroup_anon_shmem' as const;
  private previousOther: number | undefined;
  private usagePeak = 0;
  private treePeakNow = 0;
  private treePeakInterval = 0;
  private fileCachePeak = 0;
  /** Readings whose interval peak was above the instant (a spike the instant alone would miss). */
  private spikes = 0;
  private readings = 0;

  constructor(private readonly group: KernelGroup) {}

  read(): TreeReading {
    const reading = this.group.read();
    const memory = reading.memory;
    const treeNow = memory ? memory.anon + memory.shmem : 0;
    const fileCache = memory?.fileCache ?? 0;
    const usage = reading.usage ?? treeNow + fileCache + (memory?.kernel ?? 0);
    const other = Math.max(0, usage - treeNow);
    let treeInterval = treeNow;
    if (reading.peak !== undefined && reading.peakIsInterval) {
      treeInterval = Math.max(treeNow, reading.peak - Math.max(other, this.previousOther ?? other));
      if (treeInterval > treeNow + 1024 * 1024) this.spikes++;
    }
    this.previousOther = other;
    this.readings++;
    const peak = reading.peak ?? usage;
    this.usagePeak = Math.max(this.usagePeak, peak);
    this.treePeakNow = Math.max(this.treePeakNow, treeNow);
    this.treePeakInterval = Math.max(this.treePeakInterval, treeInterval);
    this.fileCachePeak = Math.max(this.fileCachePeak, fileCache);
    return {
      memoryKb: treeInterval / 1024,
      // Per-process RSS is not read here (that is the point); the tree's resident memory stands in.
      rssKb: (treeNow + fileCache) / 1024,
      cpuSeconds: reading.cpuSeconds ?? 0,
      processes: reading.pids.length,
      kernel: { nowKb: treeNow / 1024, fileCacheKb: fileCache / 1024, usagePeakKb: peak / 1024 },
    };
  }

  members(): ReadonlyArray<{ pid: number; pgid: number }> {
    return this.group.pids().map((pid) => ({ pid, pgid: pid }));
  }

  summary(): Record<string, number> {
    const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 100) / 100;
    return {
      kernel_usage_peak_mb: mb(this.usagePeak),
      kernel_tree_peak_sampled_mb: mb(this.treePeakNow),
      kernel_tree_peak_interval_mb: mb(this.treePeakInterval),
      kernel_file_cache_peak_mb: mb(this.fileCachePeak),
      kernel_peak_per_interval: this.group.peakResettable() === true ? 1 : 0,
      kernel_intervals_with_spike: this.spikes,
    };
  }

  close(): void {
    // The group is the runner's to remove (after the tree has ended).
  }
}
