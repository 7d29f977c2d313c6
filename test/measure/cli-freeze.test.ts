import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/index.js';
import { checkFrozenProfile, runExternalFreeze } from '../../src/measure/external.js';
import { InputFileError } from '../../src/errors.js';
import { STAGED_PROFILE } from '../helpers/fixtures.js';

function captureStderr(): { text: () => string } {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  return { text: () => lines.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

const dir = (): string => mkdtempSync(join(tmpdir(), 'og-cli-'));

/** A python one-liner that copies the staged fixture (profile + stage_truth) to $OPTIMIZATION_GATE_PROFILE. */
function copyFixture(options: { truth?: boolean; breakKey?: string } = {}): string[] {
  const src = STAGED_PROFILE.replace(/\.yaml$/, '');
  const lines = ['import os, shutil, json', 'out = os.environ["OPTIMIZATION_GATE_PROFILE"]', `shutil.copy(${JSON.stringify(`${src}.yaml`)}, out)`];
  if (options.truth !== false) {
    lines.push(`t = json.load(open(${JSON.stringify(`${src}.stage_truth.json`)}))`);
    if (options.breakKey) lines.push(`t[${JSON.stringify(options.breakKey)}] = "oops"`);
    lines.push('json.dump(t, open(out[:-5] + ".stage_truth.json", "w"))');
  }
  return ['python3', '-c', lines.join('\n')];
}

describe('optimization-gate freeze (CLI)', () => {
  it('exits 2 with the usage when --output is missing', async () => {
    const err = captureStderr();
    expect(await runCli(['freeze', '--version', 'v', '--', 'true'])).toBe(2);
    expect(err.text()).toMatch(/--output is required[\s\S]*usage: optimization-gate freeze/);
  });

  it('exits 2 naming the bad option values', async () => {
    const err = captureStderr();
    const out = join(dir(), 'p.yaml');
    expect(await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', out, '--stages', 'psutil', '--', 'true'])).toBe(2);
    expect(err.text()).toMatch(/--stages: expected auto, events/);
    expect(await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', out, '--sample-interval', '0', '--', 'true'])).toBe(2);
    expect(err.text()).toMatch(/--sample-interval expects a number >= 0.02, got "0"/);
  });

  it('exits 2 naming an output it cannot write, before starting anything', async () => {
    const err = captureStderr();
    const blocked = join(dir(), 'file');
    writeFileSync(blocked, '');
    expect(await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', join(blocked, 'p.yaml'), '--warmup', '0', '--', 'sleep', '30'])).toBe(2);
    expect(err.text()).toMatch(/cannot write .*file\/p\.events\.jsonl \(E(NOTDIR|EXIST)\)/);
  });

  it('exits 2 when the command cannot be started', async () => {
    const err = captureStderr();
    const out = join(dir(), 'p.yaml');
    expect(await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', out, '--warmup', '0', '--', 'no-such-command-og'])).toBe(2);
    expect(err.text()).toMatch(/cannot start the command "no-such-command-og": not found/);
  });

  it('exits 1 on a failing command, after writing the profile marked failed', async () => {
    const err = captureStderr();
    const out = join(dir(), 'p.yaml');
    const code = await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', out, '--warmup', '0', '--sample-interval', '0.05', '--', 'python3', '-c', 'import sys; sys.exit(4)']);
    expect(code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^status: failed$/m);
    expect(err.text()).toMatch(/failed: measured run 1 did not complete \(exit code 4\)/);
  });

  it('exits 1 on a command that crashes (killed by a signal), the profile recording the signal', async () => {
    captureStderr();
    const out = join(dir(), 'crash.yaml');
    const code = await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', out, '--warmup', '0', '--', 'python3', '-c', 'import os, signal; os.kill(os.getpid(), signal.SIGSEGV)']);
    expect(code).toBe(1);
    const truth = JSON.parse(readFileSync(out.replace(/\.yaml$/, '.stage_truth.json'), 'utf8')) as Record<string, unknown>;
    expect(truth).toMatchObject({ status: 'failed', exit_code: null, signal: 'SIGSEGV' });
  });

  it('on SIGINT stops the command tree, still writes what it measured, and exits 1', async () => {
    const err = captureStderr();
    const out = join(dir(), 'interrupted.yaml');
    const running = runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', out, '--warmup', '0', '--sample-interval', '0.05', '--', 'sleep', '30']);
    // Interrupt once a few samples are on disk (a condition, not a guess at how fast this machine is).
    const samplesPath = out.replace(/\.yaml$/, '.samples.jsonl');
    const sampled = () =>
      existsSync(samplesPath)
        ? readFileSync(samplesPath, 'utf8')
            .split('\n')
            .filter((l) => l.includes('"type":"sample"')).length
        : 0;
    while (sampled() < 4) await new Promise((resolve) => setTimeout(resolve, 50));
    process.emit('SIGINT', 'SIGINT');
    expect(await running).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^status: cancelled$/m);
    expect(readFileSync(out.replace(/\.yaml$/, '.samples.jsonl'), 'utf8').split('\n').length).toBeGreaterThan(5);
    expect(err.text()).toMatch(/SIGINT: stopping the command's process tree/);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('exits 0 and prints what it wrote with a per-stage table', async () => {
    const err = captureStderr();
    const out = join(dir(), 'ok.yaml');
    const code = await runCli(['freeze', '--version', 'v', '--dataset-id', 'd', '--output', out, '--warmup', '0', '--stages', 'none', '--', 'python3', '-c', 'pass']);
    expect(code).toBe(0);
    expect(err.text()).toMatch(/wrote:[\s\S]*ok\.yaml[\s\S]*ok\.stage_truth\.json[\s\S]*ok\.samples\.jsonl[\s\S]*\n {2}run {20}/);
  });
});

describe('external mode', () => {
  it("runs the project's freeze command and validates the profile + stage_truth it wrote", async () => {
    const out = join(dir(), 'ext.yaml');
    const result = await runExternalFreeze({ command: copyFixture(), output: out, version: 'issue477-staged-gpt4o', commandOutput: 'ignore' });
    expect(result.profile.release).toBe('issue477-staged-gpt4o');
    expect(result.truth?.parallelism_hint_ratio).toBe(2.5805);
    expect(result.warnings).toEqual([]);
  });

  it('accepts a profile written without its stage_truth (freeze_profile.py --no-stage-truth-snapshot) and says so', async () => {
    const out = join(dir(), 'ext.yaml');
    const result = await runExternalFreeze({ command: copyFixture({ truth: false }), output: out, commandOutput: 'ignore' });
    expect(result.truth).toBeUndefined();
    expect(result.stageTruthPath).toBeUndefined();
    expect(result.notes).toEqual([`checked: ${out}`, `no stage_truth beside it (${out.replace(/\.yaml$/, '.stage_truth.json')} not found): its truth.* metrics are missing`]);
  });

  it('names an invalid key', async () => {
    const out = join(dir(), 'ext.yaml');
    const error = await runExternalFreeze({ command: copyFixture({ breakKey: 'run_wall_s' }), output: out, commandOutput: 'ignore' }).catch((e: unknown) => e);
    expect((error as InputFileError).details).toEqual(['run_wall_s: expected a number >= 0, got string "oops"']);
  });

  it('fails clearly when the command fails or writes nothing', async () => {
    const out = join(dir(), 'ext.yaml');
    await expect(runExternalFreeze({ command: ['python3', '-c', 'raise SystemExit(5)'], output: out, commandOutput: 'ignore' })).rejects.toThrow(/freeze command failed \(exit code 5\)/);
    await expect(runExternalFreeze({ command: ['true'], output: out, commandOutput: 'ignore' })).rejects.toThrow(/did not write it/);
    expect(existsSync(out)).toBe(false);
  });

  it('warns when the release differs from --version', () => {
    expect(checkFrozenProfile(STAGED_PROFILE, { version: 'other' }).warnings).toEqual([`${STAGED_PROFILE}: release is "issue477-staged-gpt4o", expected "other"`]);
  });

  it('via the CLI: --external validates and exits 0, or 2 with the file named', async () => {
    const err = captureStderr();
    const out = join(dir(), 'ext.yaml');
    expect(await runCli(['freeze', '--external', '--output', out, '--', ...copyFixture()])).toBe(0);
    expect(err.text()).toContain(`checked: ${out} and ${out.replace(/\.yaml$/, '.stage_truth.json')}`);
    expect(await runCli(['freeze', '--external', '--output', out, '--', ...copyFixture({ breakKey: 'sample_interval_s' })])).toBe(2);
    expect(err.text()).toMatch(/ext\.stage_truth\.json: invalid content\n {2}- sample_interval_s: expected a number/);
  });
});
