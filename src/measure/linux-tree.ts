/**
 * The Linux tree probe: finds the command's process tree by scanning /proc and reads its PSS and
 * CPU time. Finding the tree cheaply: the command runs in its own session (sid = pgid = root pid),
 * so a process is a member if it is in that session or its parent is a member (iterated to a
 * fixpoint, for grandchildren first seen in the same tick). Each pid's stat is read once to decide;
 * non-members are remembered until they leave the listing, so unchanged processes cost nothing.
 * Daemons that leave the session AND are reparented before we first see them are not found.
 */
import { availableParallelism } from 'node:os';
import { isExiting, type ProcStat } from './proc-parse.js';
import type { ProcReader, TreeProbe, TreeReading } from './ports.js';
import { TreeCpuAccount, type MemberCpu } from './cpu-accounting.js';
import { TreePssEstimator, type MemberMemory } from './pss-estimator.js';

interface Member {
  starttime: number;
  pgid: number;
}

export class LinuxTreeProbe implements TreeProbe {
  readonly memoryMetric = 'pss_sum' as const;
  private readonly members_ = new Map<number, Member>();
  private readonly outsiders = new Set<number>();
  private readonly cpu: TreeCpuAccount;
  /** The root's session when the root leads its own session; else membership goes by parentage only. */
  private readonly rootSession: number | undefined;
  private readonly selfChildrenAtStart: number | undefined;
  private lastReadingAt: number | undefined;
  private lastListedPid: number | undefined;
  private listedOnce = false;

  private readonly now: () => number;
  private readonly cores: number;
  private readonly pss: TreePssEstimator;

  constructor(
    private readonly reader: ProcReader,
    private readonly rootPid: number,
    options: { now?: () => number; cores?: number; pssBudgetPct?: number; nowMs?: () => number } = {},
  ) {
    this.now = options.now ?? (() => Date.now() / 1000);
    this.cores = options.cores ?? availableParallelism();
    this.pss = new TreePssEstimator((pid) => reader.readMemory(pid), {
      pageSizeKb: reader.pageSizeKb,
      readAnonKb: (pid) => reader.readAnonKb(pid),
      intact: (pid) => {
        const stat = reader.readStat(pid, true);
        return stat !== undefined && !isExiting(stat);
      },
      budgetPctOfCore: options.pssBudgetPct ?? 100,
      nowMs: options.nowMs ?? (() => performance.now()),
    });
    this.cpu = new TreeCpuAccount(rootPid);
    const root = reader.readStat(rootPid);
    this.rootSession = root && root.session === rootPid ? rootPid : undefined;
    this.selfChildrenAtStart = reader.readSelfChildrenTicks();
  }

  private isMemberStat(stat: ProcStat, known: ReadonlyMap<number, unknown>): boolean {
    return stat.pid === this.rootPid || (this.rootSession !== undefined && stat.session === this.rootSession) || known.has(stat.ppid);
  }

  /**
   * Current members with their fresh stat; updates membership. The /proc listing is only read when
   * the kernel has created a process since the last listing (its last allocated pid moved):
   * members that leave are noticed by their held stat file failing.
   */
  private scan(): ProcStat[] {
    const lastPid = this.reader.lastPid();
    const list = lastPid === undefined || lastPid !== this.lastListedPid;
    const pids = list ? this.reader.listPids() : [];
    if (list) this.lastListedPid = lastPid;
    const alive = new Map<number, ProcStat>();
    const candidates = new Map<number, ProcStat>();

    for (const [pid, member] of this.members_) {
      const stat = this.reader.readStat(pid, true);
      if (stat && stat.starttime === member.starttime) {
        alive.set(pid, stat);
        member.pgid = stat.pgrp;
      } else {
        this.members_.delete(pid);
        this.reader.release(pid);
      }
    }
    if (list) {
      const listed = new Set(pids);
      for (const pid of this.outsiders) if (!listed.has(pid)) this.outsiders.delete(pid);
      // First listing: pids are handed out in increasing order, so a pid below the root's, listed
      // now, belongs to a process that existed before the root: not a descendant, no need to read
      // it (a runner has hundreds). Unless the pid counter has wrapped since the root was spawned.
      const first = !this.listedOnce;
      const wrapped = lastPid !== undefined && lastPid < this.rootPid;
      this.listedOnce = true;
      for (const pid of pids) {
        if (alive.has(pid) || this.outsiders.has(pid)) continue;
        if (first && !wrapped && pid < this.rootPid) {
          this.outsiders.add(pid);
          continue;
        }
        // Not a member (any more): a new process, or a reused pid.
        const stat = this.reader.readStat(pid);
        if (stat) candidates.set(pid, stat);
      }
    }

    let pending = [...candidates.values()];
    let changed = true;
    while (changed && pending.length > 0) {
      changed = false;
      const undecided: ProcStat[] = [];
      for (const stat of pending) {
        if (this.isMemberStat(stat, alive)) {
          alive.set(stat.pid, stat);
          changed = true;
        } else undecided.push(stat);
      }
      pending = undecided;
    }
    for (const stat of pending) this.outsiders.add(stat.pid);
    for (const stat of alive.values()) {
      if (!this.members_.has(stat.pid)) this.members_.set(stat.pid, { starttime: stat.starttime, pgid: stat.pgrp });
    }
    return [...alive.values()];
  }

