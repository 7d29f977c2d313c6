/**
 * The tree's PSS without paying for smaps_rollup on every member at every tick.
 *
 * Why: reading smaps_rollup makes the kernel walk the process's page tables, ~1.5–3 ms per 250 MiB
 * mapped (ML workers map GBs), so reading every member at every tick would cost far more than the
 * rest of the sampler. Instead, a full reading of every member (a "snapshot") is taken as often as a
 * CPU budget allows, and in between the tree's PSS is carried forward where that is exact and cheap:
 *   estimate = base + Σ_alive (rss_now − rss_at_anchor)      (RSS from /proc/<pid>/stat, ~free)
 * - a snapshot sets base = Σ pss and anchors every member at its RSS;
 * - a forked copy of a member (same program image as its parent) shares all its pages with the parent
 *   at birth, so all it adds is the anonymous memory it touched since: its anonymous RSS minus its
 *   parent's (two cheap statm reads; file pages such as libraries are shared, and fork does not even
 *   map them in the child until used) — no rollup, which matters because pool workers forked from a
 *   big parent are exactly the processes whose rollup is dearest. Only when the parent's RSS did not
 *   move since the last update, though: otherwise the fork may have come before or after that change;
 * - any other new member (exec'd program, or whose parent is outside the tree) is read at once and
 *   adds its private pages (its whole PSS when its parent is outside the tree);
 * - a member that leaves removes its private pages; pages it shared with other members stay counted
 *   once, now through them (the total PSS of pages shared only inside the tree does not change).
 * What only a snapshot corrects: copy-on-write breaks (a worker writing to inherited pages grows PSS
 * with no RSS change), a worker unmapping inherited pages, pages shared with processes outside the
 * tree. Copy-on-write breaks are the classic case of forked Python workers (touching an object
 * writes its refcount), so they are watched for: each is a minor page fault without RSS growth, and
 * when such faults add up to a sizeable share of the tree, a snapshot is taken out of turn (into
 * debt if need be). The samples record how old the last snapshot is (`pss_age_s`).
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
}

export interface PssEstimatorOptions {
  pageSizeKb: number;
  /** Whether a member is still there and whole (not exiting); checked after a snapshot. */
  intact: (pid: number) => boolean;
  /** Anonymous resident KiB of a process (statm), for forked copies. */
  readAnonKb: (pid: number) => number | undefined;
  /** Long-run share of one core spent reading smaps_rollup, in percent; >= 100 reads every member every tick. */
  budgetPctOfCore: number;
  /** Monotonic milliseconds, to charge each read its cost. */
  nowMs: () => number;
}

export interface PssReading {
  memoryKb: number;
  /** Seconds since the last full snapshot (0 when this reading is one). */
  snapshotAgeS: number;
  /** Members whose first reading is still owed (counted at their RSS meanwhile). */
  pending: number;
}

interface Anchor {
  starttime: number;
  image: string;
  /** RSS the member's growth is measured from. */
  rssKb: number;
  /** Pages only this member maps, as last read (0 for a fresh fork). */
  privateKb: number;
  /** RSS at the previous update (a child forked since then was a copy of this). */
  lastRssKb: number;
  /** When this anchor's reading was taken: a parent read at this very update was read after its children forked. */
  anchoredAt: number;
  /** Minor faults at the anchor, to notice copy-on-write breaks since. */
  minflt: number;
}

export class TreePssEstimator {
  private base = 0;
  private readonly anchors = new Map<number, Anchor>();
  private tokensMs: number;
  private lastT: number | undefined;
  private lastSnapshotT: number | undefined;
  private lastEstimateKb = 0;
  /** What a rollup costs per KiB of RSS (the kernel walks the page tables), learnt from the reads. */
  private msPerKb = 3 / (256 * 1024);
  /** Full snapshots and single reads taken, and the time they took, for the record. */
  snapshots = 0;
  /** Snapshots taken early because copy-on-write breaks were suspected. */
  cowSnapshots = 0;
  discarded = 0;
  reads = 0;
  readMs = 0;
  private readonly exact: boolean;
  private readonly budgetMsPerS: number;

  constructor(
    private readonly readMemory: (pid: number) => MemoryRollup | undefined,
    private readonly options: PssEstimatorOptions,
  ) {
    this.exact = options.budgetPctOfCore >= 100;
    this.budgetMsPerS = options.budgetPctOfCore * 10;
    this.tokensMs = 2 * this.budgetMsPerS; // start with a full bucket
  }

  private timedRead(pid: number): MemoryRollup | undefined {
    const start = this.options.nowMs();
    const rollup = this.readMemory(pid);
    const cost = this.options.nowMs() - start;
    this.tokensMs -= cost;
    this.reads++;
    this.readMs += cost;
    if (rollup && rollup.rssKb >= 16 * 1024) this.msPerKb = 0.7 * this.msPerKb + 0.3 * (cost / rollup.rssKb);
    return rollup;
  }

  /** The expected cost of reading every member now: proportional to their RSS. */
  private snapshotCostMs(members: readonly MemberMemory[]): number {
    let rssKb = 0;
    for (const m of members) rssKb += m.rssKb;
    return rssKb * this.msPerKb;
  }

