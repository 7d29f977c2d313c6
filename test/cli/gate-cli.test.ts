import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/index.js';
import type { GateJson } from '../../src/compare/verdicts/gate-json.js';
import { BUNDLED_PROFILE, NER_EVAL_DIR, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';
import { profileCopy, tempDir } from '../compare/helpers.js';

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(`${parts.join(' ')}\n`));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(`${parts.join(' ')}\n`));
  const code = await runCli(argv);
  vi.restoreAllMocks();
  return { code, stdout: out.join(''), stderr: err.join('') };
}

afterEach(() => vi.restoreAllMocks());

function issue(dir: string, block: string, name = 'issue.md'): string {
  const path = join(dir, name);
  writeFileSync(path, `# Bundle cleaning + summarization (#477)\n\nObjective: cut wall time.\n\n\`\`\`optimization-gate\n${block}\n\`\`\`\n`);
  return path;
}

function outputs(out: string): { json: GateJson; report: string } {
  return { json: JSON.parse(readFileSync(join(out, 'gate.json'), 'utf8')) as GateJson, report: readFileSync(join(out, 'report.md'), 'utf8') };
}

const PAIR = ['--baseline', STAGED_PROFILE, '--candidate', BUNDLED_PROFILE, '--eval-baseline', OPENAI_EVAL_DIR, '--eval-candidate', OLLAMA_EVAL_DIR];
const SHIP_BLOCK = ['thresholds:', '  profile.totals.wall_time_s: { rule: "<= -20%", kind: target }', '  profile.totals.peak_rss_mb: "<= +5%"', '  eval.vs_reference.*.rougeL_f1: ">= -0.01"'].join(
  '\n',
);

describe('optimization-gate gate', () => {
  it('exit 0 on ship, writing gate.json and report.md', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const { code, stdout } = await cli('gate', '--issue-file', issue(dir, SHIP_BLOCK), ...PAIR, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain('decision: ship (fail-on reject: passes)');
    expect(stdout).toContain(`report: ${join(out, 'report.md')}`);
    const { json, report } = outputs(out);
    expect(json).toMatchObject({ schema: 'optimization-gate/gate@1', decision: 'ship', passed: true, verdicts: { pass: 3, fail: 0 } });
    expect(json.thresholds[0]).toMatchObject({ metric: 'profile.totals.wall_time_s', line: 7, kind: 'target', verdict: 'pass' });
    expect(json.thresholds[0]?.change.value).toBeCloseTo(-46.62, 2);
    expect(report.split('\n')[0]).toBe('### ✅ ship — all 3 thresholds pass');
  });

  it('exit 1 when a guardrail fails (latency +228.8 %), exit 0 with --fail-on never', async () => {
    const dir = tempDir();
    const path = issue(dir, `${SHIP_BLOCK}\n  eval.intrinsic.performance.avg_latency_ms: "<= +10%"`);
    const failed = await cli('gate', '--issue-file', path, ...PAIR, '--out', join(dir, 'a'));
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('decision: reject (fail-on reject: fails)');
    const { json, report } = outputs(join(dir, 'a'));
    expect(json.thresholds.find((t) => t.verdict === 'fail')).toMatchObject({ metric: 'eval.intrinsic.performance.avg_latency_ms', line: 10 });
    expect(report).toContain('| ❌ fail | `eval.intrinsic.performance.avg_latency_ms` | guardrail | `<= +10%` | 4676.198 ms | 15376.38 ms | +228.8 % | — | 1/1 |');
    expect((await cli('gate', '--issue-file', path, ...PAIR, '--out', join(dir, 'b'), '--fail-on', 'never')).code).toBe(0);
  });

  it('fail-on iterate fails an iterate decision (target missed)', async () => {
    const dir = tempDir();
    const path = issue(dir, 'thresholds:\n  profile.totals.wall_time_s: { rule: "<= -60%", kind: target }');
    expect((await cli('gate', '--issue-file', path, ...PAIR, '--out', join(dir, 'a'))).code).toBe(0);
    const strict = await cli('gate', '--issue-file', path, ...PAIR, '--out', join(dir, 'b'), '--fail-on', 'iterate');
    expect(strict.code).toBe(1);
    expect(outputs(join(dir, 'b')).json.decision).toBe('iterate');
  });

  it('repeated runs per side, with one eval dir for every run', async () => {
    const dir = tempDir();
    const copies = (source: string, prefix: string, factors: number[]) =>
      factors.map((f, i) => profileCopy(source, dir, `${prefix}${i}`, (doc) => (doc.totals.wall_time_s = Math.round(doc.totals.wall_time_s * f * 1e4) / 1e4)));
    const out = join(dir, 'out');
    const { code } = await cli(
      'gate',
      '--issue-file',
      issue(dir, 'repeat: 3\nthresholds:\n  profile.totals.wall_time_s: { rule: "<= -20%", kind: target }'),
      '--baseline',
      ...copies(STAGED_PROFILE, 'b', [1, 1.02, 0.99]),
      '--candidate',
      ...copies(BUNDLED_PROFILE, 'c', [1, 0.98, 1.03]),
      '--eval-baseline',
      OPENAI_EVAL_DIR,
      '--out',
      out,
    );
    expect(code).toBe(0);
    const { json, report } = outputs(out);
    expect(json.thresholds[0]).toMatchObject({ verdict: 'pass', baseline: { n: 3, median: 40.3144 }, candidate: { n: 3, median: 21.5184 }, change: { method: 'rank-shift', level: 0.9 } });
    expect(json.runs.baseline.map((r) => r.files.eval)).toEqual(Array.from({ length: 3 }, () => join(OPENAI_EVAL_DIR, 'metrics.json')));
    expect(json.spec.repeat).toBe(3);
    expect(report).toContain('3 baseline / 3 candidate runs (medians, rank interval)');
    // 3 + 3 runs cannot back a 95 % interval: the report says what it covers.
    expect(report).toMatch(/\| \[-\d+\.\d %, -\d+\.\d %\] · 90 % \| 3\/3 \|/);
    expect(json.thresholds[0]?.change.note).toBe('too few runs for a 95 % interval: this one covers 90.0 %');
  });

  it('a thresholds file replaces the issue entry for the same metric', async () => {
    const dir = tempDir();
    const inline = join(dir, 'thresholds.yaml');
    writeFileSync(inline, 'thresholds:\n  profile.totals.wall_time_s: { rule: "<= -60%", kind: target }\n');
    const out = join(dir, 'out');
    expect((await cli('gate', '--issue-file', issue(dir, SHIP_BLOCK), '--thresholds-file', inline, ...PAIR, '--out', out)).code).toBe(0);
    const { json } = outputs(out);
    expect(json.decision).toBe('iterate');
    expect(json.thresholds.find((t) => t.metric === 'profile.totals.wall_time_s')).toMatchObject({ origin: 'input', verdict: 'fail', rule: { text: '<= -60%' } });
    expect((await cli('gate', '--thresholds-file', inline, ...PAIR, '--out', join(dir, 'only-inline'))).code).toBe(0);
  });
});

