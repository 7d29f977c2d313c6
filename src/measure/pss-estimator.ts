/**
 * The tree's PSS without paying for smaps_rollup on every member at every tick (used when no cgroup
 * accounts the tree's memory).
 *
 * Why: reading smaps_rollup makes the kernel walk the process's page tables, ~1.5–3 ms per 250 MiB
 * mapped (ML workers map GBs), so reading every member at every tick would cost far more than the
 * rest of the sampler. Instead, a full reading of every member (a "snapshot") is taken as often as a
 * CPU budget allows, and in between the tree's PSS is carried forward where that is exact and cheap:
 *   estimate = base + Σ_alive (anon_now − anon_at_anchor)     (anonymous RSS from statm, ~free)
 * - a snapshot sets base = Σ pss and anchors every member at its anonymous and shared RSS;
 * - new anonymous pages are new memory of the tree: counted as they appear;
 * - shared pages (files, shmem, MAP_SHARED) that a member starts mapping are NOT counted as new: they
 *   may be mapped by another member already (4 workers reading one 512 MiB mapping hold 512 MiB, not
 *   2 GiB). Whether they are new is known only from a reading, so a change of shared RSS marks the
 *   estimate unsafe;
 * - a copy-on-write break (a forked worker writing an inherited page: Python's refcounts do it) adds a
 *   page with no RSS change; each is a minor fault that RSS growth does not explain, which marks the
 *   estimate unsafe too (so does memory freed and faulted in again: unsafe, not wrong);
 * - a forked copy of a member (same program image as its parent) starts with the parent's pages, so
 *   it adds its anonymous RSS beyond its parent's (two statm reads, no rollup); other new members
 *   (exec'd programs, or whose parent is outside the tree) are read at once;
 * - a member that leaves removes its private pages (pages it shared stay counted, through the others).
 * When the unsafe amount passes 16 MiB or 2 % of the tree, a snapshot is taken out of turn from a
 * second, larger budget (`unsafeBudgetPctOfCore`, 5 % of a core): accuracy where the estimate is
 * known to be blind, cheapness where it is exact. Each reading says how much is unverified (`unverifiedKb`) and how old
 * the last snapshot is: the expected error of that sample.
 */
import type { MemoryRollup } from './proc-parse.js';

export interface MemberMemory {
  pid: number;
  starttime: number;
  /** Changes when the process exec()s another program (a new address space): comm + text segment start. */
  image: string;
  /** Minor page faults so far (stat). */
  minflt: number;
  /** The parent's pid when the parent is a member; null when it is outside the tree (the root, an adoptee). */
  parentPid: number | null;
  rssKb: number;
  /** Resident anonymous pages (statm resident − shared). */
  anonKb: number;
  /** Resident file and shmem pages (statm shared). */
  sharedKb: number;
}

export interface PssEstimatorOptions {
  pageSizeKb: number;
  /** Checked after a snapshot: whether a member is still there and whole (not exiting), and its shared RSS now. */
  recheck: (pid: number) => { intact: boolean; sharedKb?: number };
  /** Long-run share of one core spent reading smaps_rollup, in percent; >= 100 reads every member every tick. */
  budgetPctOfCore: number;
  /** The second budget, for snapshots the estimate needs (copy-on-write, shared pages); default 5 % of a core. */
  unsafeBudgetPctOfCore?: number;
  /** CPU milliseconds of this process, to charge each read what it cost us (not wall time: a busy host stretches that). */
  cpuMs: () => number;
}

export interface PssReading {
  memoryKb: number;
  /** Seconds since the last full snapshot (0 when this reading is one). */
  snapshotAgeS: number;
  /** Members whose first reading is still owed (counted at their RSS meanwhile). */
  pending: number;
  /** Memory changes the estimate cannot place (copy-on-write, shared pages, pending members): its error bound. */
  unverifiedKb: number;
}

interface Anchor {
  starttime: number;
  image: string;
  anonKb: number;
  sharedKb: number;
  rssKb: number;
  /** Pages only this member maps, as last read (0 for a fresh fork). */
  privateKb: number;
  /** RSS at the previous update (a child forked since then was a copy of this). */
  lastRssKb: number;
  /** When this anchor's reading was taken: a parent read at this very update was read after its children forked. */
  anchoredAt: number;
  /** Minor faults at the anchor, to notice copy-on-write breaks since. */
  minflt: number;
  /** What an unread first estimate may be off by (a fork whose parent's RSS moved meanwhile). */
  uncertainKb?: number;
}

