import { describe, expect, it } from 'vitest';
import type { MemoryRollup } from '../../src/measure/proc-parse.js';
import { TreePssEstimator, type MemberMemory } from '../../src/measure/pss-estimator.js';

const MiB = 1024;

/** A tree whose true PSS the test sets; every smaps_rollup read "costs" `readCostMs` on the fake clock. */
class FakeTree {
  clockMs = 0;
  readCostMs = 1;
  reads: number[] = [];
  readonly rollups = new Map<number, MemoryRollup>();
  readonly members = new Map<number, MemberMemory>();
  readonly anon = new Map<number, number>();
  unsafeBudgetPct = 5;
  /** Shared RSS a member shows right after a snapshot (the test's way to stage mapping during the read). */
  readonly sharedAfterRead = new Map<number, number>();
  /** Members that exit while a snapshot is being read (the test's way to stage the race). */
  readonly exitingDuringRead = new Set<number>();

  /** `parent`: the in-tree parent's pid, or null when the parent is outside the tree. `anon` defaults to all of the RSS. */
  set(pid: number, m: { rss: number; pss: number; priv: number; parent: number | null; image?: string; anon?: number; minflt?: number }): void {
    const anon = m.anon ?? m.rss;
    this.rollups.set(pid, { rssKb: m.rss * MiB, pssKb: m.pss * MiB, privateKb: m.priv * MiB, anonKb: anon * MiB });
    this.anon.set(pid, anon * MiB);
    this.members.set(pid, {
      pid,
      starttime: pid,
      image: m.image ?? 'python3@4096',
      parentPid: m.parent,
      rssKb: m.rss * MiB,
      anonKb: anon * MiB,
      sharedKb: (m.rss - anon) * MiB,
      minflt: m.minflt ?? 0,
    });
  }

  remove(pid: number): void {
    this.anon.delete(pid);
    this.rollups.delete(pid);
    this.members.delete(pid);
  }

  truePssMb(): number {
    return [...this.rollups.values()].reduce((sum, r) => sum + r.pssKb, 0) / MiB;
  }

  estimator(budgetPctOfCore: number): TreePssEstimator {
    return new TreePssEstimator(
      (pid) => {
        this.reads.push(pid);
        this.clockMs += this.readCostMs;
        return this.rollups.get(pid);
      },
      {
        budgetPctOfCore,
        unsafeBudgetPctOfCore: this.unsafeBudgetPct,
        pageSizeKb: 4,
        cpuMs: () => this.clockMs,
        recheck: (pid) => ({ intact: !this.exitingDuringRead.has(pid) && this.members.has(pid), sharedKb: this.sharedAfterRead.get(pid) ?? this.members.get(pid)?.sharedKb }),
      },
    );
  }

  list(): MemberMemory[] {
    return [...this.members.values()];
  }
}

