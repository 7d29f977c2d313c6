/** The real CgroupFs: synchronous node:fs calls (cgroup files are tiny and answered from memory). */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, writeFileSync, writeSync } from 'node:fs';
import type { CgroupFs, HeldFile } from './cgroup.js';

class HeldCgroupFile implements HeldFile {
  private readonly buffer = Buffer.allocUnsafe(16384);
  constructor(private fd: number | undefined) {}

  read(): string | undefined {
    if (this.fd === undefined) return undefined;
    try {
      const length = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
      return this.buffer.toString('latin1', 0, length);
    } catch {
      return undefined; // the group is gone
    }
  }

  write(text: string): boolean {
    if (this.fd === undefined) return false;
    try {
      writeSync(this.fd, text, 0);
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export const nodeCgroupFs: CgroupFs = {
  read(path) {
    try {
      return readFileSync(path, 'latin1');
    } catch {
      return undefined;
    }
  },
  write(path, text) {
    writeFileSync(path, text);
  },
  mkdir(path) {
    mkdirSync(path);
  },
  rmdir(path) {
    rmdirSync(path);
  },
  exists(path) {
    return existsSync(path);
  },
  canWrite(path) {
    try {
      accessSync(path, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
  list(path) {
    try {
      return readdirSync(path, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    } catch {
      return [];
    }
  },
  hold(path) {
    // Read-write where allowed (memory.peak is reset through the same open file), else read-only.
    for (const flags of ['r+', 'r'] as const) {
      try {
        return new HeldCgroupFile(openSync(path, flags));
      } catch {
        // try the next mode
      }
    }
    return undefined;
  },
};
