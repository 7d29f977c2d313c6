/**
 * Runs the bundled action like a runner: `node dist/main.js` as a child process with the runner
 * environment (cwd = workspace), then `node dist/post.js` with the state main saved (post-if:
 * always()). Captures output, workflow commands, file commands, exit status and duration, and can
 * cancel a step the way the runner does (SIGINT, then SIGTERM after 7.5 s, then SIGKILL after
 * 2.5 s more), after a delay or when a given line appears.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeForAction, type NodeBinary } from './node-binary.js';
import { readStepFiles, type RunnerEnv, type StepFileContents } from './runner-env.js';
import { annotations, parseWorkflowCommands, shownAnnotations, type WorkflowCommand } from './workflow-commands.js';

/** The runner uploads a step summary of at most 1 MiB (FileCommandManager.AttachmentSizeLimit); a larger one is dropped. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export const DIST_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
/** Only catches a hang: a busy machine stretches a measured step to minutes, and no assertion depends on it. */
export const DEFAULT_STEP_TIMEOUT_MS = 150_000;
export const DIST_POST = fileURLToPath(new URL('../../dist/post.js', import.meta.url));

export interface CancelSpec {
  /** First signal (the runner sends SIGINT). */
  signal?: 'SIGINT' | 'SIGTERM';
  /** Send it this long after the start, or after `whenLine` appeared. */
  afterMs?: number;
  /** Send it once a stdout/stderr line contains this text or matches this RegExp. */
  whenLine?: string | RegExp;
  /** Escalate like the runner: SIGTERM after `escalateAfterMs` (7.5 s), SIGKILL 2.5 s later. */
  escalate?: boolean;
  escalateAfterMs?: number;
}

export interface RunStepOptions {
  runner: RunnerEnv;
  /** `main`, `post` or a path to any script. */
  entry?: 'main' | 'post' | (string & {});
  /** State handed to the step as `STATE_<name>` (what main saved, for post). */
  state?: Record<string, string>;
  /** Extra environment for this step only. */
  env?: Record<string, string>;
  cancel?: CancelSpec;
  /** Hard limit: SIGKILL and `timedOut: true` (default 150 s, under the 180 s vitest test timeout, so a hung step reports its output). */
  timeoutMs?: number;
  /** Default: the workspace, as the runner does. */
  cwd?: string;
  /** Default: Node 24 when installed (see node-binary.ts). */
  node?: NodeBinary;
}

export interface StepResult extends StepFileContents {
  entry: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  /** Values registered with `::add-mask::`. */
  masks: string[];
  durationMs: number;
  timedOut: boolean;
  /** Signals sent, with ms since start. */
  signalsSent: { signal: NodeJS.Signals; atMs: number }[];
  node: NodeBinary;
  /**
   * The annotations the run shows, as the runner keeps them: at most 10 of each type per step,
   * including the runner's own error for a summary over 1 MiB.
   */
  shown: WorkflowCommand[];
  /** The summary file's size in bytes; over 1 MiB the runner drops it (`summary` is then what the file held). */
  summaryBytes: number;
  /** Whether the runner would show the summary (non-empty, at most 1 MiB). */
  summaryShown: boolean;
}

function scriptFor(entry: string): string {
  if (entry === 'main') return DIST_MAIN;
  if (entry === 'post') return DIST_POST;
  return entry;
}

export async function runStep(options: RunStepOptions): Promise<StepResult> {
  const entry = options.entry ?? 'main';
  const node = options.node ?? nodeForAction();
  const step = options.runner.stepEnv({ state: options.state });
  const started = Date.now();
  const child = spawn(node.path, [scriptFor(entry)], {
    cwd: options.cwd ?? options.runner.workspace,
    env: { ...step.env, ...(options.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test that times out first must not leave the step running after the test process.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  const signalsSent: StepResult['signalsSent'] = [];
  const timers: NodeJS.Timeout[] = [];
  const send = (signal: NodeJS.Signals): void => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalsSent.push({ signal, atMs: Date.now() - started });
    child.kill(signal);
  };

  const cancel = options.cancel;
  let cancelArmed = false;
  const armCancel = (): void => {
    if (cancel === undefined || cancelArmed) return;
    cancelArmed = true;
    timers.push(
      setTimeout(() => {
        send(cancel.signal ?? 'SIGINT');
        if (cancel.escalate === true) {
          timers.push(setTimeout(() => send('SIGTERM'), cancel.escalateAfterMs ?? 7_500));
          timers.push(setTimeout(() => send('SIGKILL'), (cancel.escalateAfterMs ?? 7_500) + 2_500));
        }
      }, cancel.afterMs ?? 0),
    );
  };
  if (cancel !== undefined && cancel.whenLine === undefined) armCancel();
  const watch = (text: string): void => {
    const wanted = cancel?.whenLine;
    if (wanted === undefined || cancelArmed) return;
    if (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)) armCancel();
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    watch(stdout);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    watch(stderr);
  });
  timers.push(
    setTimeout(() => {
      timedOut = true;
      send('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS),
  );

  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, sig) => resolve([code, sig]));
  });
  for (const timer of timers) clearTimeout(timer);
  process.off('exit', killOnExit);
  const commands = parseWorkflowCommands(stdout);
  const files = readStepFiles(step.files);
  const summaryBytes = Buffer.byteLength(files.summary);
  const runnerIssues: WorkflowCommand[] =
    summaryBytes > SUMMARY_LIMIT_BYTES
      ? [
          {
            command: 'error',
            properties: {},
            line: -1,
            message: `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${SUMMARY_LIMIT_BYTES / 1024}k, got ${Math.floor(summaryBytes / 1024)}k. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary`,
          },
        ]
      : [];
  return {
    entry,
    exitCode,
    signal,
    stdout,
    stderr,
    commands,
    masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
    durationMs: Date.now() - started,
    timedOut,
    signalsSent,
    node,
    ...files,
    shown: shownAnnotations([...annotations(commands), ...runnerIssues]),
    summaryBytes,
    summaryShown: summaryBytes > 0 && summaryBytes <= SUMMARY_LIMIT_BYTES,
  };
}

export interface RunActionOptions extends Omit<RunStepOptions, 'entry' | 'state'> {
  /** Default: dist/main.js and dist/post.js. */
  main?: string;
  post?: string | false;
  /** Options of the post step (cancel, env, timeout); it always runs, like `post-if: always()`. */
  postOptions?: Omit<RunStepOptions, 'runner' | 'entry' | 'state'>;
}

export interface ActionResult {
  main: StepResult;
  post: StepResult | undefined;
}

/** Main, then post with main's saved state as `STATE_<name>` (whatever main's outcome). */
export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const { main: mainEntry, post: postEntry, postOptions, ...stepOptions } = options;
  const main = await runStep({ ...stepOptions, entry: mainEntry ?? 'main' });
  if (postEntry === false) return { main, post: undefined };
  const post = await runStep({
    runner: options.runner,
    node: options.node,
    cwd: options.cwd,
    ...(postOptions ?? {}),
    entry: postEntry ?? 'post',
    state: main.state,
  });
  return { main, post };
}
