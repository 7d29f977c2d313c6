/**
 * The runner side of the harness: the environment and inputs a step gets, running main then post
 * as child processes, the file commands and workflow commands they produce, state handed to post,
 * and cancellation the way the runner does it. Uses stand-in scripts, not the real dist.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN, annotations, decodeRuntimeToken, resolveNodeBinary, runAction, runStep, runnerEnv, type RunnerEnv, type RunnerEnvOptions } from '../fakes/index.js';

const MAIN = fileURLToPath(new URL('./scripts/stand-in-main.mjs', import.meta.url));
const POST = fileURLToPath(new URL('./scripts/stand-in-post.mjs', import.meta.url));
const RUN = { id: 14_000_000_777, backendId: '11111111-2222-3333-4444-555555555555', runNumber: 4, runAttempt: 2 };

describe('runner environment and child-process runs', () => {
  const made: RunnerEnv[] = [];
  function env(options: Partial<RunnerEnvOptions> = {}): RunnerEnv {
    const runner = runnerEnv({
      githubApiUrl: 'http://127.0.0.1:9',
      resultsUrl: 'http://127.0.0.1:9',
      repository: 'acme/podcast-pipeline',
      run: RUN,
      eventName: 'issues',
      event: { action: 'opened', issue: { number: 7 } },
      ...options,
    });
    made.push(runner);
    return runner;
  }
  afterEach(() => {
    for (const runner of made.splice(0)) runner.cleanup();
  });

  it('sets the runner variables, the runtime token and the inputs with action.yml defaults', () => {
    const runner = env({ inputs: { 'issue-number': '7', 'fail-on': 'iterate' } });
    const e = runner.env;
    expect(e).toMatchObject({
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/podcast-pipeline',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_RUN_ID: String(RUN.id),
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_REF: 'refs/heads/main',
      RUNNER_ENVIRONMENT: 'self-hosted',
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
      'INPUT_ISSUE-NUMBER': '7',
      'INPUT_FAIL-ON': 'iterate',
      INPUT_MODE: 'gate',
      INPUT_TOKEN: DEFAULT_TOKEN,
      'INPUT_EXPERIMENT-COMMAND': '',
      INPUT_WARMUP: '1',
    });
    expect(decodeRuntimeToken(e.ACTIONS_RUNTIME_TOKEN)?.runBackendId).toBe(RUN.backendId);
    expect(JSON.parse(readFileSync(e.GITHUB_EVENT_PATH!, 'utf8'))).toEqual({ action: 'opened', issue: { number: 7 } });
    expect(() => env({ inputs: { issue_number: '7' } })).toThrow(/not declared in action.yml: issue_number/);
  });

  it('derives the PR refs from a pull_request event', () => {
    const runner = env({
      eventName: 'pull_request',
      event: { number: 12, pull_request: { number: 12, head: { ref: 'opt/batch-asr' }, base: { ref: 'main' } } },
    });
    expect(runner.env).toMatchObject({ GITHUB_REF: 'refs/pull/12/merge', GITHUB_HEAD_REF: 'opt/batch-asr', GITHUB_BASE_REF: 'main' });
  });

  it('keeps at most 10 annotations of a type per step and drops a summary over 1 MiB, as the runner does', async () => {
    const runner = env();
    const main = await runStep({ runner, entry: MAIN, env: { FAKE_MODE: 'flood' } });
    expect(annotations(main.commands).filter((c) => c.command === 'error')).toHaveLength(13);
    const shownErrors = main.shown.filter((c) => c.command === 'error').map((c) => c.message);
    expect(shownErrors).toEqual(Array.from({ length: 10 }, (_, i) => `threshold ${i + 1} failed`));
    // The final decision and the runner's own complaint about the summary are among the dropped.
    expect(shownErrors).not.toContain('decision reject');
    expect(main.shown.filter((c) => c.command === 'warning')).toHaveLength(1);
    expect(main.summaryBytes).toBe(1024 * 1024 + 10);
    expect(main.summaryShown).toBe(false);
  });

  it('runs main then post: outputs, state → STATE_, summary, env, path and workflow commands', async () => {
    const runner = env({ inputs: { 'issue-number': '7' } });
    const { main, post } = await runAction({ runner, main: MAIN, post: POST });

    expect(main.exitCode).toBe(1);
    expect(main.outputs).toEqual({ decision: 'reject', report: 'line 1\nline 2' });
    expect(main.state).toEqual({ 'started-at': '1700000000', note: 'multi\nline' });
    expect(main.env).toEqual({ OG_EXPORTED: 'yes' });
    expect(main.path).toEqual(['/opt/og/bin']);
    expect(main.summary).toContain('<h1>Gate: reject</h1>');
    expect(main.masks).toEqual([DEFAULT_TOKEN]);
    expect(main.stdout).toContain('mode=gate issue=7 event-issue=7');
    expect(main.commands.map((c) => c.command)).toEqual(['add-mask', 'group', 'endgroup', 'debug', 'warning', 'error', 'error']);
    expect(annotations(main.commands)[1]).toEqual({
      command: 'error',
      properties: { title: 'a, b: c', file: '.github/issue-7.md', line: '5', col: '2' },
      message: 'threshold line 5: expected OP, got "=<"',
      line: expect.any(Number) as unknown,
    });
    expect(main.commands.at(-1)?.message).toBe('gate: reject');

    expect(post?.exitCode).toBe(0);
    expect(post?.stdout).toContain('post sees started-at=1700000000 cancelled=no');
    expect(post?.summary).toBe('note="multi\\nline"');
    expect(main.node.path).toBe(resolveNodeBinary().path);
  });

  it('cancels main with SIGINT when a line appears; post still runs with the state saved so far', async () => {
    const runner = env();
    const { main, post } = await runAction({ runner, main: MAIN, post: POST, env: { FAKE_MODE: 'wait' }, cancel: { whenLine: 'ready' } });
    expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(main.exitCode).toBe(1);
    expect(main.state.cancelled).toBe('SIGINT');
    expect(annotations(main.commands).map((c) => c.message)).toEqual(['cancelled while measuring']);
    expect(post?.stdout).toContain('cancelled=SIGINT');
  });

  it('escalates to SIGTERM like the runner when SIGINT is ignored, signals after a delay, and kills on timeout', async () => {
    const runner = env();
    const stubborn = await runStep({ runner, entry: MAIN, env: { FAKE_MODE: 'stubborn' }, cancel: { whenLine: 'ready', escalate: true, escalateAfterMs: 300 } });
    expect(stubborn.signalsSent.map((s) => s.signal)).toEqual(['SIGINT', 'SIGTERM']);
    expect(stubborn.exitCode).toBe(143);
    expect(stubborn.stdout).toContain('ignoring SIGINT');

    const timed = await runStep({ runner, entry: MAIN, env: { FAKE_MODE: 'stubborn' }, cancel: { signal: 'SIGTERM', afterMs: 300 } });
    expect(timed.signalsSent).toEqual([{ signal: 'SIGTERM', atMs: expect.any(Number) as unknown }]);
    expect(timed.signalsSent[0]!.atMs).toBeGreaterThanOrEqual(300);
    // Handled (143) once the script installed its handler; killed by the signal if it came earlier.
    expect(timed.exitCode === 143 || timed.signal === 'SIGTERM').toBe(true);

    const hung = await runStep({ runner, entry: MAIN, env: { FAKE_MODE: 'stubborn' }, timeoutMs: 500 });
    expect(hung).toMatchObject({ timedOut: true, signal: 'SIGKILL', exitCode: null });
  });
});
