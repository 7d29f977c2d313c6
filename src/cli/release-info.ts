/**
 * Which commit of optimization-gate the workflows written by `init` pin. A commit cannot name its own
 * SHA, so a release is two commits: the release's code (P), then a commit that records P in
 * `release.json` and pins the reusable workflows to P (`npm run pin-release -- vX.Y.Z`, checked by
 * release.yml). A copy of this package at or after a release therefore knows the last released commit;
 * one before any release does not, and `init` then asks for `--action-ref` instead of guessing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

export const ACTION_REPO = 'optimization-gate/optimization-gate';
/** The moving major tag release.yml keeps on the newest release (what `--ref-style tag` uses without a release stamp). */
export const MAJOR_TAG = 'v1';
export const RELEASE_FILE = 'release.json';

export interface ReleaseInfo {
  /** The release tag, `vX.Y.Z`. */
  version: string;
  /** The released commit (40 hex): the action's code at that commit is the release. */
  sha: string;
}

export interface ActionPin {
  /** What follows `@` in `uses:`: a full SHA, or a tag. */
  ref: string;
  /** The version the ref stands for (written as a comment after a SHA), when known. */
  version?: string;
}

const SHA = /^[0-9a-f]{40}$/;

/** This package's root: the nearest folder above this module with the action's action.yml and package.json. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(join(dir, 'action.yml')) && existsSync(pkg) && /"name":\s*"optimization-gate"/.test(readFileSync(pkg, 'utf8'))) return dir;
    if (dirname(dir) === dir) throw new UserError('cannot find the optimization-gate package (action.yml beside package.json) above this script');
  }
}

/** The release stamp of this copy, or undefined before the first release. A malformed stamp is an error, never ignored. */
export function readReleaseInfo(root: string): ReleaseInfo | undefined {
  const path = join(root, RELEASE_FILE);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserError(`${path}: not JSON (${(error as Error).message})`);
  }
  const { version, sha } = (data ?? {}) as { version?: unknown; sha?: unknown };
  if (typeof version !== 'string' || !/^v\d+\.\d+\.\d+$/.test(version) || typeof sha !== 'string' || !SHA.test(sha)) {
    throw new UserError(`${path}: expected {"version": "vX.Y.Z", "sha": "<40 hex digits>"}`);
  }
  return { version, sha };
}

export type RefStyle = 'sha' | 'tag';

/**
 * The pin for `uses:`: `--action-ref` when given (a full SHA for the sha style), else this copy's
 * release, else — for the sha style — an error that says what to pass.
 */
export function resolveActionPin(style: RefStyle, given: { ref?: string; version?: string }, release: ReleaseInfo | undefined): ActionPin {
  if (given.ref !== undefined) {
    if (style === 'sha' && !SHA.test(given.ref)) {
      throw new UserError(`--action-ref "${given.ref}": expected a full 40-hex commit SHA of ${ACTION_REPO} (or --ref-style tag to use a tag)`);
    }
    const version = given.version ?? (release && release.sha === given.ref ? release.version : undefined);
    return { ref: given.ref, ...(version ? { version } : {}) };
  }
  if (release) return style === 'sha' ? { ref: release.sha, version: release.version } : { ref: release.version };
  if (style === 'tag') return { ref: MAJOR_TAG };
  throw new UserError('this copy of optimization-gate has no release stamp (release.json), so the commit to pin the action to is unknown', [
    `pass --action-ref <40-hex SHA> (a release commit of ${ACTION_REPO}, from its releases page) with --action-version vX.Y.Z`,
    `or pass --ref-style tag to reference the moving ${MAJOR_TAG} tag instead of a commit`,
  ]);
}

/** `owner/repo[/path]@ref # version`: the text after `uses: `. */
export function usesLine(path: '' | '/setup-pipeline', pin: ActionPin): string {
  const comment = SHA.test(pin.ref) ? ` # ${pin.version ?? 'pinned commit'}` : '';
  return `${ACTION_REPO}${path}@${pin.ref}${comment}`;
}