type Bucket = 'regular' | 'unsafe';

export class TreePssEstimator {
  private base = 0;
  private readonly anchors = new Map<number, Anchor>();
  private readonly tokensMs: Record<Bucket, number>;
  private lastT: number | undefined;
  private lastSnapshotT: number | undefined;
  private lastEstimateKb = 0;
  /**
   * What a rollup costs: a fixed part per process (opening, the VMA list) and a part per KiB of RSS
   * (the kernel walks the page tables), learnt from the reads — a hundred small workers cost more
   * than their RSS suggests.
   */
  private msPerKb = 3 / (256 * 1024);
  private msPerRead = 0.1;
  /** Full snapshots and single reads taken, and the time they took, for the record. */
  snapshots = 0;
  /** Snapshots taken out of turn because the estimate was unsafe (copy-on-write, shared pages). */
  unsafeSnapshots = 0;
  discarded = 0;
  reads = 0;
  readMs = 0;
  private readonly exact: boolean;
  private readonly budgetMsPerS: Record<Bucket, number>;

  constructor(
    private readonly readMemory: (pid: number) => MemoryRollup | undefined,
    private readonly options: PssEstimatorOptions,
  ) {
    this.exact = options.budgetPctOfCore >= 100;
    this.budgetMsPerS = { regular: options.budgetPctOfCore * 10, unsafe: (options.unsafeBudgetPctOfCore ?? 5) * 10 };
    // Start with a full bucket.
    this.tokensMs = { regular: 2 * this.budgetMsPerS.regular, unsafe: 2 * this.budgetMsPerS.unsafe };
  }

  private timedRead(pid: number, bucket: Bucket): MemoryRollup | undefined {
    const start = this.options.cpuMs();
    const rollup = this.readMemory(pid);
    const cost = this.options.cpuMs() - start;
    this.tokensMs[bucket] -= cost;
    this.reads++;
    this.readMs += cost;
    if (rollup && rollup.rssKb >= 64 * 1024) this.msPerKb = 0.7 * this.msPerKb + 0.3 * (Math.max(0, cost - this.msPerRead) / rollup.rssKb);
    else if (rollup && rollup.rssKb < 16 * 1024) this.msPerRead = 0.7 * this.msPerRead + 0.3 * cost;
    return rollup;
  }

  /** The expected cost of reading every member now: proportional to their RSS. */
  private snapshotCostMs(members: readonly MemberMemory[]): number {
    let rssKb = 0;
    for (const m of members) rssKb += m.rssKb;
    return members.length * this.msPerRead + rssKb * this.msPerKb;
  }

  private anchorOf(m: MemberMemory, t: number, rollup: MemoryRollup | undefined, privateKb: number): Anchor {
    // Anchor at the rollup's own figures, taken at the same instant as its PSS: a process touching
    // pages between our statm read and this read would otherwise be counted twice.
    const anonKb = rollup?.anonKb ?? m.anonKb;
    const rssKb = rollup?.rssKb ?? m.rssKb;
    return { starttime: m.starttime, image: m.image, anonKb, sharedKb: Math.max(0, rssKb - anonKb), rssKb, privateKb, lastRssKb: m.rssKb, anchoredAt: t, minflt: m.minflt };
  }

  /**
   * Reads every member: exact, if the tree held still while we read. A member that exits mid-read
   * hands its share of shared pages to the members read after it, which then count them again (a
   * 40 % overshoot was seen); likewise members that start or stop mapping shared pages while we read
   * change everyone's share of them between two readings (+26 % seen with 4 workers mapping 512 MiB).
   * So the snapshot is kept only if every member is still intact after it and the shared RSS held
   * still. Members that cannot be read (gone, not ours) count at their RSS.
   */
  private snapshot(members: readonly MemberMemory[], t: number, bucket: Bucket): boolean {
    let base = 0;
    const anchors = new Map<number, Anchor>();
    for (const m of members) {
      const rollup = this.timedRead(m.pid, bucket);
      base += rollup ? rollup.pssKb : m.rssKb;
      anchors.set(m.pid, this.anchorOf(m, t, rollup, rollup ? rollup.privateKb : m.rssKb));
    }
    // (The first snapshot is kept whatever happens: there is nothing to fall back on.)
    if (this.lastSnapshotT !== undefined && members.length > 1 && this.torn(members, base)) {
      this.discarded++;
      return false;
    }
    this.base = base;
    this.anchors.clear();
    for (const [pid, anchor] of anchors) this.anchors.set(pid, anchor);
    this.lastSnapshotT = t;
    this.snapshots++;
    return true;
  }

