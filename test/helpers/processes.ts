/** Looking at real processes from a test (Linux /proc). */
import { readdirSync, readFileSync } from 'node:fs';
import { parseProcStat } from '../../src/measure/proc-parse.js';

/** Pids of running processes whose session is `sid` (zombies hold nothing; some sandbox inits never reap them). */
export function sessionMembers(sid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'latin1'));
        return stat?.session === sid && stat.state !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}
