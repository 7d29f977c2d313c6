import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/publish/store.ts
import { isAbsolute, relative } from "node:path";
function createArtifactStore() {
  let loaded;
  const artifactClient = () => loaded ??= import("./artifact-KOWUJUMD.js").then((m) => new m.DefaultArtifactClient());
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
        ...fromRun ? {
          findBy: {
            token: fromRun.token,
            repositoryOwner: fromRun.owner,
            repositoryName: fromRun.repo,
            workflowRunId: fromRun.workflowRunId
          }
        } : {}
      });
    },
    async listThisRun() {
      const client = await artifactClient();
      const { artifacts } = await client.listArtifacts({ latest: true });
      return artifacts.map((a) => ({ id: a.id, name: a.name }));
    }
  };
}
function cachePaths(paths) {
  return paths.map((p) => isAbsolute(p) ? relative(process.cwd(), p) || "." : p);
}
function createCacheStore() {
  return {
    async save(paths, key) {
      const cache = await import("./cache-UKIBEZC4.js");
      const id = await cache.saveCache(cachePaths(paths), key);
      return id !== -1;
    },
    async restore(paths, primaryKey, restoreKeys) {
      const cache = await import("./cache-UKIBEZC4.js");
      return cache.restoreCache(cachePaths(paths), primaryKey, restoreKeys);
    }
  };
}

export {
  createArtifactStore,
  createCacheStore
};
