/**
 * The living status comment of an optimization issue, a pure function of its ledger: the process
 * checklist (each box ticked only from a run that is evidence of it, with the link), the problem
 * definition (the baseline's quality, cost and time), the history of every run with a trend chart,
 * the latest run's resource timeline, and the ledger itself in a hidden block. Every value read
 * back from the ledger is untrusted text: escaped, and links only to https URLs of a plain shape.
 */
import { dropOldest, ledgerBlock, type Headline, type Ledger, type LedgerRun } from '../compare/history/ledger.js';
import type { ResourceTimeline } from '../compare/history/timeline.js';
import { maxOf } from '../collections.js';
import { codeSpan, escapeInline } from './escape.js';
import { escapeProse } from './hypotheses.js';

export const STATUS_MARKER = '<!-- optimization-gate:status -->';
/** GitHub refuses comment bodies over 65 536 characters (as publish/comments.ts). */
const MAX_COMMENT_CHARS = 65_536;

/** A link only to an https URL without characters that could end the link or start markup. */
function link(text: string, url: string | null | undefined): string {
  return url && /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9/_.~%#?=&+:-]*$/.test(url) ? `[${text}](${url})` : text;
}

const fmt = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined ? '—' : String(Number(v.toPrecision(digits + 1))));
const cell = (text: string): string => escapeProse(text);
const date = (iso: string): string => escapeInline(iso.slice(0, 16).replace('T', ' '));

/** The run a measurement of the baseline came from: a gate's baseline side, or a measure / baseline run. */
function baselineRuns(ledger: Ledger): LedgerRun[] {
  return ledger.runs.filter((r) => r.baseline !== null);
}

function checklist(ledger: Ledger): string[] {
  const box = (done: boolean, what: string, evidence: string): string => `- [${done ? 'x' : ' '}] **${what}** — ${evidence}`;
  const read = ledger.runs.find((r) => r.thresholds !== null);
  const trusted = ledger.runs.find((r) => r.thresholds?.trusted && r.thresholds.count + r.thresholds.hypotheses > 0);
  const written = ledger.runs.find((r) => r.thresholds?.trusted && r.thresholds.hypotheses > 0);
  const withEval = baselineRuns(ledger).find((r) => Object.keys(r.baseline?.quality ?? {}).length > 0);
  const withProfile = baselineRuns(ledger).find((r) => r.baseline?.wall_s !== null);
  const validated = ledger.runs.find((r) => r.hypotheses.length > 0 && r.hypotheses.every((h) => h.verdict !== 'undecided'));
  const gated = ledger.runs.find((r) => r.mode === 'gate' && r.candidate !== null && r.baseline !== null);
  const posted = ledger.runs.find((r) => r.mode === 'gate' && r.candidate !== null && r.comment_url !== null);
  // The newest promotion: a later one replaces the baseline an earlier one set.
  const promoted = ledger.records.findLast((r) => r.kind === 'promoted');
  const t = trusted?.thresholds;
  const lines = [
    box(
      trusted !== undefined,
      'Thresholds parsed',
      t
        ? `${t.count} threshold${t.count === 1 ? '' : 's'} written by ${codeSpan(t.author)} (${escapeInline(t.permission)} permission: trusted) · ${link('run', trusted?.run_url)}`
        : read?.thresholds && !read.thresholds.trusted
          ? `not trusted: written by ${codeSpan(read.thresholds.author)} with ${escapeInline(read.thresholds.permission)} permission (needs write, maintain or admin) · ${link('run', read.run_url)}`
          : 'no run has read a threshold block on this issue yet',
    ),
    box(written !== undefined, 'Hypotheses written', written?.thresholds ? `${written.thresholds.hypotheses} on the issue · ${link('run', written.run_url)}` : 'none read from the issue yet'),
    box(
      withEval !== undefined,
      'Baseline quality measured (eval)',
      withEval
        ? `${Object.keys(withEval.baseline?.quality ?? {})
            .map(codeSpan)
            .join(', ')} · ${link('run', withEval.run_url)}`
        : 'no baseline run with eval metrics named by the thresholds yet',
    ),
    box(
      withProfile !== undefined,
      'Baseline performance measured (profile)',
      withProfile ? `${withProfile.baseline?.runs ?? 0} run(s), wall ${fmt(withProfile.baseline?.wall_s)} s · ${link('run', withProfile.run_url)}` : 'no baseline profile yet',
    ),
    box(
      validated !== undefined,
      'Hypotheses validated',
      validated
        ? `${validated.hypotheses.map((h) => `${escapeInline(h.id)} ${h.verdict}`).join(', ')} · ${link('run', validated.run_url)}`
        : ledger.runs.some((r) => r.hypotheses.length > 0)
          ? 'evaluated, but some are still undecided'
          : 'not evaluated yet',
    ),
    box(
      gated !== undefined,
      'Candidate validated against the baseline',
      gated ? `${escapeInline(gated.decision)} for ${codeSpan(gated.ref)} · ${link('run', gated.run_url)}` : 'no gate has compared a candidate yet',
    ),
    box(posted !== undefined, 'Decision posted', posted ? `${escapeInline(posted.decision)} · ${link('report', posted.comment_url)}` : 'no decision comment yet'),
    box(
      promoted !== undefined,
      'Promoted',
      promoted ? `by ${codeSpan(promoted.by)} on ${date(promoted.at)} · ${link('run', promoted.run_url)}${promoted.pr_url ? ` · ${link('pull request', promoted.pr_url)}` : ''}` : 'not yet',
    ),
  ];
  return lines;
}

