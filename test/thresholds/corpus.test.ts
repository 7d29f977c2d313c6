/** Properties that hold over the whole corpus, and the real #477 plan document. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';
import { fixture } from '../helpers/fixtures.js';
import { issue, issueFiles } from './corpus.js';

const files = issueFiles();

describe('issue corpus', () => {
  it('has at least 30 bodies, about half valid and half broken, both forms in each half', () => {
    const valid = files.filter((f) => f.startsWith('valid-'));
    const broken = files.filter((f) => f.startsWith('broken-'));
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(valid.length + broken.length).toBe(files.length);
    expect(Math.min(valid.length, broken.length)).toBeGreaterThanOrEqual(14);
    for (const group of [valid, broken]) {
      const origins = new Set(
        group.flatMap((f) => {
          const spec = parseIssueThresholds(issue(f));
          return [...spec.thresholds.map((t) => t.origin), ...spec.problems.map((p) => p.origin)];
        }),
      );
      expect([...origins].sort()).toEqual(['block', 'table']);
    }
  });

  it('keeps its CRLF bodies byte for byte', () => {
    for (const name of ['valid-04-crlf.md', 'broken-15-crlf.md']) {
      const body = issue(name);
      expect(body.split('\r\n').length - 1).toBe(body.split('\n').length - 1);
      expect(body.split('\r\n').length).toBeGreaterThan(10);
    }
  });

  it('gives the same result with LF and CRLF line breaks', () => {
    for (const name of files) {
      const lf = issue(name).replace(/\r\n/g, '\n');
      expect(parseIssueThresholds(lf.replace(/\n/g, '\r\n')), name).toEqual(parseIssueThresholds(lf));
    }
  });

  it('never yields a non-finite value or a line outside the body', () => {
    for (const name of files) {
      const body = issue(name);
      const lineCount = body.split(/\r\n|\n/).length;
      const spec = parseIssueThresholds(body);
      for (const t of spec.thresholds) {
        expect(Number.isFinite(t.rule.value), `${name}: ${t.metric}`).toBe(true);
        expect(t.line).toBeGreaterThanOrEqual(1);
        expect(t.line).toBeLessThanOrEqual(lineCount);
      }
      for (const p of spec.problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(lineCount);
        expect(p.text.trim(), `${name} line ${p.line}`).not.toBe('');
        expect(p.expected.trim()).not.toBe('');
      }
      expect(spec.problems.length > 0, name).toBe(name.startsWith('broken-'));
    }
  });

  it('reads no thresholds from the real #477 plan (its Criterion | Threshold tables are not threshold tables)', () => {
    const plan = readFileSync(fixture('docs/wip/issue-477-llm-bundle-experiment-plan.md'), 'utf8');
    expect(plan).toContain('| Criterion | Threshold |');
    expect(parseIssueThresholds(plan)).toEqual({ thresholds: [], problems: [] });
  });

  it('reads a thresholds table appended to the real #477 plan, at the right line', () => {
    const plan = readFileSync(fixture('docs/wip/issue-477-llm-bundle-experiment-plan.md'), 'utf8');
    const lines = plan.split('\n').length;
    const body = `${plan}\n## Gate\n\n| Metric | Rule | Kind |\n|---|---|---|\n| profile.totals.wall_time_s | <= -20% | target |\n`;
    const spec = parseIssueThresholds(body);
    expect(spec.problems).toEqual([]);
    expect(spec.thresholds.map((t) => [t.line, t.metric, t.kind])).toEqual([[lines + 5, 'profile.totals.wall_time_s', 'target']]);
  });
});
