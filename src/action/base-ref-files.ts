/**
 * A repository-path baseline named on the issue is read from the base commit, never from the
 * checkout: the checkout is the pull request's own tree, and a PR that edits the reference profile
 * would otherwise choose what it is compared with. The files are taken out of git object by object
 * (`git ls-tree` + `git cat-file`, argv only, no shell) into a directory of ours; symbolic links
 * and submodules in the base tree are never followed.
 */
import { execFileSync } from 'node:child_process';
import { pushAll } from '../collections.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { UserError, errorMessage } from '../errors.js';
import { evalDirFor } from '../formats/run-files.js';

const MAX_BLOB_BYTES = 512 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).trim();
}

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  path: string;
}

/** `git ls-tree -z` output: `<mode> <type> <sha>\t<path>` records. */
function lsTree(top: string, commit: string, path: string, recursive: boolean): TreeEntry[] {
  const out = execFileSync('git', ['ls-tree', '-z', ...(recursive ? ['-r'] : []), commit, ...(path === '' ? [] : ['--', path])], {
    cwd: top,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return out
    .split('\0')
    .filter((r) => r !== '')
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', type = '', sha = ''] = record.slice(0, tab).split(' ');
      return { mode, type, sha, path: record.slice(tab + 1) };
    });
}

function hasCommit(top: string, sha: string): boolean {
  try {
    git(top, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The commit, fetched from origin when a shallow checkout does not have it. */
export function ensureCommit(top: string, sha: string): void {
  if (hasCommit(top, sha)) return;
  try {
    execFileSync('git', ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha], { cwd: top, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    throw new UserError(`the base commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched (${errorMessage(error).split('\n')[0]})`, [
      'check out with fetch-depth: 0 (or 2 for a pull request), so the base commit is there',
    ]);
  }
  if (!hasCommit(top, sha)) throw new UserError(`the base commit ${sha.slice(0, 12)} is not in the checkout`);
}

export function gitTopLevel(workingDir: string): string {
  try {
    return git(workingDir, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    throw new UserError(`a baseline named on the issue is read from the base commit, but ${workingDir} is not a git checkout (${errorMessage(error).split('\n')[0]})`);
  }
}

/**
 * Writes the files the baseline `name` may read, as they are in `commit`, under `into` (same layout
 * as the repository), and returns the directory that stands for `workingDir` there. For each of the
 * names resolvePathBaseline looks for: a folder is copied whole; a file with the files beside it
 * (its stage_truth, the eval outputs in its folder or in `<stem>.eval/`).
 */
export function filesAtCommit(workingDir: string, commit: string, names: readonly string[], into: string): string {
  const top = gitTopLevel(workingDir);
  ensureCommit(top, commit);
  const prefix = relative(top, resolve(workingDir)).split('\\').join('/');
  const wanted: TreeEntry[] = [];
  for (const name of names) {
    const path = posix.normalize(posix.join(prefix, name.split('\\').join('/')));
    if (path.startsWith('../') || path === '..' || posix.isAbsolute(path)) continue;
    const [entry] = lsTree(top, commit, path, false).filter((e) => e.path === path);
    if (!entry) continue;
    if (entry.mode === '120000') {
      throw new UserError(`baseline "${name}" is a symbolic link in the base commit ${commit.slice(0, 12)}: name the file it points to`);
    }
    if (entry.type === 'tree') pushAll(wanted, lsTree(top, commit, `${path}/`, true));
    else {
      const folder = posix.dirname(path);
      pushAll(wanted, lsTree(top, commit, folder === '.' ? '' : `${folder}/`, false));
      pushAll(wanted, lsTree(top, commit, `${evalDirFor(path)}/`, true));
    }
  }
  for (const entry of wanted) {
    // Only plain files: a link (120000) could point anywhere, a submodule (160000) is not here.
    if (entry.type !== 'blob' || entry.mode === '120000') continue;
    // git paths use '/', which join() accepts on every platform.
    const target = join(into, entry.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, execFileSync('git', ['cat-file', 'blob', entry.sha], { cwd: top, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_BLOB_BYTES }));
  }
  const root = prefix === '' ? into : join(into, prefix);
  mkdirSync(root, { recursive: true });
  return root;
}
