/**
 * A cgroup of our own for one measured command: the kernel then counts the tree's memory and CPU
 * for us (every process that ever ran in it, reaped or not, however it forked or detached), lists
 * its members, and can end all of them at once.
 *
 * Rules kept here: groups are created only as children of the groups this process already runs in
 * (what was delegated to us), nothing of a group we did not create is ever written, and what we
 * create is removed. Both layouts are handled: pure cgroup v2 (`/sys/fs/cgroup`, memory when our
 * group delegates the controller to its children) and v1/hybrid (memory in the v1 `memory`
 * hierarchy, the unified hierarchy — if mounted — for membership, CPU and `cgroup.kill`).
 * The files go through `CgroupFs` so the v2 path can be tested on recorded contents.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { cpuSecondsFromV2Stat, memoryFromV1Stat, memoryFromV2Stat, parseCgroupMounts, parseKeyValues, parsePids, parseProcCgroup, parseSingleNumber, type GroupMemory } from './cgroup-files.js';

/** A file kept open and re-read (or written) at offset 0: cgroup files regenerate on each read. */
export interface HeldFile {
  read(): string | undefined;
  /** False when the kernel refused the write (e.g. memory.peak before Linux 6.12). */
  write(text: string): boolean;
  close(): void;
}

/** The file-system side of cgroups (real: cgroup-fs.ts; tests: a recorded tree). */
export interface CgroupFs {
  read(path: string): string | undefined;
  /** Throws (with the errno code) when the write is refused. */
  write(path: string, text: string): void;
  mkdir(path: string): void;
  /** Throws (EBUSY while processes remain). */
  rmdir(path: string): void;
  exists(path: string): boolean;
  canWrite(path: string): boolean;
  /** Names of the sub-directories (child groups) of a group. */
  list(path: string): string[];
  hold(path: string): HeldFile | undefined;
}

/** Where this process's own groups are, and what we may do there. */
export interface CgroupPlaces {
  /** Our group in the unified (v2) hierarchy, when we may create children there and move processes into them. */
  unified?: string;
  /** Our group in the v1 memory hierarchy (hybrid and v1 hosts), same conditions. */
  v1Memory?: string;
  /** Our group in the v1 cpuacct hierarchy, used only when there is no unified one. */
  v1Cpuacct?: string;
}

function placeOf(fs: CgroupFs, mountPoint: string, mountRoot: string, path: string, why: string[], label: string): string | undefined {
  if (mountRoot !== '/' && path !== mountRoot && !path.startsWith(`${mountRoot}/`)) {
    why.push(`${label}: our group ${path} is outside the mounted part ${mountRoot}`);
    return undefined;
  }
  const dir = join(mountPoint, mountRoot === '/' ? path : path.slice(mountRoot.length)).replace(/(.)\/$/, '$1');
  if (!fs.exists(dir)) why.push(`${label}: ${dir} not found`);
  else if (!fs.canWrite(dir)) why.push(`${label}: cannot create groups in ${dir} (not delegated to this user)`);
  else if (!fs.canWrite(join(dir, 'cgroup.procs'))) why.push(`${label}: cannot move processes out of ${dir} (its cgroup.procs is not writable)`);
  else return dir;
  return undefined;
}

/** Finds our own groups from `/proc/self/cgroup` and `/proc/self/mountinfo`; `why` says what is missing. */
export function findCgroupPlaces(fs: CgroupFs, procSelfCgroup: string, mountinfo: string): { places: CgroupPlaces; why: string[] } {
  const lines = parseProcCgroup(procSelfCgroup);
  const mounts = parseCgroupMounts(mountinfo);
  const why: string[] = [];
  const places: CgroupPlaces = {};
  const v2Line = lines.find((l) => l.id === 0);
  const v2Mount = mounts.find((m) => m.type === 'cgroup2');
  if (v2Line && v2Mount) {
    const dir = placeOf(fs, v2Mount.mountPoint, v2Mount.root, v2Line.path, why, 'cgroup v2');
    if (dir) places.unified = dir;
  } else why.push('cgroup v2: not mounted');
  for (const controller of ['memory', 'cpuacct'] as const) {
    const line = lines.find((l) => l.id !== 0 && l.controllers.includes(controller));
    const mount = mounts.find((m) => m.type === 'cgroup' && m.controllers.includes(controller));
    if (!line || !mount) continue;
    if (controller === 'cpuacct' && places.unified) continue;
    const dir = placeOf(fs, mount.mountPoint, mount.root, line.path, why, `cgroup v1 ${controller}`);
    if (dir && controller === 'memory') places.v1Memory = dir;
    if (dir && controller === 'cpuacct') places.v1Cpuacct = dir;
  }
  return { places, why };
}