  /** The root's full CPU total once we have reaped it, from our own cutime; undefined when not trustworthy. */
  private rootFinalTicks(lastSeen: number | undefined): number | undefined {
    if (this.selfChildrenAtStart === undefined || lastSeen === undefined || this.lastReadingAt === undefined) return undefined;
    const self = this.reader.readSelfChildrenTicks();
    if (self === undefined) return undefined;
    const total = self - this.selfChildrenAtStart;
    // Guard against other children of ours reaped meanwhile: the root cannot have gained more than
    // every core for the time since we last saw it.
    const bound = lastSeen + (this.now() - this.lastReadingAt + 0.05) * this.reader.ticksPerSecond * this.cores;
    return total >= lastSeen && total <= bound ? total : undefined;
  }

  read(): TreeReading {
    const rootWasAlive = this.cpu.rootAlive();
    const rootLastSeen = this.cpu.lastSeenRootTicks();
    const stats = this.scan();
    const t = this.now();
    const memberPids = new Set(stats.map((s) => s.pid));
    let rssKb = 0;
    const cpuMembers: MemberCpu[] = [];
    const memory: MemberMemory[] = [];
    for (const stat of stats) {
      cpuMembers.push({
        pid: stat.pid,
        starttime: stat.starttime,
        ppid: stat.ppid,
        ownTicks: stat.utime + stat.stime,
        reapedTicks: stat.cutime + stat.cstime,
      });
      const memberRssKb = stat.rssPages * this.reader.pageSizeKb;
      rssKb += memberRssKb;
      // Zombies hold no memory, and a process on its way out is releasing it: leave both out.
      if (!isExiting(stat)) {
        memory.push({
          pid: stat.pid,
          starttime: stat.starttime,
          image: `${stat.comm}@${stat.startcode}`,
          minflt: stat.minflt,
          parentPid: memberPids.has(stat.ppid) ? stat.ppid : null,
          rssKb: memberRssKb,
        });
      }
    }
    const pss = this.pss.update(memory, t);
    const rootGone = rootWasAlive && !memberPids.has(this.rootPid);
    const ticks = this.cpu.update(cpuMembers, rootGone ? this.rootFinalTicks(rootLastSeen) : undefined);
    this.lastReadingAt = t;
    return { memoryKb: pss.memoryKb, rssKb, cpuSeconds: ticks / this.reader.ticksPerSecond, processes: stats.length, pssAgeS: pss.snapshotAgeS };
  }

  summary(): Record<string, number> {
    return {
      pss_snapshots: this.pss.snapshots,
      pss_snapshots_copy_on_write: this.pss.cowSnapshots,
      pss_snapshots_discarded: this.pss.discarded,
      pss_reads: this.pss.reads,
      pss_read_ms: Math.round(this.pss.readMs * 10) / 10,
    };
  }

  members(): ReadonlyArray<{ pid: number; pgid: number }> {
    return [...this.members_].map(([pid, member]) => ({ pid, pgid: member.pgid }));
  }

  close(): void {
    for (const pid of this.members_.keys()) this.reader.release(pid);
    this.members_.clear();
    this.outsiders.clear();
    this.reader.close?.();
  }
}