function problemDefinition(ledger: Ledger): string[] {
  const run = baselineRuns(ledger)[0];
  const b = run?.baseline;
  if (!run || !b) return ['_No baseline measured for this issue yet: dispatch a measurement, or open a pull request that gates._'];
  const rows: Array<[string, string]> = [
    ...Object.entries(b.quality).map(([metric, value]): [string, string] => [`Quality ${codeSpan(metric)}`, fmt(value, 4)]),
    ['Cost per run (USD)', fmt(b.cost_usd, 4)],
    ['Time: run wall (s)', fmt(b.wall_s)],
    ['CPU time (s)', fmt(b.cpu_s)],
    ['Peak memory (MiB)', fmt(b.peak_mb)],
  ];
  return [
    `Baseline as measured ${date(run.at)} (${b.runs} run${b.runs === 1 ? '' : 's'}, medians) · ${link('run', run.run_url)}`,
    '',
    '| Metric | Baseline |',
    '|---|---:|',
    ...rows.map(([m, v]) => `| ${m} | ${v} |`),
  ];
}

const side = (h: Headline | null, pick: (x: Headline) => number | null, digits = 3): string => (h ? fmt(pick(h), digits) : '—');
const pair = (r: LedgerRun, pick: (x: Headline) => number | null, digits = 3): string =>
  r.candidate ? `${side(r.baseline, pick, digits)} → ${side(r.candidate, pick, digits)}` : side(r.baseline, pick, digits);

function history(ledger: Ledger): string[] {
  if (ledger.runs.length === 0) return ['_No run yet._'];
  const lines = [
    '| Date (UTC) | Ref / PR | Runner | Mode | Decision | Wall s | Peak MiB | Cost USD | Quality |',
    '|---|---|---|---|---|---:|---:|---:|---|',
    ...ledger.runs.map((r) => {
      const quality = Object.entries(r.candidate?.quality ?? r.baseline?.quality ?? {})
        .map(([m, v]) => `${escapeInline(m.split('.').slice(-1)[0] ?? m)} ${fmt(v, 4)}`)
        .join(', ');
      const ref = `${codeSpan(r.ref)}${r.pr !== null ? ` (PR ${r.pr})` : ''}`;
      return `| ${link(date(r.at), r.run_url)} | ${ref} | ${cell(r.runner)} | ${r.mode} | ${link(cell(r.decision), r.comment_url)} | ${pair(r, (h) => h.wall_s)} | ${pair(r, (h) => h.peak_mb)} | ${pair(r, (h) => h.cost_usd, 4)} | ${quality || '—'} |`;
    }),
  ];
  if (ledger.dropped > 0) lines.push('', `_${ledger.dropped} older run${ledger.dropped === 1 ? '' : 's'} dropped to keep this comment within GitHub's size limit._`);
  return lines;
}

