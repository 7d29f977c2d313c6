/**
 * Defended, end to end against the loopback GitHub, results service and Azurite (issue 10.1, 10.2,
 * 10.5): a planted baseline that would make an unchanged pipeline look 10× faster. The real refresh
 * of main stores a baseline; then
 * - a fork PR from its own `main` uploads an artifact of the same name (newer), and
 * - a dispatched candidate (a workflow_dispatch run on main, of the dispatch workflow) saves a cache
 *   entry under the baseline's key prefix (newer), and one under the real refresh's own key,
 * and the gate of the unchanged pipeline must compare with the real baseline — never ship — and say
 * which refresh run it trusted. A changed pipeline config finds no baseline: a stated non-ship.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { issuesEvent, pullRequestEvent, runAction, startHarness, type Harness } from '../fakes/index.js';
import { artifactFiles, TEST_TIMEOUT } from '../action-e2e/helpers.js';
import { ISSUE_BODY, PIPELINE_INPUTS, SLOW, pipelineWorkspace } from '../action-e2e/workspace.js';
import { captureStdout, overlayEnv } from '../harness/in-process.js';

const REFRESH = '.github/workflows/optimization-baseline-refresh.yml';
// Over the issue's thresholds, one that no timing noise decides: only the forged baseline's cost passes it,
// so the verdict is reject against the real baseline and ship against the forged one.
const INPUTS = { ...PIPELINE_INPUTS, 'dataset-id': 'prov', thresholds: 'thresholds:\n  cost.total_stage_cost_usd: "<= -50%"\n', 'fail-on': 'never' };

let h: Harness;
let refreshRunId: number;
let artifactName: string;
let genuine: Map<string, Buffer>;

/** The genuine store with every wall time and the cost ×10: against it, the unchanged pipeline looks 90 % faster and cheaper. */
function forged(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const [name, bytes] of genuine) files[name] = bytes;
  const profile = parse(genuine.get('run-1.yaml')!.toString('utf8')) as { totals: Record<string, number>; stages: Record<string, Record<string, number>> };
  profile.totals.wall_time_s! *= 10;
  for (const stage of Object.values(profile.stages)) stage.wall_time_s! *= 10;
  files['run-1.yaml'] = Buffer.from(stringify(profile));
  const cost = JSON.parse(genuine.get('eval/eval_pipeline_metrics.json')!.toString('utf8')) as Record<string, number>;
  cost.total_stage_cost_usd! *= 10;
  files['eval/eval_pipeline_metrics.json'] = Buffer.from(JSON.stringify(cost));
  return files;
}

interface GateJson {
  decision: string;
  baseline: { source: string; description: string; provenance: { run_id: number; event: string; head_branch: string } | null } | null;
  input_errors: string[];
}

async function gate(runnerOptions: Parameters<Harness['runnerEnv']>[0]) {
  const runner = h.runnerEnv(runnerOptions);
  const { main } = await runAction({ runner });
  const gateJson = main.outputs['gate-json'] ? (JSON.parse(readFileSync(main.outputs['gate-json'], 'utf8')) as GateJson) : undefined;
  return { main, gateJson };
}

beforeAll(async () => {
  h = await startHarness({
    repo: {
      fullName: 'acme/podcast-pipeline',
      collaborators: { maintainer: 'write' },
      issues: [{ number: 7, user: 'maintainer', body: ISSUE_BODY }],
      pulls: [
        { number: 21, user: 'maintainer', body: 'Closes #7', head: { ref: 'faster-transcribe' } },
        { number: 23, user: 'mallory', body: 'Closes #7', head: { ref: 'main', repo: 'mallory/podcast-pipeline' } },
      ],
    },
  });
  const refresh = h.runnerEnv({
    eventName: 'schedule',
    event: { schedule: '0 3 * * *' },
    run: { workflowPath: REFRESH },
    workspace: pipelineWorkspace(SLOW),
    inputs: { ...INPUTS, thresholds: '', mode: 'baseline', comment: 'none' },
  });
  const { main } = await runAction({ runner: refresh });
  expect(main.exitCode, main.stdout).toBe(0);
  refreshRunId = refresh.run.id;
  const record = h.model.artifacts.find((a) => a.runId === refreshRunId && a.name.startsWith('optimization-gate-baseline-prov-') && !a.name.includes('.seal-'));
  artifactName = record!.name;
  genuine = await artifactFiles(h, refreshRunId, artifactName);
}, TEST_TIMEOUT);

afterAll(async () => {
  await h?.stop();
});

