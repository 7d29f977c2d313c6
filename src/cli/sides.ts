/**
 * Loading the two sides of a comparison from the command line: profile YAMLs (one or more
 * repeated runs per side) and, optionally, the directories of their eval outputs.
 */
import { loadMeasuredRun } from '../compare/loaders.js';
import type { Side } from '../compare/types.js';
import { UserError } from '../errors.js';

/**
 * Eval directories for `count` runs: none → found beside each profile; one → used for every run;
 * as many as runs → paired in order; anything else is an error naming the flag.
 */
export function pairEvalDirs(flag: string, dirs: readonly string[], count: number, profilesFlag: string): (string | undefined)[] {
  if (dirs.length === 0) return Array.from({ length: count }, () => undefined);
  if (dirs.length === 1) return Array.from({ length: count }, () => dirs[0]);
  if (dirs.length === count) return [...dirs];
  throw new UserError(
    `--${flag} got ${dirs.length} directories for ${count} ${profilesFlag} run${count === 1 ? '' : 's'}`,
    ['give one directory (used for every run) or exactly one per run, in the same order'],
  );
}

export function loadSide(name: Side['name'], profiles: readonly string[], evalDirs: readonly string[], flags: { profiles: string; evalDirs: string }): Side {
  if (profiles.length === 0) throw new UserError(`no ${name} profile given (${flags.profiles})`);
  const dirs = pairEvalDirs(flags.evalDirs, evalDirs, profiles.length, flags.profiles);
  return {
    name,
    runs: profiles.map((profile, i) => {
      const evalDir = dirs[i];
      return loadMeasuredRun(profile, evalDir !== undefined ? { evalDir } : {});
    }),
  };
}
