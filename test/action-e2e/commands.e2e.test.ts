/**
 * Commands from comments with the bundled action, against the loopback GitHub: a reader's `accept`
 * is refused and changes nothing; a writer's turns the failed cost guardrail into `accepted` on the
 * next gate. The cost comes from the pipeline's declared numbers (0.05 → 0.06 USD, +20 % against
 * `<= +10%`), never from the machine's speed; only the cost threshold is asserted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueCommentEvent, startHarness, workflowDispatchEvent, type Harness } from '../fakes/index.js';
import { TEST_TIMEOUT, runSteps } from './helpers.js';
import { FAST, PIPELINE_INPUTS, SLOW, pipelineWorkspace } from './workspace.js';
import { OPTIMIZATION_REPO } from '../helpers/optimization-repo.js';

const COST = 'cost.total_stage_cost_usd';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ repo: OPTIMIZATION_REPO });
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

/** `main` holds the baseline; `feature` is faster but spends 20 % more. */
function costlierWorkspace(): string {
  const dir = pipelineWorkspace(SLOW);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'baseline pipeline');
  git('checkout', '-q', '-b', 'feature');
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...FAST, cost: 0.06 }));
  git('commit', '-q', '-am', 'faster, costlier');
  return dir;
}

async function costVerdict(workspace: string): Promise<{ verdict: string | undefined; by: string | undefined; reasons: string[] }> {
  const runner = h.runnerEnv({
    eventName: 'workflow_dispatch',
    event: workflowDispatchEvent(h.github, { 'issue-number': '7' }),
    workspace,
    inputs: { ...PIPELINE_INPUTS, baseline: 'ref:main', comment: 'none' },
  });
  const { main } = await runSteps({ runner });
  const outDir = join(runner.env.RUNNER_TEMP as string, 'optimization-gate', `${runner.run.id}-1-optimization-gate`);
  const gate = JSON.parse(readFileSync(join(outDir, 'gate.json'), 'utf8')) as { reasons: string[]; thresholds: Array<{ metric: string; verdict: string; accepted: { by: string } | null }> };
  expect(main.stderr).toBe('');
  const cost = gate.thresholds.find((t) => t.metric === COST);
  return { verdict: cost?.verdict, by: cost?.accepted?.by, reasons: gate.reasons };
}

async function comment(user: string, body: string) {
  const c = h.github.repo.addComment(7, body, user);
  const { main } = await runSteps({ runner: h.runnerEnv({ eventName: 'issue_comment', event: issueCommentEvent(h.github, 7, c.id), inputs: { mode: 'command' } }) });
  expect(main.exitCode, main.stdout).toBe(0);
  return h.github.comments(7).at(-1)?.body ?? '';
}

it(
  'accept: a reader is refused; a writer turns the failed cost guardrail into accepted on the next gate',
  async () => {
    const workspace = costlierWorkspace();
    const before = await costVerdict(workspace);
    expect(before).toMatchObject({ verdict: 'fail' });
    expect(before.reasons.some((r) => r.startsWith(`guardrail ${COST} failed`))).toBe(true);

    expect(await comment('drive-by', `/optimization-gate accept ${COST} "cheap enough"`)).toContain('🚫 **optimization-gate: refused**');
    expect((await costVerdict(workspace)).verdict).toBe('fail');

    expect(await comment('maintainer', `/optimization-gate accept ${COST} "the faster model is worth 1 cent per episode"`)).toMatch(/^<!-- optimization-gate:record accept v1 /);
    const after = await costVerdict(workspace);
    expect(after).toMatchObject({ verdict: 'accepted', by: 'maintainer' });
    expect(after.reasons.some((r) => r.includes(COST))).toBe(false);
  },
  TEST_TIMEOUT,
);
