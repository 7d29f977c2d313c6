/**
 * Where the baseline comes from, in this order: an explicit repository path,
 * the `baseline:` named on the issue, the newest stored by the refresh (cache, then its artifact),
 * or measuring the base ref in this job. A missing baseline is an outcome, never a silent pass.
 */
import { join } from 'node:path';
import { errorMessage, isUserError, UserError } from '../errors.js';
import type { BaselineSource } from '../inputs/config.js';
import type { GitHubApi } from '../publish/github.js';
import type { ArtifactStore, CacheStore } from '../publish/store.js';
import type { BaselineKeyParts } from './baseline-key.js';
import { EVAL_RUN_FOLDERS, experimentRunId } from '../formats/eval-dir.js';
import { filesAtCommit, gitTopLevel } from './base-ref-files.js';
import { baselinePathNames, resolvePathBaseline, type BaselineFiles } from './baseline-store.js';
import type { RunContext } from './context.js';
import { resolveRef } from './git.js';
import type { BaselineProvenance } from './provenance.js';
import { manifestMismatch, restoreFromArtifact, restoreFromCache, type StoredBaseline, type StoredLookup } from './stored-baseline.js';

export type BaselinePlan = { kind: 'files'; files: BaselineFiles; provenance?: BaselineProvenance } | { kind: 'ref'; ref: string } | { kind: 'missing'; reason: string };

/** The input wins; else the issue's `baseline:` (same grammar); else the stored baseline. */
export function chooseBaselineSource(input: BaselineSource, fromIssue: string | undefined): BaselineSource & { from: string } {
  if (input.kind !== 'auto') return { ...input, from: 'input baseline' };
  const named = fromIssue?.trim();
  if (!named) return { kind: 'cache', from: 'default (stored baseline)' };
  if (named === 'cache' || named === 'artifact') return { kind: named, from: 'issue baseline:' };
  if (named.startsWith('ref:')) return { kind: 'ref', ref: named.slice(4).trim(), from: 'issue baseline:' };
  return { kind: 'path', path: named, from: 'issue baseline:' };
}

export interface BaselineDeps {
  cache: CacheStore;
  artifacts: ArtifactStore;
  api?: GitHubApi;
  token: string;
  context: RunContext;
  log: (line: string) => void;
  /** Workflow files that count as a baseline refresh (`refresh-workflows`). */
  refreshWorkflows?: readonly string[];
}

export interface BaselineWhere {
  /** The checkout's working directory (repository paths are relative to it). */
  workingDir: string;
  /** Fixed path the cache entry is saved from and restored to (part of the cache version). */
  storePath: string;
  /** Where restored or downloaded files are kept for this run. */
  outDir: string;
  keyParts: BaselineKeyParts;
  artifactName: string;
}

/** Where a stored baseline lookup ends when nothing usable was found: why each entry was refused. */
function refusedNote(refused: readonly string[]): string {
  return refused.length > 0 ? `; refused (not from a verified baseline refresh): ${refused.join('; ')}` : '';
}

/** Files of a stored baseline, unless its manifest is of another configuration (10.5). */
function storedPlan(found: StoredBaseline, where: BaselineWhere): BaselinePlan {
  const mismatch = manifestMismatch(found.files, where);
  return mismatch ? { kind: 'missing', reason: mismatch } : { kind: 'files', files: found.files, provenance: found.provenance };
}

