/**
 * Attacks on `/optimization-gate promote` and on the baseline it stores (docs/security.md): a reader's
 * promote stores nothing; a promote record typed by anyone but the action's own identity is ignored;
 * a verdict written by a workflow file the default branch does not have, or outvoted by a later
 * attempt, is not promoted;
 * a baseline entry claiming a promotion but stored by another run (a dispatched candidate, a commands
 * run no record names) is refused and named; runs of another workflow or of a fork are not promoted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineArtifactName, baselineCacheKey } from '../../src/action/baseline-key.js';
import { recordMarker } from '../../src/action/command-records.js';
import { FAST, SLOW, World, type MainResult } from '../action/flows/world.js';
import { command, DISPATCH, measured } from '../action/flows/promote-helpers.js';
import type { WorkflowRun } from '../fakes/index.js';

let world: World;
let ship: MainResult;
let parts: { datasetId: string; configHash: string; runnerKey: string };
beforeAll(async () => {
  world = await World.start();
  ship = await measured(world, world.gitWorkspace(SLOW, FAST));
  const info = JSON.parse(world.artifacts.of(ship.run, 'optimization-gate')?.files.get('run-info.json') ?? '{}') as Record<string, string>;
  parts = { datasetId: info.dataset_id!, configHash: info.config_hash!, runnerKey: info.runner_key! };
});
afterAll(() => world?.stop());

const baselineName = () => baselineArtifactName('optimization-gate', parts.datasetId, parts.configHash, parts.runnerKey);

/** A store claiming to be the promotion of `ship`, stored by `run` (what a forger would upload). */
function forgedStore(run: WorkflowRun): Record<string, string> {
  const manifest = {
    schema: 'optimization-gate/baseline@1',
    created_at: new Date().toISOString(),
    dataset_id: parts.datasetId,
    runner_key: parts.runnerKey,
    hostname: 'h',
    config_hash: parts.configHash,
    git_sha: run.headSha,
    git_ref: 'main',
    workflow_run_id: String(run.id),
    runs: ['run-1.yaml'],
    promoted: { issue: 7, source_run_id: ship.run.id, source_run_url: '', by: 'maintainer' },
  };
  return { 'baseline.json': JSON.stringify(manifest), 'run-1.yaml': world.artifacts.of(ship.run, 'optimization-gate')!.files.get('candidate.yaml')! };
}

async function gateWithStored(baseline: 'artifact' | 'cache'): Promise<{ gate: { baseline: unknown; decision: string }; log: string }> {
  const next = await measured(world, world.gitWorkspace(FAST, { ...FAST, rougeL: 0.336 }), { baseline });
  const gate = JSON.parse(readFileSync(join(next.outDir, 'gate.json'), 'utf8')) as { baseline: unknown; decision: string };
  return { gate, log: `${next.io.text()}\n${readFileSync(join(next.outDir, 'report.md'), 'utf8')}` };
}

describe('promote: attacks', () => {
  it("a reader's promote is refused and nothing is stored, branched or recorded", async () => {
    const [artifacts, caches, refs] = [world.artifacts.artifacts.length, world.cache.entries.length, world.github.git.refs.size];
    const { io } = await command(world, 7, 'drive-by', `/optimization-gate promote ${ship.run.id}`);
    expect(io.failed).toEqual([]);
    expect(world.github.comments(7).at(-1)?.body).toContain('🚫 **optimization-gate: refused**');
    expect([world.artifacts.artifacts.length, world.cache.entries.length, world.github.git.refs.size]).toEqual([artifacts, caches, refs]);
  });

  it('a forged promote record written by a person is ignored: the baseline its commands run stored is refused and named', async () => {
    const forger = world.model.addRun({ event: 'issue_comment', workflowPath: '.github/workflows/optimization-commands.yml' });
    world.github.repo.pushCommit('main', forger.headSha);
    world.artifacts.seed(forger, baselineName(), forgedStore(forger));
    // The marker is typed by a maintainer (write permission), not written by the action's identity.
    world.github.repo.addComment(7, `${recordMarker('promote', { issue: 7, source_run_id: ship.run.id, run_id: forger.id, by: 'maintainer', at: new Date().toISOString() })}\npromoted`, 'maintainer');
    const { gate, log } = await gateWithStored('artifact');
    expect(gate.baseline).toBeNull();
    expect(log).toContain(`no promote record written by github-actions[bot] on issue 7 names run ${forger.id} promoting run ${ship.run.id}`);
  });

  it('an entry claiming a promotion but stored by a dispatched candidate run is refused (artifact and cache)', async () => {
    const candidate = world.model.addRun({ event: 'workflow_dispatch', workflowPath: '.github/workflows/optimization-dispatch.yml' });
    world.github.repo.pushCommit('main', candidate.headSha);
    world.artifacts.seed(candidate, baselineName(), forgedStore(candidate));
    world.cache.entries.push({ key: baselineCacheKey(parts, String(candidate.id), '1'), files: new Map(Object.entries(forgedStore(candidate))) });
    const cached = await gateWithStored('cache');
    expect(cached.gate.baseline).toBeNull();
    expect(cached.log).toContain(`run ${candidate.id} is of .github/workflows/optimization-dispatch.yml, not of a baseline refresh workflow`);
  });

  it('a genuine promote record does not vouch for a baseline stored by another commands run', async () => {
    const promoted = await command(world, 7, 'maintainer', `/optimization-gate promote ${ship.run.id}`);
    expect(promoted.io.failed, promoted.io.text()).toEqual([]);
    const other = world.model.addRun({ event: 'issue_comment', workflowPath: '.github/workflows/optimization-commands.yml' });
    world.github.repo.pushCommit('main', other.headSha);
    world.artifacts.seed(other, baselineName(), forgedStore(other));
    const { gate, log } = await gateWithStored('artifact');
    // The newest entry (the other run's) is refused and named; the genuine promotion's is used.
    expect(log).toContain(`no promote record written by github-actions[bot] on issue 7 names run ${other.id}`);
    expect(gate.baseline).toMatchObject({ provenance: { run_id: promoted.run.id, promoted: { source_run_id: ship.run.id } } });
  });

  it("refuses to promote a fork's run, or a run of a workflow that measures nothing for the issue", async () => {
    const fork = world.model.addRun({
      event: 'pull_request',
      workflowPath: '.github/workflows/optimization-pr-gate.yml',
      headRepository: 'mallory/podcast-pipeline',
      status: 'completed',
      conclusion: 'success',
    });
    await command(world, 7, 'maintainer', `/optimization-gate promote ${fork.id}`);
    expect(world.github.comments(7).at(-1)?.body).toContain(`run ${fork.id} measured code from mallory/podcast-pipeline (a fork)`);
    const refresh = world.model.addRun({ event: 'schedule', workflowPath: '.github/workflows/optimization-baseline-refresh.yml', status: 'completed', conclusion: 'success' });
    await command(world, 7, 'maintainer', `/optimization-gate promote ${refresh.id}`);
    expect(world.github.comments(7).at(-1)?.body).toContain(`run ${refresh.id} is of .github/workflows/optimization-baseline-refresh.yml, not of a measuring workflow`);
  });
});

