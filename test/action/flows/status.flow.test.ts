/**
 * The issue's living status comment, in process through `run()` against the loopback GitHub: created
 * once, edited in place by every later run for the issue, its checklist ticked only where a run is
 * evidence, its history one row longer per run; a marker in someone else's comment is ignored and a
 * broken history block starts afresh with a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowDispatchEvent } from '../../fakes/index.js';
import { readLedgerBlock } from '../../../src/compare/history/ledger.js';
import { STATUS_MARKER } from '../../../src/report/status.js';
import { ISSUE_BODY, OPTIMIZATION_REPO } from '../../helpers/optimization-repo.js';
import { INPUTS, SLOW, World } from './world.js';

const HYPOTHESES = [
  'hypotheses:',
  '  H1:',
  '    claim: transcription dominates the summed stage time',
  '    check: "share(profile.stages.transcribe.wall_time_s, sum(profile.stages.*.wall_time_s)) >= 0.5"',
].join('\n');
const BODY = ISSUE_BODY.replace('\n```\n', `\n${HYPOTHESES}\n\`\`\`\n`);
const FORGED = `${STATUS_MARKER}\nforged\n<!-- optimization-gate:ledger\n{"schema":"optimization-gate-ledger/1","issue":9,"runs":[],"records":[{"kind":"promoted","at":"2026-01-01T00:00:00Z","by":"mallory","run_url":"https://example.com/x","pr_url":null}],"dropped":0,"timeline":null}\n-->`;

let world: World;
beforeAll(async () => {
  world = await World.start({
    ...OPTIMIZATION_REPO,
    issues: [...(OPTIMIZATION_REPO.issues ?? []), { number: 9, user: 'maintainer', title: 'Faster transcription, with hypotheses', body: BODY, comments: [{ body: FORGED, user: 'mallory' }] }],
  });
});
afterAll(() => world?.stop());

function dispatch(issue: number, inputs: Record<string, string>, workspace = world.gitWorkspace()) {
  return world.main({ eventName: 'workflow_dispatch', event: workflowDispatchEvent(world.github, { 'issue-number': String(issue) }), workspace, inputs: { ...INPUTS, comment: 'issue', ...inputs } });
}

const ours = (issue: number) => world.github.comments(issue).filter((c) => c.body.startsWith(STATUS_MARKER) && c.user !== 'mallory');
const boxes = (body: string) => [...body.matchAll(/^- \[([ x])\] \*\*(.+?)\*\*/gm)].map((m) => `${m[1]} ${m[2]}`);