export async function planBaseline(source: BaselineSource & { from: string }, where: BaselineWhere, deps: BaselineDeps): Promise<BaselinePlan> {
  const how = `runner key ${where.keyParts.runnerKey}, dataset ${where.keyParts.datasetId}, config hash ${where.keyParts.configHash}`;
  try {
    switch (source.kind) {
      case 'ref':
        return { kind: 'ref', ref: source.ref };
      case 'path': {
        // The workflow's own input may point anywhere (e.g. an earlier step's output); a path named on
        // the issue is read from the base commit, where the pull request cannot have edited it.
        const files = source.from === 'input baseline' ? resolvePathBaseline(source.path, where.workingDir, { insideCheckout: false }) : await issuePathBaseline(source.path, where, deps);
        const mismatch = files.manifest ? manifestMismatch(files, where) : undefined;
        return mismatch ? { kind: 'missing', reason: mismatch } : { kind: 'files', files };
      }
      case 'artifact': {
        const lookup = await restoreFromArtifact(where, deps);
        // Newer entries refused on the way to the one used are named too (a forged one, say).
        if (lookup.found) for (const r of lookup.refused) deps.log(`refused ${r}`);
        if (lookup.found) return storedPlan(lookup.found, where);
        return {
          kind: 'missing',
          reason: `no baseline artifact of a verified refresh for ${how}: run the baseline refresh (mode: baseline) on this runner first${refusedNote(lookup.refused)}`,
        };
      }
      case 'cache':
      case 'auto': {
        const cached = await restoreFromCache(where, deps, join(where.outDir, 'baseline'));
        if (cached.found) return storedPlan(cached.found, where);
        for (const r of cached.refused) deps.log(`refused ${r}`);
        // The artifact of the refresh run outlives cache eviction.
        let refused = cached.refused;
        if (deps.api) {
          const fallback: StoredLookup = await restoreFromArtifact(where, deps).catch((error: unknown) => {
            deps.log(`no baseline artifact either: ${errorMessage(error)}`);
            return { refused: [] };
          });
          if (fallback.found) return storedPlan(fallback.found, where);
          refused = [...refused, ...fallback.refused];
        }
        return {
          kind: 'missing',
          reason: `no stored baseline for ${how} (neither in the cache nor as an artifact): run the baseline refresh (mode: baseline) on this runner, or set baseline: ref:<base branch> to measure it in this job${refusedNote(refused)}`,
        };
      }
    }
  } catch (error) {
    if (isUserError(error)) return { kind: 'missing', reason: `baseline (${source.from}): ${error.message}` };
    return { kind: 'missing', reason: `baseline (${source.from}) could not be restored: ${errorMessage(error)}` };
  }
}

/** The commit a path named on the issue is read from: the PR's base, else the default branch. */
async function issueBaseCommit(where: BaselineWhere, deps: BaselineDeps): Promise<{ sha: string; label: string }> {
  const pr = deps.context.pullRequest;
  if (pr?.baseSha) return { sha: pr.baseSha, label: `the base commit of pull request #${pr.number} (${pr.baseRef} @ ${pr.baseSha.slice(0, 7)})` };
  const branch = deps.context.defaultBranch ?? (deps.api ? await deps.api.getDefaultBranch() : undefined);
  if (!branch) throw new UserError('a baseline named on the issue is read from the default branch, but the default branch is not known (no token)');
  const sha = resolveRef(gitTopLevel(where.workingDir), branch);
  return { sha, label: `the default branch (${branch} @ ${sha.slice(0, 7)})` };
}

/**
 * Eval results named on the issue (`baseline: { eval: … }`) come from the same base commit as a
 * baseline path named there: the files a run id, folder or experiment config may resolve to are
 * taken out of git into a directory of ours, which stands for the checkout when the name is resolved.
 */
export async function issueEvalRoot(name: string, where: BaselineWhere, deps: BaselineDeps): Promise<{ root: string; label: string }> {
  const base = await issueBaseCommit(where, deps);
  const into = join(where.outDir, 'issue-baseline-eval');
  const names = [name, ...(/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? EVAL_RUN_FOLDERS.map((folder) => `${folder}/${name}`) : [])];
  let root = filesAtCommit(where.workingDir, base.sha, names, into);
  // An experiment config names its run folder by its `id:`: read the config as committed, then the folder.
  const runId = /\.ya?ml$/i.test(name) ? experimentRunId(join(root, name)) : undefined;
  if (runId !== undefined) root = filesAtCommit(where.workingDir, base.sha, [`data/eval/runs/${runId}`], into);
  deps.log(`baseline eval results ${name} read from ${base.label}, not from the checkout`);
  return { root, label: base.label };
}

async function issuePathBaseline(name: string, where: BaselineWhere, deps: BaselineDeps): Promise<BaselineFiles> {
  const base = await issueBaseCommit(where, deps);
  const root = filesAtCommit(where.workingDir, base.sha, baselinePathNames(name), join(where.outDir, 'issue-baseline'));
  const files = resolvePathBaseline(name, root, { insideCheckout: true });
  deps.log(`baseline ${name} read from ${base.label}, not from the checkout`);
  return { ...files, origin: `${files.origin} at ${base.label}` };
}
