import { describe, expect, it } from 'vitest';
import { TreeCpuAccount } from '../../src/measure/cpu-accounting.js';
import { MAX_PROBED } from '../../src/measure/tree-members.js';
import { LinuxTreeProbe } from '../../src/measure/linux-tree.js';
import { FakeProcTable } from './fake-proc.js';

const ROOT = 100;
const US = 50; // the sampling process (parent of the root), outside the tree
const INIT = 1;

function table(): FakeProcTable {
  return new FakeProcTable().add(
    { pid: INIT, ppid: 0, session: 1 },
    { pid: US, ppid: INIT, session: 40 },
    { pid: 60, ppid: INIT, session: 60 }, // an unrelated process
    { pid: ROOT, ppid: US, session: ROOT, pssKb: 10_240, rssKb: 12_288 },
  );
}

describe('tree membership', () => {
  it('finds children and grandchildren first seen in the same tick (fixpoint over ppid)', () => {
    const procs = table();
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    probe.read();
    // A grandchild listed before its parent, and in another session (setsid): found through ppid.
    procs.add({ pid: 130, ppid: 120, session: 130, pssKb: 1024 }, { pid: 120, ppid: ROOT, session: ROOT, pssKb: 2048 });
    const reading = probe.read();
    expect(reading.processes).toBe(3);
    expect(reading.memoryKb).toBe(10_240 + 2048 + 1024);
    expect(
      probe
        .members()
        .map((m) => m.pid)
        .sort(),
    ).toEqual([ROOT, 120, 130]);
  });

  it('keeps an orphan of the session whose parent died (reparented to init)', () => {
    const procs = table().add({ pid: 140, ppid: INIT, session: ROOT, pssKb: 4096 });
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    expect(probe.read().memoryKb).toBe(10_240 + 4096);
  });

  it('does not read processes older than the root at the first listing (pids are handed out in order)', () => {
    const procs = table().add({ pid: 150, ppid: 60, session: 60 });
    procs.lastAllocatedPid = 150;
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    procs.statReads = [];
    probe.read();
    expect(procs.statReads.sort((a, b) => a - b)).toEqual([ROOT, 150]);
  });

  it('reads them all when the pid counter wrapped since the root started', () => {
    const procs = table().add({ pid: 40, ppid: ROOT, session: ROOT, pssKb: 1000 });
    procs.lastAllocatedPid = 40; // the counter wrapped: 40 is newer than the root (100)
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    expect(probe.read().processes).toBe(2);
  });

  it('reads the stat of an unrelated process once, then remembers it is not a member', () => {
    const procs = table();
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    probe.read();
    procs.statReads = [];
    probe.read();
    probe.read();
    expect(procs.statReads.filter((pid) => pid === 60)).toEqual([]);
    expect(procs.statReads.filter((pid) => pid === ROOT)).toHaveLength(2);
  });

  it('after the first listing, reads only the pids created since (no re-listing when the host spawns processes)', () => {
    const procs = table();
    procs.lastAllocatedPid = 100;
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    probe.read();
    probe.read();
    expect(procs.listings).toBe(1);
    // Elsewhere on the host: 30 processes come and go; one of ours is created among them.
    procs.add({ pid: 101, ppid: ROOT, session: ROOT, pssKb: 1000 });
    procs.add({ pid: 115, ppid: 1, session: 115, pssKb: 1000 });
    procs.lastAllocatedPid = 130;
    procs.statReads = [];
    expect(probe.read().processes).toBe(2);
    expect(procs.listings).toBe(1);
    // The new pids were each read once (most are gone already), the members through their held files.
    expect(procs.statReads.filter((pid) => pid > 100 && pid !== 101).sort((a, b) => a - b)).toEqual([...Array(29).keys()].map((i) => 102 + i));
    expect(probe.summary().proc_pids_probed).toBe(30);
    // A member leaving is seen through its own stat file, without a listing.
    procs.remove(101);
    expect(probe.read().processes).toBe(1);
    expect(procs.listings).toBe(1);
    expect(procs.released).toEqual([101]);
  });

  it('lists /proc again only when the pid counter wrapped or jumped too far to read pid by pid', () => {
    const procs = table();
    procs.lastAllocatedPid = 100;
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    probe.read();
    procs.lastAllocatedPid = 100 + MAX_PROBED + 1;
    probe.read();
    expect(procs.listings).toBe(2);
    procs.add({ pid: 7, ppid: ROOT, session: ROOT, pssKb: 1000 });
    procs.lastAllocatedPid = 7; // wrapped
    expect(probe.read().processes).toBe(2);
    expect(procs.listings).toBe(3);
  });

  it('does not take a thread of a member for a process (/proc/<tid> answers, with exit signal -1)', () => {
    const procs = table();
    procs.lastAllocatedPid = 100;
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    probe.read();
    procs.add({ pid: 101, ppid: 1, session: ROOT, pssKb: 5000, thread: true });
    procs.lastAllocatedPid = 101;
    expect(probe.read().processes).toBe(1);
  });

  it('treats a member pid reused by another process as a new process (start time differs)', () => {
    const procs = table().add({ pid: 150, ppid: ROOT, session: ROOT, starttime: 1000, pssKb: 1000 });
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    expect(probe.read().processes).toBe(2);
    procs.remove(150);
    procs.add({ pid: 150, ppid: 60, session: 60, starttime: 2000, pssKb: 999_999 });
    const reading = probe.read();
    expect(reading.processes).toBe(1);
    expect(reading.memoryKb).toBe(10_240);
  });

  it('skips the memory of zombies', () => {
    const procs = table().add({ pid: 160, ppid: ROOT, session: ROOT, state: 'Z', pssKb: 5000 });
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    const reading = probe.read();
    expect(reading.processes).toBe(2);
    expect(reading.memoryKb).toBe(10_240);
  });

  it('notices an exec that keeps the name (a pyenv shim exec-ing python3) by its new text segment', () => {
    const procs = table();
    procs.update(ROOT, { pssKb: 3000, rssKb: 5000, privateKb: 2000, startcode: 1000 });
    let ms = 0;
    // Every clock reading advances 1 ms: a rollup read "costs" time, so the tiny budget allows no second snapshot.
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2, pssBudgetPct: 0.001, cpuMs: () => (ms += 1) });
    expect(probe.read().memoryKb).toBe(3000);
    procs.update(ROOT, { pssKb: 30_000, rssKb: 40_000, privateKb: 25_000, startcode: 2000 });
    procs.memoryReads = [];
    // Re-read: bash's 2000 private kB leave, python's whole PSS comes in (1000 kB of bash's library share linger).
    expect(probe.read().memoryKb).toBe(31_000);
    expect(procs.memoryReads).toEqual([ROOT]);
  });

  it('reports the RSS sum beside the PSS sum (shared pages counted per process)', () => {
    const procs = table().add({ pid: 170, ppid: ROOT, session: ROOT, pssKb: 5000, rssKb: 15_000 });
    const reading = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 }).read();
    expect(reading.memoryKb).toBe(15_240);
    expect(reading.rssKb).toBe(27_288);
  });
});

