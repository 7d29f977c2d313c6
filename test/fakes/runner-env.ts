/**
 * The environment a GitHub runner gives a JavaScript action step: GITHUB_* / RUNNER_* / ACTIONS_*
 * variables, the event payload file, fresh file-command files per step, and `INPUT_<NAME>` for the
 * inputs with action.yml's defaults applied (as the runner does, `${{ github.token }}` included).
 * Also the readers of what a step wrote: outputs, state (→ `STATE_<name>` for the post step),
 * summary, env and path files.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { makeRuntimeToken } from './runtime-token.js';

export const ACTION_YML = fileURLToPath(new URL('../../action.yml', import.meta.url));
export const DEFAULT_TOKEN = 'ghs_fakeInstallationToken0000000000000000';

export interface RunnerEnvOptions {
  githubApiUrl: string;
  resultsUrl: string;
  /** `owner/name` */
  repository: string;
  repositoryId?: number;
  run: { id: number; backendId: string; runNumber?: number; runAttempt?: number; name?: string; workflowPath?: string };
  jobBackendId?: string;
  job?: string;
  eventName: string;
  event?: Record<string, unknown>;
  sha?: string;
  /** Default: `refs/pull/<n>/merge` for pull_request events, else `refs/heads/main`. */
  ref?: string;
  /** For pull_request events; default: the event's `pull_request.head.ref` / `base.ref`. */
  headRef?: string;
  baseRef?: string;
  actor?: string;
  /** Inputs by their action.yml name (`issue-number`); unknown names are refused. */
  inputs?: Record<string, string>;
  actionYml?: string;
  token?: string;
  /** Default: a fresh temp directory. */
  workspace?: string;
  runnerName?: string;
  debug?: boolean;
  /** Added last (overrides); a value of undefined removes a variable. */
  extraEnv?: Record<string, string | undefined>;
}

export interface StepFiles {
  output: string;
  state: string;
  summary: string;
  env: string;
  path: string;
}

export interface StepEnv {
  env: Record<string, string>;
  files: StepFiles;
}

export interface StepFileContents {
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  env: Record<string, string>;
  path: string[];
}

export interface RunnerEnv {
  /** The job-level environment (no step files): what every step of the job shares. */
  env: Record<string, string>;
  root: string;
  workspace: string;
  eventPath: string;
  token: string;
  runtimeToken: string;
  /** A step's environment with fresh file-command files, and `STATE_<name>` for a post step. */
  stepEnv(options?: { state?: Record<string, string> }): StepEnv;
  cleanup(): void;
}

/** Host variables a step needs to find tools (tar, zstd, git …); everything else starts clean. */
const INHERITED = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SHELL'];

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

interface ActionInput {
  default?: unknown;
}

function readActionInputs(path: string): Record<string, ActionInput> {
  const doc = parseYaml(readFileSync(path, 'utf8')) as { inputs?: Record<string, ActionInput | null> } | null;
  const inputs: Record<string, ActionInput> = {};
  for (const [name, spec] of Object.entries(doc?.inputs ?? {})) inputs[name] = spec ?? {};
  return inputs;
}

function scalarDefault(name: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`runner-env: action.yml input ${name} has a non-scalar default`);
}

