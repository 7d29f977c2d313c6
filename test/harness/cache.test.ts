/**
 * The real @actions/cache client (v2 service) against the fakes: save, restore by exact key and by
 * restore-key prefix (newest wins), misses, duplicate reservations, scopes across runs, and a
 * stopped service.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent, startHarness, type Harness, type RunnerEnv } from '../fakes/index.js';
import { captureStdout, overlayEnv } from './in-process.js';

type CacheModule = typeof import('@actions/cache');

describe('cache client against the fakes', () => {
  let h: Harness;
  let cache: CacheModule;
  let mainRun: RunnerEnv;
  let baselineDir: string;
  let restoreEnv: (() => void) | undefined;

  /** Makes `env` the current process environment (one runner step at a time). */
  function enter(env: RunnerEnv): void {
    restoreEnv?.();
    restoreEnv = overlayEnv(env.stepEnv().env);
    process.chdir(env.workspace);
  }

  const cwd = process.cwd();
  beforeAll(async () => {
    h = await startHarness({
      repo: { fullName: 'acme/podcast-pipeline', pulls: [{ number: 12, head: { ref: 'opt/faster-asr' }, base: { ref: 'main' } }] },
    });
    mainRun = h.runnerEnv({ eventName: 'schedule', event: {} });
    enter(mainRun);
    cache = await import('@actions/cache');
    baselineDir = join(mainRun.workspace, 'baseline');
    mkdirSync(baselineDir, { recursive: true });
  });

  afterAll(async () => {
    process.chdir(cwd);
    restoreEnv?.();
    await h?.stop();
  });

  it('saves two entries and restores the newest by restore-key prefix, or one by exact key', async () => {
    enter(mainRun);
    writeFileSync(join(baselineDir, 'profile.yaml'), 'release: older\n');
    const { value: firstId } = await captureStdout(() => cache.saveCache([baselineDir], 'og-baseline-ds1-cfgA-1000'));
    writeFileSync(join(baselineDir, 'profile.yaml'), 'release: newer\n');
    const { value: secondId } = await captureStdout(() => cache.saveCache([baselineDir], 'og-baseline-ds1-cfgA-2000'));
    expect(firstId).toBeGreaterThan(0);
    expect(secondId).toBeGreaterThan(firstId);
    const [create] = h.results.twirpCalls('CreateCacheEntry');
    expect(create?.body).toMatchObject({ key: 'og-baseline-ds1-cfgA-1000', version: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    expect(h.results.twirpCalls('FinalizeCacheEntryUpload')[0]?.body).toMatchObject({ size_bytes: String(h.model.cacheEntries[0]!.sizeBytes) });

    writeFileSync(join(baselineDir, 'profile.yaml'), 'scratch\n');
    const { value: prefixHit, log } = await captureStdout(() => cache.restoreCache([baselineDir], 'og-baseline-ds1-cfgA-9999', ['og-baseline-ds1-cfgA-']));
    expect(prefixHit).toBe('og-baseline-ds1-cfgA-2000');
    expect(log).toContain('Cache hit for restore-key: og-baseline-ds1-cfgA-2000');
    expect(readFileSync(join(baselineDir, 'profile.yaml'), 'utf8')).toBe('release: newer\n');
    expect(h.results.twirpCalls('GetCacheEntryDownloadURL').at(-1)?.body).toMatchObject({
      key: 'og-baseline-ds1-cfgA-9999',
      restore_keys: ['og-baseline-ds1-cfgA-'],
    });

    const { value: exactHit } = await captureStdout(() => cache.restoreCache([baselineDir], 'og-baseline-ds1-cfgA-1000', ['og-baseline-ds1-cfgA-']));
    expect(exactHit).toBe('og-baseline-ds1-cfgA-1000');
    expect(readFileSync(join(baselineDir, 'profile.yaml'), 'utf8')).toBe('release: older\n');
  });

  it('misses on an unknown key, and on other paths (the version covers the paths)', async () => {
    enter(mainRun);
    const { value: miss } = await captureStdout(() => cache.restoreCache([baselineDir], 'og-baseline-ds2-x', ['og-baseline-ds2-']));
    expect(miss).toBeUndefined();
    const otherDir = join(mainRun.workspace, 'elsewhere');
    mkdirSync(otherDir, { recursive: true });
    const { value: otherPaths } = await captureStdout(() => cache.restoreCache([otherDir], 'og-baseline-ds1-cfgA-2000'));
    expect(otherPaths).toBeUndefined();
    expect(
      h.results
        .twirpCalls('GetCacheEntryDownloadURL')
        .slice(-2)
        .map((c) => c.status),
    ).toEqual([200, 200]);
  });

  it('refuses a second save of the same key in the same scope (409) without failing', async () => {
    enter(mainRun);
    const { value: id, log } = await captureStdout(() => cache.saveCache([baselineDir], 'og-baseline-ds1-cfgA-2000'));
    expect(id).toBe(-1);
    expect(log).toMatch(/Failed to save/);
    expect(h.results.twirpCalls('CreateCacheEntry').at(-1)?.status).toBe(409);
  });

  it('lets a pull request run read the default branch cache, and keeps its own cache to itself', async () => {
    // Same workspace path as the scheduled run: the cache version covers the absolute paths.
    const shared = { workspace: mainRun.workspace };
    const prRun = h.runnerEnv({ eventName: 'pull_request', event: pullRequestEvent(h.github, 12), ...shared });
    expect(prRun.run.ref).toBe('refs/pull/12/merge');
    expect(prRun.env.GITHUB_HEAD_REF).toBe('opt/faster-asr');
    enter(prRun);
    const { value: fromMain } = await captureStdout(() => cache.restoreCache([baselineDir], 'og-pr-12', ['og-pr-', 'og-baseline-ds1-cfgA-']));
    expect(fromMain).toBe('og-baseline-ds1-cfgA-2000');
    writeFileSync(join(baselineDir, 'profile.yaml'), 'release: from-pr\n');
    const { value: saved } = await captureStdout(() => cache.saveCache([baselineDir], 'og-pr-12'));
    expect(saved).toBeGreaterThan(0);
    expect(h.model.cacheEntries.at(-1)?.scope).toBe('refs/pull/12/merge');
    const { value: own } = await captureStdout(() => cache.restoreCache([baselineDir], 'og-pr-12'));
    expect(own).toBe('og-pr-12');

    const otherBranch = h.runnerEnv({ eventName: 'push', event: {}, run: { headBranch: 'other' }, ...shared });
    enter(otherBranch);
    const { value: hidden } = await captureStdout(() => cache.restoreCache([baselineDir], 'og-pr-12', ['og-pr-']));
    expect(hidden).toBeUndefined();
  });

  it('treats a stopped results service as a cache miss, quickly', async () => {
    enter(mainRun);
    await h.results.pause();
    try {
      const { value, log } = await captureStdout(() => cache.restoreCache([baselineDir], 'og-baseline-ds1-cfgA-2000'));
      expect(value).toBeUndefined();
      expect(log).toMatch(/::warning::Failed to restore: .*(ECONNREFUSED|Unable to make request)/);
      // Quick because not retried: a retry would log "Attempt 1 of 5 failed … Retrying" and wait 3 s.
      expect(log).not.toMatch(/Attempt \d of \d failed/);
    } finally {
      await h.results.resume();
    }
  });
});
