/**
 * Hypotheses by the bundled action, on the real issue-477 profiles: the freeze is the project's own
 * (external mode, a command that hands over the frozen profile and its stage_truth), so the numbers
 * are the real ones. Measure mode reports H1 on the measured runs (log, hypotheses.json, issue
 * comment); gate mode on each side, in gate.json and the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issuesEvent, runAction, startHarness, type Harness } from '../fakes/index.js';
import { BUNDLED_PROFILE, STAGED_PROFILE } from '../helpers/fixtures.js';
import { stageTruthPathFor } from '../../src/formats/run-files.js';
import { artifactFiles, TEST_TIMEOUT } from './helpers.js';

const H1_LINE = 'H1 confirmed: 84.6 % of summed stage wall time (transcript_cleaning 42.08 s + summarization 45.9 s of 104.03 s), needs ≥ 50 %';

const ISSUE_12 = [
  '## Bundle cleaning into the summarization call (#477)',
  '',
  '```optimization-gate',
  'thresholds:',
  '  profile.totals.wall_time_s: { rule: "<= -20%", kind: target }',
  '  profile.totals.peak_rss_mb: "<= +5%"',
  'hypotheses:',
  '  H1:',
  '    claim: cleaning + summarization dominate sequential cost per episode',
  '    check: "share(profile.stages.transcript_cleaning.wall_time_s + profile.stages.summarization.wall_time_s, sum(profile.stages.*.wall_time_s)) >= 0.5"',
  '    lever: bundle cleaning into the summarization call',
  '```',
  '',
].join('\n');

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    repo: {
      fullName: 'acme/podcast-pipeline',
      collaborators: { maintainer: 'write' },
      issues: [
        { number: 477, user: 'maintainer', title: 'Bundle cleaning', body: ISSUE_12 },
        { number: 478, user: 'drive-by', authorAssociation: 'NONE', title: 'My hypotheses', body: ISSUE_12.replace('cleaning + summarization', '<img src=x onerror=alert(1)> @acme/owners') },
      ],
    },
  });
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

/** A checkout holding the frozen #477 profiles (copies), as the project keeps them in data/profiles/issue-477/. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'og-e2e-477-'));
  mkdirSync(join(dir, 'data/profiles/issue-477'), { recursive: true });
  for (const profile of [STAGED_PROFILE, BUNDLED_PROFILE]) {
    for (const file of [profile, stageTruthPathFor(profile)]) copyFileSync(file, join(dir, 'data/profiles/issue-477', file.slice(file.lastIndexOf('/') + 1)));
  }
  return dir;
}

/** The project's own freeze, handing over a frozen profile: external mode. */
function freezeOf(name: string) {
  const stem = `data/profiles/issue-477/${name}`;
  return {
    'profile-mode': 'external',
    'profile-output': 'out/profile.yaml',
    'profile-command': `mkdir -p out && cp ${stem}.yaml out/profile.yaml && cp ${stem}.stage_truth.json out/profile.stage_truth.json`,
    warmup: '0',
    repeat: '1',
    'confirm-runs': '0',
  };
}

