/**
 * The action's artifact store against the fakes: a download from another run goes through the
 * public API, which the toolkit neither retries nor times out — a transient failure of the redirect
 * is retried here, an expired artifact (410) is a clear UserError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError } from '../../src/errors.js';
import { faults, startHarness, type Harness } from '../fakes/index.js';
import { captureStdout, overlayEnv } from '../harness/in-process.js';

let h: Harness;
let restore: () => void;
let store: import('../../src/publish/store.js').ArtifactStore;
let consumer: ReturnType<Harness['runnerEnv']>;
const fast = { retries: 2, baseDelayMs: 10, maxDelayMs: 1000, secondaryDelayMs: 10, maxTotalDelayMs: 1000 };

beforeAll(async () => {
  h = await startHarness({ repo: { fullName: 'acme/podcast-pipeline' } });
  consumer = h.runnerEnv({ eventName: 'pull_request', event: {}, permissions: { actions: 'read' } });
  restore = overlayEnv(consumer.stepEnv().env);
  const { createArtifactStore } = await import('../../src/publish/store.js');
  store = createArtifactStore({ retry: fast });
});

afterAll(async () => {
  restore?.();
  await h?.stop();
});

async function seeded(text: string) {
  const run = h.model.addRun({ event: 'schedule' });
  const artifact = await h.seedArtifact({ run, name: 'og-baseline', files: { 'baseline.json': text } });
  return { run, artifact, fromRun: { token: consumer.token, owner: 'acme', repo: 'podcast-pipeline', workflowRunId: run.id } };
}

describe('artifact downloads from another run', () => {
  it('retries a server error of the download redirect', async () => {
    const { artifact, fromRun } = await seeded('{"v":1}');
    h.github.failNext({ method: 'GET', path: `/repos/acme/podcast-pipeline/actions/artifacts/${artifact.id}/zip` }, faults.serverError(1));
    const into = join(consumer.workspace, 'dl-1');
    await captureStdout(() => store.download(artifact.id, into, fromRun));
    expect(readFileSync(join(into, 'baseline.json'), 'utf8')).toBe('{"v":1}');
    expect(h.github.callsTo(`GET /repos/acme/podcast-pipeline/actions/artifacts/${artifact.id}/zip`).map((c) => c.status)).toEqual([500, 302]);
  });

  it('an expired artifact is a UserError that says it expired, without retries', async () => {
    const { artifact, fromRun } = await seeded('{"v":2}');
    h.model.expireArtifact(artifact.id);
    const into = join(consumer.workspace, 'dl-2');
    const error = await captureStdout(() => store.download(artifact.id, into, fromRun)).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(isUserError(error)).toBe(true);
    expect(error?.message).toMatch(new RegExp(`^GitHub API: downloading artifact ${artifact.id} of run \\d+: gone \\(410 Artifact has expired\\)`));
    expect(h.github.callsTo(`GET /repos/acme/podcast-pipeline/actions/artifacts/${artifact.id}/zip`)).toHaveLength(1);
    expect(existsSync(join(into, 'baseline.json'))).toBe(false);
  });
});
