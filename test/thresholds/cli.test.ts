/** `optimization-gate thresholds`: JSON and exit 0, or every problem on stderr and exit 2. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { fixture } from '../helpers/fixtures.js';
import { ISSUES } from './corpus.js';

let stdout: string[];
let stderr: string[];

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void stdout.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void stderr.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'og-thresholds-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('optimization-gate thresholds', () => {
  it('prints the parsed set as JSON and exits 0', async () => {
    const code = await runCli(['thresholds', '--issue-file', join(ISSUES, 'valid-01-issue477-decision-gate.md')]);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    const spec = JSON.parse(stdout.join('\n')) as { baseline: string; repeat: number; thresholds: Array<{ metric: string; line: number }>; problems: unknown[] };
    expect(spec.baseline).toBe('data/profiles/issue-477/issue477-staged-gpt4o.yaml');
    expect(spec.repeat).toBe(3);
    expect(spec.thresholds.map((t) => t.line)).toEqual([28, 29, 30, 31, 32]);
    expect(spec.problems).toEqual([]);
  });

  it('prints every problem, one per line, on stderr and exits 2', async () => {
    const code = await runCli(['thresholds', '--issue-file', join(ISSUES, 'broken-10-duplicates.md')]);
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr[0]).toMatch(/^optimization-gate thresholds: 3 problems in the thresholds of .*broken-10-duplicates\.md:$/);
    expect(stderr.slice(1).map((l) => l.slice(0, l.indexOf(':')))).toEqual(['line 5', 'line 11', 'line 12']);
    expect(stderr[1]).toBe(
      'line 5: `profile.totals.wall_time_s: "<= -30%"` — expected `profile.totals.wall_time_s` only once (first at line 3); for several rules on one metric write a list: `metric: ["<= -20%", "<= 60s"]`',
    );
  });

  it('exits 2 with the accepted forms when there are no thresholds', async () => {
    const code = await runCli(['thresholds', '--issue-file', fixture('docs/wip/issue-477-llm-bundle-experiment-plan.md')]);
    expect(code).toBe(2);
    expect(stderr.join('\n')).toContain('no thresholds found: write them on the issue as a fenced ```optimization-gate block');
    expect(stderr.join('\n')).toContain('`Metric` and `Rule` columns');
  });

  it('merges an inline file over the issue', async () => {
    const inline = file('inline.yaml', 'repeat: 9\nthresholds:\n  profile.totals.peak_rss_mb: "<= 700MB"\n');
    const code = await runCli(['thresholds', '--issue-file', join(ISSUES, 'valid-08-tilde-fence-in-list.md'), '--inline-file', inline]);
    expect(code).toBe(0);
    const spec = JSON.parse(stdout.join('\n')) as { repeat: number; thresholds: Array<{ metric: string; origin: string }> };
    expect(spec.repeat).toBe(9);
    expect(spec.thresholds.map((t) => [t.metric, t.origin])).toEqual([
      ['profile.totals.wall_time_s', 'block'],
      ['profile.totals.peak_rss_mb', 'input'],
    ]);
  });

  it('reports inline problems with their input lines', async () => {
    const inline = file('bad.yaml', 'thresholds:\n  profile.totals.peak_rss_mb: "<= 7 parsecs"\n');
    const code = await runCli(['thresholds', '--inline-file', inline]);
    expect(code).toBe(2);
    expect(stderr[1]).toBe(
      'thresholds input, line 2: `profile.totals.peak_rss_mb: "<= 7 parsecs"` — expected a known unit (ms, s, min, h, B, KB, MB, GB, KiB, MiB, GiB, $, USD) or none, got `parsecs`',
    );
  });

  it('refuses a missing file, a missing option and stray arguments with exit 2', async () => {
    expect(await runCli(['thresholds', '--issue-file', join(dir, 'absent.md')])).toBe(2);
    expect(stderr.join('\n')).toContain('absent.md');
    expect(await runCli(['thresholds'])).toBe(2);
    expect(stderr.join('\n')).toContain('--issue-file is required');
    expect(await runCli(['thresholds', 'ISSUE.md'])).toBe(2);
    expect(stderr.join('\n')).toContain('unexpected argument "ISSUE.md"');
  });

  it('shows its usage with --help', async () => {
    expect(await runCli(['thresholds', '--help'])).toBe(0);
    expect(stdout.join('\n')).toContain('usage: optimization-gate thresholds --issue-file ISSUE.md');
  });
});