/** Mermaid string literal: no quote, backtick, line break or `%%` from a name can break it or the fence. */
export function mermaidText(text: string, max = 60): string {
  return `"${text
    .replace(/["`]/g, "'")
    .replace(/%%/g, '%')
    .replace(/[\r\n]+/g, ' ')
    .slice(0, max)}"`;
}

function lineChart(title: string, labels: readonly string[], yTitle: string, series: ReadonlyArray<readonly number[]>): string[] {
  const top = Math.max(maxOf(series.flat()), 0);
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${mermaidText(title, 200)}`,
    `  x-axis [${labels.map((l) => mermaidText(l)).join(', ')}]`,
    `  y-axis ${mermaidText(yTitle)} 0 --> ${fmt(top > 0 ? top * 1.1 : 1)}`,
    ...series.map((s) => `  line [${s.map((v) => fmt(v)).join(', ')}]`),
    '```',
  ];
}

/** Wall time of what each run measured (the candidate of a gate, else the baseline), oldest first. */
function trend(ledger: Ledger): string[] {
  const points = [...ledger.runs].reverse().flatMap((r, i) => {
    const wall = (r.candidate ?? r.baseline)?.wall_s;
    return wall === null || wall === undefined ? [] : [{ label: `${i + 1 + ledger.dropped} ${r.mode}`, wall }];
  });
  if (points.length < 2) return [];
  return lineChart(
    'Run wall time per run (s): the gate candidate, or the baseline measured',
    points.map((p) => p.label),
    'seconds',
    [points.map((p) => p.wall)],
  );
}

function timelineSection(t: ResourceTimeline | null): string[] {
  if (!t || t.points.length === 0) return ['_No samples from a run yet._'];
  const labels = t.points.map((p) => {
    const starting = t.stages.filter((s) => s.start <= p.t && !t.points.some((q) => q.t < p.t && q.t >= s.start)).map((s) => s.stage);
    return `${fmt(p.t)}s${starting.length > 0 ? ` ${starting.join('+')}` : ''}`;
  });
  const cpu = t.points.map((p) => p.cpu_pct ?? 0);
  return [
    `Latest run: ${escapeInline(t.label)} (memory: ${escapeInline(t.memory_metric)}; ${t.points.length} points, each the highest memory and the mean CPU of its slice)`,
    '',
    ...lineChart('Memory of the process tree (MiB)', labels, 'MiB', [t.points.map((p) => p.mem_mb)]),
    '',
    ...lineChart('CPU of the process tree (% of one core)', labels, '%', [cpu]),
    '',
    '| Stage | Start (s) | End (s) |',
    '|---|---:|---:|',
    ...t.stages.map((s) => `| ${cell(s.stage)} | ${fmt(s.start)} | ${fmt(s.end)} |`),
  ];
}

function render(ledger: Ledger): string {
  const chart = trend(ledger);
  return [
    STATUS_MARKER,
    `## 🧭 optimization-gate status of this issue`,
    "_Edited in place by every run for this issue; each run's full report is its own comment. The history is kept in this comment (hidden block at the end): `optimization-gate status --issue-comment-file` reads it._",
    '',
    '### Process',
    ...checklist(ledger),
    '',
    '### Problem definition',
    ...problemDefinition(ledger),
    '',
    `### History (${ledger.runs.length + ledger.dropped} run${ledger.runs.length + ledger.dropped === 1 ? '' : 's'}, newest first)`,
    ...history(ledger),
    ...(chart.length > 0 ? ['', ...chart] : []),
    '',
    '### Resource timeline of the latest run',
    ...timelineSection(ledger.timeline),
    '',
    ledgerBlock(ledger),
    '',
  ].join('\n');
}

/**
 * The comment body and the ledger it holds, within GitHub's limit: the oldest rows are dropped
 * (and counted) until it fits; the timeline goes last.
 */
export function renderStatusComment(ledger: Ledger): { body: string; ledger: Ledger } {
  let current = ledger;
  let body = render(current);
  while (body.length > MAX_COMMENT_CHARS && current.runs.length > 1) {
    current = dropOldest(current, Math.max(1, Math.ceil(current.runs.length / 10)));
    body = render(current);
  }
  if (body.length > MAX_COMMENT_CHARS) {
    current = { ...current, timeline: null };
    body = render(current);
  }
  return { body, ledger: current };
}
