/**
 * The tree's own cgroup on recorded file contents: the hybrid layout of the development machines
 * (recorded there) and a pure cgroup v2 runner (in the kernel's formats), through a fake file system
 * that behaves like the kernel where the code depends on it (fake-cgroup.ts).
 */
import { describe, expect, it } from 'vitest';
import { cpuSecondsFromV2Stat, memoryFromV1Stat, memoryFromV2Stat, parseCgroupMounts, parseKeyValues, parsePids, parseProcCgroup } from '../../src/measure/cgroup-files.js';
import { findCgroupPlaces, TreeGroup } from '../../src/measure/cgroup.js';
import { CgroupTreeProbe } from '../../src/measure/cgroup-probe.js';
import { FakeCgroupFs, fixture } from './fake-cgroup.js';

const MiB = 1024 * 1024;
const SERVICE = '/sys/fs/cgroup/system.slice/actions.runner.acme-pipeline.gpu-1.service';
const noWait = async (): Promise<void> => undefined;

/** A pure v2 runner: the service group (where we run) delegates cpu, io, memory and pids to its children. */
function v2Host(subtreeControl = fixture('v2-delegated', 'cgroup.subtree_control')): FakeCgroupFs {
  const fs = new FakeCgroupFs();
  fs.v2Root = '/sys/fs/cgroup';
  fs.dir('/sys/fs/cgroup').dir('/sys/fs/cgroup/system.slice');
  fs.dir(SERVICE, { 'cgroup.procs': '812\n813\n', 'cgroup.subtree_control': subtreeControl });
  return fs;
}

describe('cgroup files', () => {
  it('reads our groups from /proc/self/cgroup (recorded, hybrid) and the cgroup mounts from mountinfo', () => {
    const lines = parseProcCgroup(fixture('hybrid-v1-memory', 'proc-self-cgroup.txt'));
    expect(lines.find((l) => l.controllers.includes('memory'))?.path).toMatch(/^\/process_api\/[0-9a-f]+$/);
    expect(lines.find((l) => l.id === 0)).toEqual({ id: 0, controllers: [], path: '/' });
    const mounts = parseCgroupMounts(fixture('hybrid-v1-memory', 'mountinfo.txt'));
    expect(mounts.find((m) => m.controllers.includes('memory'))).toEqual({ type: 'cgroup', mountPoint: '/sys/fs/cgroup/memory', root: '/', controllers: ['memory'] });
    expect(mounts.find((m) => m.type === 'cgroup2')?.mountPoint).toBe('/sys/fs/cgroup/unified');
    expect(parseCgroupMounts(fixture('v2-delegated', 'mountinfo.txt'))).toEqual([{ type: 'cgroup2', mountPoint: '/sys/fs/cgroup', root: '/', controllers: [] }]);
  });

  it('splits v1 memory.stat (recorded: 100 MiB of heap + a 20 MiB shared mapping) into anon, shmem and file cache', () => {
    const memory = memoryFromV1Stat(parseKeyValues(fixture('hybrid-v1-memory', 'memory.stat')));
    expect(memory?.shmem).toBe(20 * MiB);
    expect(memory?.fileCache).toBe(0); // the only cache was the shared mapping itself
    expect((memory?.anon ?? 0) / MiB).toBeGreaterThan(100);
    expect((memory?.anon ?? 0) / MiB).toBeLessThan(115); // + the interpreter's heap
    // usage_in_bytes is that plus kernel memory (v1 counts it, without saying how much in memory.stat).
    const usage = Number(fixture('hybrid-v1-memory', 'memory.usage_in_bytes'));
    expect(usage - (memory?.anon ?? 0) - (memory?.shmem ?? 0)).toBeGreaterThan(0);
    expect(usage - (memory?.anon ?? 0) - (memory?.shmem ?? 0)).toBeLessThan(2 * MiB);
  });

  it('splits v2 memory.stat: file includes shmem, kernel stated apart', () => {
    expect(memoryFromV2Stat(parseKeyValues(fixture('v2-delegated', 'memory.stat')))).toEqual({ anon: 1052 * MiB, shmem: 512 * MiB, fileCache: 1664 * MiB, kernel: 40 * MiB });
    expect(cpuSecondsFromV2Stat(parseKeyValues(fixture('v2-delegated', 'cpu.stat')))).toBeCloseTo(84.213377, 6);
    // Recorded: a v2 group without the memory controller still has cpu.stat.
    expect(cpuSecondsFromV2Stat(parseKeyValues(fixture('v2-unified-cpu', 'cpu.stat')))).toBeGreaterThan(0.3);
    expect(parsePids(fixture('v2-unified-cpu', 'cgroup.procs'))).toHaveLength(1);
  });
});

