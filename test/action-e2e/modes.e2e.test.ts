/**
 * The other modes of the bundled action: a baseline read back from the refresh's artifact, the
 * drift check of a refresh (tracking issue), and the aggregate of a runner matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotations, issuesEvent, startHarness, type Harness } from '../fakes/index.js';
import { TEST_TIMEOUT, runSteps } from './helpers.js';
import { sealDigest, sealName } from '../../src/action/sealed-results.js';
import { FAST, ISSUE_BODY, PIPELINE_INPUTS, SLOW, pipelineWorkspace } from './workspace.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    repo: { fullName: 'acme/podcast-pipeline', collaborators: { maintainer: 'write' }, issues: [{ number: 7, user: 'maintainer', body: ISSUE_BODY }] },
  });
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

/** The refresh job's `permissions:` in the workflows `init` writes (no push access: `contents: read`). */
const REFRESH_PERMISSIONS = { contents: 'read', issues: 'write', actions: 'read' } as const;

function refresh(config: typeof SLOW, inputs: Record<string, string> = {}) {
  return runSteps({
    runner: h.runnerEnv({
      permissions: REFRESH_PERMISSIONS,
      eventName: 'schedule',
      event: { schedule: '0 3 * * *' },
      run: { workflowPath: '.github/workflows/optimization-baseline-refresh.yml' },
      workspace: pipelineWorkspace(config),
      inputs: { ...PIPELINE_INPUTS, 'dataset-id': 'modes', mode: 'baseline', 'fail-on': 'never', ...inputs },
    }),
  });
}

