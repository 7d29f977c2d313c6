import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { BUNDLED_PROFILE, NER_EVAL_DIR, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';

/** Runs the CLI in-process, capturing what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(`${parts.join(' ')}\n`));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(`${parts.join(' ')}\n`));
  const code = await runCli(argv);
  vi.restoreAllMocks();
  return { code, stdout: out.join(''), stderr: err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('optimization-gate diff', () => {
  it('prints the text diff of the issue-477 pair with eval outputs', async () => {
    const { code, stdout } = await cli('diff', STAGED_PROFILE, BUNDLED_PROFILE, '--eval-baseline', OPENAI_EVAL_DIR, '--eval-candidate', OLLAMA_EVAL_DIR);
    expect(code).toBe(0);
    expect(stdout).toMatch(/profile.totals.wall_time_s +40.3144 s +21.5184 s +-18.796 s +-46.6 %/);
    expect(stdout).toMatch(/eval.intrinsic.performance.avg_latency_ms +4676.198 ms +15376.38 ms/);
  });

  it('writes markdown and JSON', async () => {
    const md = await cli('diff', STAGED_PROFILE, BUNDLED_PROFILE, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| **total** | **40.3144 s → 21.5184 s (-46.6 %)** |');
    const json = await cli('diff', STAGED_PROFILE, BUNDLED_PROFILE, '--format=json', '--eval-candidate', NER_EVAL_DIR);
    const parsed = JSON.parse(json.stdout) as { rows: Array<{ metric: string; note: string | null }> };
    expect(parsed.rows.find((r) => r.metric.endsWith('entity_set.f1'))?.note).toBe('only in candidate');
  });

  it('exits 2 on bad input, naming the problem', async () => {
    const one = await cli('diff', STAGED_PROFILE);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('expected two profile YAMLs (BASE CAND), got 1');
    const format = await cli('diff', STAGED_PROFILE, BUNDLED_PROFILE, '--format', 'html');
    expect([format.code, format.stderr]).toEqual([2, expect.stringContaining('--format expects md, json, text, got "html"') as string]);
    const missing = await cli('diff', STAGED_PROFILE, '/nope/cand.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nope/cand.yaml: not found');
    const evalDir = await cli('diff', STAGED_PROFILE, BUNDLED_PROFILE, '--eval-candidate', '/nope/dir');
    expect(evalDir.stderr).toContain('--eval-candidate: eval results "/nope/dir" not found\n  - /nope/dir: not found');
  });
});
