/**
 * The real ProcReader over Linux /proc. Synchronous reads into one reused buffer (a tick reads a
 * few small files; sync calls cost far less than promise machinery at this size), and the stat
 * files of tree members kept open and re-read with pread: after a sleep every syscall is cold, so
 * saving the open/close per member per tick is most of a tick's cost.
 */
import { closeSync, existsSync, openSync, readSync, readdirSync } from 'node:fs';
import { parseProcStat, parseSmapsRollup, type MemoryRollup, type ProcStat } from './proc-parse.js';
import type { ProcReader } from './ports.js';

/** CLK_TCK. Every Linux architecture Node runs on reports 100 to userspace (USER_HZ). */
const USER_HZ = 100;

export class LinuxProcReader implements ProcReader {
  readonly ticksPerSecond = USER_HZ;
  readonly pageSizeKb: number;
  private readonly buffer = Buffer.allocUnsafe(8192);
  private readonly held = new Map<number, number>();
  private readonly heldStatm = new Map<number, number>();
  private loadavgFd: number | undefined;

  constructor(private readonly root = '/proc') {
    this.pageSizeKb = this.measurePageSizeKb();
  }

  /** VmRSS (kB) over statm's resident pages, rounded to a power of two: the page size without spawning getconf. */
  private measurePageSizeKb(): number {
    const status = this.readSmall(`${this.root}/self/status`);
    const statm = this.readSmall(`${this.root}/self/statm`);
    const rssKb = Number(status?.match(/\nVmRSS:\s+(\d+) kB/)?.[1]);
    const pages = Number(statm?.split(' ')[1]);
    if (!(rssKb > 0 && pages > 0)) return 4;
    return 2 ** Math.round(Math.log2(rssKb / pages));
  }

  private readFd(fd: number): string | undefined {
    try {
      const length = readSync(fd, this.buffer, 0, this.buffer.length, 0);
      return length > 0 ? this.buffer.toString('latin1', 0, length) : undefined;
    } catch {
      return undefined; // ESRCH: the process is gone
    }
  }

  private readSmall(path: string): string | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      return this.readFd(fd);
    } catch {
      return undefined; // the process is gone, or not ours to read
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  listPids(): number[] {
    const pids: number[] = [];
    for (const name of readdirSync(this.root)) {
      const code = name.charCodeAt(0);
      if (code >= 48 && code <= 57) pids.push(Number(name));
    }
    return pids;
  }

  /** Reads /proc/<pid>/<name>, through a file kept open in `held` when `hold` (closed once it fails). */
  private readMaybeHeld(pid: number, name: string, held: Map<number, number>, hold: boolean): string | undefined {
    if (!hold) return this.readSmall(`${this.root}/${pid}/${name}`);
    let fd = held.get(pid);
    if (fd === undefined) {
      try {
        fd = openSync(`${this.root}/${pid}/${name}`, 'r');
      } catch {
        return undefined;
      }
      held.set(pid, fd);
    }
    const text = this.readFd(fd);
    if (text === undefined) {
      held.delete(pid);
      closeSync(fd);
    }
    return text;
  }

  readStat(pid: number, hold = false): ProcStat | undefined {
    const text = this.readMaybeHeld(pid, 'stat', this.held, hold);
    return text === undefined ? undefined : parseProcStat(text);
  }

  release(pid: number): void {
    for (const held of [this.held, this.heldStatm]) {
      const fd = held.get(pid);
      if (fd === undefined) continue;
      held.delete(pid);
      closeSync(fd);
    }
  }

  readMemory(pid: number): MemoryRollup | undefined {
    const text = this.readSmall(`${this.root}/${pid}/smaps_rollup`);
    return text === undefined ? undefined : parseSmapsRollup(text);
  }

  readStatm(pid: number, hold = false): { residentKb: number; sharedKb: number } | undefined {
    const fields = this.readMaybeHeld(pid, 'statm', this.heldStatm, hold)?.split(' ');
    const resident = Number(fields?.[1]);
    const shared = Number(fields?.[2]);
    return Number.isFinite(resident) && Number.isFinite(shared) ? { residentKb: resident * this.pageSizeKb, sharedKb: shared * this.pageSizeKb } : undefined;
  }

  lastPid(): number | undefined {
    try {
      this.loadavgFd ??= openSync(`${this.root}/loadavg`, 'r');
    } catch {
      return undefined;
    }
    const text = this.readFd(this.loadavgFd);
    const last = Number(text?.trim().split(' ').pop());
    return Number.isInteger(last) ? last : undefined;
  }

  readSelfChildrenTicks(): number | undefined {
    const stat = this.readStat(process.pid);
    return stat ? stat.cutime + stat.cstime : undefined;
  }

  /** Closes every held file (the reader stays usable). */
  close(): void {
    for (const pid of [...this.held.keys(), ...this.heldStatm.keys()]) this.release(pid);
    if (this.loadavgFd !== undefined) closeSync(this.loadavgFd);
    this.loadavgFd = undefined;
  }
}

/** Whether this machine can be sampled through /proc with PSS (Linux 4.14+). */
export function procPssAvailable(root = '/proc'): boolean {
  return process.platform === 'linux' && existsSync(`${root}/self/smaps_rollup`);
}
