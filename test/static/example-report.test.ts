/**
 * The verdict comment the README shows on its first screen, and docs/example-report.md in full, are what
 * the gate renders today for the real #477 profiles: rendered here from src/ with the arguments that
 * `npm run docs` gives dist/cli.js, so the example cannot go stale.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { END, EXAMPLE_ARGS, START, excerpt, placeBetween, placeReport } from '../../scripts/example-report.mjs';
import { runCli } from '../../src/cli/index.js';
import { REPO_ROOT } from './yaml-file.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

afterEach(() => vi.restoreAllMocks());

async function renderExample(): Promise<{ code: number; report: string }> {
  const out = mkdtempSync(join(tmpdir(), 'og-example-report-'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const args = EXAMPLE_ARGS.map((arg) => (arg.startsWith('--') ? arg : join(REPO_ROOT, arg)));
  const code = await runCli(['gate', ...args, '--out', out]);
  vi.restoreAllMocks();
  return { code, report: readFileSync(join(out, 'report.md'), 'utf8') };
}

describe('the example verdict comment', () => {
  it('is what the gate renders today, in README.md (its first part) and docs/example-report.md (all of it): npm run docs', async () => {
    const { code, report } = await renderExample();
    expect(code).toBe(1);
    const files = { readme: read('README.md'), page: read('docs/example-report.md') };
    const placed = placeReport(report, files);
    expect(placed.problems).toEqual([]);
    expect(placed.readme === files.readme, 'README.md has a stale example report: run `npm run docs`').toBe(true);
    expect(placed.page === files.page, 'docs/example-report.md is stale: run `npm run docs`').toBe(true);
  });

  it('shows the real finding of the #477 profiles: bundling cut wall time 46.6 % but moved time into gi_generation', async () => {
    const { report } = await renderExample();
    const first = excerpt(report);
    expect(first.split('\n')[0]).toBe('### ❌ reject — 1 guardrail failed: `profile.stages.gi_generation.wall_time_s` +85.4 % (rule `<= +25%`)');
    expect(first).toContain('| ✅ pass | `profile.totals.wall_time_s` | target | `<= -20%` | 40.3144 s | 21.5184 s | -46.6 % | — | 1/1 |');
    expect(first).not.toContain('Thresholds as parsed');
    expect(report).toContain('#### Stages (time, memory, CPU)');
  });

  it('refuses a page without exactly one pair of markers', () => {
    expect(placeBetween('no markers', 'x', 'README.md').problem).toContain(START);
    expect(placeBetween(`${START}\n${END}\n${START}\n${END}`, 'x', 'README.md').problem).toContain(END);
    expect(placeBetween(`a\n${START}\nold\n${END}\nb`, 'new', 'README.md')).toEqual({ text: `a\n${START}\nnew\n${END}\nb`, problem: undefined });
  });
});
