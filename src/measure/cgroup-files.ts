/**
 * Parsers for the kernel's cgroup files (pure: text in, numbers out), for both hierarchies:
 * cgroup v2 (`memory.current`, `memory.peak`, `memory.stat` with `anon`/`file`/`shmem`/`kernel`,
 * `cpu.stat` in µs) and v1 (`memory.usage_in_bytes`, `memory.max_usage_in_bytes`, `memory.stat` with
 * `total_rss`/`total_cache`/`total_shmem`, `cpuacct.usage` in ns), plus `/proc/self/cgroup` and
 * `/proc/self/mountinfo` to find where our own group lives.
 */

export interface ProcCgroupLine {
  /** Hierarchy id; 0 is the unified (v2) hierarchy. */
  id: number;
  /** Controllers bound to the hierarchy (empty for v2); `name=systemd` style names kept as is. */
  controllers: string[];
  /** Path of the group inside its hierarchy, e.g. `/system.slice/runner.service`. */
  path: string;
}

/** `/proc/<pid>/cgroup`: `id:controllers:path` per line. */
export function parseProcCgroup(text: string): ProcCgroupLine[] {
  const lines: ProcCgroupLine[] = [];
  for (const line of text.split('\n')) {
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first <= 0 || second < 0) continue;
    const id = Number(line.slice(0, first));
    if (!Number.isInteger(id)) continue;
    const controllers = line.slice(first + 1, second);
    lines.push({ id, controllers: controllers === '' ? [] : controllers.split(','), path: line.slice(second + 1) });
  }
  return lines;
}

export interface CgroupMount {
  /** `cgroup2`, or `cgroup` (v1). */
  type: 'cgroup2' | 'cgroup';
  mountPoint: string;
  /** The part of the hierarchy mounted there (`/` unless a container mounted a subtree). */
  root: string;
  /** v1: the controllers of the hierarchy (from the super options); v2: empty. */
  controllers: string[];
}

/** `/proc/self/mountinfo` lines of cgroup file systems. Octal escapes (`\040` for a space) are decoded. */
export function parseCgroupMounts(text: string): CgroupMount[] {
  const mounts: CgroupMount[] = [];
  const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_m, code: string) => String.fromCharCode(parseInt(code, 8)));
  for (const line of text.split('\n')) {
    const dash = line.indexOf(' - ');
    if (dash < 0) continue;
    const before = line.slice(0, dash).split(' ');
    const after = line.slice(dash + 3).split(' ');
    const type = after[0];
    if (type !== 'cgroup2' && type !== 'cgroup') continue;
    const options = (after[2] ?? '').split(',');
    const known = new Set(['rw', 'ro', 'nsdelegate', 'memory_recursiveprot', 'memory_localevents', 'favordynmods', 'clone_children', 'noprefix', 'xattr']);
    mounts.push({
      type,
      root: unescape(before[3] ?? '/'),
      mountPoint: unescape(before[4] ?? ''),
      controllers: type === 'cgroup' ? options.filter((o) => !known.has(o) && !o.startsWith('release_agent=') && !o.startsWith('name=')) : [],
    });
  }
  return mounts;
}

/** A file of `key value` lines (memory.stat, cpu.stat) as a map; values that are not numbers are skipped. */
export function parseKeyValues(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) values.set(line.slice(0, space), value);
  }
  return values;
}

/** A single number (memory.current, memory.peak, usage_in_bytes, cpuacct.usage); `max` and junk are undefined. */
export function parseSingleNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** cgroup.procs: one pid per line. */
export function parsePids(text: string | undefined): number[] {
  if (text === undefined) return [];
  const pids: number[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const pid = Number(line);
    if (Number.isInteger(pid) && pid > 0) pids.push(pid);
  }
  return pids;
}

/** What the kernel charges to a group, in bytes, split the way a profile needs it. */
export interface GroupMemory {
  /** Anonymous memory (heaps, stacks, copy-on-write copies): each page once, however many processes map it. */
  anon: number;
  /** Shared memory (tmpfs, shm, MAP_SHARED anonymous mappings): each page once. */
  shmem: number;
  /** Page cache other than shmem (files read or mapped, e.g. model weights read from disk). */
  fileCache: number;
  /** Kernel memory (stacks, page tables, slab) when the hierarchy states it (v2), else 0. */
  kernel: number;
}

/** cgroup v2 memory.stat: `file` includes `shmem`. */
export function memoryFromV2Stat(stat: ReadonlyMap<string, number>): GroupMemory | undefined {
  const anon = stat.get('anon');
  const file = stat.get('file');
  if (anon === undefined || file === undefined) return undefined;
  const shmem = stat.get('shmem') ?? 0;
  const kernel = stat.get('kernel') ?? (stat.get('kernel_stack') ?? 0) + (stat.get('pagetables') ?? 0) + (stat.get('slab') ?? 0);
  return { anon, shmem, fileCache: Math.max(0, file - shmem), kernel };
}

/**
 * cgroup v1 memory.stat: the `total_*` keys include descendant groups (the measured tree may create
 * some); `rss` is anonymous memory, `cache` is page cache including `shmem`.
 */
export function memoryFromV1Stat(stat: ReadonlyMap<string, number>): GroupMemory | undefined {
  const anon = stat.get('total_rss') ?? stat.get('rss');
  const cache = stat.get('total_cache') ?? stat.get('cache');
  if (anon === undefined || cache === undefined) return undefined;
  const shmem = stat.get('total_shmem') ?? stat.get('shmem') ?? 0;
  return { anon, shmem, fileCache: Math.max(0, cache - shmem), kernel: 0 };
}

/** cgroup v2 cpu.stat `usage_usec` in seconds (every process that ever ran in the group, reaped or not). */
export function cpuSecondsFromV2Stat(stat: ReadonlyMap<string, number>): number | undefined {
  const usec = stat.get('usage_usec');
  return usec === undefined ? undefined : usec / 1e6;
}
