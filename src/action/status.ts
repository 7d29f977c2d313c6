/**
 * The issue's living status comment, from the action: `openStatus` before the run's own report is
 * posted (finds our status comment, or creates it, so it stays above the per-run reports), then
 * `closeStatus` after it: the ledger read back from the comment (re-validated), this run added as
 * a row, the comment edited in place and the ledger written to status-ledger.json in the output
 * directory. Nothing here stops a verdict: a failure is returned as a fault.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HypothesisResult } from '../compare/grammar/hypotheses/index.js';
import { headlineOf } from '../compare/history/headline.js';
import { addRun, emptyLedger, readLedgerBlock, type LedgerMode, type LedgerRun, type LedgerThresholds } from '../compare/history/ledger.js';
import { buildTimeline, type ResourceTimeline } from '../compare/history/timeline.js';
import type { ThresholdSpec } from '../compare/grammar/thresholds/index.js';
import type { MeasuredRun } from '../compare/types.js';
import { errorMessage } from '../errors.js';
import { samplesOf, scanSamplesFile } from '../measure/samples-file.js';
import { parseEventsText } from '../measure/stages/events.js';
import { resolveTimeline } from '../measure/stages/resolve.js';
import type { CommentInfo } from '../publish/github.js';
import { findStatusComment, writeStatusComment } from '../publish/status-comment.js';
import { renderStatusComment, STATUS_MARKER } from '../report/status.js';
import { headSha } from './git.js';
import { runUrl } from './publish.js';
import type { Session } from './session.js';

export const STATUS_LEDGER_FILE = 'status-ledger.json';

export interface StatusHandle {
  issueNumber: number;
  comment: CommentInfo | undefined;
  faults: string[];
}

/** What this run adds to the issue's history. */
export interface StatusRun {
  mode: LedgerMode;
  decision: string;
  /** The baseline side's runs (what a measure / baseline run measured). */
  baseline: readonly MeasuredRun[];
  candidate?: readonly MeasuredRun[];
  hypotheses: readonly HypothesisResult[];
  spec?: ThresholdSpec;
  /** Who wrote the issue's block and whether that counts: only when the issue was read. */
  trust?: { author: string; permission: string; trusted: boolean };
  commentUrl?: string;
}

/** Finds our status comment or creates it (a placeholder until this run is done); undefined when there is nothing to do. */
export async function openStatus(session: Session, issueNumber: number | undefined): Promise<StatusHandle | undefined> {
  const { api, config } = session;
  if (!api || issueNumber === undefined || !config.comment.issue) return undefined;
  const handle: StatusHandle = { issueNumber, comment: undefined, faults: [] };
  try {
    handle.comment = await findStatusComment(api, issueNumber, STATUS_MARKER);
    if (!handle.comment) handle.comment = await writeStatusComment(api, issueNumber, undefined, renderStatusComment(emptyLedger(issueNumber)).body);
  } catch (error) {
    handle.faults.push(`status comment on issue #${issueNumber}: ${errorMessage(error)}`);
  }
  return handle;
}

/** The timeline of a run from its samples (and stage events) on disk; null when they cannot be read. */
export function timelineOfRun(profilePath: string, label: string): ResourceTimeline | null {
  const samplesPath = profilePath.replace(/\.ya?ml$/i, '.samples.jsonl');
  if (!existsSync(samplesPath)) return null;
  const scan = scanSamplesFile(samplesPath);
  const start = scan.header.started_at;
  const last = scan.lastSampleT ?? start;
  const eventsPath = scan.header.events_path;
  const parsed = eventsPath && existsSync(eventsPath) ? parseEventsText(readFileSync(eventsPath, 'utf8'), eventsPath) : { events: [], warnings: [] };
  const { timeline } = resolveTimeline({
    spec: scan.header.stage_source,
    runStart: start,
    runEnd: scan.end?.t ?? last,
    events: parsed.events,
    eventWarnings: parsed.warnings,
    eventsPath,
    statuses: scan.statuses,
    statusPath: scan.header.status_file,
  });
  return buildTimeline(samplesOf(samplesPath), timeline.spans, { startedAt: start, lastSampleT: last }, { label, memoryMetric: scan.header.memory_metric });
}

function thresholdsRecord(run: StatusRun): LedgerThresholds | null {
  if (!run.trust) return null;
  return { count: run.spec?.thresholds.length ?? 0, hypotheses: run.spec?.hypotheses?.length ?? 0, ...run.trust };
}

function ledgerRun(session: Session, run: StatusRun): LedgerRun {
  const { context } = session;
  const quality = (run.spec?.thresholds ?? []).map((t) => t.metric);
  const branch = context.pullRequest?.headRef || context.ref.replace(/^refs\/(heads|tags)\//, '');
  const sha = (headSha(session.workingDir) ?? context.pullRequest?.headSha ?? context.sha).slice(0, 7);
  const ref = branch && sha ? `${branch} @ ${sha}` : branch || sha;
  return {
    at: new Date().toISOString(),
    run_url: runUrl(context),
    mode: run.mode,
    ref,
    pr: context.pullRequest?.number ?? context.commentedPullRequest ?? null,
    runner: `${context.runner.name || 'runner'} (${session.keyParts.runnerKey})`,
    decision: run.decision,
    comment_url: run.commentUrl ?? null,
    baseline: headlineOf(run.baseline, quality),
    candidate: run.candidate ? headlineOf(run.candidate, quality) : null,
    hypotheses: run.hypotheses.flatMap((h) => {
      const side = h.sides.find((s) => s.side !== 'candidate');
      return side ? [{ id: h.id.slice(0, 60), verdict: side.verdict, reason: side.reason.slice(0, 300) }] : [];
    }),
    thresholds: thresholdsRecord(run),
  };
}

/** Adds this run to the ledger kept in the status comment and edits the comment; returns the faults. */
export async function closeStatus(session: Session, handle: StatusHandle | undefined, run: StatusRun): Promise<string[]> {
  const { api, io } = session;
  if (!handle || !api) return [];
  const faults = [...handle.faults];
  try {
    const read = readLedgerBlock(handle.comment?.body ?? '', handle.issueNumber);
    if (read.warning) io.warning(read.warning);
    const latest = run.candidate?.at(-1) ?? run.baseline.at(-1);
    let timeline: ResourceTimeline | null = null;
    try {
      if (latest?.files.profile) timeline = timelineOfRun(latest.files.profile, latest.label);
    } catch (error) {
      io.warning(`resource timeline not drawn: ${errorMessage(error)}`);
    }
    const { body, ledger } = renderStatusComment(addRun(read.ledger, ledgerRun(session, run), timeline));
    writeFileSync(join(session.outDir, STATUS_LEDGER_FILE), `${JSON.stringify(ledger, null, 2)}\n`);
    const posted = await writeStatusComment(api, handle.issueNumber, handle.comment, body);
    io.info(`status comment ${posted.action} on issue #${handle.issueNumber}: ${posted.htmlUrl}`);
  } catch (error) {
    faults.push(`status comment on issue #${handle.issueNumber}: ${errorMessage(error)}`);
  }
  return faults;
}
