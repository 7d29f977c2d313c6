/**
 * Stage walls from a pipeline's own metrics.json, laid out as consecutive windows from the run's
 * start and scaled to fill the run: the anchor freeze script's method. Approximate by nature:
 * stages that ran in parallel are laid end to end, so samples can land in the wrong stage.
 */
import { isFiniteNumber, isObject, type JsonObject } from '../../formats/validate.js';
import type { StageSpan, StageTimeline } from './source.js';

/** The podcast_scraper mapping (metrics key names → profile stage), in pipeline order. */
const PER_EPISODE_STAGES: ReadonlyArray<{ stage: string; avg: string; count?: string; total?: string }> = [
  { stage: 'download_media', avg: 'avg_download_media_seconds', count: 'download_media_count' },
  { stage: 'transcription', avg: 'avg_transcribe_seconds', count: 'transcribe_count' },
  { stage: 'speaker_detection', avg: 'avg_extract_names_seconds', count: 'extract_names_count' },
  { stage: 'transcript_cleaning', avg: 'avg_cleaning_seconds', count: 'cleaning_count' },
  { stage: 'summarization', avg: 'avg_summarize_seconds', count: 'summarize_count' },
  { stage: 'gi_generation', avg: 'avg_gi_seconds', count: 'gi_count' },
  { stage: 'kg_extraction', avg: 'avg_kg_seconds', count: 'kg_count' },
  { stage: 'vector_indexing', avg: '', total: 'vector_index_seconds' },
];

/** Generic forms any pipeline can write: `{"wall_seconds_by_stage": {"stage": seconds}}`. */
const GENERIC_KEYS = ['wall_seconds_by_stage', 'stage_wall_seconds'];

/** Keys copied into stage_truth's metrics_excerpt, as the anchor script does (plus the generic ones). */
const EXCERPT_KEYS = [
  'schema_version',
  'run_duration_seconds',
  'episodes_scraped_total',
  'episodes_skipped_total',
  'errors_total',
  'time_scraping',
  'time_parsing',
  'time_normalizing',
  'time_writing_storage',
  'io_and_waiting_wall_seconds',
  'io_and_waiting_thread_sum_seconds',
  'time_io_and_waiting',
  'download_media_count',
  'avg_download_media_seconds',
  'preprocessing_count',
  'avg_preprocessing_seconds',
  'transcribe_count',
  'avg_transcribe_seconds',
  'extract_names_count',
  'avg_extract_names_seconds',
  'cleaning_count',
  'avg_cleaning_seconds',
  'summarize_count',
  'avg_summarize_seconds',
  'gi_count',
  'avg_gi_seconds',
  'kg_count',
  'avg_kg_seconds',
  'vector_index_seconds',
  'download_media_time_by_episode',
  'transcribe_time_by_episode',
  'extract_names_time_by_episode',
  'summarize_time_by_episode',
  'cleaning_time_by_episode',
  ...GENERIC_KEYS,
];

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** Stage walls in seconds, in pipeline order; zero-wall stages are left out. */
export function stageWallsFromMetrics(metrics: JsonObject): { walls: Record<string, number>; warnings: string[] } {
  const warnings: string[] = [];
  const walls: Record<string, number> = {};
  for (const key of GENERIC_KEYS) {
    const generic = metrics[key];
    if (!isObject(generic)) continue;
    for (const [stage, value] of Object.entries(generic)) {
      if (isFiniteNumber(value) && value >= 0) {
        if (value > 0) walls[stage] = value;
      } else warnings.push(`metrics ${key}.${stage}: expected seconds >= 0 (ignored)`);
    }
    return { walls, warnings };
  }
  for (const { stage, avg, count, total } of PER_EPISODE_STAGES) {
    let wall: number | undefined;
    if (total !== undefined) {
      const value = metrics[total];
      if (isFiniteNumber(value)) wall = value;
    } else if (count !== undefined) {
      const a = metrics[avg];
      const n = metrics[count];
      if (isFiniteNumber(a) && isFiniteNumber(n)) wall = a * n;
    }
    // avg × count reproduces the per-stage totals of the anchor (2.68 = 1.34 × 2); rounding keeps it exact.
    if (wall !== undefined && wall > 0) walls[stage] = round4(wall);
  }
  return { walls, warnings };
}

export function metricsExcerpt(metrics: JsonObject): JsonObject {
  const excerpt: JsonObject = {};
  for (const key of EXCERPT_KEYS) if (key in metrics) excerpt[key] = metrics[key];
  return excerpt;
}

/** Consecutive windows from the run's start, each wall scaled by run wall / Σ walls (pure). */
export function timelineFromMetrics(metrics: JsonObject, runStart: number, runEnd: number, path: string): StageTimeline {
  const { walls, warnings } = stageWallsFromMetrics(metrics);
  const order = Object.keys(walls);
  const sum = order.reduce((total, stage) => total + (walls[stage] as number), 0);
  const scale = sum > 0 ? (runEnd - runStart) / sum : 0;
  const spans: StageSpan[] = [];
  let at = runStart;
  for (const stage of order) {
    const end = at + (walls[stage] as number) * scale;
    spans.push({ stage, start: at, end });
    at = end;
  }
  if (order.length === 0) warnings.push(`${path}: no stage wall times found (looked for ${GENERIC_KEYS.join(' / ')} and the avg_*_seconds × *_count keys)`);
  return { method: 'metrics', order, walls, spans, warnings, openAtEnd: [], metricsPath: path };
}
