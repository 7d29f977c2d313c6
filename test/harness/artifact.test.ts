/**
 * The real @actions/artifact client against the fakes: upload lands in Azurite through the fake
 * results service, list and download round-trip the bytes, and another run finds and downloads the
 * artifact through the fake public REST API (302 to a SAS URL).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, unzipArtifact, type Harness, type WorkflowRun } from '../fakes/index.js';
import { captureStdout, overlayEnv } from './in-process.js';

type ArtifactModule = typeof import('@actions/artifact');

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('artifact client against the fakes', () => {
  let h: Harness;
  let run: WorkflowRun;
  let restoreEnv: () => void;
  let artifact: ArtifactModule;
  let workspace: string;
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    h = await startHarness({ repo: { fullName: 'acme/podcast-pipeline' } });
    const env = h.runnerEnv({ eventName: 'workflow_dispatch', event: { inputs: {} } });
    run = env.run;
    workspace = env.workspace;
    restoreEnv = overlayEnv(env.stepEnv().env);
    // Imported only now: @actions/github (used by the public download path) reads GITHUB_API_URL on import.
    artifact = await import('@actions/artifact');

    const contents: Record<string, Buffer> = {
      'out/profile.yaml': Buffer.from('release: candidate\nstages:\n  transcribe: {wall_time_s: 12.5}\n'),
      'out/profile.stage_truth.json': Buffer.from('{"profile_stage_truth_version": 1}\n'),
      'out/eval/metrics.json': Buffer.from('{"intrinsic": {"gates": {"leak_rate": 0}}}\n'),
      'out/samples.bin': randomBytes(300_000),
    };
    for (const [name, data] of Object.entries(contents)) {
      mkdirSync(join(workspace, name, '..'), { recursive: true });
      writeFileSync(join(workspace, name), data);
      files.set(relative('out', name), data);
    }
  });

  afterAll(async () => {
    restoreEnv?.();
    await h?.stop();
  });

  it('uploads through CreateArtifact → blob → FinalizeArtifact with the real size and sha256', async () => {
    const client = new artifact.DefaultArtifactClient();
    const paths = [...files.keys()].map((name) => join(workspace, 'out', name));
    const { value: upload, log } = await captureStdout(() => client.uploadArtifact('optimization-gate', paths, join(workspace, 'out')));
    expect(log).toContain('Finalizing artifact upload');

    const [create] = h.results.twirpCalls('CreateArtifact');
    expect(create?.status).toBe(200);
    expect(create?.body).toMatchObject({
      workflow_run_backend_id: run.backendId,
      name: 'optimization-gate',
      version: 7,
      mime_type: 'application/zip',
    });
    expect(create?.note).toMatchObject({ runBackendId: run.backendId });

    const record = h.model.artifacts.find((a) => a.id === upload.id);
    expect(record?.state).toBe('finalized');
    const blob = await h.azurite.read(record!.blobName);
    expect(upload.size).toBe(blob.length);
    expect(upload.digest).toBe(sha256(blob));
    const [finalize] = h.results.twirpCalls('FinalizeArtifact');
    expect(finalize?.body).toMatchObject({ size: String(blob.length), hash: `sha256:${sha256(blob)}` });

    const unzipped = unzipArtifact(blob);
    expect([...unzipped.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, data] of files) expect(unzipped.get(name)?.equals(data), name).toBe(true);
  });

  it('lists the artifact and downloads it by id with the same bytes', async () => {
    const client = new artifact.DefaultArtifactClient();
    const { value: listed } = await captureStdout(() => client.listArtifacts());
    expect(listed.artifacts).toHaveLength(1);
    const [only] = listed.artifacts;
    expect(only).toMatchObject({ name: 'optimization-gate', size: h.model.artifacts[0]!.size });

    const into = mkdtempSync(join(tmpdir(), 'og-download-'));
    try {
      const { value: result } = await captureStdout(() => client.downloadArtifact(only!.id, { path: into, expectedHash: only!.digest }));
      expect(result.digestMismatch).toBe(false);
      for (const [name, data] of files) expect(readFileSync(join(into, name)).equals(data), name).toBe(true);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
    expect(h.results.twirpCalls('ListArtifacts').at(-1)?.body).toMatchObject({ id_filter: String(only!.id) });
    expect(h.results.twirpCalls('GetSignedArtifactURL').at(-1)?.body).toMatchObject({ name: 'optimization-gate' });
  });

  it('refuses a second artifact of the same name in the run (409, not retried)', async () => {
    const client = new artifact.DefaultArtifactClient();
    const path = join(workspace, 'out', 'profile.yaml');
    await expect(captureStdout(() => client.uploadArtifact('optimization-gate', [path], join(workspace, 'out')))).rejects.toThrow(/409/);
    expect(h.results.twirpCalls('CreateArtifact').at(-1)?.status).toBe(409);
  });

  it('lets another run find and download a seeded artifact through the public REST API', async () => {
    const baseline = h.model.addRun({ workflowPath: '.github/workflows/refresh.yml', event: 'schedule' });
    h.model.completeRun(baseline.id);
    const seeded = await h.seedArtifact({
      run: baseline,
      name: 'optimization-gate-baseline',
      files: { 'baseline.yaml': 'release: baseline\n', 'eval/metrics.json': '{"ok": true}\n' },
    });
    const client = new artifact.DefaultArtifactClient();
    const findBy = { token: 'ghs_other', repositoryOwner: 'acme', repositoryName: 'podcast-pipeline', workflowRunId: baseline.id };

    const { value: found } = await captureStdout(() => client.getArtifact('optimization-gate-baseline', { findBy }));
    expect(found.artifact).toMatchObject({ id: seeded.id, size: seeded.size, digest: seeded.digest });

    const into = mkdtempSync(join(tmpdir(), 'og-download-'));
    try {
      const { value: result } = await captureStdout(() => client.downloadArtifact(seeded.id, { path: into, findBy, expectedHash: seeded.digest }));
      expect(result.digestMismatch).toBe(false);
      expect(readFileSync(join(into, 'baseline.yaml'), 'utf8')).toBe('release: baseline\n');
      expect(readFileSync(join(into, 'eval/metrics.json'), 'utf8')).toBe('{"ok": true}\n');
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
    const redirect = h.github.callsTo(`GET /repos/acme/podcast-pipeline/actions/artifacts/${seeded.id}/zip`);
    expect(redirect.map((c) => [c.status, c.auth])).toEqual([[302, 'ghs_other']]);
  });

  it('finds the newest successful refresh run and its artifact through the REST API', async () => {
    const ok = h.model.addRun({ workflowPath: '.github/workflows/baseline-refresh.yml', event: 'schedule', createdAt: new Date(Date.now() - 3_600_000) });
    h.model.completeRun(ok.id, 'success');
    const failed = h.model.addRun({ workflowPath: '.github/workflows/baseline-refresh.yml', event: 'schedule' });
    h.model.completeRun(failed.id, 'failure');
    const seeded = await h.seedArtifact({ run: ok, name: 'og-refresh', files: { 'baseline.yaml': 'release: refreshed\n' } });
    const octokit = (await import('@actions/github')).getOctokit('ghs_other');
    const repo = { owner: 'acme', repo: 'podcast-pipeline' };

    const { data: runs } = await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'baseline-refresh.yml', status: 'success', branch: 'main' });
    expect(runs.workflow_runs.map((r) => [r.id, r.conclusion, r.path])).toEqual([[ok.id, 'success', '.github/workflows/baseline-refresh.yml']]);
    const { data: all } = await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'baseline-refresh.yml' });
    expect(all.workflow_runs.map((r) => r.id)).toEqual([failed.id, ok.id]);

    const { data: byName } = await octokit.rest.actions.listArtifactsForRepo({ ...repo, name: 'og-refresh' });
    expect(byName.total_count).toBe(1);
    expect(byName.artifacts[0]).toMatchObject({ id: seeded.id, size_in_bytes: seeded.size, digest: seeded.digest, workflow_run: { id: ok.id } });
    const { data: ofRun } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: ok.id });
    expect(ofRun.artifacts.map((a) => a.name)).toEqual(['og-refresh']);
  });

  it('surfaces an injected 500 as a retried call, and a paused service as a fast network error', async () => {
    const client = new artifact.DefaultArtifactClient();
    h.results.failNext('ListArtifacts', { status: 500 });
    const { value: listed, log } = await captureStdout(() => client.listArtifacts());
    expect(listed.artifacts.map((a) => a.name)).toEqual(['optimization-gate']);
    expect(log).toMatch(/Attempt 1 of 5 failed with error: Failed request: \(500\)/);
    expect(
      h.results
        .twirpCalls('ListArtifacts')
        .slice(-2)
        .map((c) => [c.status, c.fault]),
    ).toEqual([
      [500, '500'],
      [200, undefined],
    ]);

    await h.results.pause();
    try {
      // Fast because not retried: a retry would log "Attempt 1 of 5 failed … Retrying" and wait 3 s.
      const error = (await captureStdout(() => client.listArtifacts()).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/ECONNREFUSED|Unable to make request/);
      expect(error.message).not.toMatch(/Attempt \d of \d failed/);
    } finally {
      await h.results.resume();
    }
    const { value: again } = await captureStdout(() => client.listArtifacts());
    expect(again.artifacts).toHaveLength(1);
  });

  it("answers twirp errors for a missing token, another run's ids, an unknown method", async () => {
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${h.results.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { code?: string; msg?: string } };
    };
    const path = '/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts';
    const token = process.env.ACTIONS_RUNTIME_TOKEN!;
    expect(await post(path, {})).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    const foreign = { workflow_run_backend_id: 'someone-else', workflow_job_run_backend_id: 'job' };
    expect(await post(path, foreign, token)).toMatchObject({ status: 403, body: { code: 'permission_denied' } });
    expect(await post('/twirp/github.actions.results.api.v1.ArtifactService/Nope', {}, token)).toMatchObject({ status: 404, body: { code: 'bad_route' } });
  });

  it('deletes the artifact: blob gone, no longer listed', async () => {
    const client = new artifact.DefaultArtifactClient();
    const record = h.model.artifacts.find((a) => a.runId === run.id)!;
    const { value } = await captureStdout(() => client.deleteArtifact('optimization-gate'));
    expect(value.id).toBe(record.id);
    expect(await h.azurite.properties(record.blobName)).toBeUndefined();
    const { value: listed } = await captureStdout(() => client.listArtifacts());
    expect(listed.artifacts).toEqual([]);
  });
});