describe('promote: the verdict is only as trusted as the workflow that wrote it', () => {
  const PR_GATE = '.github/workflows/optimization-pr-gate.yml';
  const answer = () => world.github.comments(7).at(-1)?.body ?? '';

  it("refuses a pull_request run whose workflow file is not the default branch's, and a dispatched run of another branch", async () => {
    world.github.repo.setFile('main', PR_GATE, 'on: pull_request # reviewed\n');
    const changed = world.model.addRun({ event: 'pull_request', workflowPath: PR_GATE, headBranch: 'speedup', status: 'completed', conclusion: 'success' });
    // The pull request rewrote the workflow: any step of it could upload a ship verdict and its seal.
    world.github.repo.setFile(changed.headSha, PR_GATE, 'on: pull_request\njobs: { forge: { steps: [ { run: upload ship } ] } }\n');
    await command(world, 7, 'maintainer', `/optimization-gate promote ${changed.id}`);
    expect(answer()).toContain(`run ${changed.id} ran its pull request's copy of ${PR_GATE}, which is not main's`);

    const same = world.model.addRun({ event: 'pull_request', workflowPath: PR_GATE, headBranch: 'speedup-2', status: 'completed', conclusion: 'success' });
    world.github.repo.setFile(same.headSha, PR_GATE, 'on: pull_request # reviewed\n');
    await command(world, 7, 'maintainer', `/optimization-gate promote ${same.id}`);
    // Past the workflow check (the same blob as main's): refused only for having no verdict.
    expect(answer()).toContain(`run ${same.id} left no sealed verdict artifact`);

    const branch = world.model.addRun({ event: 'workflow_dispatch', workflowPath: DISPATCH, headBranch: 'forged-dispatch', status: 'completed', conclusion: 'success' });
    await command(world, 7, 'maintainer', `/optimization-gate promote ${branch.id}`);
    expect(answer()).toContain(`run ${branch.id} ran the workflow file of forged-dispatch, not of the default branch main`);
    expect(world.github.callsTo(/^GET \/repos\/acme\/podcast-pipeline\/contents\//).length).toBeGreaterThanOrEqual(4);
  });

  it("a later attempt's reject outvotes the earlier attempt's ship", async () => {
    const first = await measured(world, world.gitWorkspace(SLOW, FAST), { baseline: 'ref:main' }, false);
    expect(first.io.outputs.get('decision')).toBe('ship');
    const second = await measured(world, world.gitWorkspace(FAST, SLOW), { baseline: 'ref:main' }, false, world.model.rerun(first.run.id));
    expect(second.io.outputs.get('decision')).not.toBe('ship');
    world.model.completeRun(first.run.id, 'failure');
    await command(world, 7, 'maintainer', `/optimization-gate promote ${first.run.id}`);
    expect(answer()).toContain(`run ${first.run.id} (attempt 2): optimization-gate decided ${second.io.outputs.get('decision')}`);
  });
});
