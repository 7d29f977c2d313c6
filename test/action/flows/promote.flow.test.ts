/**
 * `/optimization-gate promote` in process, through `run()`: a writer promotes the newest ship of the
 * issue; the promote run stores its candidate as the baseline (artifact + cache), opens a pull request
 * with the files in the prescribed folders (the fake's git data API records branch, tree and PR),
 * writes the promote record and ticks "promoted" on the status comment; the next gate uses that
 * baseline and names its provenance. Refusals: a reader, a non-ship run, a run of another workflow,
 * an unknown run, a run not completed. Decisions come from the scripts' declared stage times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecord } from '../../../src/action/command-records.js';
import type { WorkflowRun } from '../../fakes/index.js';
import { COMMANDS, DISPATCH, command, measured } from './promote-helpers.js';
import { FAST, SLOW, World, type MainResult } from './world.js';

let world: World;
beforeAll(async () => {
  world = await World.start();
  world.model.addWorkflow(DISPATCH);
});
afterAll(() => world?.stop());

const lastAnswer = (issue = 7) => world.github.comments(issue).at(-1)?.body ?? '';

describe('promote', () => {
  let ship: MainResult;
  let promoteRun: WorkflowRun;

  it('a writer promotes the newest ship: baseline stored, pull request opened with the files, record written, "promoted" ticked', async () => {
    ship = await measured(world, world.gitWorkspace(SLOW, FAST));
    expect(ship.io.outputs.get('decision'), ship.io.text()).toBe('ship');

    const promoted = await command(world, 7, 'maintainer', '/optimization-gate promote');
    promoteRun = promoted.run;
    expect(promoted.io.failed, promoted.io.text()).toEqual([]);
    const answer = world.github.comments(7).at(-1);
    expect(answer?.user).toBe('github-actions[bot]');
    const record = decodeRecord(answer?.body ?? '');
    expect(record).toMatchObject({ kind: 'promote', data: { issue: 7, source_run_id: ship.run.id, run_id: promoteRun.id, by: 'maintainer' } });
    expect(answer?.body).toContain(`⬆️ **optimization-gate: promoted** — run ${ship.run.id}`);

    // Stored as this run's baseline artifact (with the promotion in its manifest) and cache entry.
    const stored = world.artifacts.artifacts.find((a) => a.runId === promoteRun.id && a.name.startsWith('optimization-gate-baseline'));
    const manifest = JSON.parse(stored?.files.get('baseline.json') ?? '{}') as Record<string, unknown>;
    expect(manifest).toMatchObject({
      workflow_run_id: String(promoteRun.id),
      dataset_id: 'tiny',
      runs: ['run-1.yaml'],
      eval_dir: 'eval',
      promoted: { issue: 7, source_run_id: ship.run.id, by: 'maintainer' },
    });
    expect(world.cache.entries.at(-1)?.key).toMatch(new RegExp(`-${promoteRun.id}-1$`));
    // The profile stored is the candidate's, byte for byte as the sealed verdict artifact holds it.
    expect(stored?.files.get('run-1.yaml')).toBe(world.artifacts.of(ship.run, 'optimization-gate')?.files.get('candidate.yaml'));

    // The pull request: a branch named by issue and run, its files in the prescribed folders.
    const branch = `optimization-gate/promote-issue-7-run-${ship.run.id}`;
    const files = world.github.git.filesOf(branch);
    expect([...files.keys()].sort()).toEqual([
      'data/eval/issue-7/eval_pipeline_metrics.json',
      'data/eval/issue-7/metrics.json',
      'data/profiles/issue-7/README.md',
      'data/profiles/issue-7/run-1.stage_truth.json',
      'data/profiles/issue-7/run-1.yaml',
    ]);
    expect(files.get('data/profiles/issue-7/run-1.yaml')).toBe(stored?.files.get('run-1.yaml'));
    const readme = files.get('data/profiles/issue-7/README.md') ?? '';
    expect(readme).toContain('# Promoted baseline of issue #7');
    expect(readme).toContain(`by run ${ship.run.id}`);
    expect(readme).toContain('| why | issue #7: its gate decided **ship** |');
    expect(readme).toMatch(/\| 0\.40 s \|/); // FAST: 0.05 + 0.25 + 0.1 s of declared stage time
    const pr = world.github.git.pulls.at(-1);
    expect(pr).toMatchObject({ head: branch, base: 'main', actor: 'github-actions[bot]' });
    expect(answer?.body).toContain(`Pull request #${pr?.number} adds its files`);
    expect(answer?.body).toContain('starts no workflows');

    // The status comment ticks "promoted" with the pull request.
    const status = world.github.comments(7).find((c) => c.body.startsWith('<!-- optimization-gate:status -->'))?.body ?? '';
    expect(status).toContain(`- [x] **Promoted** — by \`maintainer\``);
    expect(status).toContain(`· [pull request](https://github.com/acme/podcast-pipeline/pull/${pr?.number})`);
  });

  it('the next gate uses the promoted baseline and names its provenance', async () => {
    const next = await measured(world, world.gitWorkspace(FAST, { ...FAST, rougeL: 0.336 }), {});
    expect(next.io.failed, next.io.text()).toEqual([]);
    const gate = JSON.parse(readFileSync(join(next.outDir, 'gate.json'), 'utf8')) as { baseline: { source: string; description: string; provenance: Record<string, unknown> } };
    expect(gate.baseline.source).toBe('cache');
    expect(gate.baseline.provenance).toMatchObject({ run_id: promoteRun.id, event: 'issue_comment', workflow: COMMANDS, promoted: { issue: 7, source_run_id: ship.run.id, by: 'maintainer' } });
    expect(gate.baseline.description).toContain(`promoted on issue 7 by maintainer from run id ${ship.run.id}`);
  });

  it('a re-run of the same promotion moves its branch and reuses the open pull request', async () => {
    const pulls = world.github.git.pulls.length;
    const again = await command(world, 7, 'maintainer', `/optimization-gate promote ${ship.run.id}`);
    expect(again.io.failed, again.io.text()).toEqual([]);
    expect(world.github.git.pulls.length).toBe(pulls);
    expect(lastAnswer()).toContain('now adds its files');
    expect(world.github.callsTo(/^POST \/repos\/acme\/podcast-pipeline\/git\/refs$/).at(-1)?.status).toBe(422);
  });

  it('refuses a reader, a non-ship run, a run of another workflow, an unknown run, a run not completed; nothing is stored', async () => {
    const stored = () => world.artifacts.artifacts.filter((a) => a.name.startsWith('optimization-gate-baseline')).length;
    const before = stored();
    await command(world, 7, 'drive-by', `/optimization-gate promote ${ship.run.id}`);
    expect(lastAnswer()).toContain('drive-by has none');

    const rejected = await measured(world, world.gitWorkspace(FAST, SLOW), { baseline: 'ref:main' });
    expect(rejected.io.outputs.get('decision')).not.toBe('ship');
    await command(world, 7, 'maintainer', `/optimization-gate promote ${rejected.run.id}`);
    expect(lastAnswer()).toContain(`optimization-gate decided ${rejected.io.outputs.get('decision')}: only a run whose every verdict is ship can be promoted`);

    const other = world.model.addRun({ event: 'push', workflowPath: '.github/workflows/ci.yml', status: 'completed', conclusion: 'success' });
    await command(world, 7, 'maintainer', `/optimization-gate promote ${other.id}`);
    expect(lastAnswer()).toContain(`run ${other.id} is of .github/workflows/ci.yml, not of a measuring workflow`);

    await command(world, 7, 'maintainer', '/optimization-gate promote 99');
    expect(lastAnswer()).toContain('run 99 cannot be read through the API');

    const running = await measured(world, world.gitWorkspace(SLOW, FAST), { baseline: 'ref:main' }, false);
    await command(world, 7, 'maintainer', `/optimization-gate promote ${running.run.id}`);
    expect(lastAnswer()).toContain('has not completed yet (in_progress)');
    expect(lastAnswer()).toContain('The baseline stays as it is. Nothing was run or recorded.');
    expect(stored()).toBe(before);
  });

  it('when the repository forbids Actions to open pull requests, the baseline is still promoted and the answer says why; folders follow the inputs', async () => {
    const again = await measured(world, world.gitWorkspace(SLOW, FAST));
    world.github.git.actionsMayOpenPullRequests = false;
    try {
      const promoted = await command(world, 7, 'maintainer', `/optimization-gate promote ${again.run.id}`, {
        'promote-profiles-dir': 'references/promoted/{issue}',
        'promote-eval-dir': 'references/promoted/{issue}/eval',
      });
      expect(promoted.io.failed, promoted.io.text()).toEqual([]);
      const branch = `optimization-gate/promote-issue-7-run-${again.run.id}`;
      expect([...world.github.git.filesOf(branch).keys()].sort()).toEqual([
        'references/promoted/7/README.md',
        'references/promoted/7/eval/eval_pipeline_metrics.json',
        'references/promoted/7/eval/metrics.json',
        'references/promoted/7/run-1.stage_truth.json',
        'references/promoted/7/run-1.yaml',
      ]);
      expect(world.github.git.pulls.some((p) => p.head === branch)).toBe(false);
      const answer = lastAnswer();
      expect(decodeRecord(answer)).toMatchObject({ kind: 'promote', data: { source_run_id: again.run.id, run_id: promoted.run.id, pr_url: null } });
      expect(answer).toContain('The pull request with its files could not be opened:');
      expect(answer).toContain('GitHub Actions is not permitted to create or approve pull requests.');
      expect(answer).toContain('"Allow GitHub Actions to create and approve pull requests" is off');
      expect(answer).toContain(`(the branch \`${branch}\` holds them)`);
      // The status comment shows this (newest) promotion: its run, no pull request.
      const status = world.github.comments(7).find((c) => c.body.startsWith('<!-- optimization-gate:status -->'))?.body ?? '';
      const line = status.split('\n').find((l) => l.startsWith('- [x] **Promoted**')) ?? '';
      expect(line).toContain(`[run](https://github.com/acme/podcast-pipeline/actions/runs/${again.run.id})`);
      expect(line).not.toContain('pull request');
    } finally {
      world.github.git.actionsMayOpenPullRequests = true;
    }
  });

  it('a failure before the record is written is answered with a refusal, fails the job, and stores nothing', async () => {
    const stored = () => world.artifacts.artifacts.filter((a) => a.name.startsWith('optimization-gate-baseline')).length;
    const before = stored();
    world.artifacts.failures.download.push(new Error('connection reset by the artifact service'));
    const failed = await command(world, 7, 'maintainer', `/optimization-gate promote ${ship.run.id}`);
    expect(failed.io.failed.join('\n')).toContain('promote failed: connection reset by the artifact service');
    expect(lastAnswer()).toContain('🚫 **optimization-gate: refused**');
    expect(lastAnswer()).toContain('Promoting failed: connection reset by the artifact service. The baseline stays as it is.');
    expect(decodeRecord(lastAnswer())).toBeUndefined();
    expect(stored()).toBe(before);
  });
});
