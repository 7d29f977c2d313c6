/** A synthetic process table for the tree probe: processes are added, changed and removed by the test. */
import type { MemoryRollup, ProcStat } from '../../src/measure/proc-parse.js';
import type { ProcReader } from '../../src/measure/ports.js';

export interface FakeProcess {
  pid: number;
  ppid: number;
  session: number;
  pgrp?: number;
  starttime?: number;
  state?: string;
  utime?: number;
  stime?: number;
  cutime?: number;
  cstime?: number;
  pssKb?: number;
  rssKb?: number;
  startcode?: number;
  minflt?: number;
  /** Anonymous resident kB (default: all of the RSS). */
  anonKb?: number;
  /** Default: the whole PSS is private. */
  privateKb?: number;
  /** Resident file/shmem kB (default 0: all of the RSS is anonymous unless anonKb says otherwise). */
  sharedKb?: number;
  /** A thread that is not its group's leader (reachable as /proc/<tid>, not listed). */
  thread?: boolean;
}

export class FakeProcTable implements ProcReader {
  readonly ticksPerSecond = 100;
  readonly pageSizeKb = 4;
  readonly processes = new Map<number, FakeProcess>();
  /** cutime + cstime of "us", the sampling process. */
  selfChildrenTicks = 0;
  statReads: number[] = [];
  memoryReads: number[] = [];

  add(...processes: FakeProcess[]): this {
    for (const p of processes) this.processes.set(p.pid, p);
    return this;
  }

  update(pid: number, change: Partial<FakeProcess>): void {
    const p = this.processes.get(pid);
    if (!p) throw new Error(`no process ${pid}`);
    Object.assign(p, change);
  }

  remove(pid: number): FakeProcess {
    const p = this.processes.get(pid);
    if (!p) throw new Error(`no process ${pid}`);
    this.processes.delete(pid);
    return p;
  }

  /** What /proc/loadavg says was allocated last; undefined: always list (the default). */
  lastAllocatedPid: number | undefined;
  listings = 0;
  released: number[] = [];

  listPids(): number[] {
    this.listings++;
    return [...this.processes.values()].filter((p) => !p.thread).map((p) => p.pid);
  }

  lastPid(): number | undefined {
    return this.lastAllocatedPid;
  }

  release(pid: number): void {
    this.released.push(pid);
  }

  readStat(pid: number): ProcStat | undefined {
    this.statReads.push(pid);
    const p = this.processes.get(pid);
    if (!p) return undefined;
    return {
      pid,
      comm: `p${pid}`,
      state: p.state ?? 'S',
      flags: 0,
      minflt: p.minflt ?? 0,
      ppid: p.ppid,
      pgrp: p.pgrp ?? p.session,
      session: p.session,
      utime: p.utime ?? 0,
      stime: p.stime ?? 0,
      cutime: p.cutime ?? 0,
      cstime: p.cstime ?? 0,
      starttime: p.starttime ?? pid,
      rssPages: (p.rssKb ?? p.pssKb ?? 0) / this.pageSizeKb,
      startcode: p.startcode ?? 4096,
      exitSignal: p.thread ? -1 : 17,
    };
  }

  readMemory(pid: number): MemoryRollup | undefined {
    const p = this.processes.get(pid);
    this.memoryReads.push(pid);
    return p ? { pssKb: p.pssKb ?? 0, rssKb: p.rssKb ?? p.pssKb ?? 0, privateKb: p.privateKb ?? p.pssKb ?? 0 } : undefined;
  }

  readStatm(pid: number): { residentKb: number; sharedKb: number } | undefined {
    const p = this.processes.get(pid);
    if (!p) return undefined;
    const residentKb = p.rssKb ?? p.pssKb ?? 0;
    return { residentKb, sharedKb: p.sharedKb ?? (p.anonKb !== undefined ? residentKb - p.anonKb : 0) };
  }

  readSelfChildrenTicks(): number {
    return this.selfChildrenTicks;
  }
}
