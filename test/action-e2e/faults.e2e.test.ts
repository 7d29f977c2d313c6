/**
 * The bundled action under faults: GitHub API errors (retried), the artifact service down (the
 * verdict and the files stay on disk and in the summary), and a cancelled job (post rebuilds and
 * uploads what was measured).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { annotations, faults, issuesEvent, startHarness, type Harness } from '../fakes/index.js';
import { TEST_TIMEOUT, artifactFiles, runSteps } from './helpers.js';
import { FAST, ISSUE_BODY, PIPELINE_INPUTS, gitWorkspace, pipelineWorkspace } from './workspace.js';

let h: Harness;
const REPO = 'acme/podcast-pipeline';

beforeAll(async () => {
  h = await startHarness({ repo: { fullName: REPO, collaborators: { maintainer: 'write' }, issues: [{ number: 7, user: 'maintainer', body: ISSUE_BODY }] } });
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

function gateRunner(extra: Record<string, string> = {}) {
  return h.runnerEnv({
    eventName: 'issues',
    event: issuesEvent(h.github, 7),
    workspace: gitWorkspace(),
    inputs: { ...PIPELINE_INPUTS, 'issue-number': '7', baseline: 'ref:main', comment: 'issue', ...extra },
  });
}

function outDirOf(runner: ReturnType<typeof gateRunner>): string {
  return join(runner.env.RUNNER_TEMP as string, 'optimization-gate', `${runner.run.id}-1-optimization-gate`);
}

describe('faults', () => {
  it(
    'a GitHub API 500 is retried and the run succeeds',
    async () => {
      h.github.failNext({ method: 'GET', path: `/repos/${REPO}/issues/7` }, faults.serverError(1));
      const runner = gateRunner();
      const { main } = await runSteps({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      const reads = h.github.calls.filter((c) => c.method === 'GET' && c.path === `/repos/${REPO}/issues/7`).slice(-2);
      expect(reads.map((c) => c.status)).toEqual([500, 200]);
      expect(annotations(main.commands).map((c) => c.message)).toEqual(expect.arrayContaining([expect.stringMatching(/GitHub API: reading issue #7 answered 500; retry 1 in 1\.0 s/)]));
    },
    TEST_TIMEOUT,
  );

  it(
    'a 429 with retry-after is waited out',
    async () => {
      h.github.failNext({ method: 'POST', path: `/repos/${REPO}/issues/7/comments` }, faults.tooManyRequests(2));
      const runner = gateRunner();
      const { main } = await runSteps({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      const posts = h.github.calls.filter((c) => c.method === 'POST' && c.path === `/repos/${REPO}/issues/7/comments`).slice(-2);
      expect(posts.map((c) => c.status)).toEqual([429, 201]);
      const waited = Date.parse(posts[1]?.at ?? '') - Date.parse(posts[0]?.at ?? '');
      expect(waited).toBeGreaterThanOrEqual(1900);
      expect(main.outputs['comment-url']).toContain('/issues/7#issuecomment-');
    },
    TEST_TIMEOUT,
  );

  it(
    'with the artifact service down the verdict stands, the files stay on disk and the job fails saying where',
    async () => {
      await h.results.pause();
      try {
        const runner = gateRunner();
        const { main, post } = await runSteps({ runner });
        const outDir = outDirOf(runner);
        expect(main.exitCode).toBe(1);
        expect(main.outputs.decision).toBe('ship');
        expect(main.outputs['artifact-id']).toBeUndefined();
        const errors = annotations(main.commands)
          .filter((c) => c.command === 'error')
          .map((c) => c.message);
        expect(errors).toEqual(expect.arrayContaining([expect.stringContaining(`artifact upload failed`)]));
        expect(errors.join('\n')).toContain(`the files are on the runner in ${outDir}`);
        for (const file of ['report.md', 'gate.json', 'candidate.yaml', 'candidate.stage_truth.json', 'candidate.samples.jsonl', 'baseline.yaml']) {
          expect(existsSync(join(outDir, file)), file).toBe(true);
        }
        expect(main.summary).toContain('✅ ship');
        expect(h.github.comments(7).at(-1)?.body).toContain('✅ ship');
        // Post tries the upload again; the service is still down, so it reports that too.
        expect(post?.exitCode).toBe(1);
      } finally {
        await h.results.resume();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'a cancelled job: main stops the tree on SIGTERM, post rebuilds the interrupted profile and uploads it',
    async () => {
      const workspace = pipelineWorkspace({ ...FAST, hang: true });
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 7),
        workspace,
        inputs: { ...PIPELINE_INPUTS, 'issue-number': '7', mode: 'measure', comment: 'none' },
      });
      const { main, post } = await runSteps({ runner, cancel: { signal: 'SIGTERM', whenLine: 'pipeline: hanging', afterMs: 400 } });
      expect(main.exitCode).not.toBe(0);
      expect(post?.exitCode, post?.stdout).toBe(0);
      const outDir = join(runner.env.RUNNER_TEMP as string, 'optimization-gate', `${runner.run.id}-1-optimization-gate`);
      const profile = readFileSync(join(outDir, 'run.yaml'), 'utf8');
      expect(profile).toMatch(/^status: cancelled$/m);
      expect(profile).toMatch(/transcribe:/);
      const files = await artifactFiles(h, runner.run.id, 'optimization-gate');
      expect([...files.keys()]).toEqual(expect.arrayContaining(['run.yaml', 'run.stage_truth.json', 'run.samples.jsonl', 'report.md']));
      // No pipeline process is left behind.
      const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes(workspace) || l === 'python3 pipeline.py');
      expect(left).toEqual([]);
      expect(readdirSync(outDir)).toContain('report.md');
    },
    TEST_TIMEOUT,
  );
});