describe('tree CPU accounting', () => {
  it('stays continuous when a child is reaped by a live member (its time moves into cutime)', () => {
    const procs = table();
    procs.update(ROOT, { utime: 10 });
    procs.add({ pid: 200, ppid: ROOT, session: ROOT, utime: 30, stime: 10 });
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    expect(probe.read().cpuSeconds).toBeCloseTo(0.5);
    // The child ran 20 more ticks, exited and was waited for by the root.
    procs.remove(200);
    procs.update(ROOT, { utime: 12, cutime: 50, cstime: 10 });
    expect(probe.read().cpuSeconds).toBeCloseTo(0.72); // 12 + 60: the child's final 60 ticks, once
  });

  it('adds the last-seen time of a member reaped outside the tree (orphan reaped by init)', () => {
    const procs = table();
    procs.add({ pid: 210, ppid: INIT, session: ROOT, utime: 40 });
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => 0, cores: 2 });
    expect(probe.read().cpuSeconds).toBeCloseTo(0.4);
    procs.remove(210); // init reaps it: the root's cutime does not change
    expect(probe.read().cpuSeconds).toBeCloseTo(0.4);
    procs.update(ROOT, { utime: 5 });
    expect(probe.read().cpuSeconds).toBeCloseTo(0.45);
  });

  it("recovers the root's final CPU time from our own cutime after we reap it", () => {
    const procs = table();
    let now = 0;
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => now, cores: 2 });
    procs.update(ROOT, { utime: 100, cutime: 20 });
    expect(probe.read().cpuSeconds).toBeCloseTo(1.2);
    now = 0.5;
    procs.remove(ROOT);
    procs.selfChildrenTicks = 170; // the root ended with 150 own + 20 reaped
    expect(probe.read().cpuSeconds).toBeCloseTo(1.7);
  });

  it("falls back to the root's last-seen time when our cutime grew implausibly (another child of ours)", () => {
    const procs = table();
    let now = 0;
    const probe = new LinuxTreeProbe(procs, ROOT, { now: () => now, cores: 2 });
    procs.update(ROOT, { utime: 100 });
    probe.read();
    now = 0.5;
    procs.remove(ROOT);
    procs.selfChildrenTicks = 100 + 5000; // more than 2 cores could do in 0.5 s
    expect(probe.read().cpuSeconds).toBeCloseTo(1);
  });

  it('with unknown reaped time (portable), every departing member adds its own time', () => {
    const account = new TreeCpuAccount(ROOT, { reapedKnown: false });
    expect(
      account.update([
        { pid: ROOT, starttime: 1, ppid: US, ownTicks: 10, reapedTicks: 99 },
        { pid: 300, starttime: 1, ppid: ROOT, ownTicks: 5, reapedTicks: 0 },
      ]),
    ).toBe(15);
    expect(account.update([{ pid: ROOT, starttime: 1, ppid: US, ownTicks: 12, reapedTicks: 99 }])).toBe(17);
  });

  it('a member and its child vanishing together: the child counts through its parent only', () => {
    const account = new TreeCpuAccount(ROOT);
    account.update([
      { pid: ROOT, starttime: 1, ppid: US, ownTicks: 10, reapedTicks: 0 },
      { pid: 400, starttime: 1, ppid: ROOT, ownTicks: 10, reapedTicks: 0 },
      { pid: 401, starttime: 1, ppid: 400, ownTicks: 30, reapedTicks: 0 },
    ]);
    // 401 exits, 400 reaps it (cutime 30) and exits; the root reaps 400 (cutime 10 + 30 + more).
    expect(account.update([{ pid: ROOT, starttime: 1, ppid: US, ownTicks: 10, reapedTicks: 45 }])).toBe(55);
  });
});