describe('where our own groups are', () => {
  it('pure v2: the service group we run in, when we may create children and move processes out of it', () => {
    const fs = v2Host();
    const { places, why } = findCgroupPlaces(fs, fixture('v2-delegated', 'proc-self-cgroup.txt'), fixture('v2-delegated', 'mountinfo.txt'));
    expect(places).toEqual({ unified: SERVICE });
    expect(why).toEqual([]);
  });

  it('says why not when the group is not delegated to us (no write access)', () => {
    const fs = v2Host();
    fs.readOnly.add(SERVICE);
    const { places, why } = findCgroupPlaces(fs, fixture('v2-delegated', 'proc-self-cgroup.txt'), fixture('v2-delegated', 'mountinfo.txt'));
    expect(places).toEqual({});
    expect(why).toEqual([`cgroup v2: cannot create groups in ${SERVICE} (not delegated to this user)`]);
  });

  it('hybrid (recorded): memory in our v1 memory group, the rest in the unified hierarchy', () => {
    const procSelf = fixture('hybrid-v1-memory', 'proc-self-cgroup.txt');
    const memoryPath = parseProcCgroup(procSelf).find((l) => l.controllers.includes('memory'))?.path ?? '';
    const fs = new FakeCgroupFs().dir('/sys/fs/cgroup/unified', { 'cgroup.procs': '1\n' }).dir(`/sys/fs/cgroup/memory${memoryPath}`, { 'cgroup.procs': '1\n' });
    const { places } = findCgroupPlaces(fs, procSelf, fixture('hybrid-v1-memory', 'mountinfo.txt'));
    expect(places).toEqual({ unified: '/sys/fs/cgroup/unified', v1Memory: `/sys/fs/cgroup/memory${memoryPath}` });
  });
});

describe('the tree group on a pure cgroup v2 runner', () => {
  it('is created under our group, takes the command, reads the kernel figures, kills and removes everything', async () => {
    const fs = v2Host();
    const group = TreeGroup.create(fs, { unified: SERVICE }, 'tree-1');
    const dir = `${SERVICE}/tree-1`;
    expect(group.memory).toBe('v2');
    expect(group.cpu).toBe('v2');
    expect(group.describe()).toBe('cgroup v2 (memory, cpu)');
    group.enter(4242);
    expect(fs.read(`${dir}/cgroup.procs`)).toBe('4242\n');

    // What the kernel says once the tree runs (the recorded formats).
    fs.files.set(`${dir}/cgroup.procs`, '4242\n4250\n4251\n');
    fs.files.set(`${dir}/memory.stat`, fixture('v2-delegated', 'memory.stat'));
    fs.files.set(`${dir}/memory.current`, fixture('v2-delegated', 'memory.current'));
    fs.files.set(`${dir}/memory.peak`, fixture('v2-delegated', 'memory.peak'));
    fs.files.set(`${dir}/cpu.stat`, fixture('v2-delegated', 'cpu.stat'));
    const reading = group.read();
    expect(reading).toMatchObject({ pids: [4242, 4250, 4251], usage: 3268 * MiB, peak: 5316 * MiB, peakIsInterval: true, cpuSeconds: 84.213377 });
    // The peak was reset through the same open file, to the current usage, for the next interval.
    expect(fs.writes.at(-1)).toEqual({ path: `${dir}/memory.peak`, text: 'reset\n' });
    expect(fs.read(`${dir}/memory.peak`)).toBe(fixture('v2-delegated', 'memory.current'));
    expect(group.peakResettable()).toBe(true);

    const killed = await group.killAll(() => undefined, noWait);
    expect(killed).toEqual({ found: 3, emptied: true });
    expect(fs.writes.map((w) => w.path)).toContain(`${dir}/cgroup.kill`);
    expect(await group.remove(noWait)).toEqual([]);
    expect(fs.exists(dir)).toBe(false);
    // Nothing of the group we run in was written.
    expect(fs.writes.filter((w) => w.path.startsWith(`${SERVICE}/`) && !w.path.startsWith(`${dir}/`))).toEqual([]);
    expect(fs.read(`${SERVICE}/cgroup.subtree_control`)).toBe(fixture('v2-delegated', 'cgroup.subtree_control'));
  });

  it('before Linux 6.12 (memory.peak cannot be reset) the peak covers the whole run, and says so', () => {
    const fs = v2Host();
    fs.peakResettable = false;
    const group = TreeGroup.create(fs, { unified: SERVICE }, 'tree-2');
    expect(group.read().peakIsInterval).toBe(true); // the first interval: since the group was made
    expect(group.read().peakIsInterval).toBe(false);
    expect(group.peakResettable()).toBe(false);
  });

  it('without the memory controller delegated: membership, CPU and kill only (memory stays with PSS)', () => {
    const fs = v2Host('cpu pids\n');
    const group = TreeGroup.create(fs, { unified: SERVICE }, 'tree-3');
    expect(group.memory).toBeUndefined();
    expect(group.cpu).toBe('v2');
    expect(group.describe()).toBe('cgroup v2 (cpu, no memory controller)');
  });

  it('removes what it made when a later hierarchy refuses, and leaves nothing', () => {
    const fs = v2Host();
    fs.dir('/sys/fs/cgroup-v1-memory/ours', { 'cgroup.procs': '' });
    fs.readOnly.add('/sys/fs/cgroup-v1-memory/ours');
    expect(() => TreeGroup.create(fs, { unified: SERVICE, v1Memory: '/sys/fs/cgroup-v1-memory/ours' }, 'tree-4')).toThrow('EACCES');
    expect(fs.exists(`${SERVICE}/tree-4`)).toBe(false);
  });

  it('kills member by member where there is no cgroup.kill (v1), until the group is empty', async () => {
    const fs = new FakeCgroupFs().dir('/sys/fs/cgroup/memory/ours', { 'cgroup.procs': '' });
    const group = TreeGroup.create(fs, { v1Memory: '/sys/fs/cgroup/memory/ours' }, 'tree-5');
    fs.files.set('/sys/fs/cgroup/memory/ours/tree-5/cgroup.procs', '10\n11\n');
    const signalled: string[] = [];
    const result = await group.killAll((pid, sig) => {
      signalled.push(`${pid}:${sig}`);
      // The kernel removes a killed process from the group (11 forked 12 before dying).
      fs.files.set('/sys/fs/cgroup/memory/ours/tree-5/cgroup.procs', signalled.length === 2 ? '12\n' : '');
    }, noWait);
    expect(result).toEqual({ found: 2, emptied: true });
    expect(signalled).toEqual(['10:SIGKILL', '11:SIGKILL', '12:SIGKILL']);
  });
});

