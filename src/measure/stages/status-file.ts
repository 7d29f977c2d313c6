/**
 * A polled status file (the `.pipeline_status.json` shape: `stage`, `stage_started_at`). Coarser
 * than events: a stage shorter than the poll interval can be missed entirely, and only one stage
 * is active at a time. A change of `stage` ends the previous stage where the new one says it started.
 */
import { readFileSync, statSync } from 'node:fs';
import { isObject } from '../../formats/validate.js';
import type { StatusObservation } from '../samples-file.js';
import { clamp, type StageSpan, type StageTimeline } from './source.js';

/** `stage` values that mean "no stage running". */
const IDLE = new Set(['', 'idle', 'done', 'complete', 'completed', 'finished', 'success', 'succeeded', 'failed', 'error', 'stopped']);

/** Epoch seconds from an ISO string or a number (seconds, or milliseconds when implausibly large). */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value > 1e11 ? value / 1000 : value;
  if (typeof value === 'string' && value.trim() !== '') {
    const ms = Date.parse(value.trim());
    return Number.isFinite(ms) ? ms / 1000 : null;
  }
  return null;
}

/** Reads the two keys we use; undefined when the text is not (yet) a complete JSON object. */
export function parseStatusText(text: string): { stage: string | null; started_at: number | null } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined; // caught mid-write: try again next tick
  }
  if (!isObject(data)) return undefined;
  const raw = typeof data.stage === 'string' ? data.stage.trim() : null;
  const stage = raw === null || IDLE.has(raw.toLowerCase()) ? null : raw;
  return { stage, started_at: parseTimestamp(data.stage_started_at) };
}

/** Polls the file each tick; reads it only when its mtime or size changed since the last look. */
export class StatusFilePoller {
  private lastSignature: string | undefined;
  private last: { stage: string | null; started_at: number | null } | undefined;
  readonly observations: StatusObservation[] = [];

  constructor(readonly path: string) {
    // Whatever the file says before the run is a previous run's state: only changes count.
    this.lastSignature = this.signature();
  }

  private signature(): string | undefined {
    const stat = statSync(this.path, { throwIfNoEntry: false });
    return stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : undefined;
  }

  private missingSince: number | undefined;

  /** Returns the new observation when the file changed to another stage. */
  poll(t: number): StatusObservation | undefined {
    // While the file does not exist, look for it once a second, not at every tick: its first
    // content carries its own stage_started_at, so a late first look loses nothing.
    if (this.missingSince !== undefined && t - this.missingSince < 1) return undefined;
    const signature = this.signature();
    this.missingSince = signature === undefined ? t : undefined;
    if (signature === undefined || signature === this.lastSignature) return undefined;
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = parseStatusText(text);
    if (!parsed) return undefined;
    this.lastSignature = signature;
    if (this.last && this.last.stage === parsed.stage && this.last.started_at === parsed.started_at) return undefined;
    this.last = parsed;
    const observation = { t, ...parsed };
    this.observations.push(observation);
    return observation;
  }
}

/** Builds the stage timeline from what the status file said during the run (pure). */
export function timelineFromStatus(observations: readonly StatusObservation[], runStart: number, runEnd: number, file: string): StageTimeline {
  const spans: StageSpan[] = [];
  let current: { stage: string; start: number } | undefined;
  for (const o of observations) {
    // The file's own start time is better than our poll time, when it is plausible.
    const floor = current ? current.start : runStart;
    const at = o.started_at !== null && o.stage !== null ? clamp(o.started_at, floor, o.t) : clamp(o.t, floor, runEnd);
    if (current && current.stage === o.stage) continue;
    if (current) spans.push({ stage: current.stage, start: current.start, end: clamp(at, current.start, runEnd) });
    current = o.stage === null ? undefined : { stage: o.stage, start: clamp(at, runStart, runEnd) };
  }
  const openAtEnd: string[] = [];
  if (current) {
    spans.push({ stage: current.stage, start: current.start, end: runEnd });
  }
  const walls: Record<string, number> = {};
  for (const span of spans) walls[span.stage] = (walls[span.stage] ?? 0) + (span.end - span.start);
  const order = Object.keys(walls).filter((stage) => (walls[stage] ?? 0) > 0);
  const kept: Record<string, number> = {};
  for (const stage of order) kept[stage] = walls[stage] as number;
  return {
    method: 'status_file',
    order,
    walls: kept,
    spans: spans.filter((s) => s.end > s.start),
    warnings: observations.length === 0 ? [`${file}: no change seen during the run`] : [],
    openAtEnd,
  };
}
