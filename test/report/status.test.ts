/**
 * The status comment and its ledger, pure: headlines of the real issue-477 profiles (and the real
 * openai smoke eval), the checklist from evidence only, the hidden block read back (and refused when
 * forged or broken), untrusted text made inert, the size limit, and the timeline's downsampling.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headlineOf } from '../../src/compare/history/headline.js';
import { addRecord, addRun, emptyLedger, ledgerBlock, readLedgerBlock, type Ledger, type LedgerRun } from '../../src/compare/history/ledger.js';
import { buildTimeline } from '../../src/compare/history/timeline.js';
import { renderStatusComment, STATUS_MARKER } from '../../src/report/status.js';
import { BUNDLED_PROFILE, OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';
import { run } from '../compare/helpers.js';

const QUALITY = 'eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1';
const staged = headlineOf([run(STAGED_PROFILE, OPENAI_EVAL_DIR)], [QUALITY, 'profile.totals.wall_time_s']);
const bundled = headlineOf([run(BUNDLED_PROFILE, OPENAI_EVAL_DIR)], [QUALITY]);

function row(extra: Partial<LedgerRun> = {}): LedgerRun {
  return {
    at: '2026-04-12T10:43:31Z',
    run_url: 'https://github.com/acme/podcast-pipeline/actions/runs/11',
    mode: 'measure',
    ref: 'main @ 96f74c2',
    pr: null,
    runner: 'gpu-1 (self-hosted-linux-x64)',
    decision: 'measured',
    comment_url: null,
    baseline: staged,
    candidate: null,
    hypotheses: [],
    thresholds: { count: 2, hypotheses: 1, author: 'maintainer', permission: 'write', trusted: true },
    ...extra,
  };
}

const boxes = (body: string) => [...body.matchAll(/^- \[([ x])\] \*\*(.+?)\*\*/gm)].map((m) => `${m[1]} ${m[2]}`);

describe('headline of a side', () => {
  it('the issue-477 profiles: run wall, peak memory and the eval metric the thresholds name', () => {
    expect(staged).toEqual({ runs: 1, wall_s: 40.3144, peak_mb: 645, cpu_s: null, cost_usd: null, quality: { [QUALITY]: 0.3140222928030686 } });
    expect(bundled?.wall_s).toBe(21.5184);
    expect(headlineOf([], [QUALITY])).toBeNull();
  });
});

describe('checklist', () => {
  it('a fresh ledger ticks nothing', () => {
    expect(boxes(renderStatusComment(emptyLedger(477)).body).filter((b) => b.startsWith('x'))).toEqual([]);
  });

  it('ticks each box only from the run that is evidence of it, with its link', () => {
    const measured = row({
      hypotheses: [{ id: 'H1', verdict: 'confirmed', reason: '84.6 % of summed stage wall time (transcript_cleaning 42.08 s + summarization 45.9 s of 104.03 s), needs ≥ 50 %' }],
    });
    const afterMeasure = renderStatusComment(addRun(emptyLedger(477), measured, null)).body;
    expect(boxes(afterMeasure)).toEqual([
      'x Thresholds parsed',
      'x Hypotheses written',
      'x Baseline quality measured (eval)',
      'x Baseline performance measured (profile)',
      'x Hypotheses validated',
      '  Candidate validated against the baseline',
      '  Decision posted',
      '  Promoted',
    ]);
    expect(afterMeasure).toContain('| Time: run wall (s) | 40.31 |');
    expect(afterMeasure).toContain('| Quality `eval.vs_reference.silver_sonnet46_smoke_bullets_v1.rougeL_f1` | 0.31402 |');
    const gate = row({
      mode: 'gate',
      decision: 'ship',
      candidate: bundled,
      comment_url: 'https://github.com/acme/podcast-pipeline/issues/477#issuecomment-5',
      run_url: 'https://github.com/acme/podcast-pipeline/actions/runs/12',
    });
    let ledger = addRun(addRun(emptyLedger(477), measured, null), gate, null);
    const afterGate = renderStatusComment(ledger).body;
    expect(boxes(afterGate).filter((b) => b.startsWith(' '))).toEqual(['  Promoted']);
    expect(afterGate).toContain('**Decision posted** — ship · [report](https://github.com/acme/podcast-pipeline/issues/477#issuecomment-5)');
    expect(afterGate).toContain('| 40.31 → 21.52 | 645 → 644 |');
    ledger = addRecord(ledger, { kind: 'promoted', at: '2026-04-13T08:00:00Z', by: 'maintainer', run_url: gate.run_url, pr_url: 'https://github.com/acme/podcast-pipeline/pull/9' });
    expect(boxes(renderStatusComment(ledger).body).at(-1)).toBe('x Promoted');
  });

  it('an undecided hypothesis, an untrusted author and a run without eval leave their boxes open', () => {
    const body = renderStatusComment(
      addRun(
        emptyLedger(477),
        row({
          baseline: { ...staged!, quality: {} },
          hypotheses: [{ id: 'H2', verdict: 'undecided', reason: 'no cost data' }],
          thresholds: { count: 2, hypotheses: 1, author: 'drive-by', permission: 'read', trusted: false },
        }),
        null,
      ),
    ).body;
    expect(boxes(body).filter((b) => b.startsWith('x'))).toEqual(['x Baseline performance measured (profile)']);
    expect(body).toContain('not trusted: written by `drive-by` with read permission');
    expect(body).toContain('evaluated, but some are still undecided');
  });
});

