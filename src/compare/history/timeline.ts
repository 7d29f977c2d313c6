/**
 * The resource timeline of one run, small enough for a comment: the samples (memory and CPU of the
 * whole process tree) reduced to a fixed number of points, and the stages' start and end, all in
 * seconds from the start of the run. Pure.
 */
import { isObject } from '../../formats/validate.js';

export const TIMELINE_POINTS = 40;
const MAX_STAGES = 30;

export interface TimelinePoint {
  /** Seconds from the run's start (the end of the bucket). */
  t: number;
  /** Highest tree memory in the bucket (MiB). */
  mem_mb: number;
  /** Mean CPU over the bucket (% of one core); null when no sample of it had an interval. */
  cpu_pct: number | null;
}

export interface TimelineStage {
  stage: string;
  start: number;
  end: number;
}

export interface ResourceTimeline {
  /** The run it shows (its report). */
  label: string;
  memory_metric: string;
  points: TimelinePoint[];
  stages: TimelineStage[];
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Buckets the samples by time into at most `points` points: the bucket's highest memory (a peak
 * is never averaged away) and its mean CPU. Stages are kept in order of their start. The samples
 * are read once, as they come (a long run's file is not held in memory).
 */
export function buildTimeline(
  samples: Iterable<{ t: number; mem_mb: number; cpu_pct: number | null }>,
  spans: ReadonlyArray<{ stage: string; start: number; end: number }>,
  run: { startedAt: number; lastSampleT: number },
  meta: { label: string; memoryMetric: string },
  points = TIMELINE_POINTS,
): ResourceTimeline | null {
  const startedAt = run.startedAt;
  const span = Math.max(run.lastSampleT - startedAt, 1e-9);
  const buckets: Array<{ t: number; mem: number; cpuSum: number; cpuN: number }> = [];
  for (const s of samples) {
    const index = Math.max(0, Math.min(points - 1, Math.floor(((s.t - startedAt) / span) * points)));
    const b = (buckets[index] ??= { t: 0, mem: 0, cpuSum: 0, cpuN: 0 });
    b.t = Math.max(b.t, s.t - startedAt);
    b.mem = Math.max(b.mem, s.mem_mb);
    if (s.cpu_pct !== null) {
      b.cpuSum += s.cpu_pct;
      b.cpuN += 1;
    }
  }
  if (buckets.length === 0) return null;
  const reduced = buckets.flatMap((b) => (b ? [{ t: round(b.t, 2), mem_mb: round(b.mem, 1), cpu_pct: b.cpuN > 0 ? round(b.cpuSum / b.cpuN, 1) : null }] : []));
  const stages = [...spans]
    .sort((a, b) => a.start - b.start)
    .slice(0, MAX_STAGES)
    .map((s) => ({ stage: s.stage.slice(0, 80), start: round(s.start - startedAt, 2), end: round(s.end - startedAt, 2) }));
  return { label: meta.label.slice(0, 200), memory_metric: meta.memoryMetric.slice(0, 40), points: reduced, stages };
}

/** Checks a timeline read back from a comment; undefined when it is not one. */
export function parseTimeline(v: unknown): ResourceTimeline | undefined {
  if (!isObject(v) || typeof v.label !== 'string' || typeof v.memory_metric !== 'string' || !Array.isArray(v.points) || !Array.isArray(v.stages)) return undefined;
  if (v.points.length > TIMELINE_POINTS * 2 || v.stages.length > MAX_STAGES) return undefined;
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const points: TimelinePoint[] = [];
  for (const p of v.points) {
    if (!isObject(p) || !finite(p.t) || !finite(p.mem_mb) || !(p.cpu_pct === null || finite(p.cpu_pct))) return undefined;
    points.push({ t: p.t, mem_mb: p.mem_mb, cpu_pct: p.cpu_pct });
  }
  const stages: TimelineStage[] = [];
  for (const s of v.stages) {
    if (!isObject(s) || typeof s.stage !== 'string' || s.stage.length > 80 || !finite(s.start) || !finite(s.end)) return undefined;
    stages.push({ stage: s.stage, start: s.start, end: s.end });
  }
  return { label: v.label.slice(0, 200), memory_metric: v.memory_metric.slice(0, 40), points, stages };
}
