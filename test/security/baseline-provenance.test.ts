/**
 * Defended: a stored baseline planted by anyone but the default branch's baseline refresh (issue
 * 10.1, 10.2, 10.5). Each run below stored something under the baseline's name; the API says who it
 * was, and only the refresh of this repository's default branch is believed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkflowRunInfo } from '../../src/publish/github.js';
import { describeProvenance, provenanceOf, refreshWorkflowOf, verifyStoringRun, type RefreshExpectation } from '../../src/action/provenance.js';
import { manifestMismatch, runOfCacheKey } from '../../src/action/stored-baseline.js';
import { baselineArtifactName, baselineCacheKey, baselineCachePrefix } from '../../src/action/baseline-key.js';
import { readBaselineStore } from '../../src/action/baseline-store.js';
import { DEFAULT_REFRESH_WORKFLOWS } from '../../src/inputs/constants.js';
import { recordingGitHub } from '../action/recording-github.js';

const MAIN = ['c0ffee0000000000000000000000000000000001', 'c0ffee0000000000000000000000000000000002', 'c0ffee0000000000000000000000000000000003'];
const EXPECT: RefreshExpectation = { repository: 'acme/podcast-pipeline', defaultBranch: 'main', refreshWorkflows: DEFAULT_REFRESH_WORKFLOWS };

function refreshRun(over: Partial<WorkflowRunInfo> = {}): WorkflowRunInfo {
  return {
    id: 1001,
    runNumber: 12,
    runAttempt: 1,
    event: 'schedule',
    repository: 'acme/podcast-pipeline',
    headRepository: 'acme/podcast-pipeline',
    headBranch: 'main',
    headSha: MAIN[1]!,
    path: '.github/workflows/optimization-baseline-refresh.yml',
    referencedWorkflows: [],
    createdAt: '2026-11-27T03:00:12Z',
    htmlUrl: 'https://github.com/acme/podcast-pipeline/actions/runs/1001',
    ...over,
  };
}

async function verdictFor(run: WorkflowRunInfo) {
  const api = recordingGitHub();
  api.branches.set('main', MAIN);
  api.branches.set('patch-1', ['bad0000000000000000000000000000000000001']);
  api.runs.set(run.id, run);
  return verifyStoringRun(api, run.id, EXPECT);
}

describe('who may have stored a baseline', () => {
  it('accepts the scheduled refresh of the default branch, and a refresh through the reusable workflow', async () => {
    expect(await verdictFor(refreshRun())).toMatchObject({ ok: true });
    const reusable = refreshRun({
      event: 'workflow_dispatch',
      path: '.github/workflows/nightly.yml',
      referencedWorkflows: ['optimization-gate/optimization-gate/.github/workflows/baseline-refresh.yml@v1'],
    });
    expect(await verdictFor(reusable)).toMatchObject({ ok: true });
  });

  it('refuses a fork pull request from its own main (head repository is the fork)', async () => {
    const fork = refreshRun({ event: 'pull_request', headRepository: 'mallory/podcast-pipeline' });
    expect(await verdictFor(fork)).toEqual({ ok: false, reason: 'run 1001 ran code from mallory/podcast-pipeline, not from acme/podcast-pipeline (a fork)' });
  });

  it('refuses a run of this repository started by an untrusted event', async () => {
    for (const event of ['pull_request', 'pull_request_target', 'issue_comment', 'workflow_run']) {
      expect(await verdictFor(refreshRun({ event }))).toMatchObject({ ok: false, reason: expect.stringContaining(`was started by ${event}, not by a trusted event`) as unknown });
    }
  });

  it('refuses a refresh run on another branch', async () => {
    expect(await verdictFor(refreshRun({ headBranch: 'patch-1', headSha: 'bad0000000000000000000000000000000000001' }))).toMatchObject({
      ok: false,
      reason: 'run 1001 ran on patch-1, not on the default branch main',
    });
  });

  it('refuses a dispatched candidate on main: a workflow_dispatch run of the dispatch workflow is not a refresh', async () => {
    const dispatch = refreshRun({
      event: 'workflow_dispatch',
      path: '.github/workflows/optimization-dispatch.yml',
      referencedWorkflows: ['optimization-gate/optimization-gate/.github/workflows/optimization-dispatch.yml@v1'],
    });
    expect(await verdictFor(dispatch)).toMatchObject({ ok: false, reason: expect.stringContaining('not of a baseline refresh workflow') as unknown });
  });

  it('refuses a run whose commit is not in the default branch history (e.g. force-pushed away)', async () => {
    const orphan = refreshRun({ headSha: 'deadbeef00000000000000000000000000000000' });
    expect(await verdictFor(orphan)).toMatchObject({ ok: false, reason: expect.stringContaining('which is not in the history of main (unknown commit)') as unknown });
    const diverged = refreshRun({ headSha: 'bad0000000000000000000000000000000000001' });
    expect(await verdictFor(diverged)).toMatchObject({ ok: false, reason: expect.stringContaining('not in the history of main (diverged)') as unknown });
  });

  it('refuses a run the API does not know', async () => {
    const api = recordingGitHub();
    expect(await verifyStoringRun(api, 99, EXPECT)).toMatchObject({ ok: false, reason: expect.stringContaining('its run 99 cannot be read through the API') as unknown });
  });

  it('names the refresh it trusted, for gate.json and the report', () => {
    const provenance = provenanceOf(refreshRun(), 'cache', 'optimization-gate-baseline-v1-x-1001-1', DEFAULT_REFRESH_WORKFLOWS);
    expect(describeProvenance(provenance)).toBe('refresh run 12 (schedule, run id 1001), main @ c0ffee0, 2026-11-27T03:00:12Z, from the actions cache (optimization-gate-baseline-v1-x-1001-1)');
    expect(refreshWorkflowOf(refreshRun({ path: '.github/workflows/other.yml' }), ['other.yml'])).toBe('.github/workflows/other.yml');
  });
});

describe('cache keys and manifests', () => {
  const parts = { datasetId: 'tiny', configHash: '0123456789abcdef', runnerKey: 'gpu-a-linux-x64' };

  it('reads the saving run from a cache key, and nothing from a key of another shape', () => {
    const prefix = baselineCachePrefix(parts);
    expect(runOfCacheKey(baselineCacheKey(parts, '14000000001', '2'), prefix)).toEqual({ runId: 14000000001, attempt: 2 });
    expect(runOfCacheKey(`${prefix}14000000001-2-forged`, prefix)).toBeUndefined();
    expect(runOfCacheKey(`${prefix}zzz`, prefix)).toBeUndefined();
  });

  it('puts the pipeline-config hash in the artifact name (a changed config never finds the old baseline)', () => {
    expect(baselineArtifactName('optimization-gate', 'tiny', parts.configHash, parts.runnerKey)).toBe('optimization-gate-baseline-tiny-0123456789abcdef-gpu-a-linux-x64');
    expect(baselineArtifactName('optimization-gate', 'tiny', 'fedcba9876543210', parts.runnerKey)).not.toBe(baselineArtifactName('optimization-gate', 'tiny', parts.configHash, parts.runnerKey));
  });

  it('states a baseline of another pipeline config or dataset as not comparable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-manifest-'));
    mkdirSync(join(dir, 'store'));
    writeFileSync(join(dir, 'store', 'run-1.yaml'), 'totals: {}\n');
    const manifest = { schema: 'optimization-gate/baseline@1', runs: ['run-1.yaml'], config_hash: 'fedcba9876543210', dataset_id: 'tiny' };
    writeFileSync(join(dir, 'store', 'baseline.json'), JSON.stringify(manifest));
    const files = readBaselineStore(join(dir, 'store'), 'test');
    expect(manifestMismatch(files, { keyParts: parts })).toBe(
      'the stored baseline was measured with pipeline config fedcba9876543210, this run has 0123456789abcdef (the pipeline-config files changed): not comparable; run the baseline refresh again',
    );
    expect(manifestMismatch(files, { keyParts: { ...parts, configHash: 'fedcba9876543210', datasetId: 'other' } })).toMatch(/is of dataset tiny, this run measures other/);
    expect(manifestMismatch(files, { keyParts: { ...parts, configHash: 'fedcba9876543210' } })).toBeUndefined();
  });
});