describe('CgroupTreeProbe (kernel accounting)', () => {
  function probeOn(fs: FakeCgroupFs, dir: string, set: (anon: number, shmem: number, file: number, peakUsage: number) => void) {
    return { probe: new CgroupTreeProbe(TreeGroup.create(fs, { unified: SERVICE }, dir)), set };
  }

  function tree(fs: FakeCgroupFs, name: string) {
    const dir = `${SERVICE}/${name}`;
    return probeOn(fs, name, (anon, shmem, file, peakUsage) => {
      fs.files.set(`${dir}/memory.stat`, `anon ${anon * MiB}\nfile ${(file + shmem) * MiB}\nkernel 0\nshmem ${shmem * MiB}\n`);
      fs.files.set(`${dir}/memory.current`, `${(anon + shmem + file) * MiB}\n`);
      fs.files.set(`${dir}/memory.peak`, `${peakUsage * MiB}\n`);
      fs.files.set(`${dir}/cgroup.procs`, '7\n8\n');
    });
  }

  it("catches a 2 GiB spike between two readings from the high-water mark, as the tree's memory of that interval", () => {
    const fs = v2Host();
    const { probe, set } = tree(fs, 'spike');
    set(100, 0, 300, 400);
    expect(probe.read().memoryKb / 1024).toBe(100);
    // Between the readings the tree held 2,148 MiB for 0.2 s; now it is back at 100 (file cache unchanged).
    set(100, 0, 300, 2448);
    const reading = probe.read();
    expect(reading.memoryKb / 1024).toBe(2148);
    expect(reading.kernel).toEqual({ nowKb: 100 * 1024, fileCacheKb: 300 * 1024, usagePeakKb: 2448 * 1024 });
    expect(probe.summary()).toMatchObject({ kernel_tree_peak_interval_mb: 2148, kernel_tree_peak_sampled_mb: 100, kernel_intervals_with_spike: 1, kernel_peak_per_interval: 1 });
  });

  it("does not count file cache that grew during the interval (model weights read from disk) as the tree's memory", () => {
    const fs = v2Host();
    const { probe, set } = tree(fs, 'cache');
    set(500, 0, 100, 600);
    probe.read();
    set(500, 0, 1100, 1600); // 1 GB of weights read: the high-water mark is the end of the interval
    expect(probe.read().memoryKb / 1024).toBe(500);
  });

  it('counts shared memory once: 4 processes on one 512 MiB mapping are 512 MiB', () => {
    const fs = v2Host();
    const { probe, set } = tree(fs, 'shared');
    set(40, 512, 0, 552);
    const reading = probe.read();
    expect(reading.memoryKb / 1024).toBe(552);
    expect(reading.processes).toBe(2);
  });
});