/** One reading of a tree's group. Bytes and seconds. */
export interface GroupReading {
  memory?: GroupMemory;
  /** All memory charged now (anon + page cache + kernel). */
  usage?: number;
  /** Highest `usage` since the previous reading (`peakIsInterval`) or since the group was made. */
  peak?: number;
  peakIsInterval: boolean;
  cpuSeconds?: number;
  pids: number[];
}

let groupsMade = 0;
/** Our groups are named `optimization-gate-<creator pid>-<n>-<random>`. */
const GROUP_NAME = /^optimization-gate-(\d+)-\d+-[0-9a-f]+$/;

export class TreeGroup {
  /** Directories created, in creation order (removed in reverse). */
  private readonly dirs: string[] = [];
  private readonly held = new Map<string, HeldFile>();
  private peakResets: boolean | undefined;
  private wasReadBefore = false;
  readonly memory: 'v2' | 'v1' | undefined;
  readonly cpu: 'v2' | 'v1' | undefined;
  private readonly membership: string;
  private readonly unifiedDir: string | undefined;
  private readonly memoryDir: string | undefined;
  private readonly cpuDir: string | undefined;

  private constructor(
    private readonly fs: CgroupFs,
    places: CgroupPlaces,
    name: string,
    adopt = false,
  ) {
    const make = (parent: string | undefined): string | undefined => {
      if (parent === undefined) return undefined;
      const dir = join(parent, name);
      // An existing group of ours (left by a process that died) is taken as it is.
      if (adopt) return fs.exists(dir) ? (this.dirs.push(dir), dir) : undefined;
      return this.make(dir);
    };
    try {
      this.unifiedDir = make(places.unified);
      if (places.v1Memory !== undefined) this.memoryDir = make(places.v1Memory);
      else if (this.unifiedDir !== undefined && fs.exists(join(this.unifiedDir, 'memory.current'))) this.memoryDir = this.unifiedDir;
      this.cpuDir = this.unifiedDir ?? make(places.v1Cpuacct);
    } catch (error) {
      this.removeNow();
      throw error;
    }
    this.memory = this.memoryDir === undefined ? undefined : this.memoryDir === this.unifiedDir ? 'v2' : 'v1';
    this.cpu = this.cpuDir === undefined ? undefined : this.cpuDir === this.unifiedDir ? 'v2' : 'v1';
    const first = this.dirs[0];
    if (first === undefined) throw new Error('no cgroup hierarchy to create a group in');
    this.membership = join(first, 'cgroup.procs');
  }

  /**
   * Groups of ours whose creator is gone (a run killed before it could clean up, e.g. a cancelled job):
   * what they still hold must not outlive that run. `alive(pid)` says whether a creator still runs.
   */
  static stale(fs: CgroupFs, places: CgroupPlaces, alive: (pid: number) => boolean): TreeGroup[] {
    const names = new Set<string>();
    for (const dir of [places.unified, places.v1Memory, places.v1Cpuacct]) {
      if (dir === undefined) continue;
      for (const name of fs.list(dir)) {
        const creator = GROUP_NAME.exec(name)?.[1];
        if (creator !== undefined && Number(creator) !== process.pid && !alive(Number(creator))) names.add(name);
      }
    }
    return [...names].map((name) => new TreeGroup(fs, places, name, true));
  }

  /** Creates the group in every usable hierarchy; throws (nothing left behind) when one cannot be made. */
  static create(fs: CgroupFs, places: CgroupPlaces, name = `optimization-gate-${process.pid}-${++groupsMade}-${randomBytes(3).toString('hex')}`): TreeGroup {
    return new TreeGroup(fs, places, name);
  }

  private make(dir: string): string {
    this.fs.mkdir(dir);
    this.dirs.push(dir);
    return dir;
  }

  /** What holds the tree, for the report: e.g. `cgroup v1 (memory) + cgroup v2`. */
  describe(): string {
    const parts: string[] = [];
    if (this.memory === 'v1') parts.push('cgroup v1 (memory)');
    if (this.unifiedDir) parts.push(this.memory === 'v2' ? 'cgroup v2 (memory, cpu)' : 'cgroup v2 (cpu, no memory controller)');
    if (this.cpu === 'v1') parts.push('cgroup v1 (cpuacct)');
    return parts.join(' + ');
  }

  /** The `cgroup.procs` files a new process must be written into, one per hierarchy. */
  procsFiles(): string[] {
    return this.dirs.map((dir) => join(dir, 'cgroup.procs'));
  }

  /** Moves a process (and so everything it starts afterwards) into the group. Throws when refused. */
  enter(pid: number): void {
    for (const file of this.procsFiles()) this.fs.write(file, String(pid));
  }

  private heldFile(path: string): HeldFile | undefined {
    let file = this.held.get(path);
    if (!file) {
      file = this.fs.hold(path);
      if (file) this.held.set(path, file);
    }
    return file;
  }

