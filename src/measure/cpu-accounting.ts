/**
 * Cumulative CPU time of a process tree whose members come and go.
 *
 * Why it works: for a live member p, own(p) = utime + stime and reaped(p) = cutime + cstime (the
 * full totals of the children p has waited for). The tree's cumulative CPU is
 *   Σ_live (own + reaped) + Σ over vanished members whose parent was NOT a member, of their last-seen (own + reaped).
 * A child reaped by a member is not added separately: at reaping its whole total moves into the
 * parent's cutime, so the sum stays continuous. A member whose reaper is outside the tree (the root,
 * reaped by us; orphans reparented to init) takes its total with it, so we add what we last saw of it.
 * The error is then bounded by one interval of that process's CPU, and for the root even that is
 * recovered from our own cutime when the probe can read it (see `rootFinalTicks`).
 * Known blind spots: a child whose parent ignores SIGCHLD (auto-reaped: its time goes nowhere), and
 * a zombie whose parent exits between two samples before reaping it.
 */

export interface MemberCpu {
  pid: number;
  /** Kernel start time of the process: a pid seen again with another start time is another process. */
  starttime: number;
  ppid: number;
  ownTicks: number;
  reapedTicks: number;
}

export interface CpuAccountOptions {
  /** False where children's reaped time is unknown (portable probe): then every vanished member adds its own time. */
  reapedKnown?: boolean;
}

export class TreeCpuAccount {
  private live = new Map<number, MemberCpu>();
  private departedTicks = 0;
  private readonly reapedKnown: boolean;

  constructor(
    private readonly rootPid: number,
    options: CpuAccountOptions = {},
  ) {
    this.reapedKnown = options.reapedKnown ?? true;
  }

  private total(member: MemberCpu): number {
    return member.ownTicks + (this.reapedKnown ? member.reapedTicks : 0);
  }

  /**
   * Takes the members alive now and returns the tree's cumulative CPU ticks.
   * `rootFinalTicks`, when given, is the root's full total once it has been reaped by us.
   */
  update(members: readonly MemberCpu[], rootFinalTicks?: number): number {
    const next = new Map<number, MemberCpu>();
    for (const member of members) next.set(member.pid, member);

    for (const [pid, previous] of this.live) {
      const now = next.get(pid);
      if (now && now.starttime === previous.starttime) continue;
      // `previous` has vanished (or its pid was reused). Was its reaper inside the tree?
      const parent = this.live.get(previous.ppid);
      const reapedInside = this.reapedKnown && parent !== undefined && previous.pid !== this.rootPid;
      if (reapedInside) continue;
      let ticks = this.total(previous);
      if (pid === this.rootPid && rootFinalTicks !== undefined && rootFinalTicks > ticks) ticks = rootFinalTicks;
      this.departedTicks += ticks;
    }
    this.live = next;

    let sum = this.departedTicks;
    for (const member of next.values()) sum += this.total(member);
    return sum;
  }

  /** Whether the root was alive at the last update. */
  rootAlive(): boolean {
    return this.live.has(this.rootPid);
  }

  /** The root's last-seen total (own + reaped), if it was ever seen alive. */
  lastSeenRootTicks(): number | undefined {
    const root = this.live.get(this.rootPid);
    return root ? this.total(root) : undefined;
  }
}