describe('the hidden block', () => {
  it('round-trips, and `--` in a value cannot close the comment early', () => {
    const ledger = addRun(emptyLedger(477), row({ ref: 'x --> <img src=x> @alice' }), null);
    const { body } = renderStatusComment(ledger);
    expect(body.startsWith(STATUS_MARKER)).toBe(true);
    const block = body.slice(body.indexOf('<!-- optimization-gate:ledger'));
    expect(block.indexOf('-->')).toBe(block.length - 4);
    expect(readLedgerBlock(body, 477)).toEqual({ ledger });
  });

  it('untrusted text is inert in the rendered comment; a link only to a plain https URL', () => {
    const body = renderStatusComment(addRun(emptyLedger(477), row({ runner: '@alice <b>x</b> #12', decision: 'ship](javascript:alert(1))', run_url: 'javascript:alert(1)' }), null)).body;
    const visible = body.slice(0, body.indexOf('<!-- optimization-gate:ledger'));
    expect(visible).toContain('@\u200balice &lt;b>x&lt;/b> #\u200b12');
    expect(visible).not.toContain('](javascript');
    expect(visible).not.toContain('[run](javascript');
  });

  it('a broken or foreign block starts afresh with a warning; one of another issue is refused', () => {
    const good = ledgerBlock(addRun(emptyLedger(477), row(), null));
    expect(readLedgerBlock(good.replace('"runs":[', '"runs":[1,'), 477).warning).toBe("the status comment's history block is unreadable (runs[0] is not a valid run): the history starts afresh");
    expect(readLedgerBlock(good.replace('"mode":"measure"', '"mode":"rm -rf"'), 477).ledger.runs).toEqual([]);
    expect(readLedgerBlock(good, 478).warning).toMatch(/belongs to issue 477, not #478/);
    expect(readLedgerBlock(good.slice(0, -3), 477).warning).toMatch(/not closed/);
    expect(readLedgerBlock('no block here', 477)).toEqual({ ledger: emptyLedger(477) });
  });
});

describe('size', () => {
  it('drops the oldest rows, counted, to stay within 65 536 characters', () => {
    let ledger: Ledger = emptyLedger(477);
    for (let i = 0; i < 400; i++) ledger = addRun(ledger, row({ at: `2026-04-12T10:${String(i % 60).padStart(2, '0')}:00Z`, ref: `branch-${i} @ 96f74c2` }), null);
    const fitted = renderStatusComment(ledger);
    expect(fitted.body.length).toBeLessThanOrEqual(65_536);
    expect(fitted.ledger.runs.length + fitted.ledger.dropped).toBe(400);
    expect(fitted.ledger.dropped).toBeGreaterThan(0);
    expect(fitted.ledger.runs[0]?.ref).toBe('branch-399 @ 96f74c2');
    expect(fitted.body).toContain(`_${fitted.ledger.dropped} older runs dropped to keep this comment within GitHub's size limit._`);
    expect(readLedgerBlock(fitted.body, 477).ledger).toEqual(fitted.ledger);
  });
});

describe('resource timeline', () => {
  it("keeps each slice's highest memory and mean CPU, at most the points asked for, and the stage boundaries", () => {
    const samples = Array.from({ length: 1000 }, (_, i) => ({ t: 100 + i * 0.1, mem_mb: i === 555 ? 900 : 100 + (i % 10), cpu_pct: i === 0 ? null : 50 }));
    const t = buildTimeline(
      samples,
      [
        { stage: 'b', start: 150, end: 199.9 },
        { stage: 'a', start: 100, end: 150 },
      ],
      { startedAt: 100, lastSampleT: 199.9 },
      { label: 'run.yaml', memoryMetric: 'pss_sum' },
      10,
    );
    expect(t?.points).toHaveLength(10);
    expect(t?.points.map((p) => p.mem_mb)).toEqual([109, 109, 109, 109, 109, 900, 109, 109, 109, 109]);
    expect(t?.points[0]?.cpu_pct).toBe(50);
    expect(t?.stages).toEqual([
      { stage: 'a', start: 0, end: 50 },
      { stage: 'b', start: 50, end: 99.9 },
    ]);
    const body = renderStatusComment({ ...emptyLedger(477), timeline: t }).body;
    expect(body).toContain('line [109, 109, 109, 109, 109, 900, 109, 109, 109, 109]');
    expect(body).toContain('| b | 50 | 99.9 |');
    expect(buildTimeline([], [], { startedAt: 0, lastSampleT: 0 }, { label: 'x', memoryMetric: 'pss_sum' })).toBeNull();
  });
});

describe('docs/status-comment.md', () => {
  it('shows the status comment this code renders for the issue-477 example', () => {
    const measured = row({
      hypotheses: [{ id: 'H1', verdict: 'confirmed', reason: '84.6 % of summed stage wall time (transcript_cleaning 42.08 s + summarization 45.9 s of 104.03 s), needs ≥ 50 %' }],
    });
    const gate = row({
      at: '2026-04-12T14:02:10Z',
      mode: 'gate',
      decision: 'ship',
      ref: 'issue-477-bundle @ 3c1d2e9',
      pr: 481,
      candidate: bundled,
      run_url: 'https://github.com/acme/podcast-pipeline/actions/runs/12',
      comment_url: 'https://github.com/acme/podcast-pipeline/issues/477#issuecomment-5',
    });
    const samples = Array.from({ length: 216 }, (_, i) => ({ t: i * 0.1, mem_mb: 600 + Math.min(i, 40), cpu_pct: i === 0 ? null : i < 120 ? 20 : 60 }));
    const timeline = buildTimeline(
      samples,
      [
        { stage: 'speaker_detection', start: 0, end: 2.7 },
        { stage: 'cleaning_and_summary', start: 2.7, end: 12 },
        { stage: 'gi_generation', start: 12, end: 21.5 },
      ],
      { startedAt: 0, lastSampleT: 21.5 },
      { label: 'candidate.yaml', memoryMetric: 'pss_sum' },
      12,
    );
    const body = renderStatusComment(addRun(addRun(emptyLedger(477), measured, null), gate, timeline)).body;
    const path = join(dirname(fileURLToPath(import.meta.url)), '../../docs/status-comment.md');
    const doc = readFileSync(path, 'utf8');
    const section = `<!-- example:start -->\n${body}<!-- example:end -->`;
    if (process.env.UPDATE_DOCS)
      writeFileSync(
        path,
        doc.replace(/<!-- example:start -->[\s\S]*<!-- example:end -->/, () => section),
      );
    expect(readFileSync(path, 'utf8')).toContain(section);
  });
});

describe('README.md', () => {
  it("shows an excerpt of docs/status-comment.md's rendered example, line for line", () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const excerpt = /<!-- status-excerpt:start -->\n([\s\S]*?)\n<!-- status-excerpt:end -->/.exec(readme)?.[1];
    expect(excerpt?.split('\n').length).toBeGreaterThan(15);
    const example = /<!-- example:start -->\n([\s\S]*?)<!-- example:end -->/.exec(readFileSync(join(root, 'docs/status-comment.md'), 'utf8'))?.[1];
    expect(example).toContain(`\n${excerpt}\n`);
    expect(excerpt).toContain('- [x] **Hypotheses validated** — H1 confirmed');
  });
});
