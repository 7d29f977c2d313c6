/**
 * Loading the two sides of a comparison from the command line: profile YAMLs (one or more
 * repeated runs per side) and, optionally, the directories of their eval outputs.
 */
import { existsSync, statSync } from 'node:fs';
import { loadMeasuredRun } from '../formats/loaders.js';
import { resolveEvalDir } from '../formats/eval-dir.js';
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
  throw new UserError(`--${flag} got ${dirs.length} directories for ${count} ${profilesFlag} run${count === 1 ? '' : 's'}`, [
    'give one directory (used for every run) or exactly one per run, in the same order',
  ]);
}

/**
 * An eval directory as given, or — when no such directory exists — a run id or experiment config of
 * the pipeline's data/eval/ tree under the current directory (`baseline_llm_openai_smoke_bullets_v1`).
 */
function evalDirOf(flag: string, given: string): string {
  if (existsSync(given) && statSync(given).isDirectory()) return given;
  try {
    return resolveEvalDir(given, process.cwd(), { insideCheckout: false }).dir;
  } catch (error) {
    throw new UserError(`--${flag}: ${(error as Error).message}`);
  }
}

export function loadSideFromFlags(name: Side['name'], profiles: readonly string[], evalDirs: readonly string[], flags: { profiles: string; evalDirs: string }): Side {
  if (profiles.length === 0) throw new UserError(`no ${name} profile given (${flags.profiles})`);
  const dirs = pairEvalDirs(flags.evalDirs, evalDirs, profiles.length, flags.profiles).map((d) => (d === undefined ? undefined : evalDirOf(flags.evalDirs, d)));
  return {
    name,
    runs: profiles.map((profile, i) => {
      const evalDir = dirs[i];
      return loadMeasuredRun(profile, evalDir !== undefined ? { evalDir } : {});
    }),
  };
}
