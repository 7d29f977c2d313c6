/**
 * `mode: gate` in process, through `run()`: the baseline measured from the base ref (interleaved),
 * restored from the cache or from an artifact, named by a path; confirmation rounds; and the
 * refusals that measure nothing (missing baseline, untrusted author, fork PR).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issuesEvent, pullRequestEvent, workflowDispatchEvent } from '../../fakes/index.js';
import { FAST, INPUTS, SLOW, World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world?.stop());

interface GateJson {
  decision: string;
  notes: string[];
  thresholds: Array<{ metric: string; verdict: string; change: { value: number }; baseline: { n: number; median: number }; candidate: { n: number; median: number } }>;
}

function gateJson(outDir: string): GateJson {
  return JSON.parse(readFileSync(join(outDir, 'gate.json'), 'utf8')) as GateJson;
}

function dispatch(inputs: Record<string, string>, workspace = world.gitWorkspace()) {
  return world.main({ eventName: 'workflow_dispatch', event: workflowDispatchEvent(world.github, { 'issue-number': '7' }), workspace, inputs: { ...INPUTS, ...inputs } });
}

describe('gate', () => {
  it('ref:main: measures both sides interleaved, judges the declared stage times, comments, uploads', async () => {
    const main = await dispatch({ baseline: 'ref:main', repeat: '2' });
    const { io } = main;
    expect(io.failed, io.text()).toEqual([]);
    expect(io.outputs.get('decision')).toBe('ship');
    // A B A B, each side in its own checkout: the base ref's worktree, then this one.
    const profiled = world.commands.started.slice(-6).filter((s) => s.command === 'pipeline');
    expect(profiled.map((s) => (s.cwd === main.workspace ? 'candidate' : 'baseline'))).toEqual(['baseline', 'candidate', 'baseline', 'candidate']);
    const gate = gateJson(main.outDir);
    expect(gate.decision).toBe('ship');
    expect(Object.fromEntries(gate.thresholds.map((t) => [t.metric, [t.verdict, t.change.value]]))).toEqual({
      'profile.stages.transcribe.wall_time_s': ['pass', -50],
      'profile.stages.summarize.wall_time_s': ['pass', expect.closeTo(-75, 9)],
      'eval.vs_reference.silver.rougeL_f1': ['pass', expect.closeTo(0.005, 9)],
      'cost.total_stage_cost_usd': ['pass', expect.closeTo(-40, 9)],
    });
    expect(gate.thresholds[0]).toMatchObject({ baseline: { n: 2, median: 0.5 }, candidate: { n: 2, median: 0.25 } });
    const comment = world.github.comments(7).at(-1);
    expect(comment?.body.split('\n')[0]).toMatch(/^### ✅ ship — all 4 thresholds pass/);
    expect(io.outputs.get('comment-url')).toBe(comment && `https://github.com/acme/podcast-pipeline/issues/7#issuecomment-${comment.id}`);
    const artifact = world.artifacts.of(main.run, 'optimization-gate');
    expect(io.outputs.get('artifact-id')).toBe(String(artifact?.id));
    expect([...(artifact?.files.keys() ?? [])]).toEqual(
      expect.arrayContaining(['baseline.run-1.yaml', 'candidate.run-2.events.jsonl', 'candidate.eval/metrics.json', 'gate.json', 'report.md', 'run-info.json']),
    );
    expect(artifact?.files.get('report.md')).toBe(readFileSync(join(main.outDir, 'report.md'), 'utf8'));
    expect(io.summary).toBe(readFileSync(join(main.outDir, 'report.md'), 'utf8'));
    expect(io.state.get('completed')).toBe('true');
    expect(existsSync(join(main.outDir, 'base-worktree'))).toBe(false);
    // Post: main completed and uploaded; nothing to do.
    const post = await world.post(main);
    expect(post.log).toEqual([]);
    expect(post.failed).toEqual([]);
  });

  it('a PR gates against the baseline the refresh stored in the cache: one sticky comment, edited on the next run', async () => {
    const refresh = await world.main({ eventName: 'schedule', event: { schedule: '0 3 * * *' }, workspace: world.workspace(SLOW), inputs: { ...INPUTS, mode: 'baseline', comment: 'none' } });
    expect(refresh.io.failed, refresh.io.text()).toEqual([]);
    expect(world.cache.entries.map((e) => e.key)).toEqual([expect.stringMatching(/^optimization-gate-baseline-v1-tiny-[0-9a-f]{16}-self-hosted-linux-x64-\d+-1$/)]);
    const workspace = world.workspace(FAST);
    for (const attempt of [1, 2]) {
      const { io, outDir } = await world.main({ eventName: 'pull_request', event: pullRequestEvent(world.github, 21), workspace, inputs: INPUTS });
      expect(io.failed, io.text()).toEqual([]);
      expect(io.outputs.get('decision')).toBe('ship');
      expect(io.messages('info'), io.text()).toContain(`baseline restored from the cache (key ${world.cache.entries[0]?.key}); verifying the run that saved it`);
      // Only the candidate was measured; the baseline's single run came from the store.
      expect(gateJson(outDir).thresholds[0]).toMatchObject({ metric: 'profile.stages.transcribe.wall_time_s', baseline: { n: 1, median: 0.5 }, candidate: { n: 1, median: 0.25 } });
      const sticky = world.github.comments(21).filter((c) => c.body.startsWith('<!-- optimization-gate:sticky'));
      expect(sticky, `attempt ${attempt}`).toHaveLength(1);
      expect(sticky[0]?.body).toContain('✅ ship');
    }
    // The sticky comment was edited once (the issue's status comment is edited too, on #7).
    const stickyId = world.github.comments(21).find((c) => c.body.startsWith('<!-- optimization-gate:sticky'))?.id;
    expect(world.github.callsTo(`PATCH /repos/acme/podcast-pipeline/issues/comments/${stickyId}`)).toHaveLength(1);
    // The PR closes #7: the optimization issue gets each run's report as a new comment.
    expect(world.github.callsTo('POST /repos/acme/podcast-pipeline/issues/7/comments').length).toBeGreaterThanOrEqual(2);
  });

  it("baseline: artifact downloads the refresh run's stored baseline from the default branch", async () => {
    const inputs = { ...INPUTS, 'dataset-id': 'from-artifact' };
    const refresh = await world.main({ eventName: 'schedule', event: { schedule: '0 3 * * *' }, workspace: world.workspace(SLOW), inputs: { ...inputs, mode: 'baseline', comment: 'none' } });
    const stored = world.artifacts.artifacts.find((a) => a.runId === refresh.run.id);
    expect(stored?.name).toMatch(/^optimization-gate-baseline-from-artifact-[0-9a-f]{16}-self-hosted-linux-x64$/);
    expect([...(stored?.files.keys() ?? [])].sort()).toEqual([
      'baseline.json',
      'eval/eval_pipeline_metrics.json',
      'eval/metrics.json',
      'report.md',
      'run-1.samples.jsonl',
      'run-1.stage_truth.json',
      'run-1.yaml',
      'run-info.json',
    ]);
    const { io } = await world.main({
      eventName: 'issues',
      event: issuesEvent(world.github, 7),
      workspace: world.workspace(FAST),
      inputs: { ...inputs, 'issue-number': '7', baseline: 'artifact', comment: 'none' },
    });
    expect(io.failed, io.text()).toEqual([]);
    expect(io.outputs.get('decision')).toBe('ship');
    expect(world.artifacts.calls).toContain(`download ${stored?.id} from run ${refresh.run.id}`);
    expect(io.messages('info').join('\n')).toMatch(new RegExp(`baseline downloaded from artifact ${stored?.name} \\(id ${stored?.id}, run ${refresh.run.id}`));
  });

  it("a baseline named by path (an earlier step's profile output), inline thresholds, no issue", async () => {
    const measured = await world.main({ eventName: 'push', workspace: world.workspace(SLOW), inputs: { ...INPUTS, mode: 'measure', comment: 'none', 'artifact-name': 'example-baseline' } });
    const profile = measured.io.outputs.get('profile') as string;
    expect(profile).toBe(join(measured.outDir, 'run.yaml'));
    const thresholds = 'thresholds:\n  profile.stages.summarize.wall_time_s: { rule: "<= -50%", kind: target }\n  profile.stages.fetch.wall_time_s: "<= +0%"\n';
    const { io, outDir } = await world.main({
      eventName: 'push',
      workspace: world.workspace(FAST),
      inputs: { ...INPUTS, baseline: profile, thresholds, comment: 'none', 'artifact-name': 'example-candidate' },
    });
    expect(io.failed, io.text()).toEqual([]);
    expect(io.messages('info')).toContain('no optimization issue found (input, dispatch input, PR body or branch name); using the thresholds input alone');
    expect(gateJson(outDir).thresholds.map((t) => [t.metric, t.verdict, t.change.value])).toEqual([
      ['profile.stages.summarize.wall_time_s', 'pass', expect.closeTo(-75, 9)],
      ['profile.stages.fetch.wall_time_s', 'pass', 0],
    ]);
  });

  it('an inconclusive guardrail gets confirmation rounds (A B), up to confirm-runs, recorded in stage_truth', async () => {
    const jitter = [0.05, 0.05, 0.25, 0.25];
    // A bound of +0.17 s: at the spread of two runs a few more would decide it (rounds are not
    // futile: at +0.15 s the futility rule skips them), and four runs per side still do not.
    const { io, outDir } = await dispatch(
      { baseline: 'ref:main', repeat: '2', 'confirm-runs': '2', comment: 'none', thresholds: 'thresholds:\n  profile.stages.jitter.wall_time_s: "<= +0.17s"\n' },
      world.gitWorkspace({ ...SLOW, jitter }, { ...FAST, jitter }),
    );
    expect(io.failed, io.text()).toEqual([]);
    const metric = 'profile.stages.jitter.wall_time_s';
    expect(io.groups.filter((g) => g.startsWith('Confirmation'))).toEqual([
      `Confirmation round 1 of at most 2 (1 guardrail(s) inconclusive: ${metric})`,
      `Confirmation round 2 of at most 2 (1 guardrail(s) inconclusive: ${metric})`,
    ]);
    expect(io.messages('info')).toContain(`Confirmation stops after 2 rounds: confirm-runs used up (2 of 2); still inconclusive: ${metric}`);
    const gate = gateJson(outDir);
    expect(gate.thresholds.find((t) => t.metric === metric)).toMatchObject({ verdict: 'inconclusive', baseline: { n: 4 }, candidate: { n: 4 } });
    expect(gate.decision).toBe('iterate');
    expect(io.outputs.get('decision')).toBe('iterate');
    expect(gate.notes).toContain('2 confirmation rounds (2 more runs per side, interleaved) added because a guardrail was inconclusive (confirm-runs: 2)');
    type RunOrder = { side: string; round: number; sequence: number; confirmation: boolean };
    const orders = ['baseline', 'candidate'].flatMap((side) =>
      [1, 2, 3, 4].map((k) => (JSON.parse(readFileSync(join(outDir, `${side}.run-${k}.stage_truth.json`), 'utf8')) as { run_order: RunOrder }).run_order),
    );
    expect(orders.sort((a, b) => a.sequence - b.sequence).map((o) => `${o.sequence}:${o.side}:${o.round}${o.confirmation ? ' (confirmation)' : ''}`)).toEqual([
      '1:baseline:1',
      '2:candidate:1',
      '3:baseline:2',
      '4:candidate:2',
      '5:baseline:3 (confirmation)',
      '6:candidate:3 (confirmation)',
      '7:baseline:4 (confirmation)',
      '8:candidate:4 (confirmation)',
    ]);
  });
});

describe('gate refusals: nothing is measured', () => {
  it('a missing baseline is a clear rejection, never a pass', async () => {
    const before = world.commands.started.length;
    const { io } = await world.main({
      eventName: 'issues',
      event: issuesEvent(world.github, 7),
      workspace: world.workspace(FAST),
      inputs: { ...INPUTS, 'issue-number': '7', 'dataset-id': 'never-refreshed', comment: 'issue' },
    });
    expect(io.outputs.get('decision')).toBe('reject');
    expect(io.messages('error')).toEqual([expect.stringMatching(/^missing baseline: no stored baseline for runner key self-hosted-linux-x64, dataset never-refreshed/)]);
    expect(io.failed).toEqual([expect.stringMatching(/^optimization-gate: decision reject \(fail-on: reject\); see https:\/\/github\.com\/acme\/podcast-pipeline\/issues\/7#issuecomment-\d+$/)]);
    expect(world.github.comments(7).at(-1)?.body).toContain('missing baseline');
    expect(world.commands.started.length).toBe(before);
  });

  it('refuses the thresholds of an author without write access, and says why', async () => {
    const before = world.commands.started.length;
    const { io } = await world.main({ eventName: 'issues', event: issuesEvent(world.github, 8), workspace: world.gitWorkspace(), inputs: { ...INPUTS, 'issue-number': '8', baseline: 'ref:main' } });
    expect(io.outputs.get('decision')).toBe('reject');
    expect(io.summary).toContain(
      'the thresholds of issue #\u200b8 are not trusted: its author drive-by has none permission on this repository, and only authors with write, maintain or admin permission are trusted',
    );
    expect(io.failed).toHaveLength(1);
    expect(world.commands.started.length).toBe(before);
  });

  it('refuses a fork PR on a self-hosted runner before running anything or writing to GitHub', async () => {
    const before = { commands: world.commands.started.length, calls: world.github.calls.length };
    const { io } = await world.main({ eventName: 'pull_request', event: pullRequestEvent(world.github, 22), workspace: world.workspace(FAST), inputs: INPUTS });
    expect(io.failed).toEqual([
      'optimization-gate: refusing to measure pull request #22 from the fork mallory/podcast-pipeline: its code would run on this runner. Set allow-fork-prs: true only with ephemeral, isolated runners (RUNNER_ENVIRONMENT is not proof: an earlier step can set it).',
    ]);
    expect(io.outputs.has('decision')).toBe(false);
    expect(world.commands.started.length).toBe(before.commands);
    expect(world.github.calls.slice(before.calls)).toEqual([]);
    expect(io.state.get('completed')).toBeUndefined();
  });
});
