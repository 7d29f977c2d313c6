/**
 * An in-memory cgroup file system that behaves like the kernel's where the code depends on it:
 * mkdir gives a v2 child the memory files only when its parent delegates `memory` in
 * cgroup.subtree_control; memory.peak (v2) and memory.max_usage_in_bytes (v1) reset to the current
 * usage on a write (v2 only when `peakResettable`, i.e. Linux 6.12+); cgroup.kill empties the group;
 * rmdir fails with EBUSY while processes remain. Every write is recorded.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CgroupFs, HeldFile } from '../../src/measure/cgroup.js';

export const CGROUP_FIXTURES = new URL('../fixtures/cgroup/', import.meta.url).pathname;

export function fixture(folder: string, name: string): string {
  return readFileSync(join(CGROUP_FIXTURES, folder, name), 'utf8');
}

function errno(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(code);
  error.code = code;
  return error;
}

export class FakeCgroupFs implements CgroupFs {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>();
  readonly writes: Array<{ path: string; text: string }> = [];
  readonly readOnly = new Set<string>();
  /** v2 memory.peak accepts a write (Linux 6.12+). */
  peakResettable = true;
  /** Called on mkdir of a v2 child, to fill in the files a fresh group has. */
  v2Root: string | undefined;

  dir(path: string, files: Record<string, string> = {}): this {
    this.dirs.add(path);
    for (const [name, text] of Object.entries(files)) this.files.set(join(path, name), text);
    return this;
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  write(path: string, text: string): void {
    this.writes.push({ path, text });
    if (this.readOnly.has(path) || this.readOnly.has(dirname(path))) throw errno('EACCES');
    if (!this.files.has(path)) throw errno('ENOENT');
    const name = path.slice(path.lastIndexOf('/') + 1);
    const dir = dirname(path);
    if (name === 'cgroup.procs') {
      // A pid moves: out of every other group of the same hierarchy, into this one.
      for (const [other, content] of this.files) {
        if (other.endsWith('/cgroup.procs') && other !== path && this.sameHierarchy(other, path)) {
          this.files.set(
            other,
            content
              .split('\n')
              .filter((l) => l !== '' && l !== text.trim())
              .map((l) => `${l}\n`)
              .join(''),
          );
        }
      }
      this.files.set(path, `${this.files.get(path) ?? ''}${text.trim()}\n`);
    } else if (name === 'cgroup.kill') {
      this.files.set(join(dir, 'cgroup.procs'), '');
    } else if (name === 'memory.peak') {
      if (!this.peakResettable) throw errno('EINVAL');
      this.files.set(path, this.files.get(join(dir, 'memory.current')) ?? '0\n');
    } else if (name === 'memory.max_usage_in_bytes') {
      this.files.set(path, this.files.get(join(dir, 'memory.usage_in_bytes')) ?? '0\n');
    } else this.files.set(path, text);
  }

  private sameHierarchy(a: string, b: string): boolean {
    const top = (p: string): string => p.split('/').slice(0, 5).join('/');
    return top(a) === top(b);
  }

  mkdir(path: string): void {
    if (this.dirs.has(path)) throw errno('EEXIST');
    const parent = dirname(path);
    if (!this.dirs.has(parent)) throw errno('ENOENT');
    if (this.readOnly.has(parent)) throw errno('EACCES');
    this.dirs.add(path);
    this.files.set(join(path, 'cgroup.procs'), '');
    if (this.v2Root !== undefined && path.startsWith(this.v2Root)) {
      this.files.set(join(path, 'cgroup.kill'), '');
      this.files.set(join(path, 'cpu.stat'), 'usage_usec 0\nuser_usec 0\nsystem_usec 0\n');
      if ((this.files.get(join(parent, 'cgroup.subtree_control')) ?? '').split(/\s/).includes('memory')) {
        for (const name of ['memory.current', 'memory.peak']) this.files.set(join(path, name), '0\n');
        this.files.set(join(path, 'memory.stat'), 'anon 0\nfile 0\nkernel 0\nshmem 0\n');
      }
    } else {
      for (const name of ['memory.usage_in_bytes', 'memory.max_usage_in_bytes']) this.files.set(join(path, name), '0\n');
      this.files.set(join(path, 'memory.stat'), 'total_rss 0\ntotal_cache 0\ntotal_shmem 0\n');
    }
  }

  rmdir(path: string): void {
    if (!this.dirs.has(path)) throw errno('ENOENT');
    if ((this.files.get(join(path, 'cgroup.procs')) ?? '').trim() !== '') throw errno('EBUSY');
    this.dirs.delete(path);
    for (const file of [...this.files.keys()]) if (dirname(file) === path) this.files.delete(file);
  }

  exists(path: string): boolean {
    return this.dirs.has(path) || this.files.has(path);
  }

  canWrite(path: string): boolean {
    return this.exists(path) && !this.readOnly.has(path);
  }

  list(path: string): string[] {
    return [...this.dirs].filter((d) => dirname(d) === path).map((d) => d.slice(path.length + 1));
  }

  hold(path: string): HeldFile | undefined {
    if (!this.files.has(path)) return undefined;
    return {
      read: () => this.files.get(path),
      write: (text) => {
        try {
          this.write(path, text);
          return true;
        } catch {
          return false;
        }
      },
      close: () => undefined,
    };
  }
}
