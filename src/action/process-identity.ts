/**
 * Whether the process a samples file names is still the measured run's: a pid is reused once its
 * process is gone, so the post step checks the start time (`/proc/<pid>/stat`) before it signals.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseProcStat } from '../measure/proc-parse.js';

/** CLK_TCK: every Linux architecture Node runs on reports 100 to userspace (USER_HZ). */
const USER_HZ = 100;
/** btime is whole seconds and clocks are slewed: a start this much after the record still counts. */
const TOLERANCE_S = 2;

/**
 * - `ours`: the root still runs (it started no later than the header says), or it is gone but
 *   members of its process group remain (Linux does not reuse a pid while it names a live group);
 * - `reused`: a process with that pid started after the run began: another process;
 * - `gone`: nothing of the run is left; `unknown`: no /proc to tell (then nothing is signalled).
 */
export type RootState = 'ours' | 'reused' | 'gone' | 'unknown';

/** Some process of the group `pid` leads is still there. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function rootState(pid: number, startedAt: number, procRoot = '/proc'): RootState {
  if (!existsSync(`${procRoot}/stat`)) return 'unknown';
  const btime = Number(/^btime (\d+)$/m.exec(readFileSync(`${procRoot}/stat`, 'utf8'))?.[1]);
  let statText: string;
  try {
    statText = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return groupAlive(pid) ? 'ours' : 'gone';
  }
  const stat = parseProcStat(statText);
  if (!stat || !Number.isFinite(btime)) return 'unknown';
  const started = btime + stat.starttime / USER_HZ;
  return started <= startedAt + TOLERANCE_S ? 'ours' : 'reused';
}
