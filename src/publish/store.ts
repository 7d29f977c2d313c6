/**
 * Artifacts and cache: where measured runs and baselines are kept between jobs. Interfaces here,
 * the toolkit-backed implementations below. A download from another run goes through the public
 * API, which the toolkit does not retry and does not time out: transient failures are retried here,
 * each try has a deadline, and a 410 (expired) or 404 becomes a clear UserError.
 * The toolkit clients (several MB with the Azure SDK) are imported on first use, so a step that
 * never uploads never loads them.
 */
import type { DefaultArtifactClient } from '@actions/artifact';
import { isAbsolute, relative } from 'node:path';
import { explainApiError } from './api-errors.js';
import { withDeadline, withRetry, type RetryPolicy } from './retry.js';

export interface UploadedArtifact {
  id: number;
  size: number;
}

export interface ArtifactStore {
  upload(name: string, files: string[], rootDir: string, retentionDays: number): Promise<UploadedArtifact>;
  /** Downloads an artifact of this run, or of another run when `fromRun` is given. */
  download(id: number, destination: string, fromRun?: { token: string; owner: string; repo: string; workflowRunId: number }): Promise<void>;
  /** Artifacts of the current workflow run. */
  listThisRun(): Promise<Array<{ id: number; name: string }>>;
}

export interface CacheStore {
  /** Returns false when nothing was saved (e.g. the key exists already or saving is denied). */
  save(paths: string[], key: string): Promise<boolean>;
  /** False when the runner disabled cache saves for this job (ACTIONS_CACHE_MODE read or none). */
  writable(): boolean;
  /** The key restored (exact or by prefix, newest first), or undefined on a miss. */
  restore(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
}

/** A download (redirect + blob, the toolkit retries the blob part itself) gets two more tries. */
export const DOWNLOAD_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 2000, maxDelayMs: 60_000, secondaryDelayMs: 60_000, maxTotalDelayMs: 120_000 };
/** One try of a download, listing or upload (the blob transfer included). */
export const TRANSFER_DEADLINE_MS = 10 * 60_000;

export function createArtifactStore(options: { log?: (message: string) => void; retry?: RetryPolicy; deadlineMs?: number } = {}): ArtifactStore {
  let loaded: Promise<DefaultArtifactClient> | undefined;
  const artifactClient = (): Promise<DefaultArtifactClient> => (loaded ??= import('@actions/artifact').then((m) => new m.DefaultArtifactClient()));
  const deadline = options.deadlineMs ?? TRANSFER_DEADLINE_MS;
  return {
    async upload(name, files, rootDir, retentionDays) {
      const client = await artifactClient();
      const result = await withDeadline(client.uploadArtifact(name, files, rootDir, retentionDays > 0 ? { retentionDays } : {}), deadline);
      return { id: result.id ?? 0, size: result.size ?? 0 };
    },
    async download(id, destination, fromRun) {
      const client = await artifactClient();
      const what = `downloading artifact ${id}${fromRun ? ` of run ${fromRun.workflowRunId}` : ''}`;
      const once = () =>
        withDeadline(
          client.downloadArtifact(id, {
            path: destination,
            ...(fromRun ? { findBy: { token: fromRun.token, repositoryOwner: fromRun.owner, repositoryName: fromRun.repo, workflowRunId: fromRun.workflowRunId } } : {}),
          }),
          deadline,
        );
      try {
        await withRetry(once, {
          policy: options.retry ?? DOWNLOAD_RETRY,
          onRetry: (error, attempt, delay) => options.log?.(`${what} failed (${(error as Error).message}); retry ${attempt} in ${(delay / 1000).toFixed(1)} s`),
        });
      } catch (error) {
        throw explainApiError(error, what);
      }
    },
    async listThisRun() {
      const client = await artifactClient();
      const { artifacts } = await withDeadline(client.listArtifacts({ latest: true }), deadline);
      return artifacts.map((a) => ({ id: a.id, name: a.name }));
    },
  };
}

/**
 * The cache version is a hash of the path strings: pass them relative to the working directory
 * (the workspace on a runner) so the same store matches across runs and runner temp dirs.
 */
function cachePaths(paths: readonly string[]): string[] {
  return paths.map((p) => (isAbsolute(p) ? relative(process.cwd(), p) || '.' : p));
}

/** The runner's cache mode (@actions/cache reads the same variable): read, write, write-only, none, or unset. */
export function cacheWritable(env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
  return !(mode === 'read' || mode === 'none');
}

export function createCacheStore(): CacheStore {
  return {
    writable: () => cacheWritable(),
    async save(paths, key) {
      const cache = await import('@actions/cache');
      // saveCache logs and returns -1 for "already exists" / denied rather than throwing.
      const id = await withDeadline(cache.saveCache(cachePaths(paths), key), TRANSFER_DEADLINE_MS);
      return id !== -1;
    },
    async restore(paths, primaryKey, restoreKeys) {
      const cache = await import('@actions/cache');
      return withDeadline(cache.restoreCache(cachePaths(paths), primaryKey, restoreKeys), TRANSFER_DEADLINE_MS);
    },
  };
}
