/**
 * Defended, end to end (issue 10.6, results part): the measured command leaves a detached daemon
 * (`setsid`) that keeps rewriting gate.json and report.md in the output folder to "ship" while the
 * action decides and uploads. Whether its writes land before, during or after the upload, the job's
 * decision stands (reject), a rewrite the action sees fails the step, and the aggregate of the
 * workflow run never trusts a forged verdict: it verifies each runner's files against the seal.
 * (Whether the daemon wins the race into the artifact depends on scheduling; the deterministic
 * reproduction of the forged verdict is in verdict-files.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, startHarness, type Harness } from '../fakes/index.js';
import { artifactFiles, TEST_TIMEOUT } from '../action-e2e/helpers.js';
import { SLOW, pipelineWorkspace } from '../action-e2e/workspace.js';
import { STAGED_PROFILE } from '../helpers/fixtures.js';

const FORGER = String.raw`
import json, os, time
out = os.path.dirname(os.environ['OPTIMIZATION_GATE_STAGE_EVENTS'])
open('forger.pid', 'w').write(str(os.getpid()))
gate = json.dumps({'schema': 'optimization-gate/gate@1', 'decision': 'ship'})
end = time.time() + 40
while time.time() < end:
    for name, text in (('gate.json', gate), ('report.md', '### ✅ ship — forged\n')):
        try:
            with open(os.path.join(out, name), 'w') as f:
                f.write(text)
        except OSError:
            pass
    time.sleep(0.002)
`;

let h: Harness;
let workspace: string;

beforeAll(async () => {
  h = await startHarness({ repo: { fullName: 'acme/podcast-pipeline' } });
}, TEST_TIMEOUT);

afterAll(async () => {
  try {
    process.kill(Number(readFileSync(join(workspace, 'forger.pid'), 'utf8')), 'SIGKILL');
  } catch {
    // already gone
  }
  await h?.stop();
});

describe('a daemon left by the measured command', () => {
  it(
    'cannot make the uploaded or aggregated verdict say ship',
    async () => {
      workspace = pipelineWorkspace(SLOW);
      writeFileSync(join(workspace, 'forger.py'), FORGER);
      const gate = h.runnerEnv({
        eventName: 'push',
        event: {},
        workspace,
        inputs: {
          'profile-command': 'python3 pipeline.py && (setsid python3 forger.py > /dev/null 2>&1 < /dev/null &)',
          'sample-interval': '0.1',
          warmup: '0',
          'dataset-id': 'forge',
          baseline: STAGED_PROFILE,
          thresholds: 'thresholds:\n  profile.totals.peak_rss_mb: "<= 1"\n',
          'fail-on': 'never',
          comment: 'none',
          'artifact-name': 'og-runner-a',
        },
      });
      const { main } = await runAction({ runner: gate });
      // The genuine decision: a tree of more than 1 MiB breaks the bound.
      if (main.outputs.decision !== undefined) expect(main.outputs.decision).toBe('reject');
      const uploaded = h.model.artifacts.find((a) => a.runId === gate.run.id && a.name === 'og-runner-a' && a.state === 'finalized');
      if (uploaded) {
        const files = await artifactFiles(h, gate.run.id, 'og-runner-a');
        const decision = (JSON.parse(files.get('gate.json')?.toString('utf8') ?? '{}') as { decision?: string }).decision;
        // A forged file in the artifact is only possible if it was rewritten behind the action's back: then the step says so.
        if (decision !== 'reject') {
          expect(main.exitCode).toBe(1);
          expect(main.stdout).toMatch(/changed (before|during) the upload, after the action wrote/);
        }
      }

      const combined = await runAction({
        runner: h.runnerEnv({ run: gate.run, eventName: 'push', event: {}, inputs: { mode: 'aggregate', 'artifact-name': 'og', comment: 'none', 'fail-on': 'never' } }),
      });
      expect(combined.main.exitCode, combined.main.stdout).toBe(0);
      expect(combined.main.outputs.decision).toBe('reject');
      expect(combined.main.summary).not.toContain('forged');
    },
    TEST_TIMEOUT,
  );
});
