/**
 * Where stage boundaries come from (`--stages`), and the timeline every source produces.
 * `auto` picks the best available after the run: events if any were written, else the polled
 * status file if it changed during the run, else metrics.json windows if a file was named, else one stage.
 */
import { UserError } from '../../errors.js';

export const DEFAULT_STATUS_FILE = '.pipeline_status.json';
export const STAGE_EVENTS_ENV = 'OPTIMIZATION_GATE_STAGE_EVENTS';
/** The single stage of a run without stage information. */
export const WHOLE_RUN_STAGE = 'run';

export type StageSourceSpec = { kind: 'auto' } | { kind: 'events' } | { kind: 'status-file'; path: string } | { kind: 'metrics'; path: string } | { kind: 'none' };

export function parseStageSource(text: string): StageSourceSpec {
  const trimmed = text.trim();
  if (trimmed === 'auto' || trimmed === 'events' || trimmed === 'none') return { kind: trimmed };
  if (trimmed === 'status-file') return { kind: 'status-file', path: DEFAULT_STATUS_FILE };
  const colon = trimmed.indexOf(':');
  const kind = colon === -1 ? trimmed : trimmed.slice(0, colon);
  const path = colon === -1 ? '' : trimmed.slice(colon + 1).trim();
  if ((kind === 'status-file' || kind === 'metrics') && path !== '') return { kind, path };
  if (kind === 'metrics') throw new UserError(`--stages metrics needs a path: metrics:PATH (got "${text}")`);
  throw new UserError(`--stages: expected auto, events, status-file[:PATH], metrics:PATH or none; got "${text}"`);
}

export function formatStageSource(spec: StageSourceSpec): string {
  return spec.kind === 'status-file' || spec.kind === 'metrics' ? `${spec.kind}:${spec.path}` : spec.kind;
}

export type StageMethod = 'events' | 'status_file' | 'metrics' | 'whole_run';

/** A stretch of time during which a stage was active (at least one occurrence running). Epoch seconds. */
export interface StageSpan {
  stage: string;
  start: number;
  end: number;
}

export interface StageTimeline {
  method: StageMethod;
  /** Stage names in order of first start. */
  order: string[];
  /** Wall seconds per stage; concurrent occurrences of a stage count once each, so the sum may exceed the run wall. */
  walls: Record<string, number>;
  /** When each stage was active, clamped to the run; used to attribute samples. */
  spans: StageSpan[];
  /** Problems in the source, located (file and line) where possible. */
  warnings: string[];
  /** Stages still open when the run ended (closed at the run's end). */
  openAtEnd: string[];
  /** Only for the metrics method: the file read. */
  metricsPath?: string;
}

export function wholeRunTimeline(runStart: number, runEnd: number, warnings: string[] = []): StageTimeline {
  const wall = Math.max(0, runEnd - runStart);
  return {
    method: 'whole_run',
    order: wall > 0 ? [WHOLE_RUN_STAGE] : [],
    walls: wall > 0 ? { [WHOLE_RUN_STAGE]: wall } : {},
    spans: wall > 0 ? [{ stage: WHOLE_RUN_STAGE, start: runStart, end: runEnd }] : [],
    warnings,
    openAtEnd: [],
  };
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
