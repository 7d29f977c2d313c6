/**
 * The baseline stored by the refresh: read back from the actions cache or from the refresh run's
 * artifact, and used only once its origin is verified through the API (provenance.ts).
 *
 * - Artifact: each artifact of the baseline's name, newest first, until one comes from a verified
 *   refresh run.
 * - Cache: the key names the run that saved the entry, but a key is chosen by whoever saves it, so
 *   the entry is used only when that run is a verified refresh and the entry's files are byte for
 *   byte the ones the run uploaded as its artifact (which only that run could have uploaded).
 *
 * Then the manifest must match this run's dataset and pipeline-config hash: a baseline of another
 * configuration is a stated non-ship, never silently compared.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { ArtifactRef } from '../publish/github.js';
import { baselineArtifactName, baselineCachePrefix } from './baseline-key.js';
import { readBaselineStore, type BaselineFiles } from './baseline-store.js';
import { DEFAULT_COMMANDS_WORKFLOWS, DEFAULT_REFRESH_WORKFLOWS } from '../inputs/constants.js';
import { confirmPromotion } from './promoted-baseline.js';
import { describeProvenance, provenanceOf, verifyStoringRun, type BaselineProvenance, type RefreshExpectation, type RunVerdict } from './provenance.js';
import type { BaselineDeps, BaselineWhere } from './resolve-baseline.js';

/** Artifacts of the baseline's name looked at before giving up (each costs an API call or two). */
const MAX_CANDIDATES = 10;

export interface StoredBaseline {
  files: BaselineFiles;
  provenance: BaselineProvenance;
}

/** What a lookup found: a verified baseline, and the entries it refused (with why). */
export interface StoredLookup {
  found?: StoredBaseline;
  refused: string[];
}

async function expectation(deps: BaselineDeps): Promise<RefreshExpectation> {
  const { context, api } = deps;
  const defaultBranch = context.defaultBranch ?? (await api!.getDefaultBranch());
  return {
    repository: `${context.owner}/${context.repo}`,
    defaultBranch,
    refreshWorkflows: deps.refreshWorkflows ?? DEFAULT_REFRESH_WORKFLOWS,
    commandsWorkflows: DEFAULT_COMMANDS_WORKFLOWS,
  };
}

/**
 * The provenance of files stored by a verified run; for a promotion, only once its own-identity
 * record confirms it (promoted-baseline.ts). A string is why it is refused.
 */
async function trustedProvenance(
  verdict: Extract<RunVerdict, { ok: true }>,
  files: BaselineFiles,
  source: BaselineProvenance['source'],
  entry: string,
  expect: RefreshExpectation,
  deps: BaselineDeps,
): Promise<BaselineProvenance | string> {
  const workflows = [...expect.refreshWorkflows, ...(expect.commandsWorkflows ?? [])];
  if (verdict.kind === 'refresh') return provenanceOf(verdict.run, source, entry, workflows);
  const promotion = await confirmPromotion(deps.api!, verdict.run, files.manifest);
  return promotion.ok ? provenanceOf(verdict.run, source, entry, workflows, promotion.promoted) : promotion.reason;
}

/** The manifest's dataset and pipeline-config hash must be this run's (issue 10.5). */
export function manifestMismatch(files: BaselineFiles, where: Pick<BaselineWhere, 'keyParts'>): string | undefined {
  const m = files.manifest;
  if (!m) return undefined;
  if (m.config_hash !== where.keyParts.configHash) {
    return `the stored baseline was measured with pipeline config ${String(m.config_hash ?? '(not recorded)')}, this run has ${where.keyParts.configHash} (the pipeline-config files changed): not comparable; run the baseline refresh again`;
  }
  if (m.dataset_id !== where.keyParts.datasetId) {
    return `the stored baseline is of dataset ${String(m.dataset_id)}, this run measures ${where.keyParts.datasetId}: not comparable`;
  }
  return undefined;
}

/** Relative paths of everything but directories under `dir` (links included, never followed). */
function filesOf(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel === '' ? e.name : join(rel, e.name);
    return e.isDirectory() ? filesOf(dir, path) : [path];
  });
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Files of the cache entry that the artifact does not hold with the same bytes. */
export function differingFiles(cacheDir: string, artifactDir: string): string[] {
  return filesOf(cacheDir).filter((f) => !existsSync(join(artifactDir, f)) || digest(join(cacheDir, f)) !== digest(join(artifactDir, f)));
}

async function download(artifact: ArtifactRef, into: string, deps: BaselineDeps): Promise<void> {
  rmSync(into, { recursive: true, force: true });
  await deps.artifacts.download(artifact.id, into, {
    token: deps.token,
    owner: deps.context.owner,
    repo: deps.context.repo,
    workflowRunId: artifact.workflowRunId,
  });
}

