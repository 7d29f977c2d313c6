/**
 * Defended: text a pull request controls (stage names its pipeline emits, metric and reference names
 * in its metrics.json, the status and host its profile claims, error messages quoting its files) is
 * put into the issue / PR comment inert — no HTML, no links or images, no @mentions that notify, no
 * #refs that cross-link, no breaking out of code spans or table cells (issue 10.14).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSides } from '../../src/compare/verdicts/diff.js';
import { evaluateGate, inputErrorResult } from '../../src/compare/verdicts/gate.js';
import { renderReport } from '../../src/report/report.js';
import { renderMeasurementReport } from '../../src/report/measurement.js';
import { codeSpan, escapeInline, neutralize } from '../../src/report/escape.js';
import { OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';
import { evalCopy, profileCopy, run, side, tempDir, threshold } from '../compare/helpers.js';

/** Everything a hostile name tries at once. */
const HOSTILE = '@octocat #1 <img src=x onerror=alert(1)> [click](https://evil.example) ![p](https://evil.example/p.png) <!-- hide';

/** A stage name that also closes code spans and table cells. */
const BREAKOUT = 'stage` | @octocat `` <b>x</b>';

/** The markdown with its code spans blanked out (nothing inside one is rendered, mentioned or linked). */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length;) {
    if (markdown[i] === '\\') {
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (markdown[i] !== '`') {
      out += markdown[i];
      i += 1;
      continue;
    }
    let n = 0;
    while (markdown[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let close = markdown.indexOf(fence, i + n);
    while (close !== -1 && markdown[close + n] === '`') close = markdown.indexOf(fence, close + n + 1);
    if (close === -1) {
      out += fence;
      i += n;
    } else {
      out += ' ';
      i = close + n;
    }
  }
  return out;
}

/** What must never appear in a comment built from the hostile names (outside code spans). */
function assertInert(report: string): void {
  const markdown = outsideCodeSpans(report);
  expect(markdown).not.toMatch(/@octocat/); // a mention would notify the user
  expect(markdown).not.toMatch(/(^|[^\w&])#1\b/); // a reference would cross-link issue #1
  expect(markdown).not.toMatch(/<img|<b>|<!-- hide/i); // raw HTML
  expect(markdown).not.toMatch(/\]\(https?:/); // a link or image
  expect(markdown).not.toMatch(/https:\/\/evil/); // an autolink
}

function hostileRuns() {
  const dir = tempDir('og-inject-');
  const profile = profileCopy(STAGED_PROFILE, dir, 'candidate', (doc) => {
    const stages = doc.stages as Record<string, unknown>;
    stages[HOSTILE] = stages.summarization;
    stages[BREAKOUT] = stages.gi_generation;
    delete stages.summarization;
    (doc as Record<string, unknown>).status = 'failed <img src=x> @octocat';
    (doc.environment as Record<string, unknown>).hostname = 'host <img src=x> @octocat #1';
    (doc.totals as Record<string, unknown>).sampling_note = 'sampled [click](https://evil.example) @octocat';
  });
  // A reference id and a metric name of the candidate's own metrics.json.
  const evalDir = evalCopy(OPENAI_EVAL_DIR, dir, 'candidate.eval');
  const metricsPath = join(evalDir, 'metrics.json');
  const metrics = JSON.parse(readFileSync(metricsPath, 'utf8').replace(/silver_sonnet46_smoke_bullets_v1/g, HOSTILE)) as Record<string, unknown>;
  ((metrics.intrinsic as Record<string, Record<string, unknown>>).performance as Record<string, unknown>)[BREAKOUT] = 1;
  writeFileSync(metricsPath, JSON.stringify(metrics));
  // The baseline is scored against the same (renamed) reference: otherwise the dataset check refuses the
  // comparison before any verdict names a metric (that refusal is escaped too: see the test below).
  const baselineEval = evalCopy(OPENAI_EVAL_DIR, dir, 'baseline.eval');
  const baselineMetrics = join(baselineEval, 'metrics.json');
  writeFileSync(baselineMetrics, readFileSync(baselineMetrics, 'utf8').replace(/silver_sonnet46_smoke_bullets_v1/g, HOSTILE));
  return { baseline: run(STAGED_PROFILE, baselineEval), candidate: run(profile, evalDir), unrenamedBaseline: run(STAGED_PROFILE, OPENAI_EVAL_DIR) };
}

describe('PR-controlled text in the report', () => {
  it('stage names, hosts, statuses and sampling notes of a candidate profile are escaped in the gate report', () => {
    const { baseline, candidate } = hostileRuns();
    const thresholds = [threshold('profile.stages.*.wall_time_s', '<= +10%'), threshold('profile.totals.wall_time_s', '<= +10%')];
    const result = evaluateGate({ thresholds, problems: [] }, side('baseline', baseline), side('candidate', candidate), { failOn: 'reject' });
    const report = renderReport(result, diffSides(side('baseline', baseline), side('candidate', candidate)));
    assertInert(report);
    // The names are still there to read: the stage table, the quality table, the verdict's code span.
    expect(report).toContain(`| ${escapeInline(HOSTILE)} |`);
    expect(report).toContain(`| ${escapeInline(BREAKOUT).replace(/\|/g, '\\|')} |`);
    expect(report).toContain(codeSpan(`profile.stages.${BREAKOUT}.wall_time_s`).replace(/\|/g, '\\|'));
  });

  it('a dataset mismatch naming a hostile reference is escaped in the refusal', () => {
    const { unrenamedBaseline, candidate } = hostileRuns();
    const result = evaluateGate({ thresholds: [threshold('profile.totals.wall_time_s', '<= +10%')], problems: [] }, side('baseline', unrenamedBaseline), side('candidate', candidate), {
      failOn: 'reject',
    });
    expect(result.dataset.comparable).toBe(false);
    const report = renderReport(result, undefined);
    expect(report).toContain('Dataset mismatch: comparison refused');
    assertInert(report);
  });

  it('error messages quoting a candidate file are neutralized in the report', () => {
    const error = `candidate.yaml: invalid content\n  - stages.${HOSTILE}: expected a mapping`;
    const report = renderReport(inputErrorResult([error], 'reject'), undefined);
    assertInert(report);
    expect(report).toContain('expected a mapping');
  });

  it('the measurement report of a refresh or measure run escapes stage names and failures', () => {
    const { candidate } = hostileRuns();
    const report = renderMeasurementReport([candidate], { title: 'optimization-gate: measured', failures: [`run 1: ${HOSTILE}`] });
    assertInert(report);
  });
});

describe('the escaping itself', () => {
  it('keeps ordinary names and rules readable', () => {
    expect(escapeInline('llm_summarization_calls')).toBe('llm_summarization_calls');
    expect(escapeInline('transcript_cleaning')).toBe('transcript_cleaning');
    expect(neutralize('breaks <= +5 % in [−1.0 %, +2.0 %]')).toBe('breaks <= +5 % in [−1.0 %, +2.0 %]');
  });

  it('makes every markdown and HTML construct show as typed', () => {
    expect(escapeInline('_x_ *y* `z` ~w~ # h')).toBe('\\_x\\_ \\*y\\* \\`z\\` \\~w\\~ # h');
    expect(escapeInline('# heading')).toBe('\\# heading');
    expect(escapeInline('1. item')).toBe('1\\. item');
    expect(escapeInline('> quote')).toBe('\\> quote');
    expect(neutralize('<details>')).toBe('&lt;details>');
    expect(neutralize('&amp; &#64;')).toBe('&amp;amp; &amp;#\u200b64;');
  });

  it('builds code spans no content can close', () => {
    expect(codeSpan('a')).toBe('`a`');
    expect(codeSpan('a`b')).toBe('`` a`b ``');
    expect(codeSpan('x ``` y')).toBe('```` x ``` y ````');
  });
});
