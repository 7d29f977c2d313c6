/**
 * `profile-output` (external freeze): where the project's freeze command writes its profile. The
 * action removes a stale file there before each run, so the path must be a file inside the working
 * directory — never a folder, never anything outside it, not even through a symbolic link.
 */
import { existsSync, lstatSync, realpathSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { Inputs } from '../inputs/constants.js';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Where `path` really is: its deepest existing folder with links followed, plus the rest. */
function realLocation(path: string): string {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(realpathSync(dir), relative(dir, path));
}

/** Refuses a path the action must not write or remove: outside `cwd`, a folder, a link. */
function check(cwd: string, path: string, shown: string): void {
  const refuse = (why: string) => new UserError(`input '${Inputs.ProfileOutput}': ${shown} ${why}`);
  if (!inside(resolve(cwd), path) || !inside(realpathSync(cwd), realLocation(path))) {
    throw refuse('is outside the working directory: the freeze must write its profile inside it (a stale one there is removed before each run)');
  }
  if (!existsSync(path) && !isLink(path)) return;
  const stat = lstatSync(path);
  if (stat.isDirectory()) throw refuse('is a directory: expected the path of the profile YAML the freeze writes (e.g. out/profile.yaml)');
  if (!stat.isFile()) throw refuse('is not a regular file (a symbolic link or a device): expected the path of the profile YAML the freeze writes');
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The absolute path the freeze writes for a side running in `cwd` (a UserError when it may not be used). */
export function profileOutputPath(cwd: string, profileOutput: string): string {
  const path = resolve(cwd, profileOutput);
  check(cwd, path, profileOutput);
  return path;
}

/** Removes a previous run's profile and stage_truth before the next run (only plain files inside `cwd`). */
export function removeStaleOutputs(cwd: string, paths: readonly string[]): void {
  for (const path of paths) {
    check(cwd, path, relative(cwd, path));
    rmSync(path, { force: true });
  }
}