describe('TreePssEstimator', () => {
  it('reads every member at every tick when the budget is 100 % or more (exact mode)', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 30, pss: 20, priv: 15, parent: null });
    tree.set(2, { rss: 30, pss: 10, priv: 5, parent: 1 });
    const pss = tree.estimator(100);
    expect(pss.update(tree.list(), 0).memoryKb / MiB).toBe(30);
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(30);
    expect(tree.reads).toEqual([1, 2, 1, 2]);
  });

  it('follows forked workers (growth, exit) exactly without reading them', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 210, pss: 210, priv: 210, parent: null }); // a parent holding 210 MiB
    const pss = tree.estimator(0.001); // too small a budget for any later snapshot
    expect(pss.update(tree.list(), 0).memoryKb / MiB).toBe(210);

    // Three forked copies; each has touched 50 MiB of its own; the 210 MiB are shared four ways.
    tree.set(1, { rss: 210, pss: 210 / 4, priv: 0, parent: null });
    for (const pid of [2, 3, 4]) tree.set(pid, { rss: 260, pss: 210 / 4 + 50, priv: 50, parent: 1 });
    tree.reads = [];
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(tree.truePssMb()); // 360
    expect(tree.reads).toEqual([]);

    // One worker allocates 20 MiB more.
    tree.set(2, { rss: 280, pss: 210 / 4 + 70, priv: 70, parent: 1 });
    expect(pss.update(tree.list(), 1).memoryKb / MiB).toBe(tree.truePssMb()); // 380

    // It exits: its 70 MiB go; the shared 210 MiB are now split three ways (same total).
    tree.remove(2);
    tree.set(1, { rss: 210, pss: 70, priv: 0, parent: null });
    for (const pid of [3, 4]) tree.set(pid, { rss: 260, pss: 70 + 50, priv: 50, parent: 1 });
    expect(pss.update(tree.list(), 1.5).memoryKb / MiB).toBeCloseTo(tree.truePssMb(), 6); // 310
    expect(tree.reads).toEqual([]);
  });

  it('reads a fork whose parent changed since the last update (fork before or after the change?)', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 100, pss: 100, priv: 100, parent: null });
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0);
    // After forking (at 100 MiB) the parent allocated 40 MiB; the child touched 10 MiB.
    tree.set(1, { rss: 140, pss: 50 + 40, priv: 40, parent: null });
    tree.set(2, { rss: 110, pss: 50 + 10, priv: 10, parent: 1 });
    tree.reads = [];
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(tree.truePssMb()); // 150
    expect(tree.reads).toEqual([2]);
  });

  it("does not count a fork's libraries (file pages shared with its parent) as its own", () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 210, anon: 200, pss: 210, priv: 200, parent: null }); // 10 MiB of python + libraries
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0);
    // The child has faulted in 3 MiB of the parent's file pages and touched 50 MiB of its own.
    tree.set(1, { rss: 210, anon: 200, pss: 100 + 8.5, priv: 0, parent: null });
    tree.set(2, { rss: 253, anon: 250, pss: 100 + 50 + 1.5, priv: 50, parent: 1 });
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(tree.truePssMb()); // 260
  });

  it('counts forks in full when their parent is first read after they forked (e.g. a shim that exec’d python)', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 4, pss: 2, priv: 2, parent: null, image: 'bash@1' });
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0);
    // By the next update the root exec'd python, touched 200 MiB and forked 3 workers (50 MiB each).
    tree.set(1, { rss: 205, pss: 205 / 4, priv: 0, parent: null, image: 'python3@2' });
    for (const pid of [2, 3, 4]) tree.set(pid, { rss: 255, pss: 205 / 4 + 50, priv: 50, parent: 1, image: 'python3@2' });
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBeCloseTo(tree.truePssMb(), 6); // 355
  });

  it('reads an exec’d child (another program) and adds its private pages', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 100, pss: 100, priv: 100, parent: null });
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0);
    tree.set(2, { rss: 30, pss: 25, priv: 20, parent: 1, image: 'ffmpeg@8192' });
    tree.reads = [];
    // Its 5 MiB share of libraries it maps with the rest of the system is left out until a snapshot.
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(120);
    expect(tree.reads).toEqual([2]);
  });

  it('re-reads a process that exec’d another program (new address space, same pid)', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 5, pss: 3, priv: 2, parent: null, image: 'python3@1000' }); // a pyenv shim (bash)
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0);
    tree.set(1, { rss: 40, pss: 30, priv: 25, parent: null, image: 'python3@2000' });
    tree.reads = [];
    // bash's 2 MiB of private pages leave; its 1 MiB share of libraries stays until the next snapshot.
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(30 + 1);
    expect(tree.reads).toEqual([1]);
  });

  it('catches what RSS cannot show (copy-on-write breaks) at the next snapshot, which the budget paces', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 100, pss: 50, priv: 0, parent: null });
    tree.set(2, { rss: 100, pss: 50, priv: 0, parent: 1 });
    tree.readCostMs = 1; // a snapshot costs 2 ms
    const pss = tree.estimator(0.2); // 2 ms of reads per second: one snapshot a second
    pss.update(tree.list(), 0);
    pss.update(tree.list(), 0.25); // the starting credit is spent
    // The child writes to 40 MiB it shares: PSS +40, RSS unchanged.
    tree.set(1, { rss: 100, pss: 30, priv: 40, parent: null });
    tree.set(2, { rss: 100, pss: 110, priv: 40, parent: 1 });
    const seen: number[] = [];
    for (let t = 0.5; t <= 2.5; t += 0.25) seen.push(pss.update(tree.list(), t).memoryKb / MiB);
    expect(seen[0]).toBe(100); // stale until the budget allows a snapshot
    expect(seen.at(-1)).toBe(140);
    expect(seen.indexOf(140)).toBeLessThanOrEqual(4); // within about a second
  });

  it('throws away a snapshot during which a member exited (the survivors read after it count shared pages again)', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 210, pss: 110, priv: 10, parent: null });
    tree.set(2, { rss: 250, pss: 150, priv: 50, parent: 1 });
    const pss = tree.estimator(100); // a snapshot at every update
    expect(pss.update(tree.list(), 0).memoryKb / MiB).toBe(260);
    // While we read, the child exits: the parent, read after, already holds the 200 shared MiB alone.
    tree.set(1, { rss: 210, pss: 210, priv: 210, parent: null });
    tree.exitingDuringRead.add(2);
    const reading = pss.update(tree.list(), 0.5);
    expect(reading.memoryKb / MiB).toBe(260); // not 360: the estimate carries on
    expect(pss.discarded).toBe(1);
  });

  it('takes a snapshot out of turn when minor faults without RSS growth point to copy-on-write breaks', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 100, pss: 50, priv: 0, parent: null, minflt: 1000 });
    tree.set(2, { rss: 100, pss: 50, priv: 0, parent: 1, minflt: 10 });
    const pss = tree.estimator(0.001); // no budget for periodic snapshots
    pss.update(tree.list(), 0);
    // The child writes to 40 MiB it inherited: 10 240 minor faults (4 KiB pages), RSS unchanged.
    tree.set(1, { rss: 100, pss: 30, priv: 40, parent: null, minflt: 1000 });
    tree.set(2, { rss: 100, pss: 110, priv: 40, parent: 1, minflt: 10 + 10_240 });
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(140);
    expect(pss.unsafeSnapshots).toBe(1);
    // Faults that RSS growth explains (new memory) do not count.
    tree.set(2, { rss: 150, pss: 160, priv: 90, parent: 1, minflt: 10 + 10_240 + 12_800 });
    expect(pss.update(tree.list(), 1).memoryKb / MiB).toBe(190);
    expect(pss.unsafeSnapshots).toBe(1);
  });

  it('keeps the long-run cost of reads within the budget', () => {
    const tree = new FakeTree();
    for (let pid = 1; pid <= 4; pid++) tree.set(pid, { rss: 300, pss: 200, priv: 150, parent: pid === 1 ? null : 1 });
    tree.readCostMs = 1.5;
    const pss = tree.estimator(0.2);
    for (let t = 0; t <= 100; t += 0.5) pss.update(tree.list(), t);
    const spentMs = tree.reads.length * tree.readCostMs;
    expect(spentMs).toBeLessThanOrEqual(100 * 2 + 2 * 2 + 4 * 1.5); // 2 ms/s, the starting credit, one snapshot of debt
    expect(pss.snapshots).toBeGreaterThan(20); // and still refreshes regularly (every ~3 s)
  });

  it('counts a new program at its RSS (an upper bound) while first readings are over their allowance', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 10, pss: 10, priv: 10, parent: null });
    tree.readCostMs = 30;
    tree.unsafeBudgetPct = 0.001; // and the second budget spent too
    const pss = tree.estimator(0.2);
    pss.update(tree.list(), 0);
    for (const pid of [2, 3, 4]) tree.set(pid, { rss: 100, pss: 60, priv: 20, parent: 1, image: `tool${pid}@1` });
    const reading = pss.update(tree.list(), 0.5);
    // The first snapshot (30 ms) already put the reads 26 ms over: the exec'd tools wait.
    expect(reading.pending).toBe(3);
    expect(reading.memoryKb / MiB).toBe(10 + 300);
  });

  it('does not count a shared mapping once per worker that reads it (4 workers, one 512 MiB mapping)', () => {
    const tree = new FakeTree();
    tree.unsafeBudgetPct = 0.001; // no re-reads: what the carried-forward estimate alone says
    // The parent holds 10 MiB of its own and has filled a 512 MiB MAP_SHARED mapping (shmem: shared RSS).
    tree.set(1, { rss: 522, anon: 10, pss: 522, priv: 10, parent: null });
    const pss = tree.estimator(0.001);
    expect(pss.update(tree.list(), 0).memoryKb / MiB).toBe(522);
    // Four forked workers read the whole mapping: each one's RSS grows by 512 MiB, the memory does not.
    tree.set(1, { rss: 522, anon: 10, pss: 10 / 5 + 512 / 5, priv: 0, parent: null });
    for (const pid of [2, 3, 4, 5]) tree.set(pid, { rss: 522, anon: 10, pss: 10 / 5 + 512 / 5, priv: 0, parent: 1 });
    const reading = pss.update(tree.list(), 0.5);
    expect(reading.memoryKb / MiB).toBeCloseTo(tree.truePssMb(), 6); // 522, where an RSS sum says 2,610
    expect(tree.reads).toEqual([1]);
  });

  it('re-reads out of turn from the second budget when shared RSS moves, and says how much was unplaced before', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 10, anon: 10, pss: 10, priv: 10, parent: null });
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0);
    tree.set(2, { rss: 10, anon: 10, pss: 5, priv: 0, parent: 1 });
    tree.set(1, { rss: 10, anon: 10, pss: 5, priv: 0, parent: null });
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBe(10);
    // The worker maps 300 MiB of a model file nobody else maps: shared RSS, new to the tree.
    tree.set(2, { rss: 310, anon: 10, pss: 305, priv: 300, parent: 1 });
    const reading = pss.update(tree.list(), 1);
    expect(reading.snapshotAgeS).toBe(0);
    expect(reading.memoryKb / MiB).toBe(310);
    expect(pss.unsafeSnapshots).toBe(1);

    // Once the second budget is spent, the estimate stays a lower bound and says what it could not place.
    const blind = new FakeTree();
    blind.unsafeBudgetPct = 0.001;
    blind.set(1, { rss: 10, anon: 10, pss: 10, priv: 10, parent: null });
    const estimate = blind.estimator(0.001);
    estimate.update(blind.list(), 0);
    blind.set(1, { rss: 110, anon: 10, pss: 110, priv: 110, parent: null });
    expect(estimate.update(blind.list(), 0.5).memoryKb / MiB).toBe(110); // the one re-read it could afford
    blind.set(1, { rss: 410, anon: 10, pss: 410, priv: 410, parent: null });
    const stale = estimate.update(blind.list(), 1);
    expect(stale.memoryKb / MiB).toBe(110);
    expect(stale.unverifiedKb / MiB).toBe(300);
  });

  it('catches 20 copy-on-write workers at once within one re-read (each breaks 25 MiB and adds 25 MiB)', () => {
    const tree = new FakeTree();
    tree.readCostMs = 0.5;
    // A 60 MiB parent (25 MiB of it the objects the workers will touch).
    tree.set(1, { rss: 60, pss: 60, priv: 60, parent: null, minflt: 100 });
    const pss = tree.estimator(0.05);
    pss.update(tree.list(), 0);
    for (let pid = 2; pid <= 21; pid++) tree.set(pid, { rss: 60, pss: 60 / 21, priv: 0, parent: 1, minflt: 0 });
    tree.set(1, { rss: 60, pss: 60 / 21, priv: 0, parent: null, minflt: 100 });
    expect(pss.update(tree.list(), 0.5).memoryKb / MiB).toBeCloseTo(60, 6);
    // Each worker: 25 MiB of new pages (RSS +25) and 25 MiB of inherited pages written (no RSS change).
    const faults = (25 + 25) * 256;
    tree.set(1, { rss: 60, pss: 35 + 25 / 21, priv: 35, parent: null, minflt: 100 });
    for (let pid = 2; pid <= 21; pid++) tree.set(pid, { rss: 85, pss: 25 / 21 + 50, priv: 50, parent: 1, minflt: faults });
    const reading = pss.update(tree.list(), 1);
    expect(reading.memoryKb / MiB).toBeCloseTo(tree.truePssMb(), 6); // 60 + 20 × 50 = 1,060
    expect(pss.unsafeSnapshots).toBe(1);
  });

  it('throws away a snapshot during which members started mapping shared pages (their shares moved under the read)', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 522, anon: 10, pss: 522, priv: 10, parent: null });
    const pss = tree.estimator(100); // a snapshot at every update: the forced mode
    pss.update(tree.list(), 0);
    // Two workers are mapping the 512 MiB while we read: the first read counts it at half, the later at a third.
    tree.set(2, { rss: 100, anon: 10, pss: 90 / 2 + 5, priv: 0, parent: 1 });
    tree.set(3, { rss: 300, anon: 10, pss: 290 / 3 + 5, priv: 0, parent: 1 });
    tree.sharedAfterRead.set(2, 400 * MiB);
    tree.sharedAfterRead.set(3, 512 * MiB);
    const reading = pss.update(tree.list(), 0.5);
    expect(pss.discarded).toBe(1);
    expect(reading.memoryKb / MiB).toBe(522); // carried forward: the shared pages were counted already
  });

  it("does not re-read a churn of forked children mapping their parent's libraries (already counted)", () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 12, anon: 6, pss: 12, priv: 6, parent: null });
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0);
    tree.reads = [];
    for (let pid = 2; pid <= 101; pid++) tree.set(pid, { rss: 6.5, anon: 6.2, pss: 0.3, priv: 0.2, parent: 1 });
    pss.update(tree.list(), 0.5);
    // Each child has since faulted in 0.3 MiB of the parent's 6 MiB of libraries: 30 MiB in all, nothing new.
    for (let pid = 2; pid <= 101; pid++) tree.set(pid, { rss: 6.8, anon: 6.2, pss: 0.3, priv: 0.2, parent: 1 });
    const reading = pss.update(tree.list(), 1);
    expect(pss.unsafeSnapshots).toBe(0);
    expect(tree.reads).toEqual([]);
    expect(reading.unverifiedKb).toBe(0);
  });

  it('keeps a snapshot during which a few of 100 churning workers exited (each double count is a hundredth of one)', () => {
    const tree = new FakeTree();
    tree.set(1, { rss: 12, anon: 6, pss: 12, priv: 6, parent: null });
    for (let pid = 2; pid <= 101; pid++) tree.set(pid, { rss: 6, anon: 6, pss: 1, priv: 1, parent: 1 });
    const pss = tree.estimator(100);
    pss.update(tree.list(), 0);
    for (const pid of [5, 6, 7]) tree.exitingDuringRead.add(pid);
    pss.update(tree.list(), 0.5);
    expect(pss.discarded).toBe(0);
    // A parent and its one worker: the worker exiting mid-read can double its shared pages.
    const pair = new FakeTree();
    pair.set(1, { rss: 210, pss: 110, priv: 10, parent: null });
    pair.set(2, { rss: 210, pss: 110, priv: 10, parent: 1 });
    const exact = pair.estimator(100);
    exact.update(pair.list(), 0);
    pair.exitingDuringRead.add(2);
    exact.update(pair.list(), 0.5);
    expect(exact.discarded).toBe(1);
  });

  it('estimates a fork it cannot afford to read as a fork (not at its RSS), unsure by what its parent moved', () => {
    const tree = new FakeTree();
    tree.readCostMs = 30;
    tree.unsafeBudgetPct = 0.001;
    tree.set(1, { rss: 522, anon: 10, pss: 522, priv: 10, parent: null });
    const pss = tree.estimator(0.001);
    pss.update(tree.list(), 0); // 30 ms: both budgets spent
    // The parent mapped 10 MiB more while four workers forked and started reading the mapping.
    tree.set(1, { rss: 532, anon: 10, pss: 532 / 5, priv: 0, parent: null });
    for (const pid of [2, 3, 4, 5]) tree.set(pid, { rss: 400, anon: 10, pss: 80, priv: 0, parent: 1 });
    tree.reads = [];
    const reading = pss.update(tree.list(), 0.5);
    expect(tree.reads).toEqual([]);
    expect(reading.pending).toBe(0);
    expect(reading.memoryKb / MiB).toBe(522); // not 522 + 4 × 400
    expect(reading.unverifiedKb / MiB).toBe(10 + 4 * 10); // the parent's new pages; each fork, unsure by as much
  });
});