  /**
   * Whether a snapshot must be thrown away: members exited, or mapped or unmapped shared pages, while
   * we read — the members read before and after saw different numbers of mappers, so shared pages
   * may have been counted twice (or not at all). The error is at most the pages that moved divided
   * among the rest of the member's fork family (100 churning workers of one parent: a hundredth of a
   * worker each; a parent and one worker: all of it), so small moves do not cost the whole reading.
   */
  private torn(members: readonly MemberMemory[], baseKb: number): boolean {
    const family = new Map<string, number>();
    for (const m of members) family.set(m.image, (family.get(m.image) ?? 0) + 1);
    let errorKb = 0;
    for (const m of members) {
      const now = this.options.recheck(m.pid);
      const movedKb = !now.intact ? m.rssKb : now.sharedKb !== undefined ? Math.abs(now.sharedKb - m.sharedKb) : 0;
      errorKb += movedKb / Math.max(1, (family.get(m.image) ?? 1) - 1);
    }
    return errorKb > Math.max(2048, 0.01 * baseKb);
  }

  update(members: readonly MemberMemory[], t: number): PssReading {
    // Credit accrues with time; capped so an idle stretch does not buy a burst of reads, but always
    // enough for one snapshot so that a tree too big for the budget is still re-read now and then.
    // A snapshot is taken when the credit covers what it is expected to cost (not what the last one
    // cost: a tree that grew since would overspend).
    const expectedCost = this.snapshotCostMs(members);
    if (this.lastT !== undefined) {
      for (const bucket of ['regular', 'unsafe'] as const) {
        const cap = Math.max(2 * this.budgetMsPerS[bucket], expectedCost);
        this.tokensMs[bucket] = Math.min(cap, this.tokensMs[bucket] + (t - this.lastT) * this.budgetMsPerS[bucket]);
      }
    }
    this.lastT = t;

    const due = this.exact || this.lastSnapshotT === undefined || this.tokensMs.regular >= expectedCost;
    // Out of turn as soon as the second budget is not in debt (it may then run one snapshot into debt):
    // where the estimate is blind, a late reading is a wrong peak.
    const unsafe = !due && this.tokensMs.unsafe >= 0 && this.unsafeKb(members) > this.unsafeThresholdKb();
    if ((due || unsafe) && this.snapshot(members, t, due ? 'regular' : 'unsafe')) {
      if (!due) this.unsafeSnapshots++;
      this.lastEstimateKb = this.base;
      return { memoryKb: this.base, snapshotAgeS: 0, pending: 0, unverifiedKb: 0 };
    }

    const alive = new Map(members.map((m) => [m.pid, m]));
    for (const [pid, anchor] of this.anchors) {
      const now = alive.get(pid);
      if (now && now.starttime === anchor.starttime && now.image === anchor.image) continue;
      // Left (or exec'd into a new address space): its private pages leave the total. (Its share of
      // pages also mapped outside the tree, e.g. libraries, stays until the next snapshot: small.)
      this.base -= anchor.privateKb;
      this.anchors.delete(pid);
    }
    let memoryKb = 0;
    let pending = 0;
    let pendingKb = 0;
    for (const m of members) {
      let anchor = this.anchors.get(m.pid);
      if (!anchor) {
        anchor = this.anchorNew(m, alive, t);
        if (anchor) this.anchors.set(m.pid, anchor);
      }
      if (anchor) memoryKb += m.anonKb - anchor.anonKb;
      else {
        memoryKb += m.rssKb; // not read yet: its RSS is an upper bound
        pending++;
        pendingKb += m.rssKb;
      }
    }
    // Only now: a child forked this tick was compared with its parent's RSS of the previous one.
    for (const m of members) {
      const anchor = this.anchors.get(m.pid);
      if (anchor) anchor.lastRssKb = m.rssKb;
    }
    this.lastEstimateKb = Math.max(0, this.base + memoryKb);
    return { memoryKb: this.lastEstimateKb, snapshotAgeS: t - (this.lastSnapshotT ?? t), pending, unverifiedKb: this.unsafeKb(members) + pendingKb };
  }

