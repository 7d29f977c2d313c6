/**
 * Who belongs to the measured tree, without a cgroup to ask. The command runs in its own session
 * (sid = pgid = root pid), so a process is a member if it is in that session or its parent is a
 * member (iterated to a fixpoint, for grandchildren first seen in the same tick).
 *
 * Finding new processes without depending on the rest of the host: /proc is listed once, at the
 * start; after that the kernel hands out pids in increasing order, so the processes created since
 * the last look are exactly the pids between the last allocated pid then and now (/proc/loadavg).
 * Only those are read — one stat each, most gone already — instead of re-listing /proc whenever any
 * process anywhere on the host was created. /proc is listed again only when the counter wrapped or
 * jumped by more than MAX_PROBED pids. Threads have pids too (`/proc/<tid>` exists though it is not
 * listed): they are told apart by their exit signal (-1 for a thread that is not its group's leader).
 * Members leave when their held stat file fails. Daemons that leave the session AND whose parent
 * exits before we first see them are not found: only a cgroup (containment.ts) closes that gap.
 */
import type { ProcStat } from './proc-parse.js';
import type { ProcReader } from './ports.js';

/** Above this many new pids since the last look, one listing of /proc is cheaper than reading each. */
export const MAX_PROBED = 2048;

interface Member {
  starttime: number;
  pgid: number;
}

export class SessionTreeMembers {
  private readonly members_ = new Map<number, Member>();
  /** Pids read and found not to be members, until they leave a listing (listing path only). */
  private readonly outsiders = new Set<number>();
  /** The root's session when the root leads its own session; else membership goes by parentage only. */
  private readonly rootSession: number | undefined;
  private lastSeenPid: number | undefined;
  private listedOnce = false;
  /** For the record: full listings and single pids probed. */
  listings = 0;
  probed = 0;

  constructor(
    private readonly reader: ProcReader,
    private readonly rootPid: number,
  ) {
    const root = reader.readStat(rootPid);
    this.rootSession = root && root.session === rootPid ? rootPid : undefined;
  }

  private isMemberStat(stat: ProcStat, known: ReadonlyMap<number, unknown>): boolean {
    return stat.pid === this.rootPid || (this.rootSession !== undefined && stat.session === this.rootSession) || known.has(stat.ppid);
  }

  /** Pids created since the last look, or undefined when /proc must be listed. */
  private newPids(lastPid: number | undefined): number[] | undefined {
    const previous = this.lastSeenPid;
    if (!this.listedOnce || lastPid === undefined || previous === undefined) return undefined;
    if (lastPid === previous) return [];
    if (lastPid < previous || lastPid - previous > MAX_PROBED) return undefined;
    const pids: number[] = [];
    for (let pid = previous + 1; pid <= lastPid; pid++) pids.push(pid);
    return pids;
  }

  /** Current members with their fresh stat; updates membership. */
  scan(): ProcStat[] {
    const lastPid = this.reader.lastPid();
    const probe = this.newPids(lastPid);
    this.lastSeenPid = lastPid;
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
    if (probe) {
      this.probed += probe.length;
      for (const pid of probe) {
        if (alive.has(pid)) continue;
        const stat = this.reader.readStat(pid);
        if (stat && stat.exitSignal !== -1) candidates.set(pid, stat);
      }
    } else {
      this.listings++;
      const pids = this.reader.listPids();
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
    if (!probe) for (const stat of pending) this.outsiders.add(stat.pid);
    for (const stat of alive.values()) {
      if (!this.members_.has(stat.pid)) this.members_.set(stat.pid, { starttime: stat.starttime, pgid: stat.pgrp });
    }
    return [...alive.values()];
  }

  members(): ReadonlyArray<{ pid: number; pgid: number }> {
    return [...this.members_].map(([pid, member]) => ({ pid, pgid: member.pgid }));
  }

  close(): void {
    for (const pid of this.members_.keys()) this.reader.release(pid);
    this.members_.clear();
    this.outsiders.clear();
  }
}

/** Members listed by the tree's cgroup: every pid in it is a member, however it got there. */
export class GroupTreeMembers {
  private readonly known = new Map<number, number>();

  constructor(private readonly reader: ProcReader) {}

  scan(pids: readonly number[]): ProcStat[] {
    const stats: ProcStat[] = [];
    const now = new Set(pids);
    for (const [pid] of this.known) {
      if (!now.has(pid)) {
        this.known.delete(pid);
        this.reader.release(pid);
      }
    }
    for (const pid of pids) {
      let stat = this.reader.readStat(pid, true);
      const starttime = this.known.get(pid);
      if (stat && starttime !== undefined && stat.starttime !== starttime) {
        // A reused pid behind a held file that still reads: start over with a fresh file.
        this.reader.release(pid);
        stat = this.reader.readStat(pid, true);
      }
      if (!stat) continue;
      this.known.set(pid, stat.starttime);
      stats.push(stat);
    }
    return stats;
  }

  members(): ReadonlyArray<{ pid: number; pgid: number }> {
    return [...this.known.keys()].map((pid) => ({ pid, pgid: pid }));
  }

  close(): void {
    for (const pid of this.known.keys()) this.reader.release(pid);
    this.known.clear();
  }
}
