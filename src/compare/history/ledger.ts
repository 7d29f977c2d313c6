/**
 * The ledger of an optimization issue: every run measured for it (newest first), what the process
 * checklist rests on, records such as `promoted`, and the latest run's resource timeline. It is
 * kept as JSON in a hidden block of the issue's status comment (it outlives caches and artifacts)
 * and is re-validated on every read: a comment body is text anyone with the right access could
 * have edited, so a broken block means starting fresh with a warning, never a crash. Pure.
 */
import { isObject } from '../../formats/validate.js';
import type { ResourceTimeline } from './timeline.js';
import { parseTimeline } from './timeline.js';

export const LEDGER_SCHEMA = 'optimization-gate-ledger/1';
export const LEDGER_BLOCK_START = '<!-- optimization-gate:ledger';
const BLOCK_END = '-->';

/** The headline numbers of one side of a run (medians over its runs; null when not measured). */
export interface Headline {
  runs: number;
  wall_s: number | null;
  peak_mb: number | null;
  cpu_s: number | null;
  cost_usd: number | null;
  /** Eval metrics named by the issue's thresholds (at most a few), by metric path. */
  quality: Record<string, number>;
}

export interface LedgerHypothesis {
  id: string;
  verdict: 'confirmed' | 'rejected' | 'undecided';
  reason: string;
}

export interface LedgerThresholds {
  count: number;
  hypotheses: number;
  author: string;
  permission: string;
  trusted: boolean;
}

export type LedgerMode = 'gate' | 'measure' | 'baseline';

export interface LedgerRun {
  at: string;
  run_url: string;
  mode: LedgerMode;
  /** The ref measured (branch or short sha). */
  ref: string;
  pr: number | null;
  runner: string;
  decision: string;
  /** The run's own report comment on the issue, when one was posted. */
  comment_url: string | null;
  /** The baseline side: a gate's baseline, or what a measure / baseline run measured. */
  baseline: Headline | null;
  /** A gate's candidate. */
  candidate: Headline | null;
  /** Hypotheses evaluated on the baseline side. */
  hypotheses: LedgerHypothesis[];
  /** The issue's block as this run read it; null when the run read no issue. */
  thresholds: LedgerThresholds | null;
}

/**
 * A record that is not a run. `promoted` is written by the promote command (issue 12.3): the run
 * whose candidate became the baseline, by whom, and the pull request that keeps its files.
 */
export interface PromotedRecord {
  kind: 'promoted';
  at: string;
  by: string;
  run_url: string;
  pr_url: string | null;
}

export type LedgerRecord = PromotedRecord;

export interface Ledger {
  schema: typeof LEDGER_SCHEMA;
  issue: number;
  runs: LedgerRun[];
  records: LedgerRecord[];
  /** Rows dropped (oldest first) to keep the comment within GitHub's size limit. */
  dropped: number;
  timeline: ResourceTimeline | null;
}

export function emptyLedger(issue: number): Ledger {
  return { schema: LEDGER_SCHEMA, issue, runs: [], records: [], dropped: 0, timeline: null };
}

const MAX_TEXT = 300;
const str = (v: unknown, max = MAX_TEXT): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const num = (v: unknown): number | null | undefined => (v === null ? null : typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function parseHeadline(v: unknown): Headline | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || !isObject(v.quality)) return undefined;
  const runs = num(v.runs);
  const fields = { wall_s: num(v.wall_s), peak_mb: num(v.peak_mb), cpu_s: num(v.cpu_s), cost_usd: num(v.cost_usd) };
  if (typeof runs !== 'number' || Object.values(fields).some((f) => f === undefined)) return undefined;
  const quality: Record<string, number> = {};
  for (const [k, q] of Object.entries(v.quality)) {
    if (typeof q !== 'number' || !Number.isFinite(q) || k.length > MAX_TEXT) return undefined;
    quality[k] = q;
  }
  return { runs, ...(fields as Omit<Headline, 'runs' | 'quality'>), quality };
}

const VERDICTS = ['confirmed', 'rejected', 'undecided'];
const MODES = ['gate', 'measure', 'baseline'];

function parseRun(v: unknown): LedgerRun | undefined {
  if (!isObject(v)) return undefined;
  const [at, runUrl, ref, runner, decision] = [str(v.at), str(v.run_url), str(v.ref), str(v.runner), str(v.decision)];
  const mode = str(v.mode);
  const commentUrl = v.comment_url === null ? null : str(v.comment_url);
  const pr = num(v.pr);
  const baseline = parseHeadline(v.baseline);
  const candidate = parseHeadline(v.candidate);
  if (at === undefined || runUrl === undefined || ref === undefined || runner === undefined || decision === undefined || commentUrl === undefined) return undefined;
  if (mode === undefined || !MODES.includes(mode) || pr === undefined || baseline === undefined || candidate === undefined || !Array.isArray(v.hypotheses)) return undefined;
  const hypotheses: LedgerHypothesis[] = [];
  for (const h of v.hypotheses) {
    if (!isObject(h)) return undefined;
    const [id, verdict, reason] = [str(h.id, 60), str(h.verdict), str(h.reason)];
    if (id === undefined || verdict === undefined || !VERDICTS.includes(verdict) || reason === undefined) return undefined;
    hypotheses.push({ id, verdict: verdict as LedgerHypothesis['verdict'], reason });
  }
  let thresholds: LedgerThresholds | null = null;
  if (v.thresholds !== null) {
    const t = v.thresholds;
    if (!isObject(t) || typeof t.count !== 'number' || typeof t.hypotheses !== 'number' || typeof t.trusted !== 'boolean') return undefined;
    const [author, permission] = [str(t.author, 100), str(t.permission, 20)];
    if (author === undefined || permission === undefined) return undefined;
    thresholds = { count: t.count, hypotheses: t.hypotheses, author, permission, trusted: t.trusted };
  }
  return { at, run_url: runUrl, mode: mode as LedgerMode, ref, pr, runner, decision, comment_url: commentUrl, baseline, candidate, hypotheses, thresholds };
}

