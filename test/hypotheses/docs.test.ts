/**
 * docs/hypotheses.md runs: every block of it parses, and every `console` example is the CLI's real
 * output on the issue-477 fixtures, given the block (or table) just before it as the issue.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { parseIssueThresholds, formatProblem } from '../../src/compare/grammar/thresholds/index.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { tempDir } from '../compare/helpers.js';

const DOC = readFileSync(new URL('../../docs/hypotheses.md', import.meta.url), 'utf8');
const FENCE = /^```(\S*)\n([\s\S]*?)^```$/gm;
const blocks = [...DOC.matchAll(FENCE)].map((m) => ({ info: m[1] ?? '', body: m[2] ?? '', text: m[0] }));

describe('docs/hypotheses.md', () => {
  it('every optimization-gate block parses; the ones without a console example have no problems', () => {
    const gateBlocks = blocks.filter((b) => b.info === 'optimization-gate');
    expect(gateBlocks.length).toBeGreaterThanOrEqual(2);
    const [first] = gateBlocks;
    expect(parseIssueThresholds(first?.text ?? '').problems.map(formatProblem)).toEqual([]);
    expect(parseIssueThresholds(first?.text ?? '').hypotheses?.map((h) => h.id)).toEqual(['H1', 'H2', 'H3']);
  });

  const examples = blocks.flatMap((b, i) => (b.info === 'console' ? [{ console: b.body, issue: blocks[i - 1] }] : []));

  it('has console examples', () => {
    expect(examples.length).toBe(3);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('console example %i is the CLI output', async (_n, example) => {
    const [command = '', ...expected] = example.console.split('\n');
    expect(command.startsWith('$ optimization-gate ')).toBe(true);
    const issue = join(tempDir('og-docs-'), 'issue.md');
    writeFileSync(issue, example.issue?.info === 'markdown' ? (example.issue.body ?? '') : (example.issue?.text ?? ''));
    const argv = command
      .slice('$ optimization-gate '.length)
      .split(' ')
      .map((word) => (word === 'issue.md' ? issue : word.startsWith('data/') ? join(FIXTURES, word) : word));
    expect((await cli(...argv)).both).toBe(expected.join('\n'));
  });
});
