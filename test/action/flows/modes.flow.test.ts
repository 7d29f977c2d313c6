/**
 * The other modes in process, through `run()`: measure, baseline (store + drift check with a
 * tracking issue), aggregate of a runner matrix, and the external profile mode; with the failed
 * runs each can meet.
 */
import { sealDigest, sealName } from '../../../src/action/sealed-results.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { issuesEvent, workflowDispatchEvent } from '../../fakes/index.js';
import { FAST, INPUTS, SLOW, World } from './world.js';
import type { PipelineScript } from './virtual-measure.js';
import { BUNDLED_PROFILE, STAGED_PROFILE } from '../../helpers/fixtures.js';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world?.stop());

const schedule = { eventName: 'schedule', event: { schedule: '0 3 * * *' } };

function yamlOf(path: string): Record<string, unknown> {
  return parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe('measure', () => {
  it("profiles the run with the declared stage times and the tree's memory and CPU; outputs and artifact", async () => {
    const { io, outDir, run } = await world.main({ eventName: 'push', workspace: world.workspace(SLOW), inputs: { ...INPUTS, mode: 'measure', comment: 'none' } });
    expect(io.failed, io.text()).toEqual([]);
    expect(io.outputs.get('decision')).toBe('measured');
    expect(io.outputs.get('profile')).toBe(join(outDir, 'run.yaml'));
    expect(io.outputs.get('stage-truth')).toBe(join(outDir, 'run.stage_truth.json'));
    const profile = yamlOf(join(outDir, 'run.yaml')) as { stages: Record<string, { wall_time_s: number; peak_rss_mb: number; avg_cpu_pct: number }>; totals: Record<string, unknown> };
    expect(Object.fromEntries(Object.entries(profile.stages).map(([name, s]) => [name, s.wall_time_s]))).toEqual({ fetch: 0.05, transcribe: 0.5, summarize: 0.4 });
    expect(profile.stages.transcribe).toMatchObject({ peak_rss_mb: 80, avg_cpu_pct: 100 });
    expect(profile.stages.summarize).toMatchObject({ peak_rss_mb: 40, avg_cpu_pct: 100 });
    expect(profile.totals).toMatchObject({ wall_time_s: 0.95, peak_rss_mb: 80, memory_metric: 'pss_sum', cpu_time_s: 0.95 });
    expect(io.summary.split('\n')[0]).toBe('### 📏 optimization-gate: measured');
    const artifact = world.artifacts.of(run, 'optimization-gate');
    expect([...(artifact?.files.keys() ?? [])].sort()).toEqual([
      'report.md',
      'run-info.json',
      'run.eval/eval_pipeline_metrics.json',
      'run.eval/metrics.json',
      'run.events.jsonl',
      'run.samples.jsonl',
      'run.stage_truth.json',
      'run.yaml',
    ]);
    expect(JSON.parse(artifact?.files.get('run-info.json') ?? '{}')).toMatchObject({ decision: 'measured', runner_key: 'self-hosted-linux-x64', hostname: 'flow-host', dataset_id: 'tiny' });
  });

  it('a pipeline that exits non-zero: the profile is kept, marked failed, and the step fails saying so', async () => {
    const { io, outDir } = await world.main({ eventName: 'push', workspace: world.workspace({ ...SLOW, exit: 3 }), inputs: { ...INPUTS, mode: 'measure', comment: 'none' } });
    expect(io.outputs.get('decision')).toBe('measured');
    expect(yamlOf(join(outDir, 'run.yaml'))).toMatchObject({ status: 'failed' });
    expect(io.failed).toEqual(['optimization-gate: decision measured, but: measured run failed: run 1: failed (exit code 3); measured run failed: measured run 1 did not complete (exit code 3)']);
    expect(io.summary.split('\n')[0]).toBe('### ❌ optimization-gate: measured');
    expect(io.state.get('completed')).toBe('true');
  });

  it("an experiment that writes no outputs is a failed run, named in the step's failure", async () => {
    const { io } = await world.main({ eventName: 'push', workspace: world.workspace({ ...SLOW, experimentWritesNothing: true }), inputs: { ...INPUTS, mode: 'measure', comment: 'none' } });
    expect(io.failed).toEqual([
      expect.stringMatching(/^optimization-gate: decision measured, but: measured run failed: the experiment command wrote neither metrics\.json nor eval_pipeline_metrics\.json in \/.*\/eval-out$/),
    ]);
  });
});

describe('baseline', () => {
  const drift = {
    ...INPUTS,
    'dataset-id': 'drift',
    mode: 'baseline',
    'fail-on': 'never',
    thresholds: 'thresholds:\n  profile.stages.transcribe.wall_time_s: "<= +10%"\n  profile.stages.summarize.wall_time_s: "<= +10%"\n',
  };
  const refresh = (script: PipelineScript) => world.main({ ...schedule, workspace: world.workspace(script), inputs: drift });

  it('stores the run in the cache and as an artifact; a drift beyond the bounds opens a labelled tracking issue, then comments on it', async () => {
    const first = await refresh(FAST);
    expect(first.io.failed, first.io.text()).toEqual([]);
    expect(first.io.outputs.get('decision')).toBe('measured');
    expect(first.io.messages('info')).toContain('no verified previous baseline in the cache: this refresh starts one');
    const key = world.cache.entries.at(-1)?.key ?? '';
    expect(key).toMatch(new RegExp(`^optimization-gate-baseline-v1-drift-[0-9a-f]{16}-self-hosted-linux-x64-${first.run.id}-1$`));
    expect(JSON.parse(world.cache.entries.at(-1)?.files.get('baseline.json') ?? '{}')).toMatchObject({
      schema: 'optimization-gate/baseline@1',
      dataset_id: 'drift',
      hostname: 'flow-host',
      runs: ['run-1.yaml'],
      eval_dir: 'eval',
      workflow_run_id: String(first.run.id),
    });
    expect(world.artifacts.artifacts.find((a) => a.runId === first.run.id && /^optimization-gate-baseline-drift-[0-9a-f]{16}-self-hosted-linux-x64$/.test(a.name))).toBeDefined();

    const slower = await refresh(SLOW);
    expect(slower.io.failed, slower.io.text()).toEqual([]);
    expect(slower.io.outputs.get('decision')).toBe('reject');
    expect(slower.io.messages('error')).toEqual([
      expect.stringMatching(/^profile\.stages\.transcribe\.wall_time_s <= \+10%: /),
      expect.stringMatching(/^profile\.stages\.summarize\.wall_time_s <= \+10%: /),
    ]);
    const tracking = [...world.github.repo.issues.values()].find((i) => i.labels.includes('optimization-gate-drift'));
    expect(tracking?.title).toBe('Baseline drift: drift on self-hosted-linux-x64');
    expect(world.github.comments(tracking?.number ?? -1)).toHaveLength(1);

    // Compared with the newest stored baseline (the slower one): summarize drifts again.
    const again = await refresh({ ...SLOW, stages: { ...SLOW.stages, summarize: 0.9 } });
    expect(again.io.outputs.get('decision')).toBe('reject');
    expect(again.io.messages('error')).toEqual([expect.stringMatching(/^profile\.stages\.summarize\.wall_time_s <= \+10%: /)]);
    expect([...world.github.repo.issues.values()].filter((i) => i.labels.includes('optimization-gate-drift'))).toHaveLength(1);
    expect(world.github.comments(tracking?.number ?? -1)).toHaveLength(2);
  });

  it('a refresh whose run failed stores nothing and fails the step', async () => {
    const entries = world.cache.entries.length;
    const { io, run } = await world.main({ ...schedule, workspace: world.workspace({ ...SLOW, exit: 1 }), inputs: { ...INPUTS, 'dataset-id': 'broken', mode: 'baseline', comment: 'none' } });
    expect(world.cache.entries.length).toBe(entries);
    expect(world.artifacts.of(run, 'optimization-gate')).toBeDefined();
    expect(io.summary).toContain('not stored: a measured run failed');
    expect(io.failed).toEqual(['optimization-gate: decision measured, but: measured run failed: run 1: failed (exit code 1); measured run failed: measured run 1 did not complete (exit code 1)']);
  });

  it('a cache that refuses the key keeps the baseline in the artifact and says so', async () => {
    world.cache.failures.save.push(new Error('Cache service responded with 503'));
    const { io, run } = await world.main({ ...schedule, workspace: world.workspace(SLOW), inputs: { ...INPUTS, 'dataset-id': 'no-cache', mode: 'baseline', comment: 'none' } });
    expect(world.artifacts.artifacts.find((a) => a.runId === run.id && /^optimization-gate-baseline-no-cache-[0-9a-f]{16}-self-hosted-linux-x64$/.test(a.name))).toBeDefined();
    expect(io.failed).toEqual(['optimization-gate: decision measured, but: baseline not saved to the cache: Cache service responded with 503']);
  });
});

describe('aggregate', () => {
  it("one comment with every runner's verdict; the worst decision wins; a failed download counts as missing", async () => {
    const run = world.model.addRun({ event: 'issues' });
    const verdict = (decision: string, key: string, headline: string) => ({
      'gate.json': JSON.stringify({ schema: 'optimization-gate/gate@1', decision }),
      'report.md': `${headline}\n\nbody of ${key}\n`,
      'run-info.json': JSON.stringify({ runner_key: key, hostname: `${key}.local`, decision }),
    });
    // Each runner's action seals its verdict (test/security/ has the unsealed and altered ones).
    const sealed = (name: string, files: Record<string, string>) => {
      const artifact = world.artifacts.seed(run, name, files);
      world.artifacts.seed(run, sealName(name, sealDigest(new Map(Object.entries(files).map(([f, t]) => [f, Buffer.from(t)])))), { 'seal.json': '{}' });
      return artifact;
    };
    const gpuA = sealed('optimization-gate-gpu-a', verdict('ship', 'gpu-a', '### ✅ ship — all 4 thresholds pass'));
    sealed('optimization-gate-gpu-b', verdict('iterate', 'gpu-b', '### 🟡 iterate — 1 target inconclusive'));
    const broken = world.artifacts.seed(run, 'optimization-gate-cpu', { 'notes.txt': 'crashed' });
    world.artifacts.seed(world.model.addRun(), 'optimization-gate-other-run', verdict('reject', 'elsewhere', '### ❌ reject'));
    world.artifacts.downloadFailures.set(gpuA.id, new Error('Unable to download artifact: 500'));
    const before = world.github.comments(7).length;
    const { io } = await world.main({ eventName: 'issues', event: issuesEvent(world.github, 7), run, inputs: { mode: 'aggregate', 'issue-number': '7' } });
    expect(io.outputs.get('decision')).toBe('reject');
    expect(io.failed).toEqual([expect.stringMatching(/^optimization-gate: decision reject \(fail-on: reject\); see https:\/\/github\.com\/acme\/podcast-pipeline\/issues\/7#issuecomment-\d+$/)]);
    const comments = world.github.comments(7);
    expect(comments).toHaveLength(before + 1);
    const body = comments.at(-1)?.body ?? '';
    // gpu-a's download failed: missing, like a runner that left nothing.
    expect(body.split('\n')[0]).toBe('### ❌ reject — 3 runners: 1 iterate, 2 missing');
    expect(body).toContain('| 🟡 iterate | `gpu-b` | `gpu-b.local` | 🟡 iterate — 1 target inconclusive | — |');
    expect(body).toContain(`| ❔ missing | \`optimization-gate-gpu-a\` | \`?\` | download failed: Unable to download artifact: 500 | — | — |`);
    expect(body).toContain('| ❔ missing | `optimization-gate-cpu` | `?` | not verified: no seal: this verdict was not uploaded by a completed run of the action | — | — |');
    expect(body).not.toContain('elsewhere');
    expect(world.artifacts.calls).toContain(`download ${broken.id} from run ${run.id}`);
    expect(JSON.parse(world.artifacts.of(run, 'optimization-gate-aggregate')?.files.get('gate.json') ?? '{}')).toMatchObject({ schema: 'optimization-gate/aggregate@1', decision: 'reject' });
  });
});

describe('external profile mode', () => {
  const external = { ...INPUTS, 'profile-mode': 'external', 'profile-command': 'external-freeze', 'profile-output': 'out/profile.yaml' };

  it("gates the profiles the project's own freeze wrote (the real staged and bundled fixtures)", async () => {
    const workspace = world.gitWorkspace({ ...SLOW, external: 'staged' }, { ...FAST, external: 'bundled' });
    const { io, outDir } = await world.main({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(world.github, {}),
      workspace,
      inputs: { ...external, baseline: 'ref:main', comment: 'none', thresholds: 'thresholds:\n  profile.totals.wall_time_s: { rule: "<= -20%", kind: target }\n' },
    });
    expect(io.failed, io.text()).toEqual([]);
    expect(io.outputs.get('decision')).toBe('ship');
    const gate = JSON.parse(readFileSync(join(outDir, 'gate.json'), 'utf8')) as { thresholds: Array<{ baseline: { median: number }; candidate: { median: number }; change: { value: number } }> };
    // issue477-staged-gpt4o: 40.3144 s; issue477-bundled-gpt4o: 21.5184 s.
    expect(gate.thresholds[0]).toMatchObject({ baseline: { median: 40.3144 }, candidate: { median: 21.5184 } });
    expect(gate.thresholds[0]?.change.value).toBeCloseTo(-46.62, 2);
    expect(readFileSync(join(outDir, 'baseline.yaml'), 'utf8')).toBe(readFileSync(STAGED_PROFILE, 'utf8'));
    expect(readFileSync(join(outDir, 'candidate.yaml'), 'utf8')).toBe(readFileSync(BUNDLED_PROFILE, 'utf8'));
  });

  it('a freeze command that writes no profile fails the run, naming the file', async () => {
    const { io } = await world.main({ eventName: 'push', workspace: world.workspace({ ...SLOW, external: 'nothing' }), inputs: { ...external, mode: 'measure', comment: 'none' } });
    expect(io.failed).toEqual([
      expect.stringMatching(
        /^optimization-gate: decision measured, but: measured run failed: run 1: external freeze: \/.*\/out\/profile\.yaml: not found\n {2}- the freeze command exited 0 but did not write it$/,
      ),
    ]);
  });
});