  /**
   * Reads every member: exact, if the tree held still while we read. A member that exits mid-read
   * hands its share of shared pages to the members read after it, which then count them again (a
   * 40 % overshoot was seen): so the snapshot is kept only if every member is still intact after it.
   * Members that cannot be read (gone, not ours) count at their RSS.
   */
  private snapshot(members: readonly MemberMemory[], t: number): boolean {
    let base = 0;
    const anchors = new Map<number, Anchor>();
    for (const m of members) {
      const rollup = this.timedRead(m.pid);
      base += rollup ? rollup.pssKb : m.rssKb;
      // Anchor at the rollup's own RSS, taken at the same instant as its PSS: a process touching
      // pages between our stat read and this read would otherwise be counted twice.
      const rssKb = rollup ? rollup.rssKb : m.rssKb;
      anchors.set(m.pid, { starttime: m.starttime, image: m.image, rssKb, privateKb: rollup ? rollup.privateKb : m.rssKb, lastRssKb: m.rssKb, anchoredAt: t, minflt: m.minflt });
    }
    // (The first snapshot is kept whatever happens: there is nothing to fall back on.)
    if (this.lastSnapshotT !== undefined && members.length > 1 && !members.every((m) => this.options.intact(m.pid))) {
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

  update(members: readonly MemberMemory[], t: number): PssReading {
    // Credit accrues with time; capped so an idle stretch does not buy a burst of reads, but always
    // enough for one snapshot so that a tree too big for the budget is still re-read now and then.
    // A snapshot is taken when the credit covers what it is expected to cost (not what the last one
    // cost: a tree that grew since would overspend).
    const expectedCost = this.snapshotCostMs(members);
    const cap = Math.max(2 * this.budgetMsPerS, expectedCost);
    if (this.lastT !== undefined) this.tokensMs = Math.min(cap, this.tokensMs + (t - this.lastT) * this.budgetMsPerS);
    this.lastT = t;

    const due = this.exact || this.lastSnapshotT === undefined || this.tokensMs >= expectedCost;
    const cow = !due && this.tokensMs > -this.maxDebtMs() && this.copyOnWriteSuspected(members);
    if ((due || cow) && this.snapshot(members, t)) {
      if (cow) this.cowSnapshots++;
      this.lastEstimateKb = this.base;
      return { memoryKb: this.base, snapshotAgeS: 0, pending: 0 };
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
    for (const m of members) {
      let anchor = this.anchors.get(m.pid);
      if (!anchor) {
        anchor = this.anchorNew(m, alive, t);
        if (anchor) this.anchors.set(m.pid, anchor);
      }
      if (anchor) memoryKb += m.rssKb - anchor.rssKb;
      else {
        memoryKb += m.rssKb; // not read yet: its RSS is an upper bound
        pending++;
      }
    }
    // Only now: a child forked this tick was compared with its parent's RSS of the previous one.
    for (const m of members) {
      const anchor = this.anchors.get(m.pid);
      if (anchor) anchor.lastRssKb = m.rssKb;
    }
    this.lastEstimateKb = Math.max(0, this.base + memoryKb);
    return { memoryKb: this.lastEstimateKb, snapshotAgeS: t - (this.lastSnapshotT ?? t), pending };
  }

  /**
   * Minor faults that RSS growth does not explain (copy-on-write breaks, mostly), summed over the
   * members since their anchors: suspicious beyond 16 MiB or 2 % of the tree.
   */
  private copyOnWriteSuspected(members: readonly MemberMemory[]): boolean {
    let unexplainedKb = 0;
    for (const m of members) {
      const anchor = this.anchors.get(m.pid);
      if (!anchor || anchor.starttime !== m.starttime || anchor.image !== m.image) continue;
      unexplainedKb += Math.max(0, (m.minflt - anchor.minflt) * this.options.pageSizeKb - Math.max(0, m.rssKb - anchor.rssKb));
    }
    return unexplainedKb > Math.max(16 * 1024, 0.02 * this.lastEstimateKb);
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
    if (parentCounted && parent.image === m.image && Math.abs(parent.rssKb - parentAnchor.lastRssKb) <= 1024) {
      const childAnon = this.options.readAnonKb(m.pid);
      const parentAnon = this.options.readAnonKb(parent.pid);
      if (childAnon !== undefined && parentAnon !== undefined) {
        const added = Math.min(m.rssKb, Math.max(0, childAnon - parentAnon));
        return { starttime: m.starttime, image: m.image, rssKb: m.rssKb - added, privateKb: 0, lastRssKb: m.rssKb, anchoredAt: t, minflt: m.minflt };
      }
    }
    if (this.tokensMs <= -this.maxDebtMs()) return undefined;
    const rollup = this.timedRead(m.pid);
    if (!rollup) return undefined;
    this.base += parentCounted ? rollup.privateKb : rollup.pssKb;
    return { starttime: m.starttime, image: m.image, rssKb: rollup.rssKb, privateKb: rollup.privateKb, lastRssKb: m.rssKb, anchoredAt: t, minflt: m.minflt };
  }

  /** How far first readings of new members may run ahead of the budget (they keep the total honest). */
  private maxDebtMs(): number {
    return Math.max(10, 5 * this.budgetMsPerS);
  }
}
