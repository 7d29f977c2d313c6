/**
 * The tree probe off Linux (macOS, BSD, Windows): RSS sum of the root and its descendants via
 * pidusage. Shared pages are counted once per process (no PSS there), hence `rss_sum`.
 * The tree is rediscovered with one `ps -A -o pid=,ppid=` at most every few seconds, not per tick;
 * children's reaped CPU time is unknown, so every member that leaves adds its last-seen own time.
 */
import { execFile } from 'node:child_process';
import pidusage from 'pidusage';
import type { TreeProbe, TreeReading } from './ports.js';
import { TreeCpuAccount } from './cpu-accounting.js';

/** Parses `ps -A -o pid=,ppid=` output into a parent → children map. */
export function parsePsTable(text: string): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const line of text.split('\n')) {
    const [pidText, ppidText] = line.trim().split(/\s+/);
    const pid = Number(pidText);
    const ppid = Number(ppidText);
    if (!Number.isInteger(pid) || !Number.isInteger(ppid) || pidText === undefined || pidText === '') continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  return children;
}

/** The root and every descendant in a parent → children map. */
export function descendantsOf(root: number, children: ReadonlyMap<number, readonly number[]>): number[] {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const child of children.get(found[i] as number) ?? []) if (!found.includes(child)) found.push(child);
  }
  return found;
}

export interface PortableProbeOptions {
  rediscoverEveryS?: number;
  listProcesses?: () => Promise<string>;
  usage?: (pids: number[]) => Promise<Record<string, { memory: number; ctime: number; ppid: number }>>;
  now?: () => number;
}

function psTable(): Promise<string> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=,ppid='], { maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => resolve(error ? '' : stdout));
  });
}

async function pidUsage(pids: number[]): Promise<Record<string, { memory: number; ctime: number; ppid: number }>> {
  try {
    return await pidusage(pids);
  } catch {
    // One vanished pid fails the whole call: ask one by one and keep what answers.
    const entries = await Promise.all(pids.map(async (pid) => [pid, await pidusage(pid).catch(() => undefined)] as const));
    const result: Record<string, { memory: number; ctime: number; ppid: number }> = {};
    for (const [pid, stat] of entries) if (stat) result[pid] = stat;
    return result;
  }
}

export class PortableTreeProbe implements TreeProbe {
  readonly memoryMetric = 'rss_sum' as const;
  private pids: number[];
  private lastDiscovery = Number.NEGATIVE_INFINITY;
  private readonly cpu: TreeCpuAccount;
  private readonly listProcesses: () => Promise<string>;
  private readonly usage: NonNullable<PortableProbeOptions['usage']>;
  private readonly now: () => number;
  private readonly rediscoverEveryS: number;

  constructor(
    private readonly rootPid: number,
    options: PortableProbeOptions = {},
  ) {
    this.pids = [rootPid];
    this.cpu = new TreeCpuAccount(rootPid, { reapedKnown: false });
    this.listProcesses = options.listProcesses ?? psTable;
    this.usage = options.usage ?? pidUsage;
    this.now = options.now ?? (() => Date.now() / 1000);
    this.rediscoverEveryS = options.rediscoverEveryS ?? 3;
  }

  async read(): Promise<TreeReading> {
    if (this.now() - this.lastDiscovery >= this.rediscoverEveryS) {
      this.lastDiscovery = this.now();
      const table = await this.listProcesses();
      if (table !== '') this.pids = descendantsOf(this.rootPid, parsePsTable(table));
    }
    const stats = await this.usage(this.pids);
    let rssBytes = 0;
    const members = [];
    for (const pid of this.pids) {
      const stat = stats[pid];
      if (!stat) continue;
      rssBytes += stat.memory;
      // pidusage has no start time: the pid stands in for it (pids are not reused within seconds).
      members.push({ pid, starttime: 0, ppid: stat.ppid, ownTicks: stat.ctime / 10, reapedTicks: 0 });
    }
    this.pids = members.map((m) => m.pid);
    if (this.pids.length === 0) this.pids = [this.rootPid];
    const ticks = this.cpu.update(members);
    return { memoryKb: rssBytes / 1024, rssKb: rssBytes / 1024, cpuSeconds: ticks / 100, processes: members.length };
  }

  members(): ReadonlyArray<{ pid: number; pgid: number }> {
    return this.pids.map((pid) => ({ pid, pgid: this.rootPid }));
  }

  close(): void {
    pidusage.clear();
  }
}