  private readHeld(dir: string | undefined, name: string): string | undefined {
    return dir === undefined ? undefined : this.heldFile(join(dir, name))?.read();
  }

  pids(): number[] {
    return parsePids(this.heldFile(this.membership)?.read());
  }

  /**
   * Reads the peak first and resets it (so the next reading's peak covers only the interval in
   * between), then the usage and the breakdown, the CPU and the members.
   */
  read(): GroupReading {
    const reading: GroupReading = { peakIsInterval: false, pids: this.pids() };
    if (this.memoryDir !== undefined) {
      const v2 = this.memory === 'v2';
      const peakFile = this.heldFile(join(this.memoryDir, v2 ? 'memory.peak' : 'memory.max_usage_in_bytes'));
      const peak = parseSingleNumber(peakFile?.read());
      if (peak !== undefined) reading.peak = peak;
      // v2: any write resets the peak seen through this open file (Linux 6.12+); v1: writing 0 resets it.
      if (peakFile && this.peakResets !== false) this.peakResets = peakFile.write(v2 ? 'reset\n' : '0\n');
      // The first reading's peak covers the time since the group was made: the first interval too.
      reading.peakIsInterval = peak !== undefined && (!this.wasReadBefore || this.peakResets === true);
      const usage = parseSingleNumber(this.readHeld(this.memoryDir, v2 ? 'memory.current' : 'memory.usage_in_bytes'));
      if (usage !== undefined) reading.usage = usage;
      const statText = this.readHeld(this.memoryDir, 'memory.stat');
      const memory = statText === undefined ? undefined : (v2 ? memoryFromV2Stat : memoryFromV1Stat)(parseKeyValues(statText));
      if (memory) reading.memory = memory;
    }
    if (this.cpu === 'v2') {
      const text = this.readHeld(this.cpuDir, 'cpu.stat');
      const cpu = text === undefined ? undefined : cpuSecondsFromV2Stat(parseKeyValues(text));
      if (cpu !== undefined) reading.cpuSeconds = cpu;
    } else if (this.cpu === 'v1') {
      const ns = parseSingleNumber(this.readHeld(this.cpuDir, 'cpuacct.usage'));
      if (ns !== undefined) reading.cpuSeconds = ns / 1e9;
    }
    this.wasReadBefore = true;
    return reading;
  }

  /** Whether the kernel let us reset the peak (known after the first reading). */
  peakResettable(): boolean | undefined {
    return this.peakResets;
  }

  /**
   * Ends every process in the group: `cgroup.kill` where the kernel has it (v2, Linux 5.14+), else
   * SIGKILL to each member until none is left (a member may fork while we kill). Resolves with how
   * many processes were there when we started, and whether the group emptied in time.
   */
  async killAll(signal: (pid: number, sig: NodeJS.Signals) => void, wait: (ms: number) => Promise<void>, timeoutMs = 3000): Promise<{ found: number; emptied: boolean }> {
    const found = this.pids().length;
    if (found === 0) return { found, emptied: true };
    const killFile = this.unifiedDir !== undefined ? join(this.unifiedDir, 'cgroup.kill') : undefined;
    let viaKillFile = false;
    if (killFile !== undefined && this.fs.exists(killFile)) {
      try {
        this.fs.write(killFile, '1');
        viaKillFile = true;
      } catch {
        // An older kernel or a refused write: kill one by one below.
      }
    }
    for (let waited = 0; ; waited += 10) {
      const left = this.pids();
      if (left.length === 0) return { found, emptied: true };
      if (waited >= timeoutMs) return { found, emptied: false };
      if (!viaKillFile) for (const pid of left) signal(pid, 'SIGKILL');
      await wait(10);
    }
  }

  /** Sends a signal to every member (a graceful stop before killAll). */
  signalAll(signal: (pid: number, sig: NodeJS.Signals) => void, sig: NodeJS.Signals): void {
    for (const pid of this.pids()) signal(pid, sig);
  }

  private removeNow(): string[] {
    const problems: string[] = [];
    for (const file of this.held.values()) file.close();
    this.held.clear();
    for (const dir of [...this.dirs].reverse()) {
      try {
        this.fs.rmdir(dir);
        this.dirs.splice(this.dirs.indexOf(dir), 1);
      } catch (error) {
        problems.push(`${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
    }
    return problems;
  }

  /** Removes what we created; retries briefly while the kernel still releases the last exited members. */
  async remove(wait: (ms: number) => Promise<void>): Promise<string[]> {
    let problems = this.removeNow();
    for (let attempt = 0; problems.length > 0 && attempt < 20; attempt++) {
      await wait(25);
      problems = this.removeNow();
    }
    return problems;
  }
}
