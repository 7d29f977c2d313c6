/**
 * The first real run, against fakes that behave like GitHub (issue 9): an org member whose
 * membership is private, ephemeral runners, "Re-run failed jobs", a job token without push access,
 * the runner's limits on the summary and annotations, a cache the runner made read-only, a shallow
 * checkout, GitHub Enterprise Server. Each test failed on the action before these were handled.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInit } from '../../src/cli/init.js';
import { issuesEvent, pullRequestEvent, runAction, startHarness, SUMMARY_LIMIT_BYTES, type Harness } from '../fakes/index.js';
import { asMap, jobsOf, parseYamlFile, stepsOf } from '../static/yaml-file.js';
import { artifactFiles, REFRESH_WORKFLOW_RUN, seedSealedVerdict, TEST_TIMEOUT } from './helpers.js';
import { FAST, ISSUE_BODY, PIPELINE_INPUTS, SLOW, gitWorkspace, pipelineWorkspace } from './workspace.js';

let h: Harness;
const REPO = 'acme/podcast-pipeline';
/** The measuring job's `permissions:` in the workflows `init` writes. */
const MEASURE = { contents: 'read', issues: 'read', 'pull-requests': 'read', actions: 'read' } as const;

beforeAll(async () => {
  h = await startHarness({
    repo: {
      fullName: REPO,
      collaborators: { maintainer: 'write', reader: 'read' },
      orgMembers: { 'team-dev': { permission: 'write' } },
      contributors: ['team-dev'],
      issues: [
        { number: 7, user: 'maintainer', body: ISSUE_BODY },
        { number: 30, user: 'team-dev', title: 'Faster transcription (team)', body: ISSUE_BODY },
        { number: 31, user: 'reader', title: 'Faster transcription (read only)', body: ISSUE_BODY },
      ],
      pulls: [{ number: 40, user: 'maintainer', title: 'Faster transcription', body: 'Closes #7', head: { ref: 'feature' } }],
    },
  });
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

function gate(issue: number, inputs: Record<string, string>, extra: Partial<Parameters<Harness['runnerEnv']>[0]> = {}) {
  return runAction({
    runner: h.runnerEnv({
      eventName: 'issues',
      event: issuesEvent(h.github, issue),
      permissions: MEASURE,
      workspace: gitWorkspace(),
      inputs: { ...PIPELINE_INPUTS, 'issue-number': String(issue), baseline: 'ref:main', comment: 'none', ...inputs },
      ...extra,
    }),
  });
}

/**
 * A job of a workflow `init` wrote, as the runner would run its optimization-gate step: the step's
 * `with:` (expressions evaluated for this run) and the job's own `permissions:` as the token's scopes.
 */
function generatedJob(text: string, jobId: string, values: Record<string, string>) {
  const file = parseYamlFile('generated.yml', 'workflow', text);
  const job = jobsOf(file).find((j) => j.id === jobId)!;
  const step = stepsOf(file).find((s) => s.job === jobId && String(s.step.uses).startsWith('optimization-gate/optimization-gate@'))!;
  const inputs = Object.fromEntries(
    Object.entries(asMap(step.step.with) ?? {}).map(([k, v]) => [k, String(v as string).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_e, expr: string) => values[expr] ?? `<${expr}>`)]),
  );
  return { inputs, permissions: asMap(job.job.permissions) as Record<string, 'read' | 'write'> };
}

