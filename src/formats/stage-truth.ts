/**
 * `<stem>.stage_truth.json`: the audit companion of a profile (per-stage walls and the
 * sampled resources behind them).
 */
import { Validator, type JsonObject } from './validate.js';

export interface StageSample {
  peak_rss_mb: number;
  avg_cpu_pct: number;
  [extra: string]: unknown;
}

export interface StageTruth {
  profile_stage_truth_version: number;
  release: string;
  dataset_id: string;
  source_metrics_path?: string | null;
  sample_interval_s: number;
  run_wall_s: number;
  sum_mapped_stage_wall_s: number;
  /** Sum of stage walls / run wall; above 1 when stages overlap. Null when the run wall is 0. */
  parallelism_hint_ratio: number | null;
  wall_seconds_by_stage: Record<string, number>;
  resource_by_stage_psutil: Record<string, StageSample>;
  global_peak_rss_mb_sampled: number;
  metrics_excerpt?: JsonObject | null;
  rfc065_monitor?: JsonObject | null;
  [extra: string]: unknown;
}

export function validateStageTruth(data: unknown, file: string): StageTruth {
  const v = new Validator(file);
  const root = v.object(data, '(root)');
  if (root) {
    v.number(root.profile_stage_truth_version, 'profile_stage_truth_version');
    v.string(root.release, 'release');
    v.string(root.dataset_id, 'dataset_id');
    v.string(root.source_metrics_path, 'source_metrics_path', { optional: true, nullable: true });
    v.number(root.sample_interval_s, 'sample_interval_s');
    v.number(root.run_wall_s, 'run_wall_s');
    v.number(root.sum_mapped_stage_wall_s, 'sum_mapped_stage_wall_s');
    v.number(root.parallelism_hint_ratio, 'parallelism_hint_ratio', { nullable: true });
    v.record(root.wall_seconds_by_stage, 'wall_seconds_by_stage', (wall, path) => v.number(wall, path));
    v.record(root.resource_by_stage_psutil, 'resource_by_stage_psutil', (stage, path) => {
      const s = v.object(stage, path);
      if (!s) return;
      v.number(s.peak_rss_mb, `${path}.peak_rss_mb`);
      v.number(s.avg_cpu_pct, `${path}.avg_cpu_pct`);
    });
    v.number(root.global_peak_rss_mb_sampled, 'global_peak_rss_mb_sampled');
    v.object(root.metrics_excerpt, 'metrics_excerpt', { optional: true, nullable: true });
    v.object(root.rfc065_monitor, 'rfc065_monitor', { optional: true, nullable: true });
  }
  v.finish();
  return data as StageTruth;
}

export function renderStageTruthJson(truth: StageTruth): string {
  return `${JSON.stringify(truth, null, 2)}\n`;
}
