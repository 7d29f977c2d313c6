/**
 * The action on a checkout laid out like the real pipeline (the fixtures tree: data/profiles/…,
 * data/eval/baselines/…): a repo-path baseline whose eval results live in data/eval/, a candidate
 * frozen by the project's own freeze command (external mode) with its eval results read in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { issuesEvent, runAction, startHarness, type Harness } from '../fakes/index.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { TEST_TIMEOUT } from './helpers.js';

const ISSUE_477 = [
  '## Decision gate',
  '',
  'Bundled ROUGE-L must be within −0.02 of staged; the time win is the target.',
  '',
  '```optimization-gate',
  'baseline:',
  '  profile: data/profiles/issue-477/issue477-staged-gpt4o.yaml',
  '  eval: baseline_llm_openai_smoke_bullets_v1',
  'thresholds:',
  '  eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1: ">= -0.02"',
  '  profile.totals.wall_time_s: { rule: "<= -20%", kind: target }',
  '  profile.totals.peak_rss_mb: "<= +5%"',
  '  cost.total_episode_estimated_cost_usd: "<= 0%"',
  '  eval.intrinsic.gates.boilerplate_leak_rate: "<= 0"',
  '```',
  '',
].join('\n');

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    repo: {
      fullName: 'chipi/podcast-scraper-copy',
      collaborators: { maintainer: 'write' },
      issues: [{ number: 477, user: 'maintainer', title: 'LLM bundle experiment', body: ISSUE_477 }],
    },
  });
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

/**
 * A checkout of the pipeline: a copy of the real fixtures tree, committed on `main` (a baseline named
 * on the issue is read from the default branch's commit, not from the checkout's files).
 */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'og-e2e-real-'));
  cpSync(FIXTURES, dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', 'commit', '-q', '-m', 'the pipeline');
  return dir;
}

/** The project's freeze command, standing in: it writes the real bundled profile where it is told to. */
const FREEZE = "python3 -c \"import os, shutil; shutil.copy('data/profiles/issue-477/issue477-bundled-gpt4o.yaml', os.environ['OPTIMIZATION_GATE_PROFILE'])\"";

const INPUTS = {
  'issue-number': '477',
  'profile-mode': 'external',
  'profile-command': FREEZE,
  'profile-output': 'out/candidate.yaml',
  'experiment-output': 'data/eval/baselines/baseline_llm_ollama_qwen35_9b_smoke_bullets_v1',
  'dataset-id': 'e2e_podcast1_mtb_n2',
  warmup: '0',
  comment: 'issue',
};

describe('a real pipeline checkout', () => {
  it(
    'issue 477: the repo-path baseline gates its eval metrics from data/eval/ (eval guardrails pass); the missing cost names the file looked for',
    async () => {
      const workspace = checkout();
      const runner = h.runnerEnv({ eventName: 'issues', event: issuesEvent(h.github, 477), workspace, inputs: INPUTS });
      const { main } = await runAction({ runner, timeoutMs: 100_000 });
      expect(main.stdout).toContain('baseline eval results: data/eval/baselines/baseline_llm_openai_smoke_bullets_v1');
      const gate = JSON.parse(readFileSync(main.outputs['gate-json'] as string, 'utf8')) as {
        decision: string;
        thresholds: Array<{ metric: string; verdict: string; reason: string; baseline: { median: number | null }; candidate: { median: number | null } }>;
        runs: { baseline: Array<{ files: { eval: string | null } }> };
      };
      const verdict = (metric: string) => gate.thresholds.find((t) => t.metric === metric);
      expect(verdict('eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1')).toMatchObject({
        verdict: 'pass',
        baseline: { median: 0.3140222928030686 },
        candidate: { median: 0.3328839242681311 },
      });
      expect(verdict('eval.intrinsic.gates.boilerplate_leak_rate')?.verdict).toBe('pass');
      expect(verdict('profile.totals.wall_time_s')?.verdict).toBe('pass');
      expect(verdict('profile.totals.peak_rss_mb')?.verdict).toBe('pass');
      // Read from the default branch's commit (the files git holds there), not from the checkout.
      expect(main.stdout).toMatch(/baseline eval results: data\/eval\/baselines\/baseline_llm_openai_smoke_bullets_v1 at the default branch \(main @ [0-9a-f]{7}\)/);
      const baseEval = gate.runs.baseline[0]?.files.eval ?? '';
      expect(baseEval.endsWith(join('issue-baseline-eval', 'data/eval/baselines/baseline_llm_openai_smoke_bullets_v1/metrics.json'))).toBe(true);
      expect(readFileSync(baseEval, 'utf8')).toBe(readFileSync(join(workspace, 'data/eval/baselines/baseline_llm_openai_smoke_bullets_v1/metrics.json'), 'utf8'));
      // No eval_pipeline_metrics.json was ever committed by the pipeline: missing, and said where it was looked for.
      expect(verdict('cost.total_episode_estimated_cost_usd')).toMatchObject({ verdict: 'missing' });
      expect(verdict('cost.total_episode_estimated_cost_usd')?.reason).toContain(
        `baseline: no eval_pipeline_metrics.json for issue477-staged-gpt4o.yaml: looked for ${join(dirname(baseEval), 'eval_pipeline_metrics.json')}`,
      );
      expect(gate.decision).toBe('reject');
      expect(main.outputs.decision).toBe('reject');
    },
    TEST_TIMEOUT,
  );

  it(
    'refuses a baseline eval run on another dataset (smoke vs benchmark), saying why',
    async () => {
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 477),
        workspace: checkout(),
        inputs: { ...INPUTS, 'baseline-eval': 'baseline_llm_anthropic_benchmark_paragraph_v1' },
      });
      const { main } = await runAction({ runner, timeoutMs: 100_000 });
      expect(main.exitCode).toBe(1);
      expect(main.outputs.decision).toBe('reject');
      const comment = h.github.comments(477).at(-1)?.body ?? '';
      expect(comment).toContain('#### ❌ Dataset mismatch: comparison refused');
      expect(comment).toContain('dataset mismatch: eval dataset_id differs: baseline "curated_5feeds_benchmark_v1" vs candidate "curated_5feeds_smoke_v1"');
    },
    TEST_TIMEOUT,
  );
});
