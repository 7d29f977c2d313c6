/** The markdown scanner: fences, comments, GFM tables and their cells. */
import { describe, expect, it } from 'vitest';
import { scanMarkdown, splitRow } from '../../src/compare/grammar/thresholds/markdown.js';
import { parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';

describe('fences', () => {
  it('closes a fence only with the same character, at least as long', () => {
    const body = ['````optimization-gate', '```', '~~~~', 'a: 1', '`````', 'after'].join('\n');
    const [block] = scanMarkdown(body).fences;
    expect(block).toMatchObject({ info: 'optimization-gate', line: 1, closed: true });
    expect(block!.content.map((l) => [l.line, l.text])).toEqual([
      [2, '```'],
      [3, '~~~~'],
      [4, 'a: 1'],
    ]);
  });

  it('marks a fence left open at the end of the body', () => {
    expect(scanMarkdown('```optimization-gate\nthresholds:\n').fences[0]).toMatchObject({ closed: false });
  });

  it('removes the opening fence indentation from the content', () => {
    const [block] = scanMarkdown('   ```yaml\n     a: 1\n   ```').fences;
    expect(block!.content[0]!.text).toBe('  a: 1');
  });

  it('does not take inline code with backticks for a fence', () => {
    expect(scanMarkdown('``` `not a fence` ```\n| Metric | Rule |\n|---|---|\n| profile.a | <= 1 |').fences).toEqual([]);
  });

  it('ignores fences and tables inside an HTML comment, including a one-line comment', () => {
    const body = '<!-- hidden -->\n| Metric | Rule |\n|---|---|\n| profile.a | <= 1 |\n<!--\n```optimization-gate\n-->';
    const scan = scanMarkdown(body);
    expect(scan.fences).toEqual([]);
    expect(scan.tables.map((t) => t.header.line)).toEqual([2]);
  });
});

describe('tables', () => {
  it('splits cells on unescaped pipes, with or without outer pipes', () => {
    expect(splitRow('| a | b \\| c | `d` |').map((c) => c.text)).toEqual(['a', 'b | c', 'd']);
    expect(splitRow('a | **b**').map((c) => c.text)).toEqual(['a', 'b']);
    expect(splitRow('| `x` |').map((c) => c.raw)).toEqual(['`x`']);
  });

  it('needs a delimiter row with as many cells as the header', () => {
    expect(scanMarkdown('| Metric | Rule |\n|---|\n| profile.a | <= 1 |').tables).toEqual([]);
    expect(scanMarkdown('Metric Rule\n---\nprofile.a <= 1').tables).toEqual([]);
  });

  it('ends a table at a blank line, a heading, a quote or a fence', () => {
    for (const end of ['', '## Next', '> quoted', '```bash']) {
      const scan = scanMarkdown(`| Metric | Rule |\n|---|---|\n| profile.a | <= 1 |\n${end}\n| profile.b | <= 2 |`);
      expect(
        scan.tables[0]!.rows.map((r) => r.line),
        JSON.stringify(end),
      ).toEqual([3]);
    }
  });

  it('does not read a table inside a code fence', () => {
    expect(scanMarkdown('```markdown\n| Metric | Rule |\n|---|---|\n| profile.a | <= 1 |\n```').tables).toEqual([]);
  });

  it('reads Metric and Rule columns in any order and case, ignoring other columns', () => {
    const spec = parseIssueThresholds('| why | RULE | kind | METRIC |\n|---|---|---|---|\n| because | <= 1 | target | profile.totals.wall_time_s |');
    expect(spec.problems).toEqual([]);
    expect(spec.thresholds).toEqual([
      { metric: 'profile.totals.wall_time_s', rule: { op: '<=', form: 'absolute', value: 1, text: '<= 1' }, kind: 'target', optional: false, line: 3, origin: 'table' },
    ]);
  });
});