/** Evaluates the `${{ github.<path> }}` expressions a default may hold; anything else is refused. */
export function evaluateDefault(value: string, github: Record<string, unknown>): string {
  return value.replace(/\$\{\{(.*?)\}\}/g, (_whole, inner: string) => {
    const expression = inner.trim();
    const path = expression.split('.');
    if (path[0] !== 'github' || path.length < 2 || !path.every((p) => /^[\w-]+$/.test(p))) {
      throw new Error(`runner-env: unsupported expression in an action.yml default: \${{ ${expression} }}`);
    }
    let current: unknown = github;
    for (const key of path.slice(1)) current = (current as Record<string, unknown> | undefined)?.[key];
    if (typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean') return String(current);
    return current === undefined || current === null ? '' : JSON.stringify(current);
  });
}

export function runnerEnv(options: RunnerEnvOptions): RunnerEnv {
  // Checked before anything is written, so a refused call leaves no temp dir behind.
  const declared = readActionInputs(options.actionYml ?? ACTION_YML);
  const given = options.inputs ?? {};
  const unknown = Object.keys(given).filter((name) => !(name in declared));
  if (unknown.length > 0) {
    // The runner only warns; a test refuses, since a misspelt input would silently test the default.
    throw new Error(`runner-env: inputs not declared in action.yml: ${unknown.join(', ')}`);
  }
  const root = mkdtempSync(join(tmpdir(), 'og-runner-'));
  const workspace = options.workspace ?? join(root, 'workspace');
  const temp = join(root, 'temp');
  const commands = join(temp, '_runner_file_commands');
  for (const dir of [workspace, temp, commands, join(root, 'tool-cache')]) mkdirSync(dir, { recursive: true });

  const [owner] = options.repository.split('/');
  const event = options.event ?? {};
  const eventPath = join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event, null, 2));

  const isPull = options.eventName.startsWith('pull_request');
  const pull = event.pull_request as { number?: number; head?: { ref?: string }; base?: { ref?: string } } | undefined;
  const pullNumber = pull?.number ?? (event.number as number | undefined);
  const ref = options.ref ?? (isPull && pullNumber !== undefined ? `refs/pull/${pullNumber}/merge` : 'refs/heads/main');
  const token = options.token ?? DEFAULT_TOKEN;
  const jobBackendId = options.jobBackendId ?? randomUUID();
  const runtimeToken = makeRuntimeToken({ runBackendId: options.run.backendId, jobBackendId });
  const sha = options.sha ?? 'c'.repeat(40);
  const actor = options.actor ?? 'octocat';
  const workflowPath = options.run.workflowPath ?? '.github/workflows/optimization-gate.yml';

  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__self',
    GITHUB_ACTION_REPOSITORY: '',
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_API_URL: options.githubApiUrl,
    GITHUB_GRAPHQL_URL: `${options.githubApiUrl}/graphql`,
    // Must stay github.com: the artifact and cache clients treat any other host as GHES and refuse.
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_ID: String(options.repositoryId ?? 700_000_001),
    GITHUB_REPOSITORY_OWNER: owner ?? '',
    GITHUB_REPOSITORY_OWNER_ID: '9919',
    GITHUB_WORKSPACE: workspace,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_HEAD_REF: isPull ? (options.headRef ?? pull?.head?.ref ?? '') : '',
    GITHUB_BASE_REF: isPull ? (options.baseRef ?? pull?.base?.ref ?? '') : '',
    GITHUB_RUN_ID: String(options.run.id),
    GITHUB_RUN_NUMBER: String(options.run.runNumber ?? 1),
    GITHUB_RUN_ATTEMPT: String(options.run.runAttempt ?? 1),
    GITHUB_JOB: options.job ?? 'gate',
    GITHUB_WORKFLOW: options.run.name ?? 'optimization-gate',
    GITHUB_WORKFLOW_REF: `${options.repository}/${workflowPath}@${ref}`,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_NAME: options.runnerName ?? 'fake-self-hosted-1',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'self-hosted',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: join(root, 'tool-cache'),
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    ACTIONS_RUNTIME_URL: `${options.resultsUrl}/`,
    ACTIONS_RESULTS_URL: `${options.resultsUrl}/`,
    ACTIONS_CACHE_URL: `${options.resultsUrl}/`,
    ACTIONS_CACHE_SERVICE_V2: 'true',
  });
  if (options.debug === true) {
    env.RUNNER_DEBUG = '1';
    env.ACTIONS_STEP_DEBUG = 'true';
  }

  const githubContext: Record<string, unknown> = {
    token,
    repository: options.repository,
    repository_owner: owner,
    event_name: options.eventName,
    event,
    sha,
    ref,
    ref_name: env.GITHUB_REF_NAME,
    head_ref: env.GITHUB_HEAD_REF,
    base_ref: env.GITHUB_BASE_REF,
    run_id: options.run.id,
    run_number: options.run.runNumber ?? 1,
    run_attempt: options.run.runAttempt ?? 1,
    workspace,
    actor,
    job: env.GITHUB_JOB,
    workflow: env.GITHUB_WORKFLOW,
    server_url: env.GITHUB_SERVER_URL,
    api_url: env.GITHUB_API_URL,
  };
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name] ?? (spec.default === undefined ? undefined : evaluateDefault(scalarDefault(name, spec.default), githubContext));
    if (value !== undefined) env[inputEnvName(name)] = value;
  }
  for (const [name, value] of Object.entries(options.extraEnv ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  return {
    env,
    root,
    workspace,
    eventPath,
    token,
    runtimeToken,
    stepEnv(step = {}) {
      const id = randomUUID();
      const files: StepFiles = {
        output: join(commands, `set_output_${id}`),
        state: join(commands, `save_state_${id}`),
        summary: join(commands, `step_summary_${id}`),
        env: join(commands, `set_env_${id}`),
        path: join(commands, `add_path_${id}`),
      };
      for (const file of [files.output, files.state, files.summary, files.env, files.path]) writeFileSync(file, '');
      const stepEnv: Record<string, string> = {
        ...env,
        GITHUB_OUTPUT: files.output,
        GITHUB_STATE: files.state,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_ENV: files.env,
        GITHUB_PATH: files.path,
      };
      for (const [name, value] of Object.entries(step.state ?? {})) stepEnv[`STATE_${name}`] = value;
      return { env: stepEnv, files };
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Parses a file-command file (`name=value` lines and `name<<DELIMITER` heredocs) as the runner does. */
export function parseFileCommand(content: string, file = 'file command'): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc >= 0 && (equals < 0 || heredoc < equals)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') throw new Error(`${file}:${i + 1}: invalid heredoc line: ${line}`);
      const end = lines.indexOf(delimiter, i + 1);
      if (end < 0) throw new Error(`${file}:${i + 1}: no closing delimiter ${delimiter} for ${name}`);
      values[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`${file}:${i + 1}: invalid line: ${line}`);
    }
  }
  return values;
}

export function readStepFiles(files: StepFiles): StepFileContents {
  const read = (path: string): string => readFileSync(path, 'utf8');
  return {
    outputs: parseFileCommand(read(files.output), files.output),
    state: parseFileCommand(read(files.state), files.state),
    summary: read(files.summary),
    env: parseFileCommand(read(files.env), files.env),
    path: read(files.path)
      .split(/\r?\n/)
      .filter((line) => line !== ''),
  };
}