describe('hypotheses by the action', () => {
  it(
    'measure: H1 of the issue on the measured staged run, in the log, hypotheses.json and the issue comment',
    async () => {
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 477),
        workspace: workspace(),
        inputs: { mode: 'measure', 'issue-number': '477', comment: 'issue', ...freezeOf('issue477-staged-gpt4o') },
      });
      const before = h.github.comments(477).filter((c) => !c.body.startsWith('<!-- optimization-gate:status -->')).length;
      const { main } = await runAction({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.outputs.decision).toBe('measured');
      expect(main.stdout).toContain(H1_LINE);
      expect(main.stdout).toContain('expected runs: 1 measured (1 per side × 1 side) = 1');
      const files = await artifactFiles(h, runner.run.id, 'optimization-gate');
      const json = JSON.parse(files.get('hypotheses.json')?.toString('utf8') ?? '{}') as {
        schema: string;
        hypotheses: Array<{ id: string; sides: Array<{ side: string; verdict: string; reason: string }> }>;
      };
      expect(json.schema).toBe('optimization-gate/hypotheses@1');
      expect(json.hypotheses.map((x) => [x.id, x.sides.map((s) => [s.side, s.verdict, s.reason])])).toEqual([['H1', [['measured', 'confirmed', H1_LINE.slice('H1 confirmed: '.length)]]]]);
      // The run's report is a new comment; the issue's status comment (created by this first run, above it) shows H1 too.
      const comments = h.github.comments(477);
      const status = comments.filter((c) => c.body.startsWith('<!-- optimization-gate:status -->'));
      expect(status).toHaveLength(1);
      expect(comments.filter((c) => !status.includes(c))).toHaveLength(before + 1);
      expect(status[0]?.body).toContain('- [x] **Hypotheses validated** — H1 confirmed');
      expect(status[0]?.body).toContain('| Time: run wall (s) | 40.31 |');
      const body = comments.at(-1)?.body ?? '';
      expect(body).toContain('#### Hypotheses');
      expect(body).toContain('  - measured: ✅ **confirmed**: 84.6 % of summed stage wall time (transcript_cleaning 42.08 s + summarization 45.9 s of 104.03 s), needs ≥ 50 %');
      expect(body).toContain("stages overlap: the summed stage wall time (104.03 s) is 2.58× the run's wall time (40.31 s)");
    },
    TEST_TIMEOUT,
  );

  it(
    'the hypotheses of an author without write access are not evaluated, and the report says why',
    async () => {
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 478),
        workspace: workspace(),
        inputs: { mode: 'measure', 'issue-number': '478', comment: 'issue', ...freezeOf('issue477-staged-gpt4o') },
      });
      const { main } = await runAction({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).not.toContain('H1 confirmed');
      const files = await artifactFiles(h, runner.run.id, 'optimization-gate');
      expect(files.has('hypotheses.json')).toBe(false);
      const body = h.github.comments(478).at(-1)?.body ?? '';
      expect(body).toContain('hypotheses of issue #\u200b478 not evaluated: the thresholds of issue #\u200b478 are not trusted: its author drive-by has none permission on this repository');
      expect(body).not.toContain('<img');
      expect(body).not.toContain('@acme/owners');
    },
    TEST_TIMEOUT,
  );

  it(
    'gate: H1 on the staged baseline and, separately, on the bundled candidate, in gate.json and the report',
    async () => {
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 477),
        workspace: workspace(),
        inputs: { 'issue-number': '477', comment: 'none', baseline: 'data/profiles/issue-477/issue477-staged-gpt4o.yaml', ...freezeOf('issue477-bundled-gpt4o') },
      });
      const { main } = await runAction({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.outputs.decision).toBe('ship');
      expect(main.stdout).toContain(H1_LINE.replace('H1 confirmed', 'H1 (baseline) confirmed'));
      expect(main.stdout).toContain('H1 (candidate) rejected: 17.7 % of summed stage wall time (transcript_cleaning 0 s (stage absent) + summarization 5.76 s of 32.61 s), needs ≥ 50 %');
      const gate = JSON.parse(readFileSync(main.outputs['gate-json'] as string, 'utf8')) as {
        hypotheses: Array<{ id: string; line: number; claim: string; sides: Array<{ side: string; verdict: string; left: { value: number } }> }>;
      };
      expect(gate.hypotheses).toHaveLength(1);
      expect(gate.hypotheses[0]).toMatchObject({ id: 'H1', line: 8, claim: 'cleaning + summarization dominate sequential cost per episode' });
      expect(gate.hypotheses[0]?.sides.map((s) => [s.side, s.verdict, Math.round(s.left.value * 1000) / 10])).toEqual([
        ['baseline', 'confirmed', 84.6],
        ['candidate', 'rejected', 17.7],
      ]);
      expect(main.summary).toContain('  - candidate: ❌ **rejected**: 17.7 % of summed stage wall time');
    },
    TEST_TIMEOUT,
  );
});