describe('the workflows init writes', () => {
  it(
    "the PR gate's two jobs, with their own inputs and token scopes: measure on the labels, then the verdict comments on the pull request",
    async () => {
      const repo = mkdtempSync(join(tmpdir(), 'og-e2e-init-'));
      execFileSync('git', ['init', '-q', repo]);
      const plan = planInit([
        '--dir',
        repo,
        '--action-ref',
        'f'.repeat(40),
        '--workflows',
        'pr-gate',
        '--runner',
        'self-hosted,linux,gpu-a',
        '--profile-command',
        PIPELINE_INPUTS['profile-command'],
        '--experiment-command',
        PIPELINE_INPUTS['experiment-command'],
        '--experiment-output',
        PIPELINE_INPUTS['experiment-output'],
        '--dataset-id',
        'init-e2e',
        '--pipeline-config',
        'pipeline.py',
      ]);
      const text = plan.files[0]!.text;
      const values = { "join(matrix.runner, '-')": 'self-hosted-linux-gpu-a', 'github.base_ref': 'main' };
      const measure = generatedJob(text, 'measure', values);
      expect(measure.inputs).toMatchObject({
        mode: 'gate',
        'runner-key': 'self-hosted-linux-gpu-a',
        'artifact-name': 'optimization-gate-self-hosted-linux-gpu-a',
        baseline: 'ref:main',
        comment: 'none',
      });
      const run = h.model.addRun({ event: 'pull_request', ref: 'refs/pull/40/merge', headBranch: 'feature', baseBranch: 'main' });
      const event = pullRequestEvent(h.github, 40);
      const measured = await runAction({
        runner: h.runnerEnv({
          run,
          eventName: 'pull_request',
          event,
          permissions: measure.permissions,
          workspace: gitWorkspace(),
          inputs: { ...measure.inputs, 'sample-interval': '0.1', warmup: '0' },
        }),
      });
      expect(measured.main.exitCode, measured.main.stdout).toBe(0);
      expect(measured.main.stdout).toContain('runner key self-hosted-linux-gpu-a');

      const verdict = generatedJob(text, 'verdict', values);
      expect(verdict.inputs).toMatchObject({ mode: 'aggregate', comment: 'pr' });
      const { main } = await runAction({ runner: h.runnerEnv({ run, eventName: 'pull_request', event, permissions: verdict.permissions, inputs: verdict.inputs }) });
      expect(main.exitCode, main.stdout).toBe(['ship', 'iterate'].includes(main.outputs.decision ?? '') ? 0 : 1);
      const sticky = h.github.comments(40).filter((c) => c.body.startsWith('<!-- optimization-gate:sticky'));
      expect(sticky).toHaveLength(1);
      expect(sticky[0]?.user).toBe('github-actions[bot]');
      expect(sticky[0]?.body).toMatch(/— 1 runner: 1 (ship|iterate)/);
    },
    TEST_TIMEOUT,
  );
});

describe('who is trusted', () => {
  it(
    'a private org member with write access through a team (CONTRIBUTOR to the job token) is trusted',
    async () => {
      const { main } = await gate(30, {});
      // Trusted: measured and judged (the wall-time target may be ship or iterate on a busy machine).
      expect(main.exitCode, main.stdout).toBe(0);
      expect(['ship', 'iterate']).toContain(main.outputs.decision);
      expect(main.summary).not.toContain('not trusted');
      expect(main.stdout).toContain('author team-dev: write permission (association as this token sees it: CONTRIBUTOR)');
      expect(h.github.callsTo(`GET /repos/${REPO}/collaborators/team-dev/permission`)).toHaveLength(1);
    },
    TEST_TIMEOUT,
  );

  it(
    'a read-only collaborator (association COLLABORATOR) is not',
    async () => {
      const { main } = await gate(31, {});
      expect(main.exitCode).toBe(1);
      expect(main.outputs.decision).toBe('reject');
      expect(main.summary.replace(/\u200b/g, '')).toContain('the thresholds of issue #31 are not trusted: its author reader has read permission on this repository');
      expect(main.stdout).not.toContain('measured run');
    },
    TEST_TIMEOUT,
  );
});

