/**
 * The real ProcReader over Linux /proc. Synchronous reads into one reused buffer: a tick reads a
 * few small files per member, and sync calls cost far less than promise machinery at this size.
 */
import { closeSync, existsSync, openSync, readSync, readdirSync } from 'node:fs';
import { parseProcStat, parseSmapsRollup, type MemoryRollup, type ProcStat } from './proc-parse.js';
import type { ProcReader } from './ports.js';

/** CLK_TCK. Every Linux architecture Node runs on reports 100 to userspace (USER_HZ). */
const USER_HZ = 100;

export class LinuxProcReader implements ProcReader {
  readonly ticksPerSecond = USER_HZ;
  private readonly buffer = Buffer.allocUnsafe(8192);

  constructor(private readonly root = '/proc') {}

  private readSmall(path: string): string | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const length = readSync(fd, this.buffer, 0, this.buffer.length, 0);
      return this.buffer.toString('latin1', 0, length);
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

  readStat(pid: number): ProcStat | undefined {
    const text = this.readSmall(`${this.root}/${pid}/stat`);
    return text === undefined ? undefined : parseProcStat(text);
  }

  readMemory(pid: number): MemoryRollup | undefined {
    const text = this.readSmall(`${this.root}/${pid}/smaps_rollup`);
    return text === undefined ? undefined : parseSmapsRollup(text);
  }

  readSelfChildrenTicks(): number | undefined {
    const stat = this.readStat(process.pid);
    return stat ? stat.cutime + stat.cstime : undefined;
  }
}

/** Whether this machine can be sampled through /proc with PSS (Linux 4.14+). */
export function procPssAvailable(root = '/proc'): boolean {
  return process.platform === 'linux' && existsSync(`${root}/self/smaps_rollup`);
}
