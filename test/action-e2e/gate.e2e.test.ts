/**
 * The bundled action (dist/main.js + dist/post.js) run as a runner would, against the loopback
 * GitHub API, results service and Azurite: the main flows of the gate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotations, issuesEvent, pullRequestEvent, startHarness, workflowDispatchEvent, type Harness } from '../fakes/index.js';
import { TEST_TIMEOUT, artifactFiles, runSteps, sameAsDisk } from './helpers.js';
import { FAST, PIPELINE_INPUTS, SLOW, gitWorkspace, pipelineWorkspace } from './workspace.js';
import { OPTIMIZATION_REPO } from '../helpers/optimization-repo.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ repo: OPTIMIZATION_REPO });
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

describe('the action end to end', () => {
  it(
    'workflow_dispatch with an issue: measures the base ref in a worktree, interleaved, gates and comments',
    async () => {
      const workspace = gitWorkspace();
      const runner = h.runnerEnv({
        eventName: 'workflow_dispatch',
        event: workflowDispatchEvent(h.github, { 'issue-number': '7' }),
        workspace,
        inputs: { ...PIPELINE_INPUTS, baseline: 'ref:main', repeat: '2' },
      });
      const { main, post } = await runSteps({ runner });
      expect(main.stderr).toBe('');
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.outputs.decision, main.summary).toBe('ship');
      // A B A B: the log shows the runs alternating between the sides.
      const order = [...main.stdout.matchAll(/\[(baseline|candidate)[^\]]*\] measured run (\d) of 2/g)].map((m) => `${m[1]}${m[2]}`);
      expect(order).toEqual(['baseline1', 'candidate1', 'baseline2', 'candidate2']);
      const comment = h.github.comments(7).at(-1);
      expect(comment?.body.split('\n')[0]).toMatch(/^### ✅ ship — all 4 thresholds pass/);
      expect(main.outputs['comment-url']).toContain('/issues/7#issuecomment-');
      // The artifact holds the profiles, stage_truth, samples, eval outputs, report and gate.json as on disk.
      const outDir = join(runner.env.RUNNER_TEMP as string, 'optimization-gate', `${runner.run.id}-1-optimization-gate`);
      const files = await artifactFiles(h, runner.run.id, 'optimization-gate');
      expect([...files.keys()].sort()).toEqual(
        expect.arrayContaining(['baseline.run-1.yaml', 'baseline.run-2.stage_truth.json', 'candidate.run-1.samples.jsonl', 'candidate.eval/metrics.json', 'gate.json', 'report.md', 'run-info.json']),
      );
      expect(sameAsDisk(files, outDir)).toEqual([]);
      const gate = JSON.parse(readFileSync(join(outDir, 'gate.json'), 'utf8')) as { decision: string; thresholds: Array<{ metric: string; change: { value: number } }> };
      expect(gate.decision).toBe('ship');
      // The fixture declares transcribe 0.5 s on main and 0.25 s on the feature branch: -50 %, exactly.
      const transcribe = gate.thresholds.find((t) => t.metric === 'profile.stages.transcribe.wall_time_s');
      expect(transcribe?.change.value).toBeCloseTo(-50, 6);
      expect(main.summary).toContain('✅ ship');
      expect(post?.exitCode).toBe(0);
      expect(existsSync(join(outDir, 'base-worktree'))).toBe(false);
    },
    TEST_TIMEOUT,
  );

  it(
    'refresh stores a baseline in the cache; a PR gates against it with one sticky comment, edited on the second run',
    async () => {
      const refresh = h.runnerEnv({
        eventName: 'schedule',
        event: { schedule: '0 3 * * *' },
        // Gates use only a baseline stored by a run of a refresh workflow (test/security/ has the refusals).
        run: { workflowPath: '.github/workflows/optimization-baseline-refresh.yml' },
        workspace: pipelineWorkspace(SLOW),
        inputs: { ...PIPELINE_INPUTS, mode: 'baseline', comment: 'none' },
      });
      const stored = await runSteps({ runner: refresh });
      expect(stored.main.exitCode, stored.main.stdout).toBe(0);
      expect(stored.main.outputs.decision).toBe('measured');
      expect(h.model.cacheEntries.map((e) => e.key)).toEqual([expect.stringMatching(/^optimization-gate-baseline-v1-tiny-[0-9a-f]{16}-/)]);

      const workspace = pipelineWorkspace(FAST);
      for (const attempt of [1, 2]) {
        const runner = h.runnerEnv({ eventName: 'pull_request', event: pullRequestEvent(h.github, 21), workspace, inputs: { ...PIPELINE_INPUTS } });
        const { main } = await runSteps({ runner });
        expect(main.exitCode, `${main.stdout}\n${main.stderr}`).toBe(0);
        expect(main.outputs.decision).toBe('ship');
        expect(main.stdout).toContain('baseline restored from the cache');
        const sticky = h.github.comments(21).filter((c) => c.body.startsWith('<!-- optimization-gate:sticky'));
        expect(sticky, `attempt ${attempt}`).toHaveLength(1);
        expect(h.github.comments(7).filter((c) => c.body.includes('optimization-gate') || c.body.startsWith('###')).length).toBeGreaterThan(0);
      }
      // The sticky comment was edited once (the issue's status comment is edited too, on #7).
      const stickyId = h.github.comments(21).find((c) => c.body.startsWith('<!-- optimization-gate:sticky'))?.id;
      expect(h.github.callsTo(`PATCH /repos/acme/podcast-pipeline/issues/comments/${stickyId}`)).toHaveLength(1);
    },
    TEST_TIMEOUT,
  );

  it(
    'a missing baseline is a clear rejection, never a pass',
    async () => {
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 7),
        workspace: pipelineWorkspace(FAST),
        inputs: { ...PIPELINE_INPUTS, 'issue-number': '7', 'dataset-id': 'never-refreshed', comment: 'issue' },
      });
      const { main } = await runSteps({ runner });
      expect(main.exitCode).toBe(1);
      expect(main.outputs.decision).toBe('reject');
      const errors = annotations(main.commands)
        .filter((c) => c.command === 'error')
        .map((c) => c.message);
      expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^missing baseline: no stored baseline for runner key .*dataset never-refreshed/)]));
      expect(h.github.comments(7).at(-1)?.body).toContain('missing baseline');
      // Nothing was measured for a gate that had no baseline.
      expect(main.stdout).not.toContain('measured run');
    },
    TEST_TIMEOUT,
  );

  it(
    'refuses the thresholds of an author without write access, and says why',
    async () => {
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 8),
        workspace: pipelineWorkspace(FAST),
        inputs: { ...PIPELINE_INPUTS, 'issue-number': '8', baseline: 'ref:main' },
      });
      const { main } = await runSteps({ runner });
      expect(main.exitCode).toBe(1);
      expect(main.outputs.decision).toBe('reject');
      // Error text in a comment has its #refs broken by a zero-width space (it may quote PR content).
      expect(main.summary.replace(/\u200b/g, '')).toContain('the thresholds of issue #8 are not trusted: its author drive-by has none permission on this repository');
      expect(main.stdout).not.toContain('measured run');
    },
    TEST_TIMEOUT,
  );

  it(
    'refuses a fork PR on a self-hosted runner before running anything',
    async () => {
      const runner = h.runnerEnv({ eventName: 'pull_request', event: pullRequestEvent(h.github, 22), workspace: pipelineWorkspace(FAST), inputs: { ...PIPELINE_INPUTS } });
      const before = h.github.calls.length;
      const { main, post } = await runSteps({ runner });
      expect(main.exitCode).toBe(1);
      expect(
        annotations(main.commands)
          .map((c) => c.message)
          .join('\n'),
      ).toContain('refusing to measure pull request #22 from the fork mallory/podcast-pipeline');
      expect(main.stdout).not.toContain('pipeline: start');
      expect(h.github.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
      expect(post?.exitCode).toBe(0);
    },
    TEST_TIMEOUT,
  );

  /**
   * Two runs per side, main against feature, with a guardrail that stays inconclusive: each side's runs
   * hold workers of 16 and 60 MiB, so the interval of the shift spans ±44 MiB across a bound of +40 MiB,
   * and the spread says a few more runs would decide it (so the rounds are not futile).
   */
  async function inconclusiveGate(inputs: Record<string, string>) {
    const jitter = join(mkdtempSync(join(tmpdir(), 'og-jitter-')), 'count');
    const runner = h.runnerEnv({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(h.github, { 'issue-number': '7' }),
      workspace: gitWorkspace(),
      inputs: { ...PIPELINE_INPUTS, baseline: 'ref:main', repeat: '2', comment: 'none', thresholds: 'thresholds:\n  profile.totals.peak_rss_mb: "<= +40MB"\n', ...inputs },
    });
    const { main } = await runSteps({ runner, env: { E2E_JITTER_FILE: jitter, E2E_WORKER_MB: '16,16,60,60' } });
    return { runner, main };
  }

  it(
    'an inconclusive guardrail gets confirmation rounds (A B), up to confirm-runs, recorded in stage_truth',
    async () => {
      const { runner, main } = await inconclusiveGate({ 'confirm-runs': '2' });
      expect(main.exitCode, main.stdout).toBe(0);
      const jitterMetric = 'profile.totals.peak_rss_mb';
      expect(main.stdout).toContain(`Confirmation round 1 of at most 2 (1 guardrail(s) inconclusive: ${jitterMetric})`);
      expect(main.stdout).toContain(`Confirmation round 2 of at most 2 (1 guardrail(s) inconclusive: ${jitterMetric})`);
      expect(main.stdout).toContain(`Confirmation stops after 2 rounds: confirm-runs used up (2 of 2); still inconclusive: ${jitterMetric}`);
      const outDir = join(runner.env.RUNNER_TEMP as string, 'optimization-gate', `${runner.run.id}-1-optimization-gate`);
      const gate = JSON.parse(readFileSync(join(outDir, 'gate.json'), 'utf8')) as {
        decision: string;
        notes: string[];
        thresholds: Array<{ metric: string; verdict: string; baseline: { n: number }; candidate: { n: number } }>;
      };
      const jitterVerdict = gate.thresholds.find((t) => t.metric === jitterMetric);
      expect(jitterVerdict).toMatchObject({ verdict: 'inconclusive', baseline: { n: 4 }, candidate: { n: 4 } });
      expect(gate.decision).toBe('iterate');
      expect(gate.notes).toContain('2 confirmation rounds (2 more runs per side, interleaved) added because a guardrail was inconclusive (confirm-runs: 2)');
      // A B A B …: the place of every run in the job, with its clock, is in its stage_truth.
      type RunOrder = { side: string; round: number; sequence: number; confirmation: boolean; started_at: string; ended_at: string };
      const orders = ['baseline', 'candidate'].flatMap((side) =>
        [1, 2, 3, 4].map((k) => (JSON.parse(readFileSync(join(outDir, `${side}.run-${k}.stage_truth.json`), 'utf8')) as { run_order: RunOrder }).run_order),
      );
      orders.sort((a, b) => a.sequence - b.sequence);
      expect(orders.map((o) => `${o.sequence}:${o.side}:${o.round}${o.confirmation ? ' (confirmation)' : ''}`)).toEqual([
        '1:baseline:1',
        '2:candidate:1',
        '3:baseline:2',
        '4:candidate:2',
        '5:baseline:3 (confirmation)',
        '6:candidate:3 (confirmation)',
        '7:baseline:4 (confirmation)',
        '8:candidate:4 (confirmation)',
      ]);
      // Each run ends before the next one starts.
      const clock = orders.flatMap((o) => [Date.parse(o.started_at), Date.parse(o.ended_at)]);
      expect(clock.every(Number.isFinite)).toBe(true);
      expect(clock).toEqual([...clock].sort((a, b) => a - b));
    },
    TEST_TIMEOUT,
  );
  it(
    'max-cost-usd stops the confirmation rounds when the next would exceed it, and the verdict says so',
    async () => {
      // A run of main costs $0.05, of the candidate $0.03 (their experiments say so): 2 experiments and
      // 2 rounds are $0.24, a confirmation round $0.08 more: $0.33 allows one round, not two.
      const { main } = await inconclusiveGate({ 'confirm-runs': '5', 'max-cost-usd': '0.33' });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toContain('expected runs: 2 experiment runs + 4 measured (2 per side × 2 sides) = 6; at most 10 more in confirmation rounds (5 rounds × 2): 16 at most');
      expect(main.stdout).toContain("max-cost-usd $0.33: applied once a run's cost is known");
      expect(main.stdout).toContain('Confirmation round 1 of at most 5');
      const stopped = 'confirmation round 2 not started: $0.32 estimated so far, it would add $0.08 beyond $0.33';
      expect(main.stdout).toContain(`Confirmation stops after 1 round: max-cost-usd: ${stopped}`);
      const gate = JSON.parse(readFileSync(main.outputs['gate-json'] as string, 'utf8')) as {
        notes: string[];
        spend: { max_cost_usd: number; runs: number; estimated_usd: number; stopped: string; planned_runs: number; most_runs: number };
        thresholds: Array<{ metric: string; baseline: { n: number }; candidate: { n: number } }>;
      };
      expect(gate.spend).toMatchObject({ max_cost_usd: 0.33, runs: 8, planned_runs: 6, most_runs: 16, stopped });
      expect(gate.spend.estimated_usd).toBeCloseTo(0.32, 10);
      expect(gate.thresholds[0]).toMatchObject({ baseline: { n: 3 }, candidate: { n: 3 } });
      expect(gate.notes).toContain(`max-cost-usd $0.33 stopped the runs: ${stopped}`);
      expect(main.summary).toContain(`💸 **max-cost-usd stopped the runs:** ${stopped}`);
    },
    TEST_TIMEOUT,
  );
});
