/**
 * Which method measured a run's memory, and what error to expect from it (pure): written into
 * stage_truth as `memory_method` so a reader of a profile knows how far to trust its peak.
 */
import type { ContainmentInfo, MemoryMetric, TreeEnd } from './ports.js';
import { round, type Sample } from './samples-file.js';

export interface MemoryMethod {
  /** `cgroup` (the kernel's accounting of the tree's group), `pss_every_sample`, `pss_estimator` or `rss_sum`. */
  method: 'cgroup' | 'pss_every_sample' | 'pss_estimator' | 'rss_sum';
  /** One sentence: what the peak means and how far off it can be. */
  expected_error: string;
  /** MiB the peak may be below the truth by (estimator: memory changes not yet re-read at the peak sample). */
  peak_unverified_mb?: number;
  /** Seconds between the peak sample and the last full PSS reading before it (estimator). */
  peak_pss_age_s?: number;
}

/** The sample with the highest memory, and how many there are (one pass: samples may stream from a file). */
function peakSample(samples: Iterable<Sample>): { peak: Sample | undefined; count: number } {
  let peak: Sample | undefined;
  let count = 0;
  for (const s of samples) {
    count++;
    if (!peak || s.mem_mb > peak.mem_mb) peak = s;
  }
  return { peak, count };
}

export function memoryMethod(memoryMetric: MemoryMetric, samples: Iterable<Sample>, summary: Record<string, number>, containment?: ContainmentInfo): MemoryMethod {
  if (memoryMetric === 'cgroup_anon_shmem') {
    const perInterval = summary.kernel_peak_per_interval === 1;
    const where = containment?.cgroup ?? 'its cgroup';
    return {
      method: 'cgroup',
      expected_error: perInterval
        ? `Kernel accounting (${where}): anonymous + shared memory exact at each sample; each sample's value is the highest of its interval from the kernel's high-water mark (minus file cache, so a lower bound when the cache shrank meanwhile).`
        : `Kernel accounting (${where}): anonymous + shared memory exact at each sample; this kernel cannot reset its high-water mark, so a spike shorter than an interval is missed (the group's peak usage with file cache was ${round(summary.kernel_usage_peak_mb ?? 0, 1)} MiB).`,
    };
  }
  if (memoryMetric === 'rss_sum') {
    return { method: 'rss_sum', expected_error: 'RSS sum: pages shared between processes (forked workers, shared mappings) count once per process, so the peak is an upper bound.' };
  }
  const snapshots = summary.pss_snapshots ?? 0;
  const { peak, count } = peakSample(samples);
  if (count > 0 && snapshots >= count) {
    return { method: 'pss_every_sample', expected_error: 'PSS read in full at every sample: exact at each sample; a spike shorter than an interval is missed.' };
  }
  const unverified = round(peak?.pss_unverified_mb ?? 0, 1);
  const age = round(peak?.pss_age_s ?? 0, 2);
  return {
    method: 'pss_estimator',
    expected_error:
      `PSS read in full at ${snapshots} of ${count} samples and carried forward in between (exact for new and freed anonymous memory, forks and exits); ` +
      `at the peak sample the last full reading was ${age} s old and ${unverified} MiB of copy-on-write or shared-page changes were not yet re-read (the peak may be low by up to that).`,
    peak_unverified_mb: unverified,
    peak_pss_age_s: age,
  };
}

/** One sentence for the sampling note: what held the tree, and what it left behind. */
export function containmentNote(containment: ContainmentInfo, end: TreeEnd | undefined): string {
  const held = containment.cgroup ? `its own ${containment.cgroup}` : `its process group only (${containment.mode === 'none' ? 'containment: none' : 'no cgroup could be made here'})`;
  const ns = containment.namespace === 'user' ? ' and a user namespace' : '';
  const left = end?.leftover ? ` ${end.leftover} process(es) it left running were ended after it exited.` : '';
  return `The tree ran in ${held}${ns}, without the action's tokens in its environment.${left}`;
}
