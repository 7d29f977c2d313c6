/**
 * Git for `baseline: ref:<ref>`: a detached worktree of the base ref beside the checkout, so the
 * baseline is measured with its own code in the same job. Arguments go to git as an argv, never
 * through a shell.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { UserError, errorMessage } from '../errors.js';

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface Worktree {
  /** The working directory inside the worktree that matches `working-directory` in the checkout. */
  cwd: string;
  sha: string;
  remove(): void;
}

function commitOf(repoDir: string, name: string): string | undefined {
  try {
    return git(repoDir, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
  } catch {
    return undefined;
  }
}

/**
 * The commit of `ref:<ref>`. A bare name is a branch, looked up by its full name — the fetched
 * `origin/<ref>` first (a PR checkout has no local base branch), then a local branch — so a tag
 * called `main`, which plain `git rev-parse main` prefers, cannot stand in for the branch. A tag or
 * any other ref is named in full (`refs/tags/v1.2`); a commit by its hexadecimal id.
 */
export function resolveRef(repoDir: string, ref: string): string {
  const candidates = ref.startsWith('refs/') ? [ref] : [`refs/remotes/origin/${ref}`, `refs/heads/${ref}`];
  for (const candidate of candidates) {
    const sha = commitOf(repoDir, candidate);
    if (sha) return sha;
  }
  if (/^[0-9a-f]{7,40}$/i.test(ref)) {
    const sha = commitOf(repoDir, ref);
    if (sha) return sha;
  }
  if (!ref.startsWith('refs/') && commitOf(repoDir, `refs/tags/${ref}`)) {
    throw new UserError(`baseline ref "${ref}" is a tag, not a branch: write ref:refs/tags/${ref} to measure the tag`);
  }
  throw new UserError(`baseline ref "${ref}" is not in the checkout`, ['check out with fetch-depth: 0 (actions/checkout), or fetch the base ref before this step']);
}

/**
 * actions/checkout fetches one commit by default (depth 1, no other branches): fetch just the ref
 * the baseline needs from `origin`. A public repository needs no credentials; a private one needs
 * the checkout's (`persist-credentials`), else fetch-depth: 0 in the checkout is the way.
 */
export function fetchRef(repoDir: string, ref: string): string | undefined {
  const specs = /^[0-9a-f]{40}$/i.test(ref) ? [ref] : ref.startsWith('refs/') ? [`+${ref}:${ref}`] : [`+refs/heads/${ref}:refs/remotes/origin/${ref}`, `+refs/tags/${ref}:refs/tags/${ref}`];
  let last = '';
  for (const spec of specs) {
    try {
      git(repoDir, ['fetch', '--no-tags', '--depth=1', 'origin', spec]);
      return undefined;
    } catch (error) {
      last =
        errorMessage(error)
          .split('\n')
          .filter((l) => l.trim() !== '')
          .slice(-1)[0] ?? '';
    }
  }
  return last || 'git fetch failed';
}

export function addWorktree(workingDir: string, ref: string, path: string): Worktree {
  let top: string;
  try {
    top = git(workingDir, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    throw new UserError(`baseline ref:${ref} needs a git checkout: ${workingDir} is not one (${errorMessage(error)})`);
  }
  let sha: string;
  try {
    sha = resolveRef(top, ref);
  } catch (missing) {
    const failed = fetchRef(top, ref);
    if (failed !== undefined) {
      throw new UserError(`baseline ref "${ref}" is not in the checkout, and fetching it from origin failed: ${failed}`, [
        "check out with fetch-depth: 0 (actions/checkout), or keep the checkout's credentials for a private repository",
      ]);
    }
    try {
      sha = resolveRef(top, ref);
    } catch {
      throw missing;
    }
  }
  try {
    git(top, ['worktree', 'add', '--detach', '--force', path, sha]);
  } catch (error) {
    throw new UserError(`cannot create a worktree of ${ref} at ${path}: ${errorMessage(error)}`);
  }
  return {
    cwd: resolve(path, relative(top, resolve(workingDir))),
    sha,
    remove: () => {
      try {
        git(top, ['worktree', 'remove', '--force', path]);
      } catch {
        // Left behind: the runner's temp dir is cleaned after the job anyway.
      }
    },
  };
}

export function headSha(workingDir: string): string | undefined {
  try {
    return git(workingDir, ['rev-parse', 'HEAD']);
  } catch {
    return undefined;
  }
}