function parseRecord(v: unknown): LedgerRecord | undefined {
  if (!isObject(v) || v.kind !== 'promoted') return undefined;
  const [at, by, runUrl] = [str(v.at), str(v.by, 100), str(v.run_url)];
  const prUrl = v.pr_url === null ? null : str(v.pr_url);
  if (at === undefined || by === undefined || runUrl === undefined || prUrl === undefined) return undefined;
  return { kind: 'promoted', at, by, run_url: runUrl, pr_url: prUrl };
}

/**
 * A ledger from parsed JSON, or why it is not one (every entry is checked; nothing is trusted as is).
 * `issue`: the issue it must belong to (undefined: the one it names, for the CLI).
 */
export function parseLedger(data: unknown, issue: number | undefined): { ledger: Ledger } | { error: string } {
  if (!isObject(data) || data.schema !== LEDGER_SCHEMA) return { error: `not a ${LEDGER_SCHEMA} document` };
  if (typeof data.issue !== 'number' || !Number.isSafeInteger(data.issue) || (issue !== undefined && data.issue !== issue)) {
    return { error: `it belongs to issue ${String(data.issue)}, not #${String(issue)}` };
  }
  if (!Array.isArray(data.runs) || !Array.isArray(data.records) || typeof data.dropped !== 'number') return { error: 'runs, records or dropped missing' };
  const runs: LedgerRun[] = [];
  for (const [i, r] of data.runs.entries()) {
    const run = parseRun(r);
    if (!run) return { error: `runs[${i}] is not a valid run` };
    runs.push(run);
  }
  const records: LedgerRecord[] = [];
  for (const [i, r] of data.records.entries()) {
    const record = parseRecord(r);
    if (!record) return { error: `records[${i}] is not a valid record` };
    records.push(record);
  }
  const timeline = data.timeline === null || data.timeline === undefined ? null : parseTimeline(data.timeline);
  if (timeline === undefined) return { error: 'timeline is not a valid resource timeline' };
  return { ledger: { schema: LEDGER_SCHEMA, issue: data.issue, runs, records, dropped: Math.max(0, Math.floor(data.dropped)), timeline } };
}

/**
 * The hidden block: JSON inside an HTML comment. `--` never occurs in JSON outside strings, and
 * inside strings it is written `-\u002d`, so no value can end the comment early.
 */
export function ledgerBlock(ledger: Ledger): string {
  return `${LEDGER_BLOCK_START}\n${JSON.stringify(ledger).replace(/--/g, '-\\u002d')}\n${BLOCK_END}`;
}

export type LedgerRead = { ledger: Ledger; warning?: string };

/** The ledger kept in a status comment's body; a missing or broken block starts a fresh one (with a warning when broken). */
export function readLedgerBlock(body: string, issue: number | undefined): LedgerRead {
  const start = body.indexOf(LEDGER_BLOCK_START);
  if (start < 0) return { ledger: emptyLedger(issue ?? 0) };
  const from = start + LEDGER_BLOCK_START.length;
  const end = body.indexOf(BLOCK_END, from);
  const fresh = (why: string): LedgerRead => ({ ledger: emptyLedger(issue ?? 0), warning: `the status comment's history block is unreadable (${why}): the history starts afresh` });
  if (end < 0) return fresh('the block is not closed');
  let data: unknown;
  try {
    data = JSON.parse(body.slice(from, end));
  } catch (error) {
    return fresh(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseLedger(data, issue);
  return 'error' in parsed ? fresh(parsed.error) : parsed;
}

/** The ledger with this run added as the newest row. */
export function addRun(ledger: Ledger, run: LedgerRun, timeline: ResourceTimeline | null): Ledger {
  return { ...ledger, runs: [run, ...ledger.runs], timeline: timeline ?? ledger.timeline };
}

/** The ledger with a record added (the promote command adds `promoted`; the checklist ticks from it). */
export function addRecord(ledger: Ledger, record: LedgerRecord): Ledger {
  return { ...ledger, records: [...ledger.records, record] };
}

/** The ledger with its oldest `n` rows dropped (counted, so the comment says so). */
export function dropOldest(ledger: Ledger, n: number): Ledger {
  const kept = ledger.runs.slice(0, Math.max(0, ledger.runs.length - n));
  return { ...ledger, runs: kept, dropped: ledger.dropped + (ledger.runs.length - kept.length) };
}