describe('optimization-gate gate on bad input: exit 2, files still written', () => {
  it('a threshold problem on the issue', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const { code, stderr } = await cli('gate', '--issue-file', issue(dir, 'thresholds:\n  profile.totals.wall_time_s: "<= fast"'), ...PAIR, '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('error: line 7: `profile.totals.wall_time_s: "<= fast"` — expected');
    const { json, report } = outputs(out);
    expect(json.decision).toBe('reject');
    expect(json.problems[0]).toMatchObject({ line: 7, origin: 'block' });
    expect(report.split('\n')[0]).toBe('### ❌ reject — 1 threshold problem on the issue');
    expect(report).toContain('#### ⚠️ The gate could not judge these inputs');
  });

  it('an issue without thresholds', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.md');
    writeFileSync(path, '# Make it faster\n\nNo criteria yet.\n');
    const out = join(dir, 'out');
    expect((await cli('gate', '--issue-file', path, ...PAIR, '--out', out)).code).toBe(2);
    expect(outputs(out).json).toMatchObject({ decision: 'reject', passed: false, input_errors: [expect.stringMatching(/^no thresholds found/) as string] });
    expect(outputs(out).report.split('\n')[0]).toBe('### ❌ reject — no thresholds found on the issue');
  });

  it('unreadable profiles and a wrong number of eval dirs are all reported at once', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const { code, stderr } = await cli(
      'gate',
      '--issue-file',
      issue(dir, SHIP_BLOCK),
      '--baseline',
      '/nope/base.yaml',
      '--candidate',
      BUNDLED_PROFILE,
      STAGED_PROFILE,
      '--eval-candidate',
      OPENAI_EVAL_DIR,
      OLLAMA_EVAL_DIR,
      NER_EVAL_DIR,
      '--out',
      out,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('/nope/base.yaml: not found');
    expect(stderr).toContain('--eval-candidate got 3 directories for 2 --candidate runs');
    const { json, report } = outputs(out);
    expect(json.input_errors).toHaveLength(2);
    expect(report).toContain('- /nope/base.yaml: not found');
  });

  it('a bad --fail-on value, and --out missing', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect((await cli('gate', '--issue-file', issue(dir, SHIP_BLOCK), ...PAIR, '--fail-on', 'sometimes', '--out', out)).code).toBe(2);
    expect(outputs(out).json.input_errors).toEqual(['--fail-on expects reject, iterate, never, got "sometimes"']);
    const noOut = await cli('gate', '--issue-file', issue(dir, SHIP_BLOCK), ...PAIR);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out DIR is required');
  });
});

describe('the CLI entry as a real process', () => {
  // A real process that compiles the TypeScript first: slow on a busy machine; awaited, so the
  // worker's event loop stays free meanwhile.
  it('sets the exit code (1 on a failing guardrail) and writes the files', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const args = [
      join(root, 'node_modules/vite-node/vite-node.mjs'),
      join(root, 'src/cli.ts'),
      'gate',
      '--issue-file',
      issue(dir, `${SHIP_BLOCK}\n  eval.intrinsic.performance.avg_latency_ms: "<= +10%"`),
      ...PAIR,
      '--out',
      out,
    ];
    const result = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout }));
    });
    expect(result.stdout).toContain('decision: reject (fail-on reject: fails)');
    expect(result.status).toBe(1);
    expect(existsSync(join(out, 'gate.json')) && existsSync(join(out, 'report.md'))).toBe(true);
  });
});
