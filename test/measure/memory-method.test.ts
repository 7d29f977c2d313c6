import { describe, expect, it } from 'vitest';
import { containmentNote, memoryMethod } from '../../src/measure/memory-method.js';
import type { ContainmentInfo } from '../../src/measure/ports.js';
import type { Sample } from '../../src/measure/samples-file.js';

const sample = (t: number, mem: number, extra: Partial<Sample> = {}): Sample => ({ t, mem_mb: mem, rss_mb: mem, cpu_pct: null, cpu_s: 0, procs: 2, ...extra });
const CONTAINED: ContainmentInfo = { mode: 'auto', cgroup: 'cgroup v1 (memory) + cgroup v2 (cpu, no memory controller)', namespace: 'user', env_removed: ['INPUT_TOKEN'], notes: [] };

describe('memoryMethod (what measured the memory, and its expected error)', () => {
  it('cgroup: names the hierarchy and whether spikes between samples are caught', () => {
    expect(memoryMethod('cgroup_anon_shmem', [sample(1, 10)], { kernel_peak_per_interval: 1 }, CONTAINED)).toEqual({
      method: 'cgroup',
      expected_error: expect.stringContaining('highest of its interval') as string,
    });
    const old = memoryMethod('cgroup_anon_shmem', [sample(1, 10)], { kernel_peak_per_interval: 0, kernel_usage_peak_mb: 2100.44 }, CONTAINED);
    expect(old.expected_error).toContain("a spike shorter than an interval is missed (the group's peak usage with file cache was 2100.4 MiB)");
  });

  it('PSS estimator: how old the last full reading was at the peak sample, and what it had not placed', () => {
    const samples = [sample(1, 100, { pss_age_s: 0, pss_unverified_mb: 0 }), sample(2, 520, { pss_age_s: 1.5, pss_unverified_mb: 12.34 }), sample(3, 400, { pss_age_s: 0 })];
    expect(memoryMethod('pss_sum', samples, { pss_snapshots: 2 })).toMatchObject({ method: 'pss_estimator', peak_unverified_mb: 12.3, peak_pss_age_s: 1.5 });
  });

  it('PSS read at every sample, and the RSS sum, say what they are', () => {
    expect(memoryMethod('pss_sum', [sample(1, 1), sample(2, 2)], { pss_snapshots: 2 }).method).toBe('pss_every_sample');
    expect(memoryMethod('rss_sum', [sample(1, 1)], {}).expected_error).toMatch(/upper bound/);
  });
});

describe('containmentNote', () => {
  it('says what held the tree and what it left behind', () => {
    expect(containmentNote(CONTAINED, { leftover: 2, ended: true, problems: [] })).toBe(
      "The tree ran in its own cgroup v1 (memory) + cgroup v2 (cpu, no memory controller) and a user namespace, without the action's tokens in its environment. 2 process(es) it left running were ended after it exited.",
    );
    expect(containmentNote({ ...CONTAINED, mode: 'none', cgroup: null, namespace: null }, { leftover: null, ended: true, problems: [] })).toBe(
      "The tree ran in its process group only (containment: none), without the action's tokens in its environment.",
    );
  });
});
