/**
 * Artifacts and cache: where measured runs and baselines are kept between jobs. Interfaces here,
 * the toolkit-backed implementations below. The toolkit clients (several MB with the Azure SDK)
 * are imported on first use, so a step that never uploads never loads them.
 */
import type { DefaultArtifactClient } from '@actions/artifact';
import { isAbsolute, relative } from 'node:path';

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
  /** The key restored (exact or by prefix, newest first), or undefined on a miss. */
  restore(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
}

export function createArtifactStore(): ArtifactStore {
  let loaded: Promise<DefaultArtifactClient> | undefined;
  const artifactClient = (): Promise<DefaultArtifactClient> => (loaded ??= import('@actions/artifact').then((m) => new m.DefaultArtifactClient()));
  return {
    async upload(name, files, rootDir, retentionDays) {
      const client = await artifactClient();
      const result = await client.uploadArtifact(name, files, rootDir, retentionDays > 0 ? { retentionDays } : {});
      return { id: result.id ?? 0, size: result.size ?? 0 };
    },
    async download(id, destination, fromRun) {
      const client = await artifactClient();
      await client.downloadArtifact(id, {
        path: destination,
        ...(fromRun
          ? {
              findBy: {
                token: fromRun.token,
                repositoryOwner: fromRun.owner,
                repositoryName: fromRun.repo,
                workflowRunId: fromRun.workflowRunId,
              },
            }
          : {}),
      });
    },
    async listThisRun() {
      const client = await artifactClient();
      const { artifacts } = await client.listArtifacts({ latest: true });
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

export function createCacheStore(): CacheStore {
  return {
    async save(paths, key) {
      const cache = await import('@actions/cache');
      // saveCache logs and returns -1 for "already exists" / denied rather than throwing.
      const id = await cache.saveCache(cachePaths(paths), key);
      return id !== -1;
    },
    async restore(paths, primaryKey, restoreKeys) {
      const cache = await import('@actions/cache');
      return cache.restoreCache(cachePaths(paths), primaryKey, restoreKeys);
    },
  };
}
