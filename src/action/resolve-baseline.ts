/**
 * Where the baseline comes from, in the order of DESIGN "Baselines": an explicit repository path,
 * the `baseline:` named on the issue, the newest stored by the refresh (cache, then its artifact),
 * or measuring the base ref in this job. A missing baseline is an outcome, never a silent pass.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, isUserError } from '../errors.js';
import type { BaselineSource } from '../inputs/config.js';
import type { GitHubApi } from '../publish/github.js';
import type { ArtifactStore, CacheStore } from '../publish/store.js';
import { baselineArtifactName, baselineCachePrefix, type BaselineKeyParts } from './baseline-key.js';
import { readBaselineStore, resolvePathBaseline, type BaselineFiles } from './baseline-store.js';
import type { RunContext } from './context.js';

export type BaselinePlan =
  | { kind: 'files'; files: BaselineFiles }
  | { kind: 'ref'; ref: string }
  | { kind: 'missing'; reason: string };

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

export async function restoreFromCache(where: BaselineWhere, deps: BaselineDeps, into: string): Promise<BaselineFiles | undefined> {
  const prefix = baselineCachePrefix(where.keyParts);
  rmSync(where.storePath, { recursive: true, force: true });
  const key = await deps.cache.restore([where.storePath], prefix, [prefix]);
  if (key === undefined || !existsSync(where.storePath)) return undefined;
  // Moved out of the fixed path in the workspace (copy: it may be another filesystem).
  rmSync(into, { recursive: true, force: true });
  mkdirSync(join(into, '..'), { recursive: true });
  cpSync(where.storePath, into, { recursive: true });
  rmSync(where.storePath, { recursive: true, force: true });
  deps.log(`baseline restored from the cache (key ${key})`);
  return readBaselineStore(into, `actions cache (${key})`);
}

async function restoreFromArtifact(where: BaselineWhere, deps: BaselineDeps): Promise<BaselineFiles | undefined> {
  if (!deps.api) throw new Error('no token: cannot look up artifacts of other runs');
  const name = baselineArtifactName(where.artifactName, where.keyParts.datasetId, where.keyParts.runnerKey);
  const branch = deps.context.defaultBranch;
  const found = await deps.api.findArtifact(name, branch);
  if (!found) return undefined;
  const into = join(where.outDir, 'baseline');
  await deps.artifacts.download(found.id, into, {
    token: deps.token,
    owner: deps.context.owner,
    repo: deps.context.repo,
    workflowRunId: found.workflowRunId,
  });
  deps.log(`baseline downloaded from artifact ${name} (id ${found.id}, run ${found.workflowRunId}, ${found.createdAt})`);
  return readBaselineStore(into, `artifact ${name} of run ${found.workflowRunId} (${found.createdAt})`);
}

export async function planBaseline(source: BaselineSource & { from: string }, where: BaselineWhere, deps: BaselineDeps): Promise<BaselinePlan> {
  const how = `runner key ${where.keyParts.runnerKey}, dataset ${where.keyParts.datasetId}, config hash ${where.keyParts.configHash}`;
  try {
    switch (source.kind) {
      case 'ref':
        return { kind: 'ref', ref: source.ref };
      case 'path':
        return { kind: 'files', files: resolvePathBaseline(source.path, where.workingDir, { insideCheckout: source.from !== 'input baseline' }) };
      case 'artifact': {
        const files = await restoreFromArtifact(where, deps);
        if (files) return { kind: 'files', files };
        return {
          kind: 'missing',
          reason: `no baseline artifact on the default branch for ${how}: run the baseline refresh (mode: baseline) on this runner first`,
        };
      }
      case 'cache':
      case 'auto': {
        const files = await restoreFromCache(where, deps, join(where.outDir, 'baseline'));
        if (files) return { kind: 'files', files };
        // The artifact of the refresh run outlives cache eviction.
        if (deps.api) {
          const fallback = await restoreFromArtifact(where, deps).catch((error: unknown) => {
            deps.log(`no baseline artifact either: ${errorMessage(error)}`);
            return undefined;
          });
          if (fallback) return { kind: 'files', files: fallback };
        }
        return {
          kind: 'missing',
          reason: `no stored baseline for ${how} (neither in the cache nor as an artifact): run the baseline refresh (mode: baseline) on this runner, or set baseline: ref:<base branch> to measure it in this job`,
        };
      }
    }
  } catch (error) {
    if (isUserError(error)) return { kind: 'missing', reason: `baseline (${source.from}): ${error.message}` };
    return { kind: 'missing', reason: `baseline (${source.from}) could not be restored: ${errorMessage(error)}` };
  }
}
