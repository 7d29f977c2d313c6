/**
 * Failure paths in process, through `run()` and `runPost()`: bad inputs, GitHub API errors (retried
 * without waiting: the client's sleeps are recorded), the artifact service failing, a cancelled
 * job, a run that times out, an internal error; and what the post step does after each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { faults, issuesEvent } from '../../fakes/index.js';
import { FAST, INPUTS, SLOW, World } from './world.js';
import { RecordingIO } from './recording-ports.js';
import { run } from '../../../src/action/run.js';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world?.stop());

const REPO = '/repos/acme/podcast-pipeline';

/** A gate on issue #7 against the base ref, measured in the job. */
function gate(inputs: Record<string, string> = {}) {
  return world.main({
    eventName: 'issues',
    event: issuesEvent(world.github, 7),
    workspace: world.gitWorkspace(),
    inputs: { ...INPUTS, 'issue-number': '7', baseline: 'ref:main', comment: 'issue', ...inputs },
  });
}

function measure(script = SLOW, inputs: Record<string, string> = {}) {
  return world.main({ eventName: 'push', workspace: world.workspace(script), inputs: { ...INPUTS, mode: 'measure', comment: 'none', ...inputs } });
}

describe('bad inputs', () => {
  it('every invalid input is named at once; nothing runs; post has nothing to keep', async () => {
    const before = world.commands.started.length;
    const main = await world.main({ eventName: 'push', inputs: { ...INPUTS, mode: 'judge', repeat: 'x', 'sample-interval': '0', comment: 'slack', baseline: '--upload-pack=x' } });
    expect(main.io.failed).toEqual([
      [
        'optimization-gate: invalid action inputs',
        '  - input \'mode\': expected one of gate | baseline | measure | aggregate | command, got "judge"',
        '  - input \'baseline\': expected a repository path, cache, artifact or ref:<git ref>, got "--upload-pack=x"',
        '  - input \'repeat\': expected a whole number from 1 to 50, got "x"',
        '  - input \'sample-interval\': expected a number from 0.05 to 60, got "0"',
        '  - input \'comment\': expected issue,pr | issue | pr | none, got "slack"',
      ].join('\n'),
    ]);
    expect(world.commands.started.length).toBe(before);
    expect(main.io.state.size).toBe(0);
    const post = await world.post(main);
    expect(post.log).toEqual([{ level: 'info', message: 'optimization-gate post: the main step measured nothing; nothing to keep' }]);
    expect(post.failed).toEqual([]);
  });

  it('with the real ports, run() removes its SIGINT/SIGTERM handlers when it returns', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const io = new RecordingIO();
    await run({ io, env: {}, readInput: (name) => (name === 'mode' ? 'judge' : '') });
    expect(io.failed[0]).toMatch(/^optimization-gate: invalid action inputs\n {2}- input 'mode'/);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  it('a thrown non-user error is reported as an internal error with its stack', async () => {
    const { io } = await world.main({
      eventName: 'push',
      workspace: world.workspace(SLOW),
      inputs: { ...INPUTS, mode: 'measure' },
      deps: {
        github: () => {
          throw new TypeError('boom');
        },
      },
    });
    expect(io.failed).toEqual([expect.stringMatching(/^optimization-gate: internal error \(please report it\): boom\nTypeError: boom\n {4}at /)]);
  });
});

describe('GitHub API errors', () => {
  it('a 500 reading the issue is retried (after 1 s, not waited here) and the gate completes', async () => {
    world.github.failNext({ method: 'GET', path: `${REPO}/issues/7` }, faults.serverError(1));
    const { io, sleeps } = await gate();
    expect(io.failed, io.text()).toEqual([]);
    expect(io.outputs.get('decision')).toBe('ship');
    expect(sleeps).toEqual([1000]);
    expect(io.messages('warning')).toEqual(['GitHub API: reading issue #7 answered 500; retry 1 in 1.0 s']);
    expect(
      world.github
        .callsTo(`GET ${REPO}/issues/7`)
        .slice(-2)
        .map((c) => c.status),
    ).toEqual([500, 200]);
  });

  it('a 429 on the comment waits what retry-after says, then posts', async () => {
    world.github.failNext({ method: 'POST', path: `${REPO}/issues/7/comments` }, faults.tooManyRequests(30));
    const { io, sleeps } = await gate();
    expect(io.failed, io.text()).toEqual([]);
    expect(sleeps).toEqual([30_000]);
    expect(
      world.github
        .callsTo(`POST ${REPO}/issues/7/comments`)
        .slice(-2)
        .map((c) => c.status),
    ).toEqual([429, 201]);
    expect(io.outputs.get('comment-url')).toMatch(/\/issues\/7#issuecomment-\d+$/);
  });

  it('a comment that keeps failing: the verdict stands, the retries back off, and the step fails saying what was not published', async () => {
    world.github.failNext({ method: 'POST', path: `${REPO}/issues/7/comments` }, faults.unavailable(5));
    const { io, sleeps, run } = await gate();
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(io.outputs.get('decision')).toBe('ship');
    expect(io.outputs.has('comment-url')).toBe(false);
    expect(world.artifacts.of(run, 'optimization-gate')).toBeDefined();
    expect(io.failed).toEqual([expect.stringMatching(/^optimization-gate: decision ship, but: comment on issue #7: /)]);
    expect(io.log.filter((l) => l.title === 'optimization-gate: not published').map((l) => l.message)).toEqual([expect.stringMatching(/^comment on issue #7: /)]);
  });

  it('a 403 reading the issue names the missing permission; nothing is measured', async () => {
    world.github.failNext({ method: 'GET', path: `${REPO}/issues/7` }, { status: 403, times: 1, body: { message: 'Resource not accessible by integration' } });
    const before = world.commands.started.length;
    const { io, sleeps } = await gate();
    expect(sleeps).toEqual([]);
    expect(io.failed).toEqual([
      'optimization-gate: GitHub API: reading issue #7 was refused (403 Resource not accessible by integration)\n' +
        '  - the token lacks a permission: give the job `issues: write` (issue comments), `pull-requests: write` (PR comments), `actions: read` (artifacts of other runs)\n' +
        '  - a pull request from a fork gets a read-only token whatever the workflow asks for',
    ]);
    expect(world.commands.started.length).toBe(before);
  });
});

describe('the artifact service and the summary failing', () => {
  it('upload fails: the verdict is published everywhere else, the step fails saying where the files are; post uploads them', async () => {
    world.artifacts.failures.upload.push(new Error('Failed to CreateArtifact: Unable to make request: ECONNREFUSED'));
    const main = await gate();
    const { io, outDir, run } = main;
    expect(io.outputs.get('decision')).toBe('ship');
    expect(io.outputs.has('artifact-id')).toBe(false);
    expect(io.failed).toEqual([
      `optimization-gate: decision ship, but: artifact upload failed: Failed to CreateArtifact: Unable to make request: ECONNREFUSED; the files are on the runner in ${outDir}`,
    ]);
    expect(world.github.comments(7).at(-1)?.body.split('\n')[0]).toMatch(/^### ✅ ship/);
    expect(io.state.get('completed')).toBe('true');
    expect(io.state.has('artifact-uploaded')).toBe(false);
    expect(world.artifacts.of(run, 'optimization-gate')).toBeUndefined();

    const post = await world.post(main);
    expect(post.failed).toEqual([]);
    const uploaded = world.artifacts.of(run, 'optimization-gate');
    expect(post.messages('info')).toEqual([`optimization-gate post: uploaded optimization-gate (id ${uploaded?.id}) with what was measured`]);
    expect([...(uploaded?.files.keys() ?? [])]).toEqual(expect.arrayContaining(['gate.json', 'report.md', 'candidate.yaml', 'baseline.samples.jsonl', 'run-info.json']));
  });

  it('post cannot upload either: it fails too, saying why', async () => {
    const main = await measure();
    world.artifacts.failures.upload.push(new Error('Failed to FinalizeArtifact: 503'));
    const post = await world.post(main, new Map([...main.io.state].filter(([name]) => name !== 'artifact-uploaded')));
    expect(post.failed).toEqual(['optimization-gate post: Failed to FinalizeArtifact: 503']);
  });

  it('a job summary that cannot be written is a fault, not a lost verdict', async () => {
    const io = new RecordingIO();
    io.summaryError = new Error('ENOSPC: no space left on device');
    const { outDir, run } = await world.main({ eventName: 'push', workspace: world.workspace(SLOW), inputs: { ...INPUTS, mode: 'measure', comment: 'none' }, io });
    expect(io.outputs.get('decision')).toBe('measured');
    expect(io.failed).toEqual(['optimization-gate: decision measured, but: job summary: ENOSPC: no space left on device']);
    expect(world.artifacts.of(run, 'optimization-gate')?.files.get('report.md')).toBe(readFileSync(join(outDir, 'report.md'), 'utf8'));
  });
});

describe('cancelled and timed-out runs', () => {
  it('a cancelled job: main stops the run and keeps what it measured; post reports and uploads it', async () => {
    world.hooks.onHang = () => world.cancel?.();
    let main;
    try {
      main = await measure({ ...SLOW, hang: true });
    } finally {
      world.hooks.onHang = undefined;
    }
    const { io, outDir, run } = main;
    const hung = world.commands.started.at(-1)?.process;
    // SIGTERM on cancel; once the root is gone, SIGKILL to whatever it left in its group.
    expect(hung?.signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(io.messages('warning')).toEqual(['received SIGTERM: stopping the measured commands; what was measured stays on disk and the post step uploads it']);
    expect(io.failed).toEqual(['optimization-gate: cancelled while measuring; the post step uploads what was measured']);
    expect(io.state.has('completed')).toBe(false);
    const profile = parseYaml(readFileSync(join(outDir, 'run.yaml'), 'utf8')) as { status: string; stages: Record<string, { wall_time_s: number }> };
    expect(profile.status).toBe('cancelled');
    expect(Object.fromEntries(Object.entries(profile.stages).map(([name, s]) => [name, s.wall_time_s]))).toEqual({ fetch: 0.05, transcribe: 0.5, summarize: 0.4 });

    const post = await world.post(main);
    expect(post.failed).toEqual([]);
    expect(post.messages('warning')).toEqual(['optimization-gate post: the main step did not complete; keeping what was measured']);
    const report = readFileSync(join(outDir, 'report.md'), 'utf8');
    expect(report.split('\n')[0]).toBe('### ❌ optimization-gate: no verdict — the job was cancelled or failed before the gate');
    expect(report).toContain('No run was interrupted mid-measurement.');
    expect(post.summary).toBe(report);
    expect([...(world.artifacts.of(run, 'optimization-gate')?.files.keys() ?? [])]).toEqual(expect.arrayContaining(['run.yaml', 'run.samples.jsonl', 'run.events.jsonl', 'report.md']));
  });

  it('post after a main step killed mid-run: rebuilds the interrupted profile from its samples and events, then uploads', async () => {
    const main = await measure();
    const { outDir, run } = main;
    // What a killed main leaves: samples without their end record, no profile, nothing uploaded.
    const samples = join(outDir, 'run.samples.jsonl');
    writeFileSync(
      samples,
      readFileSync(samples, 'utf8')
        .split('\n')
        .filter((l) => !l.includes('"type":"end"'))
        .join('\n'),
    );
    for (const file of ['run.yaml', 'run.stage_truth.json', 'report.md']) rmSync(join(outDir, file));
    const killed = new Map([
      ['output-dir', outDir],
      ['artifact-name', 'killed-run'],
      ['retention-days', '3'],
    ]);
    const post = await world.post(main, killed);
    expect(post.failed, post.text()).toEqual([]);
    const profile = parseYaml(readFileSync(join(outDir, 'run.yaml'), 'utf8')) as { status: string; stages: Record<string, { wall_time_s: number }> };
    expect(profile.status).toBe('cancelled');
    expect(Object.fromEntries(Object.entries(profile.stages).map(([name, s]) => [name, s.wall_time_s]))).toEqual({ fetch: 0.05, transcribe: 0.5, summarize: 0.4 });
    expect(readFileSync(join(outDir, 'report.md'), 'utf8')).toContain(`Partial profiles rebuilt from the samples on disk:\n- ${join(outDir, 'run.yaml')} (status cancelled,`);
    const artifact = world.artifacts.of(run, 'killed-run');
    expect(artifact?.retentionDays).toBe(3);
    expect([...(artifact?.files.keys() ?? [])]).toEqual(expect.arrayContaining(['run.yaml', 'run.stage_truth.json', 'report.md']));
  });

  it('a run over timeout-minutes is stopped (SIGKILL when SIGTERM is ignored), kept as timed_out, and fails the step', async () => {
    const { io, outDir } = await measure({ ...SLOW, hang: true, ignoreTerm: true }, { 'timeout-minutes': '0.05' });
    const hung = world.commands.started.at(-1)?.process;
    expect(hung?.signals).toEqual(['SIGTERM', 'SIGKILL', 'SIGKILL']);
    const truth = JSON.parse(readFileSync(join(outDir, 'run.stage_truth.json'), 'utf8')) as { status: string; signal: string; run_wall_s: number };
    // 3 s of timeout, then the 5 s grace before SIGKILL: virtual seconds, exactly.
    expect(truth).toMatchObject({ status: 'timed_out', signal: 'SIGKILL', run_wall_s: 8 });
    expect(io.failed).toEqual([expect.stringMatching(/^optimization-gate: decision measured, but: measured run failed: run 1: timed_out \(exit code SIGKILL\)/)]);
  });
});

describe('gate with a failed side', () => {
  it('a candidate whose pipeline fails is rejected with the reason, never judged on a partial run', async () => {
    const { io } = await world.main({
      eventName: 'issues',
      event: issuesEvent(world.github, 7),
      workspace: world.gitWorkspace(SLOW, { ...FAST, exit: 2 }),
      inputs: { ...INPUTS, 'issue-number': '7', baseline: 'ref:main', comment: 'none' },
    });
    expect(io.outputs.get('decision')).toBe('reject');
    expect(io.messages('error')).toEqual([
      'measured run failed: candidate candidate.yaml (status failed)',
      // The same words as with one side: each side's runs are its freezer's (src/measure/freezer.ts).
      'measured run failed: candidate: run 1: failed (exit code 2)',
      'measured run failed: candidate: measured run 1 did not complete (exit code 2)',
    ]);
    expect(io.failed).toEqual([expect.stringMatching(/^optimization-gate: decision reject \(fail-on: reject\)/)]);
  });
});
