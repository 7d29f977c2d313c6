/**
 * Run attempts, expiry and read-only caches in the fakes, checked with the real toolkit clients:
 * after "Re-run failed jobs" the new attempt's runtime token sees only its own attempt's artifacts,
 * while the public API by run id lists every attempt's; an expired artifact's download answers 410;
 * a run whose cache access is read-only gets ACTIONS_CACHE_MODE=read, and the service refuses its
 * saves with the "cache write denied:" message the cache client recognises.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../fakes/index.js';
import { captureStdout, overlayEnv } from './in-process.js';

type ArtifactModule = typeof import('@actions/artifact');

describe('attempts, expiry and cache mode in the fakes', () => {
  let h: Harness;
  let artifact: ArtifactModule;
  let restore: (() => void) | undefined;

  beforeAll(async () => {
    h = await startHarness({ repo: { fullName: 'acme/podcast-pipeline' } });
    // @actions/github (the public download path) reads GITHUB_API_URL once, on import.
    const first = h.runnerEnv({ eventName: 'pull_request', event: {} });
    const undo = overlayEnv(first.stepEnv().env);
    artifact = await import('@actions/artifact');
    undo();
  });

  afterAll(async () => {
    restore?.();
    await h?.stop();
  });

  /** Uploads `name` from a job of `env` (its own runtime token). */
  async function upload(env: ReturnType<Harness['runnerEnv']>, name: string, text: string): Promise<number> {
    const dir = join(env.workspace, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'gate.json'), text);
    const undo = overlayEnv(env.stepEnv().env);
    try {
      const { value } = await captureStdout(() => new artifact.DefaultArtifactClient().uploadArtifact(name, [join(dir, 'gate.json')], dir));
      return value.id ?? 0;
    } finally {
      undo();
    }
  }

  it("a re-run attempt lists only its own artifacts through the runtime token, every attempt's through the public API", async () => {
    const job = (run?: Parameters<Harness['runnerEnv']>[0]['run']) => h.runnerEnv({ eventName: 'pull_request', event: {}, ...(run ? { run } : {}) });
    const a1 = job();
    await upload(a1, 'og-gpu-a', '{"decision":"ship"}');
    await upload(job(a1.run), 'og-gpu-b', '{"decision":"reject"}');
    h.model.completeRun(a1.run.id, 'failure');
    const attempt2 = h.model.rerun(a1.run.id);
    expect(attempt2).toMatchObject({ id: a1.run.id, runAttempt: 2 });
    expect(attempt2.backendId).not.toBe(a1.run.backendId);
    const rerunJob = job(attempt2);
    expect(rerunJob.env.GITHUB_RUN_ATTEMPT).toBe('2');
    const b2 = await upload(rerunJob, 'og-gpu-b', '{"decision":"ship"}');

    const verdictJob = job(attempt2);
    restore = overlayEnv(verdictJob.stepEnv().env);
    const client = new artifact.DefaultArtifactClient();
    const internal = await captureStdout(() => client.listArtifacts());
    expect(internal.value.artifacts.map((a) => a.name)).toEqual(['og-gpu-b']);
    const findBy = { token: verdictJob.token, repositoryOwner: 'acme', repositoryName: 'podcast-pipeline', workflowRunId: a1.run.id };
    const all = await captureStdout(() => client.listArtifacts({ findBy }));
    expect(all.value.artifacts.map((a) => a.name).sort()).toEqual(['og-gpu-a', 'og-gpu-b', 'og-gpu-b']);
    const latest = await captureStdout(() => client.listArtifacts({ findBy, latest: true }));
    expect(latest.value.artifacts.map((a) => [a.name, a.id]).sort()).toEqual(
      [
        ['og-gpu-a', expect.any(Number)],
        ['og-gpu-b', b2],
      ].sort(),
    );
    restore();
    restore = undefined;
  });

  it('an expired artifact is listed as expired and its download answers 410 Gone', async () => {
    const producer = h.runnerEnv({ eventName: 'schedule', event: {} });
    const id = await upload(producer, 'og-baseline', '{}');
    h.model.expireArtifact(id);
    const consumer = h.runnerEnv({ eventName: 'pull_request', event: {} });
    restore = overlayEnv(consumer.stepEnv().env);
    const octokit = (await import('@actions/github')).getOctokit(consumer.token);
    const { data } = await octokit.rest.actions.getArtifact({ owner: 'acme', repo: 'podcast-pipeline', artifact_id: id });
    expect(data.expired).toBe(true);
    const client = new artifact.DefaultArtifactClient();
    const findBy = { token: consumer.token, repositoryOwner: 'acme', repositoryName: 'podcast-pipeline', workflowRunId: producer.run.id };
    const error = await captureStdout(() => client.downloadArtifact(id, { path: join(consumer.workspace, 'dl'), findBy })).then(
      () => undefined,
      (e: unknown) => e as { status?: number; message: string },
    );
    expect(error?.status).toBe(410);
    restore();
    restore = undefined;
  });

  it('a read-only cache run: the runner says ACTIONS_CACHE_MODE=read and the service refuses saves with "cache write denied:"', async () => {
    const env = h.runnerEnv({ eventName: 'pull_request', event: {}, run: { cacheMode: 'read' } });
    expect(env.env.ACTIONS_CACHE_MODE).toBe('read');
    mkdirSync(join(env.workspace, 'store'), { recursive: true });
    writeFileSync(join(env.workspace, 'store', 'baseline.json'), '{}');
    const cache = await import('@actions/cache');
    const save = async (extra: Record<string, string>) => {
      const undo = overlayEnv({ ...env.stepEnv().env, ...extra });
      const cwd = process.cwd();
      process.chdir(env.workspace);
      try {
        return await captureStdout(() => cache.saveCache(['store'], `key-${Object.keys(extra).length}`));
      } finally {
        process.chdir(cwd);
        undo();
      }
    };
    const before = h.results.twirpCalls('CreateCacheEntry').length;
    const skipped = await save({});
    expect(skipped.value).toBe(-1);
    expect(skipped.log).toContain("Cache save skipped: the effective cache-mode 'read' does not permit writes.");
    expect(h.results.twirpCalls('CreateCacheEntry')).toHaveLength(before);
    // A client that ignores the mode is refused by the service itself.
    const refused = await save({ ACTIONS_CACHE_MODE: '' });
    expect(refused.value).toBe(-1);
    expect(refused.log).toContain('cache write denied:');
  });
});