describe('planted baselines', () => {
  it(
    'a fork PR from its own main uploads a baseline artifact: refused, the real refresh is used',
    async () => {
      const forkRun = h.model.addRun({
        event: 'pull_request',
        headBranch: 'main',
        headRepository: 'mallory/podcast-pipeline',
        ref: 'refs/pull/23/merge',
        workflowPath: REFRESH,
      });
      await h.seedArtifact({ run: forkRun, name: artifactName, files: forged() });
      const { main, gateJson } = await gate({
        eventName: 'issues',
        event: issuesEvent(h.github, 7),
        workspace: pipelineWorkspace(SLOW),
        inputs: { ...INPUTS, 'issue-number': '7', baseline: 'artifact', comment: 'none' },
      });
      expect(main.exitCode, main.stdout).toBe(0);
      // The unchanged pipeline against the real baseline: the cost did not halve.
      expect(gateJson?.decision).toBe('reject');
      expect(gateJson?.baseline?.provenance).toMatchObject({ run_id: refreshRunId, event: 'schedule', head_branch: 'main' });
      expect(main.summary).toMatch(/Baseline: refresh run \d+ \(schedule, run id \d+\), main @ [0-9a-f]{7}, /);
    },
    TEST_TIMEOUT,
  );

  it(
    "a dispatched candidate saves cache entries on main (a newer key, and the refresh's own key): refused",
    async () => {
      // The candidate's job: a workflow_dispatch run on main of the dispatch workflow, whose measured
      // code reached the cache service. What it saves lands in main's cache scope.
      const dispatch = h.runnerEnv({
        eventName: 'workflow_dispatch',
        event: { inputs: { 'issue-number': '7' } },
        run: { workflowPath: '.github/workflows/optimization-dispatch.yml' },
        workspace: pipelineWorkspace(SLOW),
      });
      const genuineEntry = h.model.cacheEntries.find((e) => e.key.endsWith(`-${refreshRunId}-1`))!;
      const prefix = genuineEntry.key.slice(0, -`${refreshRunId}-1`.length);
      const store = join(dispatch.workspace, '.optimization-gate-baseline');
      mkdirSync(store, { recursive: true });
      for (const [name, bytes] of Object.entries(forged())) {
        mkdirSync(join(store, name, '..'), { recursive: true });
        writeFileSync(join(store, name), bytes);
      }
      const restore = overlayEnv(dispatch.stepEnv().env);
      const cwd = process.cwd();
      process.chdir(dispatch.workspace);
      try {
        const cache = await import('@actions/cache');
        // Cache eviction removed the refresh's own entry; the candidate re-creates its key with forged files,
        // then saves another entry under its own run id (the newest: a restore by prefix finds it first).
        h.model.cacheEntries.splice(h.model.cacheEntries.indexOf(genuineEntry), 1);
        await captureStdout(() => cache.saveCache(['.optimization-gate-baseline'], genuineEntry.key));
        await captureStdout(() => cache.saveCache(['.optimization-gate-baseline'], `${prefix}${dispatch.run.id}-1`));
      } finally {
        process.chdir(cwd);
        restore();
      }
      expect(h.model.cacheEntries.filter((e) => e.key.startsWith(prefix) && e.state === 'finalized')).toHaveLength(2);

      // The PR gate restores the newest entry, refuses it, and falls back to the real refresh's artifact.
      const first = await gate({ eventName: 'pull_request', event: pullRequestEvent(h.github, 21), workspace: pipelineWorkspace(SLOW), inputs: INPUTS });
      expect(first.gateJson?.decision, first.main.stdout).toBe('reject');
      expect(first.main.stdout).toContain(
        `refused cache entry ${prefix}${dispatch.run.id}-1: run ${dispatch.run.id} is of .github/workflows/optimization-dispatch.yml, not of a baseline refresh workflow`,
      );
      expect(first.gateJson?.baseline?.provenance).toMatchObject({ run_id: refreshRunId });

      // With the dispatch's entry gone, the entry under the refresh's own key is found: its bytes are not the refresh's.
      h.model.cacheEntries.splice(
        h.model.cacheEntries.findIndex((e) => e.key === `${prefix}${dispatch.run.id}-1`),
        1,
      );
      const second = await gate({ eventName: 'pull_request', event: pullRequestEvent(h.github, 21), workspace: pipelineWorkspace(SLOW), inputs: INPUTS });
      expect(second.gateJson?.decision, second.main.stdout).toBe('reject');
      expect(second.main.stdout).toContain(
        `refused cache entry ${genuineEntry.key}: its files differ from the artifact run ${refreshRunId} uploaded (eval/eval_pipeline_metrics.json, run-1.yaml): forged or corrupted`,
      );
      expect(second.gateJson?.baseline?.provenance).toMatchObject({ run_id: refreshRunId });
    },
    TEST_TIMEOUT * 2,
  );

  it(
    'a changed pipeline config finds no baseline of the old one: a stated non-ship',
    async () => {
      const workspace = pipelineWorkspace(SLOW);
      writeFileSync(join(workspace, 'pipeline.py'), `${readFileSync(join(workspace, 'pipeline.py'), 'utf8')}\n# v2: a new model\n`);
      const { main, gateJson } = await gate({
        eventName: 'issues',
        event: issuesEvent(h.github, 7),
        workspace,
        inputs: { ...INPUTS, 'issue-number': '7', baseline: 'artifact', comment: 'none' },
      });
      expect(gateJson?.decision).toBe('reject');
      expect(gateJson?.input_errors.join('\n')).toMatch(/^missing baseline: no baseline artifact of a verified refresh for runner key .*, dataset prov, config hash [0-9a-f]{16}/);
      expect(main.stdout).not.toContain('measured run');
    },
    TEST_TIMEOUT,
  );
});
