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

const FENCE = /^```(\S*)\n([\s\S]*?)^```$/gm;
const blocksOf = (page: string) => [...readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8').matchAll(FENCE)].map((m) => ({ info: m[1] ?? '', body: m[2] ?? '', text: m[0] }));
const blocks = blocksOf('docs/hypotheses.md');
/** The README's example: its console block follows its optimization-gate block. */
const readmeBlocks = blocksOf('README.md').filter((b) => b.info === 'optimization-gate' || b.info === 'console');

describe('docs/hypotheses.md', () => {
  it('every optimization-gate block parses; the ones without a console example have no problems', () => {
    const gateBlocks = blocks.filter((b) => b.info === 'optimization-gate');
    expect(gateBlocks.length).toBeGreaterThanOrEqual(2);
    const [first] = gateBlocks;
    expect(parseIssueThresholds(first?.text ?? '').problems.map(formatProblem)).toEqual([]);
    expect(parseIssueThresholds(first?.text ?? '').hypotheses?.map((h) => h.id)).toEqual(['H1', 'H2', 'H3']);
  });

  const consoleExamples = (list: typeof blocks) => list.flatMap((b, i) => (b.info === 'console' ? [{ console: b.body, issue: list[i - 1] }] : []));
  const examples = [...consoleExamples(blocks), ...consoleExamples(readmeBlocks)];

  it('has console examples (three on the page, one in the README)', () => {
    expect(examples.length).toBe(4);
    expect(examples[3]?.console).toContain('H1 confirmed: 84.6 % of summed stage wall time');
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
