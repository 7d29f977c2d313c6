/**
 * The shell steps of setup-pipeline/action.yml, run for real with bash the way the runner runs them
 * (`bash --noprofile --norc -eo pipefail`), against temporary GITHUB_ENV / GITHUB_OUTPUT / GITHUB_PATH files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, asMap, parseYamlFile, stepsOf } from './yaml-file.js';

const action = parseYamlFile('setup-pipeline/action.yml', 'action', readFileSync(join(REPO_ROOT, 'setup-pipeline/action.yml'), 'utf8'));

function script(stepName: string): string {
  const step = stepsOf(action).find((s) => s.step.name === stepName)?.step;
  if (typeof step?.run !== 'string') throw new Error(`setup-pipeline/action.yml has no run step "${stepName}"`);
  return step.run;
}

let workspace: string;
let files: { env: string; output: string; path: string };

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'og-setup-'));
  files = { env: join(workspace, '.env'), output: join(workspace, '.output'), path: join(workspace, '.path') };
  for (const f of Object.values(files)) writeFileSync(f, '');
});

afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
});

/**
 * Runs a command to its end without blocking the event loop: creating a venv takes a minute on a
 * busy machine, and a worker blocked that long misses vitest's own RPC deadlines.
 */
function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function runStep(stepName: string, env: Record<string, string>, cwd = workspace) {
  return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script(stepName)], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ENV: files.env,
      GITHUB_OUTPUT: files.output,
      GITHUB_PATH: files.path,
      ...env,
    },
  });
}

/** Parses the `NAME<<DELIM` … `DELIM` and `NAME=value` forms the runner reads from GITHUB_ENV / GITHUB_OUTPUT. */
function readCommandFile(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

describe('setup-pipeline: interpreter identity (part of the venv cache key)', () => {
  it('names the Python version and a hash of the interpreter path', async () => {
    const r = await runStep('Identify the interpreter', {});
    expect(r.status).toBe(0);
    const out = readCommandFile(files.output);
    const version = (await run('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { cwd: workspace })).stdout.trim();
    expect(out.id).toMatch(new RegExp(`^py${version.replace(/\./g, '\\.')}-[0-9a-f]{10}$`));
    expect(out.python).toMatch(/python3$/);
  });
});

describe('setup-pipeline: virtualenv', () => {
  // A real venv (with pip): minutes on a busy machine.
  it('creates the venv once, then reuses it, and puts it first on PATH', { timeout: 600_000 }, async () => {
    const first = await runStep('Create and activate the virtualenv', { VENV: '.venv' });
    expect(first.status, first.stderr).toBe(0);
    const venv = join(workspace, '.venv');
    expect(existsSync(join(venv, 'bin', 'python'))).toBe(true);
    expect(readFileSync(files.path, 'utf8')).toBe(`${venv}/bin\n`);
    expect(readCommandFile(files.env).VIRTUAL_ENV).toBe(venv);
    expect(readCommandFile(files.output).python).toBe(`${venv}/bin/python`);

    // A restored venv (cache hit) is kept as it is.
    writeFileSync(join(venv, 'restored-marker'), 'x');
    const second = await runStep('Create and activate the virtualenv', { VENV: '.venv' });
    expect(second.status, second.stderr).toBe(0);
    expect(existsSync(join(venv, 'restored-marker'))).toBe(true);
  });
});

describe('setup-pipeline: export-env', () => {
  it('exports NAME=value lines, keeps = in values, skips comments and blanks, masks every value', async () => {
    const r = await runStep("Export the pipeline's environment", {
      EXPORT_ENV: 'OPENAI_API_KEY=sk-test-123\r\n# a comment\n\nURL=https://x.test/?a=b\nEMPTY=\nLAST=no-newline',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readCommandFile(files.env)).toEqual({
      OPENAI_API_KEY: 'sk-test-123',
      URL: 'https://x.test/?a=b',
      EMPTY: '',
      LAST: 'no-newline',
    });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'))).toEqual(['::add-mask::sk-test-123', '::add-mask::https://x.test/?a=b', '::add-mask::no-newline']);
    // The secret never appears outside a mask command.
    expect(r.stdout.replace(/::add-mask::.*/g, '')).not.toContain('sk-test-123');
  });

  it.each([
    ['a line without =', 'JUST_A_NAME'],
    ['a name that is not a variable name', '1BAD=x'],
    ['a name with a space', 'MY KEY=x'],
  ])('refuses %s and says what was expected, without printing the value', async (_what, line) => {
    const r = await runStep("Export the pipeline's environment", { EXPORT_ENV: `GOOD=1\n${line}` });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/::error title=optimization-gate setup-pipeline::export-env: expected NAME=value lines/);
    expect(r.stdout).not.toContain(line);
  });
});

describe('setup-pipeline: install command', () => {
  it('runs the command with bash in the working directory, with the venv first on PATH', async () => {
    mkdirSync(join(workspace, 'sub'));
    const r = await runStep('Install the pipeline', { INSTALL_COMMAND: 'pwd > where.txt && echo "$((6 * 7))" >> where.txt' }, join(workspace, 'sub'));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(workspace, 'sub', 'where.txt'), 'utf8').split('\n')).toEqual([join(workspace, 'sub'), '42', '']);
  });

  it('fails when any part of the command fails, including inside a pipe', async () => {
    expect((await runStep('Install the pipeline', { INSTALL_COMMAND: 'false; echo after' })).status).not.toBe(0);
    expect((await runStep('Install the pipeline', { INSTALL_COMMAND: 'false | cat' })).status).not.toBe(0);
  });

  it('treats the command as text: shell syntax in it runs once, as the caller wrote it', async () => {
    const r = await runStep('Install the pipeline', { INSTALL_COMMAND: 'echo "$INSTALL_COMMAND" | wc -l' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('1');
  });
});

it('every run step of setup-pipeline is exercised here', () => {
  const named = stepsOf(action)
    .filter((s) => typeof s.step.run === 'string')
    .map((s) => s.step.name);
  expect(named).toEqual(['Identify the interpreter', 'Create and activate the virtualenv', "Export the pipeline's environment", 'Install the pipeline']);
  expect(asMap(asMap(action.data)?.runs)?.using).toBe('composite');
});