describe('ephemeral runners', () => {
  it(
    'a refresh and a gate on runners with different names and the same labels share the baseline',
    async () => {
      const key = { 'dataset-id': 'ephemeral', 'runner-key': 'self-hosted-linux-gpu' };
      const refreshRunner = h.runnerEnv({
        eventName: 'schedule',
        event: { schedule: '0 3 * * *' },
        permissions: { contents: 'read', issues: 'write', actions: 'read' },
        runnerName: 'arc-runner-x7k2p',
        run: REFRESH_WORKFLOW_RUN,
        workspace: pipelineWorkspace(SLOW),
        inputs: { ...PIPELINE_INPUTS, ...key, mode: 'baseline', comment: 'none' },
      });
      const stored = await runAction({ runner: refreshRunner });
      expect(stored.main.exitCode, stored.main.stdout).toBe(0);
      // The artifact's name carries the dataset, the pipeline config's hash and the runner key.
      const storedArtifact = h.model.artifacts.find((a) => a.runId === refreshRunner.run.id && /^optimization-gate-baseline-ephemeral-[0-9a-f]{16}-self-hosted-linux-gpu-x64$/.test(a.name));
      expect(storedArtifact, h.model.artifacts.map((a) => a.name).join(', ')).toBeDefined();
      const manifest = JSON.parse((await artifactFiles(h, refreshRunner.run.id, storedArtifact!.name)).get('baseline.json')!.toString()) as Record<string, unknown>;
      expect(manifest).toMatchObject({ runner_key: 'self-hosted-linux-gpu-x64', runner_name: 'arc-runner-x7k2p' });

      const { main } = await runAction({
        runner: h.runnerEnv({
          eventName: 'issues',
          event: issuesEvent(h.github, 7),
          permissions: MEASURE,
          runnerName: 'arc-runner-q9zt4',
          workspace: pipelineWorkspace(FAST),
          inputs: { ...PIPELINE_INPUTS, ...key, 'issue-number': '7', comment: 'none' },
        }),
      });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toContain('runner key self-hosted-linux-gpu-x64');
      expect(main.stdout).toContain('baseline restored from the cache');
      expect(['ship', 'iterate']).toContain(main.outputs.decision);
    },
    TEST_TIMEOUT,
  );
});

const verdictFiles = (decision: string, key: string, attempt: number, report = `### ${decision} on ${key}\n`) => ({
  'gate.json': JSON.stringify({ schema: 'optimization-gate/gate@1', decision }),
  'report.md': report,
  'run-info.json': JSON.stringify({ runner_key: key, hostname: `${key}.local`, decision, run_attempt: String(attempt) }),
});