export async function restoreFromArtifact(where: BaselineWhere, deps: BaselineDeps): Promise<StoredLookup> {
  if (!deps.api) throw new Error('no token: cannot look up artifacts of other runs');
  const name = baselineArtifactName(where.artifactName, where.keyParts.datasetId, where.keyParts.configHash, where.keyParts.runnerKey);
  const expect = await expectation(deps);
  const refused: string[] = [];
  for (const artifact of (await deps.api.listArtifactsNamed(name)).slice(0, MAX_CANDIDATES)) {
    const verdict = await verifyStoringRun(deps.api, artifact.workflowRunId, expect);
    if (!verdict.ok) {
      refused.push(`artifact ${name} (id ${artifact.id}): ${verdict.reason}`);
      continue;
    }
    const into = join(where.outDir, 'baseline');
    await download(artifact, into, deps);
    const read = readBaselineStore(into, '');
    const provenance = await trustedProvenance(verdict, read, 'artifact', `${name} (id ${artifact.id})`, expect, deps);
    if (typeof provenance === 'string') {
      refused.push(`artifact ${name} (id ${artifact.id}): ${provenance}`);
      continue;
    }
    deps.log(`baseline downloaded from artifact ${name} (id ${artifact.id}, run ${artifact.workflowRunId}, ${artifact.createdAt})`);
    return { found: { files: { ...read, origin: describeProvenance(provenance) }, provenance }, refused };
  }
  return { refused };
}

/** The run id and attempt a baseline cache key names (`<prefix><run id>-<attempt>`). */
export function runOfCacheKey(key: string, prefix: string): { runId: number; attempt: number } | undefined {
  const match = key.startsWith(prefix) ? /^(\d{1,20})-(\d{1,6})$/.exec(key.slice(prefix.length)) : null;
  return match ? { runId: Number(match[1]), attempt: Number(match[2]) } : undefined;
}

async function verifyCacheEntry(key: string, prefix: string, into: string, where: BaselineWhere, deps: BaselineDeps): Promise<StoredLookup> {
  const refuse = (why: string): StoredLookup => ({ refused: [`cache entry ${key}: ${why}`] });
  const named = runOfCacheKey(key, prefix);
  if (!named) return refuse('its key names no run');
  if (!deps.api) return refuse('no token to verify the run that saved it');
  const expect = await expectation(deps);
  const verdict = await verifyStoringRun(deps.api, named.runId, expect);
  if (!verdict.ok) return refuse(verdict.reason);
  if (named.attempt > verdict.run.runAttempt) return refuse(`run ${named.runId} has no attempt ${named.attempt}`);
  const name = baselineArtifactName(where.artifactName, where.keyParts.datasetId, where.keyParts.configHash, where.keyParts.runnerKey);
  const artifact = (await deps.api.listArtifactsNamed(name)).find((a) => a.workflowRunId === named.runId);
  if (!artifact) return refuse(`run ${named.runId} left no artifact ${name} to check the entry against (expired?)`);
  // Read first: it refuses links and paths leading out of the entry before any file is compared.
  const read = readBaselineStore(into, '');
  const provenance = await trustedProvenance(verdict, read, 'cache', key, expect, deps);
  if (typeof provenance === 'string') return refuse(provenance);
  const files = { ...read, origin: describeProvenance(provenance) };
  const check = `${into}.artifact`;
  await download(artifact, check, deps);
  const differing = differingFiles(into, check);
  rmSync(check, { recursive: true, force: true });
  if (differing.length > 0) {
    return refuse(`its files differ from the artifact run ${named.runId} uploaded (${differing.slice(0, 5).join(', ')}): forged or corrupted`);
  }
  return { found: { files, provenance }, refused: [] };
}

export async function restoreFromCache(where: BaselineWhere, deps: BaselineDeps, into: string): Promise<StoredLookup> {
  const prefix = baselineCachePrefix(where.keyParts);
  rmSync(where.storePath, { recursive: true, force: true });
  const key = await deps.cache.restore([where.storePath], prefix, [prefix]);
  if (key === undefined || !existsSync(where.storePath)) return { refused: [] };
  // Moved out of the fixed path in the workspace (copy: it may be another filesystem).
  rmSync(into, { recursive: true, force: true });
  mkdirSync(join(into, '..'), { recursive: true });
  cpSync(where.storePath, into, { recursive: true });
  rmSync(where.storePath, { recursive: true, force: true });
  deps.log(`baseline restored from the cache (key ${key}); verifying the run that saved it`);
  try {
    const lookup = await verifyCacheEntry(key, prefix, into, where, deps);
    if (lookup.found) deps.log(`cache entry verified: ${lookup.found.files.origin}`);
    return lookup;
  } catch (error) {
    return { refused: [`cache entry ${key}: cannot be verified (${errorMessage(error)})`] };
  }
}
