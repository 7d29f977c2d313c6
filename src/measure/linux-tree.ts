/**
 * The Linux tree probe: finds the command's process tree by scanning /proc and reads its PSS and
 * CPU time. Finding the tree cheaply: the command runs in its own session (sid = pgid = root pid),
 * so a process is a member if it is in that session or its parent is a member (iterated to a
 * fixpoint, for grandchildren first seen in the same tick). Each pid's stat is read once to decide;
 * non-members are remembered until they leave the listing, so unchanged processes cost nothing.
 * Daemons that leave the session AND are reparented before we first see them are not found.
 */
import { availableParallelism } from 'node:os';
import type { ProcStat } from './proc-parse.js';
import type { ProcReader, TreeProbe, TreeReading } from './ports.js';
import { TreeCpuAccount, type MemberCpu } from './cpu-accounting.js';

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

  private readonly now: () => number;
  private readonly cores: number;

  constructor(
    private readonly reader: ProcReader,
    private readonly rootPid: number,
    options: { now?: () => number; cores?: number } = {},
  ) {
    this.now = options.now ?? (() => Date.now() / 1000);
    this.cores = options.cores ?? availableParallelism();
    this.cpu = new TreeCpuAccount(rootPid);
    const root = reader.readStat(rootPid);
    this.rootSession = root && root.session === rootPid ? rootPid : undefined;
    this.selfChildrenAtStart = reader.readSelfChildrenTicks();
  }

  private isMemberStat(stat: ProcStat, known: ReadonlyMap<number, unknown>): boolean {
    return stat.pid === this.rootPid || (this.rootSession !== undefined && stat.session === this.rootSession) || known.has(stat.ppid);
  }

  /** Current members with their fresh stat; updates membership. */
  private scan(): ProcStat[] {
    const pids = this.reader.listPids();
    const listed = new Set(pids);
    const alive = new Map<number, ProcStat>();
    const candidates = new Map<number, ProcStat>();

    for (const [pid, member] of this.members_) {
      const stat = listed.has(pid) ? this.reader.readStat(pid) : undefined;
      if (stat && stat.starttime === member.starttime) {
        alive.set(pid, stat);
        member.pgid = stat.pgrp;
      } else {
        this.members_.delete(pid);
        if (stat) candidates.set(pid, stat); // the pid was reused by another process
      }
    }
    for (const pid of this.outsiders) if (!listed.has(pid)) this.outsiders.delete(pid);
    for (const pid of pids) {
      if (alive.has(pid) || this.outsiders.has(pid) || candidates.has(pid)) continue;
      const stat = this.reader.readStat(pid);
      if (stat) candidates.set(pid, stat);
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
    let memoryKb = 0;
    let rssKb = 0;
    const cpuMembers: MemberCpu[] = [];
    for (const stat of stats) {
      cpuMembers.push({
        pid: stat.pid,
        starttime: stat.starttime,
        ppid: stat.ppid,
        ownTicks: stat.utime + stat.stime,
        reapedTicks: stat.cutime + stat.cstime,
      });
      // Zombies and kernel-protected processes have no readable rollup: they hold no memory we can see.
      const memory = stat.state === 'Z' ? undefined : this.reader.readMemory(stat.pid);
      if (memory) {
        memoryKb += memory.pssKb;
        rssKb += memory.rssKb;
      }
    }
    const rootGone = rootWasAlive && !stats.some((s) => s.pid === this.rootPid);
    const ticks = this.cpu.update(cpuMembers, rootGone ? this.rootFinalTicks(rootLastSeen) : undefined);
    this.lastReadingAt = this.now();
    return { memoryKb, rssKb, cpuSeconds: ticks / this.reader.ticksPerSecond, processes: stats.length };
  }

  members(): ReadonlyArray<{ pid: number; pgid: number }> {
    return [...this.members_].map(([pid, member]) => ({ pid, pgid: member.pgid }));
  }

  close(): void {
    this.members_.clear();
    this.outsiders.clear();
  }
}
