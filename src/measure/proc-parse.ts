/**
 * Parsers for the Linux /proc files the sampler reads. Pure: text in, numbers out.
 * `stat` is parsed after the LAST `)` because `comm` may itself contain spaces and parentheses.
 */

export interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  /** Kernel task flags (PF_*): PF_EXITING marks a process tearing itself down. */
  flags: number;
  /** Minor page faults so far: a copy-on-write break is one, with no change in RSS. */
  minflt: number;
  ppid: number;
  pgrp: number;
  session: number;
  /** CPU time of the process itself (all threads), in clock ticks. */
  utime: number;
  stime: number;
  /** CPU time of the children it has waited for, in clock ticks. */
  cutime: number;
  cstime: number;
  /** Clock ticks after boot at which the process started; with the pid it identifies a process (pid reuse guard). */
  starttime: number;
  /** Resident set size in pages (cheap; counts shared pages in full). */
  rssPages: number;
  /** Start of the text segment: changes when the process exec()s a new program (randomised per exec). */
  startcode: number;
  /** Signal sent to the parent at exit: -1 for a thread that is not its group's leader (/proc/<tid> exists too). */
  exitSignal: number;
}

/** Parses `/proc/<pid>/stat`; undefined when the text is not a stat line (e.g. truncated). */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open <= 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  // Fields after comm, numbered from 3 (state) as in proc(5).
  const fields = text
    .slice(close + 2)
    .trim()
    .split(' ');
  if (fields.length < 20 || !Number.isInteger(pid)) return undefined;
  const num = (field: number): number => Number(fields[field - 3]);
  const stat: ProcStat = {
    pid,
    comm: text.slice(open + 1, close),
    state: fields[0] ?? '?',
    flags: num(9),
    minflt: num(10),
    ppid: num(4),
    pgrp: num(5),
    session: num(6),
    utime: num(14),
    stime: num(15),
    cutime: num(16),
    cstime: num(17),
    starttime: num(22),
    rssPages: num(24),
    startcode: num(26),
    exitSignal: fields.length > 35 ? num(38) : 17,
  };
  for (const value of [stat.flags, stat.minflt, stat.ppid, stat.pgrp, stat.session, stat.utime, stat.stime, stat.cutime, stat.cstime, stat.starttime, stat.rssPages]) {
    if (!Number.isFinite(value)) return undefined;
  }
  return stat;
}

const PF_EXITING = 0x4;

/** A process that is exiting or has exited: its memory is being (or has been) released. */
export function isExiting(stat: ProcStat): boolean {
  return stat.state === 'Z' || stat.state === 'X' || stat.state === 'x' || (stat.flags & PF_EXITING) !== 0;
}

export interface MemoryRollup {
  /** Proportional set size: shared pages divided among the processes sharing them. */
  pssKb: number;
  rssKb: number;
  /** Pages mapped by this process only (Private_Clean + Private_Dirty). */
  privateKb: number;
  /** Anonymous pages (`Anonymous:`), when the kernel states them. */
  anonKb?: number;
}

function kbField(text: string, name: string): number | undefined {
  const at = text.indexOf(`\n${name}:`);
  if (at === -1) return undefined;
  const value = Number.parseInt(text.slice(at + name.length + 2, text.indexOf('\n', at + 1)).trim(), 10);
  return Number.isFinite(value) ? value : undefined;
}

/** Parses `/proc/<pid>/smaps_rollup` (first line is the address range, then `Name: N kB` lines). */
export function parseSmapsRollup(text: string): MemoryRollup | undefined {
  const rss = kbField(text, 'Rss');
  const pss = kbField(text, 'Pss');
  if (rss === undefined || pss === undefined) return undefined;
  const anon = kbField(text, 'Anonymous');
  return { pssKb: pss, rssKb: rss, privateKb: (kbField(text, 'Private_Clean') ?? 0) + (kbField(text, 'Private_Dirty') ?? 0), ...(anon !== undefined ? { anonKb: anon } : {}) };
}

export interface CpuInfo {
  model?: string;
  /** Distinct (physical id, core id) pairs; undefined when the file does not list core ids (some VMs, ARM). */
  physicalCores?: number;
}

export function parseCpuinfo(text: string): CpuInfo {
  const info: CpuInfo = {};
  const cores = new Set<string>();
  let physicalId = '0';
  for (const line of text.split('\n')) {
    const sep = line.indexOf(':');
    if (sep === -1) continue;
    const key = line.slice(0, sep).trim();
    const value = line.slice(sep + 1).trim();
    if (key === 'model name' && info.model === undefined && value !== '') info.model = value;
    else if (key === 'physical id') physicalId = value;
    else if (key === 'core id') cores.add(`${physicalId}:${value}`);
  }
  if (cores.size > 0) info.physicalCores = cores.size;
  return info;
}