describe('re-runs', () => {
  it(
    'an aggregate in attempt 2 finds the attempt-1 artifacts of the runners that were not re-run, and says so',
    async () => {
      const attempt1 = h.model.addRun({ event: 'issues' });
      await seedSealedVerdict(h, attempt1, 'optimization-gate-gpu-a', verdictFiles('ship', 'gpu-a', 1));
      await seedSealedVerdict(h, attempt1, 'optimization-gate-gpu-b', verdictFiles('reject', 'gpu-b', 1));
      h.model.completeRun(attempt1.id, 'failure');
      const attempt2 = h.model.rerun(attempt1.id);
      await seedSealedVerdict(h, attempt2, 'optimization-gate-gpu-b', verdictFiles('ship', 'gpu-b', 2));
      const runner = h.runnerEnv({
        run: attempt2,
        eventName: 'issues',
        event: issuesEvent(h.github, 7),
        permissions: { issues: 'write', actions: 'read' },
        inputs: { mode: 'aggregate', 'issue-number': '7', comment: 'issue' },
      });
      const { main } = await runAction({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.outputs.decision).toBe('ship');
      const body = h.github.comments(7).at(-1)?.body ?? '';
      expect(body.split('\n')[0]).toBe('### ✅ ship — 2 runners: 2 ship');
      expect(body).toContain('| ✅ ship | `gpu-a` | `gpu-a.local` | ship on gpu-a | 1 |');
      expect(body).toContain('| ✅ ship | `gpu-b` | `gpu-b.local` | ship on gpu-b | 2 |');
      expect(body).toContain('This is attempt 2; gpu-a (attempt 1) was not re-run');
    },
    TEST_TIMEOUT,
  );
});

describe("the runner's limits", () => {
  it(
    'twelve rejecting runners with large reports: the summary is cut under 1 MiB, one annotation lists them, the decision is shown',
    async () => {
      const run = h.model.addRun({ event: 'issues' });
      const big = (key: string) => `### ❌ reject — ${key}: 1 guardrail failed\n\n${`| stage | ${'x'.repeat(200)} |\n`.repeat(500)}`;
      for (let i = 1; i <= 12; i++) {
        const key = `gpu-${String(i).padStart(2, '0')}`;
        await seedSealedVerdict(h, run, `optimization-gate-${key}`, verdictFiles('reject', key, 1, big(key)));
      }
      const runner = h.runnerEnv({
        run,
        eventName: 'issues',
        event: issuesEvent(h.github, 7),
        permissions: { issues: 'write', actions: 'read' },
        inputs: { mode: 'aggregate', 'issue-number': '7', comment: 'issue' },
      });
      const before = h.github.comments(7).length;
      const { main } = await runAction({ runner });
      expect(main.exitCode).toBe(1);
      expect(main.summaryBytes).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
      expect(main.summaryShown).toBe(true);
      expect(main.summary).toContain('report cut to fit the job summary');
      const errors = main.shown.filter((c) => c.command === 'error').map((c) => c.message);
      expect(errors.at(-1)).toMatch(/^optimization-gate: decision reject \(fail-on: reject\)/);
      expect(errors.filter((e) => e.includes('gpu-'))).toHaveLength(1);
      expect(errors[0]).toContain('gpu-12 reject');
      // The comment fits GitHub's 65,536 characters (the fake refuses longer ones with 422).
      expect(h.github.comments(7)).toHaveLength(before + 1);
      expect(h.github.comments(7).at(-1)?.body).toContain('report truncated to fit a GitHub comment');
    },
    TEST_TIMEOUT,
  );

  it(
    'a refresh whose cache the runner made read-only stores the baseline as the artifact and says so; the gate finds it there',
    async () => {
      const stored = await runAction({
        runner: h.runnerEnv({
          run: { event: 'schedule', cacheMode: 'read', ...REFRESH_WORKFLOW_RUN },
          eventName: 'schedule',
          event: { schedule: '0 3 * * *' },
          permissions: { contents: 'read', issues: 'write', actions: 'read' },
          workspace: pipelineWorkspace(SLOW),
          inputs: { ...PIPELINE_INPUTS, 'dataset-id': 'readonly-cache', mode: 'baseline', comment: 'none' },
        }),
      });
      expect(stored.main.exitCode, stored.main.stdout).toBe(0);
      expect(stored.main.summary).toContain('cache saves are disabled for this job');
      expect(h.results.twirpCalls('CreateCacheEntry').filter((c) => JSON.stringify(c.body).includes('readonly-cache'))).toEqual([]);
      const { main } = await gate(7, { 'dataset-id': 'readonly-cache', baseline: 'cache' }, { workspace: pipelineWorkspace(FAST), event: { ...issuesEvent(h.github, 7) } });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toMatch(/baseline downloaded from artifact optimization-gate-baseline-readonly-cache-/);
    },
    TEST_TIMEOUT,
  );
});

describe('checkouts and servers', () => {
  it(
    'a ref: baseline after a shallow single-branch checkout fetches the ref it needs',
    async () => {
      const origin = gitWorkspace();
      const clone = join(mkdtempSync(join(tmpdir(), 'og-e2e-shallow-')), 'ws');
      execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone]);
      expect(() => execFileSync('git', ['rev-parse', '--verify', '-q', 'origin/main'], { cwd: clone, stdio: 'ignore' })).toThrow();
      const { main } = await gate(7, {}, { workspace: clone });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(['ship', 'iterate']).toContain(main.outputs.decision);
      const gateJson = JSON.parse(readFileSync(main.outputs['gate-json'] as string, 'utf8')) as { runs: { baseline: unknown[] } };
      expect(gateJson.runs.baseline.length).toBeGreaterThan(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'GitHub Enterprise Server is refused at once with a clear message, not an internal error',
    async () => {
      const { main } = await gate(7, {}, { extraEnv: { GITHUB_SERVER_URL: 'https://ghes.example.com' } });
      expect(main.exitCode).toBe(1);
      const errors = main.shown.filter((c) => c.command === 'error').map((c) => c.message);
      expect(errors).toEqual([expect.stringContaining('GitHub Enterprise Server (ghes.example.com) is not supported')]);
      expect(main.stdout).not.toContain('internal error');
      expect(main.stdout).not.toContain('pipeline: start');
    },
    TEST_TIMEOUT,
  );
});
