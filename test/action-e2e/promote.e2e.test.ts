/**
 * `/optimization-gate promote` with the bundled action (dist/ as child processes) against the
 * loopback GitHub, results service and Azurite: a dispatched gate for issue 7 decides ship; the
 * maintainer's promote (a job with exactly the commands workflow's promote scopes) stores its
 * candidate as the baseline and opens a pull request whose files are in data/profiles/issue-7/ and
 * data/eval/issue-7/; the next gate, with no baseline named, uses that baseline and names its
 * provenance. The ship comes from the pipeline's declared stage seconds (transcribe 0.5 → 0.25 s),
 * never from the machine's speed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueCommentEvent, startHarness, workflowDispatchEvent, type Harness } from '../fakes/index.js';
import { OPTIMIZATION_REPO } from '../helpers/optimization-repo.js';
import { artifactFiles, runSteps, TEST_TIMEOUT } from './helpers.js';
import { FAST, gitWorkspace, PIPELINE_INPUTS } from './workspace.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ repo: OPTIMIZATION_REPO });
}, TEST_TIMEOUT);
afterAll(async () => {
  await h?.stop();
});

interface GateJson {
  decision: string;
  baseline: { source: string; description: string; provenance: Record<string, unknown> | null } | null;
  thresholds: Array<{ metric: string; verdict: string; candidate: { median: number | null } }>;
}

async function dispatchedGate(workspace: string, inputs: Record<string, string>): Promise<{ runId: number; gate: GateJson }> {
  const runner = h.runnerEnv({
    eventName: 'workflow_dispatch',
    event: workflowDispatchEvent(h.github, { 'issue-number': '7' }),
    run: { event: 'workflow_dispatch', workflowPath: '.github/workflows/optimization-dispatch.yml' },
    workspace,
    inputs: { ...PIPELINE_INPUTS, comment: 'issue', ...inputs },
  });
  const { main } = await runSteps({ runner });
  expect(main.exitCode, main.stdout).toBe(0);
  h.model.completeRun(runner.run.id, 'success');
  const outDir = join(runner.env.RUNNER_TEMP as string, 'optimization-gate', `${runner.run.id}-1-optimization-gate`);
  return { runId: runner.run.id, gate: JSON.parse(readFileSync(join(outDir, 'gate.json'), 'utf8')) as GateJson };
}

it(
  'promote stores the ship as the baseline the next gate uses, and opens a pull request with its files in the prescribed folders',
  async () => {
    const ship = await dispatchedGate(gitWorkspace(), { baseline: 'ref:main' });
    expect(ship.gate.decision).toBe('ship');
    const transcribe = ship.gate.thresholds.find((t) => t.metric === 'profile.stages.transcribe.wall_time_s');
    expect(transcribe?.candidate.median).toBeCloseTo(0.25, 2);

    const c = h.github.repo.addComment(7, '/optimization-gate promote', 'maintainer');
    const promoter = h.runnerEnv({
      eventName: 'issue_comment',
      event: issueCommentEvent(h.github, 7, c.id),
      run: { event: 'issue_comment', workflowPath: '.github/workflows/optimization-commands.yml' },
      // The promote job's permissions in optimization-commands.yml, nothing more.
      permissions: { issues: 'write', actions: 'read', contents: 'write', 'pull-requests': 'write' },
      inputs: { mode: 'command' },
    });
    const { main } = await runSteps({ runner: promoter });
    expect(main.exitCode, main.stdout).toBe(0);
    // Downloading another run's artifact, @actions/artifact's unzip dependency calls `new Buffer()` (Node's DEP0005): nothing else may be said.
    expect(main.stderr.replace(/.*DEP0005.*\n(.*--trace-deprecation.*\n)?/g, '')).toBe('');
    const answer = h.github.comments(7).at(-1);
    expect(answer?.user).toBe('github-actions[bot]');
    expect(answer?.body).toMatch(/^<!-- optimization-gate:record promote v1 [A-Za-z0-9_-]+ -->\n⬆️ \*\*optimization-gate: promoted\*\*/);

    // The pull request: its branch, the files of its tree in the prescribed folders, the PR itself.
    const branch = `optimization-gate/promote-issue-7-run-${ship.runId}`;
    const files = h.github.git.filesOf(branch);
    expect([...files.keys()].sort()).toEqual([
      'data/eval/issue-7/eval_pipeline_metrics.json',
      'data/eval/issue-7/metrics.json',
      'data/profiles/issue-7/README.md',
      'data/profiles/issue-7/run-1.stage_truth.json',
      'data/profiles/issue-7/run-1.yaml',
    ]);
    const measured = await artifactFiles(h, ship.runId, 'optimization-gate');
    expect(files.get('data/profiles/issue-7/run-1.yaml')).toBe(measured.get('candidate.yaml')?.toString('utf8'));
    expect(JSON.parse(files.get('data/eval/issue-7/metrics.json') ?? '{}')).toMatchObject({ vs_reference: { silver: { rougeL_f1: FAST.rougeL } } });
    expect(files.get('data/profiles/issue-7/README.md')).toContain(`| why | issue #7: its gate decided **ship** |`);
    expect(h.github.git.pulls).toEqual([expect.objectContaining({ head: branch, base: 'main', actor: 'github-actions[bot]' })]);
    expect(answer?.body).toContain(`Pull request #${h.github.git.pulls[0]?.number} adds its files`);

    // The next gate names no baseline: it finds the promoted one and says where it came from.
    const next = await dispatchedGate(gitWorkspace(), {});
    expect(next.gate.baseline?.provenance).toMatchObject({
      run_id: promoter.run.id,
      event: 'issue_comment',
      workflow: '.github/workflows/optimization-commands.yml',
      promoted: { issue: 7, source_run_id: ship.runId, by: 'maintainer' },
    });
    expect(next.gate.baseline?.description).toContain(`promoted on issue 7 by maintainer from run id ${ship.runId}`);
    // The promoted candidate is now the baseline: the same transcription time on both sides, no -20 % target met.
    const sameTranscribe = next.gate.thresholds.find((t) => t.metric === 'profile.stages.transcribe.wall_time_s');
    expect(sameTranscribe?.verdict).not.toBe('pass');
  },
  TEST_TIMEOUT,
);