describe('status comment', () => {
  it('created once by the first run, edited by the next; ticks only from evidence; history grows by one row per run', async () => {
    const measured = await dispatch(9, { mode: 'measure' }, world.workspace(SLOW));
    expect(measured.io.failed, measured.io.text()).toEqual([]);
    const [status] = ours(9);
    expect(ours(9)).toHaveLength(1);
    // Above the run's own report, which follows it.
    const comments = world.github.comments(9);
    expect(comments.indexOf(status!)).toBe(comments.length - 2);
    expect(comments.at(-1)?.body).toMatch(/^### 📏 optimization-gate: measured/);
    expect(boxes(status!.body)).toEqual([
      'x Thresholds parsed',
      'x Hypotheses written',
      'x Baseline quality measured (eval)',
      'x Baseline performance measured (profile)',
      'x Hypotheses validated',
      '  Candidate validated against the baseline',
      '  Decision posted',
      '  Promoted',
    ]);
    expect(status!.body).toContain('4 thresholds written by `maintainer` (write permission: trusted)');
    expect(status!.body).toContain('H1 confirmed');
    // The problem definition: the baseline's quality, cost and time, as declared by the script.
    expect(status!.body).toContain('| Quality `eval.vs_reference.silver.rougeL_f1` | 0.33 |');
    expect(status!.body).toContain('| Cost per run (USD) | 0.05 |');
    expect(status!.body).toContain('| Time: run wall (s) | 0.95 |');
    const first = readLedgerBlock(status!.body, 9);
    expect(first.warning).toBeUndefined();
    expect(first.ledger.runs.map((r) => [r.mode, r.decision])).toEqual([['measure', 'measured']]);
    // The forged comment's "promoted" record was never read.
    expect(first.ledger.records).toEqual([]);
    expect(first.ledger.timeline?.stages.map((s) => s.stage)).toEqual(['fetch', 'transcribe', 'summarize']);
    expect(first.ledger.timeline?.points.length).toBeGreaterThan(1);
    expect(JSON.parse(readFileSync(join(measured.outDir, 'status-ledger.json'), 'utf8'))).toEqual(first.ledger);

    const gated = await dispatch(9, { baseline: 'ref:main' });
    expect(gated.io.failed, gated.io.text()).toEqual([]);
    expect(gated.io.outputs.get('decision')).toBe('ship');
    expect(ours(9).map((c) => c.id)).toEqual([status!.id]);
    const edited = ours(9)[0]!.body;
    if (process.env.DUMP_STATUS) (await import('node:fs')).writeFileSync(process.env.DUMP_STATUS, edited);
    expect(boxes(edited).filter((b) => b.startsWith('x'))).toHaveLength(7);
    expect(boxes(edited).at(-1)).toBe('  Promoted');
    const report = world.github.comments(9).at(-1)!;
    expect(edited).toContain(`ship · [report](https://github.com/acme/podcast-pipeline/issues/9#issuecomment-${report.id})`);
    const second = readLedgerBlock(edited, 9).ledger;
    expect(second.runs.map((r) => [r.mode, r.decision])).toEqual([
      ['gate', 'ship'],
      ['measure', 'measured'],
    ]);
    expect(second.runs[0]?.baseline?.wall_s).toBe(0.95);
    expect(second.runs[0]?.candidate?.wall_s).toBe(0.4);
    expect(edited).toContain('xychart-beta');
    expect(edited).toContain('| 0.95 → 0.4 |');
    // The forged comment is left as it was.
    expect(world.github.comments(9).find((c) => c.user === 'mallory')?.body).toBe(FORGED);
  });

  it('a broken history block starts afresh with a warning, never a crash', async () => {
    const status = ours(9)[0]!;
    status.body = status.body.replace('"schema":"optimization-gate-ledger/1"', '"schema":"optimization-gate-ledger/1","runs":{');
    const { io } = await dispatch(9, { mode: 'measure' }, world.workspace(SLOW));
    expect(io.failed, io.text()).toEqual([]);
    expect(io.messages('warning')).toContainEqual(expect.stringMatching(/^the status comment's history block is unreadable \(not JSON: .*\): the history starts afresh$/));
    expect(readLedgerBlock(ours(9)[0]!.body, 9).ledger.runs).toHaveLength(1);
  });

  it('a refresh that names the issue adds its row; the refresh comments nothing else there without a drift', async () => {
    const before = world.github.comments(9).length;
    const runs = readLedgerBlock(ours(9)[0]!.body, 9).ledger.runs.length;
    const { io } = await world.main({
      eventName: 'schedule',
      event: { schedule: '0 3 * * *' },
      workspace: world.workspace(SLOW),
      inputs: { ...INPUTS, mode: 'baseline', 'issue-number': '9', comment: 'issue' },
    });
    expect(io.failed, io.text()).toEqual([]);
    expect(world.github.comments(9)).toHaveLength(before);
    const ledger = readLedgerBlock(ours(9)[0]!.body, 9).ledger;
    expect(ledger.runs).toHaveLength(runs + 1);
    expect(ledger.runs[0]).toMatchObject({ mode: 'baseline', decision: 'measured', comment_url: null, baseline: { wall_s: 0.95, cost_usd: 0.05 } });
  });

  it('an untrusted author: the thresholds box stays open and says why', async () => {
    const { io } = await dispatch(8, { baseline: 'ref:main' });
    expect(io.outputs.get('decision')).toBe('reject');
    const body = ours(8)[0]!.body;
    expect(boxes(body).filter((b) => b.startsWith('x'))).toEqual([]);
    expect(body).toContain('not trusted: written by `drive-by` with none permission (needs write, maintain or admin)');
  });
});