describe('modes', () => {
  it(
    "baseline: artifact reads the refresh run's artifact from the default branch",
    async () => {
      const stored = await refresh(SLOW);
      expect(stored.main.exitCode, stored.main.stdout).toBe(0);
      const runner = h.runnerEnv({
        eventName: 'issues',
        event: issuesEvent(h.github, 7),
        workspace: pipelineWorkspace(FAST),
        inputs: { ...PIPELINE_INPUTS, 'dataset-id': 'modes', 'issue-number': '7', baseline: 'artifact', comment: 'none' },
      });
      const { main } = await runSteps({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toMatch(/baseline downloaded from artifact optimization-gate-baseline-modes-[\w.-]+ \(id \d+, run \d+/);
      expect(main.outputs.decision).toBe('ship');
      expect(h.github.callsTo(/^GET \/repos\/acme\/podcast-pipeline\/actions\/artifacts$/).length).toBeGreaterThan(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'a refresh that drifts beyond its bounds opens a labelled tracking issue (label created, added after: a token without push access), then comments on it, found by label or marker',
    async () => {
      const drift = {
        'dataset-id': 'drift',
        thresholds: 'thresholds:\n  profile.stages.transcribe.wall_time_s: "<= +10%"\n  profile.stages.summarize.wall_time_s: "<= +10%"\n',
      };
      const first = await refresh(FAST, drift);
      expect(first.main.outputs.decision).toBe('measured');
      const slower = await refresh(SLOW, drift);
      expect(slower.main.exitCode, slower.main.stdout).toBe(0);
      expect(slower.main.outputs.decision).toBe('reject');
      expect(
        annotations(slower.main.commands).map((c) => c.message),
        slower.main.stdout,
      ).toEqual(expect.arrayContaining([expect.stringMatching(/^profile\.stages\.transcribe\.wall_time_s <= \+10%: /)]));
      const tracking = [...h.github.repo.issues.values()].find((i) => i.labels.includes('optimization-gate-drift'));
      expect(tracking?.title).toMatch(/^Baseline drift: drift on /);
      expect(h.github.repo.labels.has('optimization-gate-drift')).toBe(true);
      expect(h.github.comments(tracking?.number ?? -1)).toHaveLength(1);
      const again = await refresh({ ...SLOW, stages: { ...SLOW.stages, summarize: 0.9 } }, drift);
      expect(again.main.outputs.decision).toBe('reject');
      expect([...h.github.repo.issues.values()].filter((i) => i.labels.includes('optimization-gate-drift'))).toHaveLength(1);
      expect(h.github.comments(tracking?.number ?? -1)).toHaveLength(2);
      // Someone removes the label: the marker in the body still finds the issue; no second tracking issue.
      tracking!.labels.length = 0;
      const third = await refresh({ ...SLOW, stages: { ...SLOW.stages, summarize: 1.3 } }, drift);
      expect(third.main.outputs.decision).toBe('reject');
      expect([...h.github.repo.issues.values()].filter((i) => i.title.startsWith('Baseline drift'))).toHaveLength(1);
      expect(h.github.comments(tracking?.number ?? -1)).toHaveLength(3);
    },
    TEST_TIMEOUT,
  );

  it(
    "aggregate: one comment with every runner's verdict, the worst decision wins",
    async () => {
      const runner = h.runnerEnv({ eventName: 'issues', event: issuesEvent(h.github, 7), inputs: { mode: 'aggregate', 'issue-number': '7', comment: 'issue' } });
      const verdict = (decision: string, key: string, headline: string) => ({
        'gate.json': JSON.stringify({ schema: 'optimization-gate/gate@1', decision }),
        'report.md': `${headline}\n\nbody of ${key}\n`,
        'run-info.json': JSON.stringify({ runner_key: key, hostname: `${key}.local`, decision }),
      });
      // Each runner's action seals its verdict (test/security/ has the unsealed and altered ones).
      const sealed = async (name: string, files: Record<string, string>) => {
        await h.seedArtifact({ run: runner.run, name, files });
        const digest = sealDigest(new Map(Object.entries(files).map(([file, text]) => [file, Buffer.from(text)])));
        await h.seedArtifact({ run: runner.run, name: sealName(name, digest), files: { 'seal.json': '{}' } });
      };
      await sealed('optimization-gate-gpu-a', verdict('ship', 'gpu-a', '### ✅ ship — all 4 thresholds pass'));
      await sealed('optimization-gate-gpu-b', verdict('reject', 'gpu-b', '### ❌ reject — 1 guardrail failed: `profile.totals.peak_rss_mb`'));
      await h.seedArtifact({ run: runner.run, name: 'optimization-gate-cpu', files: { 'notes.txt': 'this runner crashed before the gate' } });
      const before = h.github.comments(7).length;
      const { main } = await runSteps({ runner });
      expect(main.exitCode).toBe(1);
      expect(main.outputs.decision).toBe('reject');
      const comments = h.github.comments(7);
      expect(comments).toHaveLength(before + 1);
      const body = comments.at(-1)?.body ?? '';
      expect(body.split('\n')[0], main.stdout).toBe('### ❌ reject — 3 runners: 1 ship, 1 reject, 1 missing');
      expect(body).toContain('| ❌ reject | `gpu-b` | `gpu-b.local` | ❌ reject — 1 guardrail failed: `profile.totals.peak_rss_mb` | — |');
      expect(body).toContain('| ❔ missing | `optimization-gate-cpu` | `?` | not verified: no seal: this verdict was not uploaded by a completed run of the action | — |');
      expect(body).toContain('| ✅ ship | `gpu-a` | `gpu-a.local` | ✅ ship — all 4 thresholds pass | — |');
    },
    TEST_TIMEOUT,
  );

  it(
    'the CI job of this repository: measure the example pipeline, then gate the optimized config on inline thresholds',
    async () => {
      // As .github/workflows/ci.yml does with `uses: ./`: no issue, the baseline is the first step's profile output.
      const workspace = mkdtempSync(join(tmpdir(), 'og-e2e-example-'));
      cpSync(new URL('../../examples', import.meta.url), join(workspace, 'examples'), { recursive: true });
      const pipeline = (config: string, evalDir: string) => ({
        'dataset-id': 'example',
        'profile-command': `python3 examples/pipeline/pipeline.py --config examples/pipeline/config/${config}.json`,
        'experiment-command': `python3 examples/pipeline/experiment.py --config examples/pipeline/config/${config}.json --out ${evalDir}`,
        'experiment-output': evalDir,
        comment: 'none',
        warmup: '0',
        repeat: '1',
      });
      const measured = await runSteps({
        runner: h.runnerEnv({ eventName: 'push', event: {}, workspace, inputs: { mode: 'measure', ...pipeline('baseline', 'out/baseline-eval'), 'artifact-name': 'example-baseline' } }),
      });
      expect(measured.main.exitCode, measured.main.stdout).toBe(0);
      expect(measured.main.outputs.decision).toBe('measured');
      const profile = measured.main.outputs.profile as string;
      expect(readFileSync(profile, 'utf8')).toMatch(/^ {2}clean:$/m);
      expect(readFileSync(measured.main.outputs['stage-truth'] as string, 'utf8')).toContain('"wall_seconds_by_stage"');

      const gated = await runSteps({
        runner: h.runnerEnv({
          eventName: 'push',
          event: {},
          workspace,
          inputs: {
            mode: 'gate',
            ...pipeline('optimized', 'out/candidate-eval'),
            baseline: profile,
            thresholds: 'thresholds:\n  profile.totals.wall_time_s: { rule: "<= -5%", kind: target }\n  profile.totals.peak_rss_mb: "<= +25%"\n',
            'fail-on': 'never',
            'artifact-name': 'example-candidate',
          },
        }),
      });
      expect(gated.main.exitCode, gated.main.stdout).toBe(0);
      // The example pipeline's times are real (its point is to be measured), so which decision its
      // run-wall target gets depends on the machine: like ci.yml, assert that a verdict was reached
      // on both thresholds, and what the fixture itself determines.
      const decision = gated.main.outputs.decision as string;
      expect(['ship', 'iterate', 'reject']).toContain(decision);
      const gate = JSON.parse(readFileSync(gated.main.outputs['gate-json'] as string, 'utf8')) as {
        decision: string;
        thresholds: Array<{ metric: string; verdict: string; change: { value: number } }>;
      };
      expect(gate.decision).toBe(decision);
      expect(gate.thresholds.map((t) => t.metric)).toEqual(['profile.totals.wall_time_s', 'profile.totals.peak_rss_mb']);
      for (const t of gate.thresholds) {
        expect(['pass', 'fail', 'inconclusive']).toContain(t.verdict);
        expect(Number.isFinite(t.change.value)).toBe(true);
      }
      const headline = { ship: '✅ ship', iterate: '🟡 iterate', reject: '❌ reject' }[decision];
      expect(gated.main.summary).toMatch(new RegExp(`^### ${headline}`, 'm'));
      // The bundled mode drops the clean stage: the candidate's profile has no clean stage.
      expect(readFileSync(profile, 'utf8')).toMatch(/^ {2}clean:$/m);
      expect(readFileSync(gated.main.outputs.profile as string, 'utf8')).not.toMatch(/^ {2}clean:$/m);
      expect(readFileSync(gated.main.outputs.profile as string, 'utf8')).toMatch(/^ {2}summarize:$/m);
    },
    TEST_TIMEOUT,
  );
});
