/**
 * The Linux tree probe (no cgroup accounting the tree's memory): the tree's PSS and CPU time from
 * /proc. Members come from the tree's cgroup when one holds it (its cgroup.procs: complete, however
 * processes detach), else from the session and parentage (tree-members.ts). Memory is the PSS sum,
 * carried forward between full readings (pss-estimator.ts). CPU is the cgroup's own counter when
 * there is one, else summed over the members (cpu-accounting.ts).
 */
import { availableParallelism } from 'node:os';
import { isExiting } from './proc-parse.js';
import type { KernelGroup, ProcReader, TreeProbe, TreeReading } from './ports.js';
import { TreeCpuAccount, type MemberCpu } from './cpu-accounting.js';
import { TreePssEstimator, type MemberMemory } from './pss-estimator.js';
import { GroupTreeMembers, SessionTreeMembers } from './tree-members.js';

function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface LinuxTreeProbeOptions {
  now?: () => number;
  cores?: number;
  pssBudgetPct?: number;
  unsafeBudgetPct?: number;
  /** CPU milliseconds of this process (what PSS readings are charged). */
  cpuMs?: () => number;
  /** The tree's cgroup (membership and CPU), when one holds it. */
  group?: KernelGroup;
}

export class LinuxTreeProbe implements TreeProbe {
  readonly memoryMetric = 'pss_sum' as const;
  private readonly cpu: TreeCpuAccount;
  private readonly selfChildrenAtStart: number | undefined;
  private lastReadingAt: number | undefined;
  private readonly now: () => number;
  private readonly cores: number;
  private readonly pss: TreePssEstimator;
  private readonly group: KernelGroup | undefined;
  private readonly session: SessionTreeMembers | undefined;
  private readonly grouped: GroupTreeMembers | undefined;

  constructor(
    private readonly reader: ProcReader,
    private readonly rootPid: number,
    options: LinuxTreeProbeOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now() / 1000);
    this.cores = options.cores ?? availableParallelism();
    this.pss = new TreePssEstimator((pid) => reader.readMemory(pid), {
      pageSizeKb: reader.pageSizeKb,
      recheck: (pid) => {
        const stat = reader.readStat(pid, true);
        const statm = reader.readStatm(pid, true);
        return { intact: stat !== undefined && !isExiting(stat), ...(statm ? { sharedKb: statm.sharedKb } : {}) };
      },
      budgetPctOfCore: options.pssBudgetPct ?? 100,
      ...(options.unsafeBudgetPct !== undefined ? { unsafeBudgetPctOfCore: options.unsafeBudgetPct } : {}),
      cpuMs: options.cpuMs ?? processCpuMs,
    });
    this.cpu = new TreeCpuAccount(rootPid);
    this.group = options.group;
    if (this.group) this.grouped = new GroupTreeMembers(reader);
    else this.session = new SessionTreeMembers(reader, rootPid);
    this.selfChildrenAtStart = reader.readSelfChildrenTicks();
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
    const groupReading = this.group?.read();
    const stats = groupReading && this.grouped ? this.grouped.scan(groupReading.pids) : (this.session as SessionTreeMembers).scan();
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
        const statm = this.reader.readStatm(stat.pid, true);
        memory.push({
          pid: stat.pid,
          starttime: stat.starttime,
          image: `${stat.comm}@${stat.startcode}`,
          minflt: stat.minflt,
          parentPid: memberPids.has(stat.ppid) ? stat.ppid : null,
          rssKb: memberRssKb,
          anonKb: statm ? statm.residentKb - statm.sharedKb : memberRssKb,
          sharedKb: statm ? statm.sharedKb : 0,
        });
      }
    }
    const pss = this.pss.update(memory, t);
    const rootGone = rootWasAlive && !memberPids.has(this.rootPid);
    const ticks = this.cpu.update(cpuMembers, rootGone ? this.rootFinalTicks(rootLastSeen) : undefined);
    this.lastReadingAt = t;
    let cpuSeconds = ticks / this.reader.ticksPerSecond;
    // The kernel's own counter when a cgroup holds the tree: every process that ever ran in it, reaped
    // or not (the group was made just before the command started).
    if (groupReading?.cpuSeconds !== undefined) cpuSeconds = groupReading.cpuSeconds;
    return { memoryKb: pss.memoryKb, rssKb, cpuSeconds, processes: stats.length, pssAgeS: pss.snapshotAgeS, pssUnverifiedKb: pss.unverifiedKb };
  }

  summary(): Record<string, number> {
    return {
      pss_snapshots: this.pss.snapshots,
      pss_snapshots_unsafe: this.pss.unsafeSnapshots,
      pss_snapshots_discarded: this.pss.discarded,
      pss_reads: this.pss.reads,
      pss_read_ms: Math.round(this.pss.readMs * 10) / 10,
      ...(this.session ? { proc_listings: this.session.listings, proc_pids_probed: this.session.probed } : {}),
    };
  }

  members(): ReadonlyArray<{ pid: number; pgid: number }> {
    return (this.session ?? this.grouped)?.members() ?? [];
  }

  close(): void {
    this.session?.close();
    this.grouped?.close();
    this.reader.close?.();
  }
}