  private unsafeThresholdKb(): number {
    return Math.max(16 * 1024, 0.02 * this.lastEstimateKb);
  }

  /**
   * What the carried-forward estimate cannot place, summed over the members since their anchors:
   * minor faults that RSS growth does not explain (copy-on-write breaks, mostly) and changes of
   * shared RSS (pages that may or may not be mapped by another member already).
   */
  private unsafeKb(members: readonly MemberMemory[]): number {
    let kb = 0;
    const byPid = new Map(members.map((m) => [m.pid, m]));
    for (const m of members) {
      const anchor = this.anchors.get(m.pid);
      if (!anchor || anchor.starttime !== m.starttime || anchor.image !== m.image) continue;
      kb += Math.max(0, (m.minflt - anchor.minflt) * this.options.pageSizeKb - Math.max(0, m.rssKb - anchor.rssKb));
      // A forked worker mapping pages its parent maps too adds nothing (the parent's reading counted
      // them): only shared RSS beyond its parent's is unplaced. (A heuristic: the same amount need
      // not be the same pages; the next regular snapshot settles it.)
      const parent = m.parentPid !== null ? byPid.get(m.parentPid) : undefined;
      const inherited = parent && parent.image === m.image ? parent.sharedKb : 0;
      kb += m.sharedKb >= anchor.sharedKb ? Math.max(0, m.sharedKb - Math.max(anchor.sharedKb, inherited)) : anchor.sharedKb - m.sharedKb;
      kb += anchor.uncertainKb ?? 0;
    }
    return kb;
  }

  /**
   * First sight of a member. What it adds depends on whether its parent's pages are already counted
   * in full: they are when the parent is a member anchored before this update (its reading predates
   * the fork); then the child adds only its own pages. Otherwise (no parent in the tree, or a parent
   * first read at this update, after the fork had already split the shared pages) it adds its PSS.
   */
  private anchorNew(m: MemberMemory, alive: ReadonlyMap<number, MemberMemory>, t: number): Anchor | undefined {
    const parent = m.parentPid !== null ? alive.get(m.parentPid) : undefined;
    const parentAnchor = m.parentPid !== null ? this.anchors.get(m.parentPid) : undefined;
    const parentCounted = parent !== undefined && parentAnchor !== undefined && parentAnchor.anchoredAt < t;
    // A forked copy of a parent whose RSS did not move since the last update: it inherited exactly
    // the parent's anonymous memory, so anything beyond that is its own. (If the parent's RSS moved,
    // we cannot tell whether that happened before or after the fork: read the child instead.)
    const forkCopy = parentCounted && parent.image === m.image;
    const parentMovedKb = forkCopy ? Math.abs(parent.rssKb - parentAnchor.lastRssKb) : 0;
    const asFork = (uncertainKb: number): Anchor => {
      const added = Math.min(m.anonKb, Math.max(0, m.anonKb - (parent?.anonKb ?? 0)));
      return {
        starttime: m.starttime,
        image: m.image,
        anonKb: m.anonKb - added,
        sharedKb: m.sharedKb,
        rssKb: m.rssKb,
        privateKb: 0,
        lastRssKb: m.rssKb,
        anchoredAt: t,
        minflt: m.minflt,
        ...(uncertainKb > 0 ? { uncertainKb } : {}),
      };
    };
    if (forkCopy && parentMovedKb <= 1024) return asFork(0);
    // First readings keep the total honest: they may run into debt, and draw on the second budget after that.
    const bucket: Bucket | undefined = this.tokensMs.regular > -this.maxDebtMs() ? 'regular' : this.tokensMs.unsafe >= this.msPerRead + m.rssKb * this.msPerKb ? 'unsafe' : undefined;
    // Unaffordable: a fork is still best estimated as one (its RSS would count every inherited page
    // again), by as much as its parent's RSS moved unsure; anything else waits, counted at its RSS.
    if (bucket === undefined) return forkCopy ? asFork(parentMovedKb) : undefined;
    const rollup = this.timedRead(m.pid, bucket);
    if (!rollup) return undefined;
    this.base += parentCounted ? rollup.privateKb : rollup.pssKb;
    return this.anchorOf(m, t, rollup, rollup.privateKb);
  }

  /** How far first readings of new members may run ahead of the budget (they keep the total honest). */
  private maxDebtMs(): number {
    return Math.max(10, 5 * this.budgetMsPerS.regular);
  }
}
