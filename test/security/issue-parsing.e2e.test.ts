/**
 * Defended: an issue body crafted to stall the gate. A markdown table cell of thousands of
 * backticks made the cell-text regex backtrack cubically (8 k backticks: 12 s; 64 k: hours); the
 * parser is now linear in the body's size (issue 10.19).
 *
 * The attack runs in a child process of the built CLI with a kill timer, so the old code fails the
 * test instead of hanging it. The timer (20 s) is not a speed claim: the linear parser needs a few
 * milliseconds for this body, the old one more than an hour.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitRow, unwrapCodeSpan } from '../../src/compare/grammar/thresholds/markdown.js';
import { parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('issue bodies that try to stall the parser', () => {
  it('a table cell of 64 k backticks is parsed at once by the CLI, with the row reported as a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-redos-'));
    const body = `| Metric | Rule |\n|---|---|\n| ${'`'.repeat(64_000)}x | <= +5% |\n| profile.totals.wall_time_s | <= +5% |\n`;
    writeFileSync(join(dir, 'issue.md'), body);
    const result = spawnSync(process.execPath, [CLI, 'thresholds', '--issue-file', join(dir, 'issue.md')], { encoding: 'utf8', timeout: 20_000 });
    expect(result.signal, 'the parser did not finish: killed by the timer').toBeNull();
    // The good row is read; the backtick row is a located problem, not a crash or a silent pass.
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/line 3/);
  }, 30_000);

  it('unwraps code spans as the old regex did, on ordinary cells', () => {
    expect(splitRow('| `profile.totals.wall_time_s` | ``<= +5%`` | ` a ` |').map((c) => c.text)).toEqual(['profile.totals.wall_time_s', '<= +5%', 'a']);
    expect(unwrapCodeSpan('`a``')).toBe('a`');
    expect(unwrapCodeSpan('````')).toBe('');
    expect(unwrapCodeSpan('plain')).toBeUndefined();
    const spec = parseIssueThresholds('| Metric | Rule |\n|---|---|\n| `profile.totals.peak_rss_mb` | `<= +5%` |\n');
    expect(spec.thresholds.map((t) => [t.metric, t.rule.text])).toEqual([['profile.totals.peak_rss_mb', '<= +5%']]);
  });
});
