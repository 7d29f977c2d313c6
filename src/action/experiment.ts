/**
 * The eval experiment of one side: the user's `experiment-command` (their own workflow config, run
 * with bash), whose `metrics.json` / `eval_pipeline_metrics.json` are copied beside the profile as
 * `<stem>.eval/`. The command exits 0 whatever the quality; only a non-zero exit is a failed run.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EVAL_METRICS_FILE, FINGERPRINT_FILE, PIPELINE_METRICS_FILE } from '../formats/eval-outputs.js';
import type { CommandRunner, ContainmentMode } from '../measure/index.js';

export interface ExperimentOptions {
  command: string;
  cwd: string;
  /** Where the command writes its outputs, relative to cwd. */
  outputDir: string;
  /** Where the outputs are kept for the gate and the artifact. */
  evalDir: string;
  env: Record<string, string>;
  timeoutS: number;
  signal: AbortSignal;
  log: (line: string) => void;
  /** How the command is held (default `auto`, see measure/containment.ts). */
  containment?: ContainmentMode;
}

export interface ExperimentResult {
  ok: boolean;
  /** Why the experiment does not count as a completed run. */
  failure?: string;
  evalDir: string;
  files: string[];
}

/** The eval outputs kept for a side: scores, pipeline cost, and the run's fingerprint (dataset, environment). */
const EVAL_FILES = [EVAL_METRICS_FILE, PIPELINE_METRICS_FILE, FINGERPRINT_FILE];

/**
 * Eval results produced outside the action (`experiment-output` without a command, e.g. the
 * pipeline's data/eval/runs/<run>/), copied as they are beside the profile, like an experiment's.
 */
export function copyEvalResults(source: string, evalDir: string): { files: string[]; failure?: string } {
  const present = EVAL_FILES.filter((name) => existsSync(join(source, name)));
  if (!present.includes(EVAL_METRICS_FILE) && !present.includes(PIPELINE_METRICS_FILE)) {
    return { files: [], failure: `experiment-output: no ${EVAL_METRICS_FILE} or ${PIPELINE_METRICS_FILE} in ${source} (no experiment-command ran to write them)` };
  }
  mkdirSync(evalDir, { recursive: true });
  for (const name of present) copyFileSync(join(source, name), join(evalDir, name));
  return { files: present.map((name) => join(evalDir, name)) };
}

export async function runExperiment(options: ExperimentOptions, runner: CommandRunner): Promise<ExperimentResult> {
  const started = Date.now();
  options.log(`experiment: bash -c <experiment-command> in ${options.cwd}`);
  const running = await runner.start({
    argv: ['bash', '-c', options.command],
    cwd: options.cwd,
    // The runner removes what only the action may hold (tokens, runtime URLs: measure/measured-env.ts).
    env: { ...process.env, ...options.env },
    output: 'inherit',
    containment: options.containment ?? 'auto',
  });
  const signalTree = (sig: NodeJS.Signals): void => (running.signalTree ? running.signalTree(sig) : running.signalGroup(sig));
  let stopped: 'timed out' | 'cancelled' | undefined;
  const stop = (why: 'timed out' | 'cancelled') => {
    stopped ??= why;
    signalTree('SIGTERM');
    setTimeout(() => signalTree('SIGKILL'), 5000).unref();
  };
  const timer = setTimeout(() => stop('timed out'), options.timeoutS * 1000);
  const onAbort = () => stop('cancelled');
  options.signal.addEventListener('abort', onAbort, { once: true });
  const exit = await running.exited;
  clearTimeout(timer);
  options.signal.removeEventListener('abort', onAbort);
  // Whatever it left running ends before its outputs are copied (nothing rewrites them afterwards).
  const end = await running.finish?.();
  if (end?.leftover) options.log(`experiment: ended ${end.leftover} process(es) it left running`);
  for (const problem of end?.problems ?? []) options.log(`experiment: warning: ${problem}`);
  options.log(`experiment: ended after ${((Date.now() - started) / 1000).toFixed(1)} s (${stopped ?? `exit code ${exit.exitCode ?? exit.signal}`})`);

  // Copy whatever was written, even after a failure: nothing measured is lost.
  const source = resolve(options.cwd, options.outputDir);
  mkdirSync(options.evalDir, { recursive: true });
  const files: string[] = [];
  const stale: string[] = [];
  for (const name of EVAL_FILES) {
    if (existsSync(join(source, name))) {
      // A self-hosted runner keeps its workspace: a file older than this run is a previous run's.
      if (statSync(join(source, name)).mtimeMs < started - 1000) {
        stale.push(name);
        continue;
      }
      copyFileSync(join(source, name), join(options.evalDir, name));
      files.push(join(options.evalDir, name));
    }
  }
  let failure: string | undefined;
  if (stopped) failure = `the experiment command was ${stopped}`;
  else if (exit.exitCode !== 0) failure = `the experiment command failed (${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.exitCode}`})`;
  else if (files.every((f) => f.endsWith(FINGERPRINT_FILE))) {
    failure = `the experiment command wrote neither ${EVAL_METRICS_FILE} nor ${PIPELINE_METRICS_FILE} in ${source}${stale.length > 0 ? ` (${stale.join(', ')} there predate this run)` : ''}`;
  }
  return { ok: failure === undefined, ...(failure ? { failure } : {}), evalDir: options.evalDir, files };
}
