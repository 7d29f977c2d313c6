/**
 * Every ```optimization-gate example of docs/thresholds.md, run against the real fixtures named by the
 * `<!-- example: … -->` line above it: the documented behaviour is the tested one.
 *
 * Directive: `baseline PROFILE[ + EVAL_DIR]; candidate PROFILE[ + EVAL_DIR][ with key=value …]; expect
 * DECISION` and optional checks `not-measured METRIC`, `defaulted METRIC`, `inconclusive METRIC`,
 * `refused`, `baseline from block` (the profile and eval results named by the block's `baseline:`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateGate } from '../../src/compare/verdicts/gate.js';
import { resolveEvalDir } from '../../src/formats/eval-dir.js';
import { parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { profileCopy, run, side, tempDir } from '../compare/helpers.js';

const DOC = fileURLToPath(new URL('../../docs/thresholds.md', import.meta.url));

interface Example {
  line: number;
  directive: string;
  block: string;
}

function examples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const found: Example[] = [];
  lines.forEach((line, i) => {
    const directive = /^<!-- example: (.*) -->$/.exec(line)?.[1];
    if (directive === undefined) return;
    expect(lines[i + 1], `an optimization-gate block right after the directive at line ${i + 1}`).toBe('```optimization-gate');
    const end = lines.indexOf('```', i + 2);
    found.push({ line: i + 1, directive, block: lines.slice(i + 1, end + 1).join('\n') });
  });
  return found;
}

/** `data/profiles/a.yaml + data/eval/baselines/x with device=cuda` → a run (a changed copy when `with` is given). */
function sideRun(spec: string) {
  const [files = '', changes] = spec.split(' with ');
  const [profile = '', evalDir] = files.split(' + ').map((s) => s.trim());
  let path = join(FIXTURES, profile);
  if (changes) {
    const env = Object.fromEntries(
      changes
        .trim()
        .split(/\s+/)
        .map((kv) => kv.split('=') as [string, string]),
    );
    path = profileCopy(path, tempDir('og-doc-'), 'changed', (doc) => {
      doc.environment = { ...doc.environment, ...env };
    });
  }
  return run(path, evalDir !== undefined ? join(FIXTURES, evalDir) : undefined);
}

const all = examples(readFileSync(DOC, 'utf8'));

describe('docs/thresholds.md examples', () => {
  it('has examples for every topic of the page', () => {
    expect(all.length).toBe(8);
  });

  it.each(all.map((e) => [e.line, e] as const))('the example at line %i behaves as documented', (_line, example) => {
    const parts = new Map(
      example.directive.split(';').map((p) => {
        const [key = '', ...rest] = p.trim().split(' ');
        return [key === 'baseline' && rest[0] === 'from' ? 'baseline-from-block' : key, rest.join(' ')] as const;
      }),
    );
    // A misspelt check would silently check nothing.
    for (const key of parts.keys()) expect(['baseline', 'baseline-from-block', 'candidate', 'expect', 'not-measured', 'defaulted', 'inconclusive', 'refused']).toContain(key);
    const spec = parseIssueThresholds(example.block);
    expect(spec.problems).toEqual([]);
    const baseline = parts.has('baseline-from-block')
      ? run(join(FIXTURES, spec.baseline ?? ''), spec.baselineEval !== undefined ? resolveEvalDir(spec.baselineEval, FIXTURES).dir : undefined)
      : sideRun(parts.get('baseline') ?? '');
    const candidate = sideRun(parts.get('candidate') ?? '');
    const result = evaluateGate(spec, side('baseline', baseline), side('candidate', candidate), { failOn: 'reject' });
    expect(result.decision, result.reasons.join('\n')).toBe(parts.get('expect'));
    const byMetric = (metric: string) => result.thresholds.find((t) => t.metric === metric);
    if (parts.has('not-measured')) expect(byMetric(parts.get('not-measured') ?? '')).toMatchObject({ notMeasured: true, counts: false });
    if (parts.has('defaulted')) expect(byMetric(parts.get('defaulted') ?? '')?.defaulted.candidate).toBeGreaterThan(0);
    if (parts.has('inconclusive')) expect(byMetric(parts.get('inconclusive') ?? '')?.environment?.length).toBeGreaterThan(0);
    if (parts.has('refused')) {
      expect(result.dataset.comparable).toBe(false);
      expect(result.thresholds).toEqual([]);
    }
  });
});
