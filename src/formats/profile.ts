/**
 * The frozen profile YAML (RFC-064 style), as written by a project's freeze_profile.py and by
 * our own native freeze. Unknown keys are kept: profiles written by other tools may add fields.
 */
import { stringify } from 'yaml';
import { Validator, type JsonObject } from './validate.js';

export interface StageResources {
  wall_time_s: number;
  /** MiB. In our own profiles: the tree's PSS (Linux) or RSS sum, see totals.memory_metric. */
  peak_rss_mb: number;
  /** Percent of one core; a tree using two cores reads 200. */
  avg_cpu_pct: number;
  [extra: string]: unknown;
}

export interface ProfileTotals {
  peak_rss_mb: number;
  wall_time_s: number;
  avg_wall_time_per_episode_s?: number | null;
  sampling_note?: string;
  /** Added by optimization-gate: `pss_sum` (Linux) or `rss_sum`; absent in third-party profiles. */
  memory_metric?: string;
  [extra: string]: unknown;
}

export interface ProfileEnvironment {
  hostname?: string;
  cpu?: string;
  cpu_model?: string;
  [extra: string]: unknown;
}

export interface Profile {
  release: string;
  date: string;
  dataset_id: string;
  episodes_processed?: number | null;
  environment: ProfileEnvironment;
  /** Stages with zero wall time are absent; absent is not "skipped". */
  stages: Record<string, StageResources>;
  totals: ProfileTotals;
  promoted?: JsonObject;
  /** Added by optimization-gate when a measured run did not complete: `failed` / `timed_out` / `cancelled`. */
  status?: string;
  [extra: string]: unknown;
}

/** Checks the shape of a parsed profile; throws InputFileError naming every bad key. */
export function validateProfile(data: unknown, file: string): Profile {
  const v = new Validator(file);
  const root = v.object(data, '(root)');
  if (root) {
    v.string(root.release, 'release');
    // yaml may hand back a Date for an unquoted timestamp in other schemas; we accept strings only.
    v.string(root.date, 'date');
    v.string(root.dataset_id, 'dataset_id');
    v.number(root.episodes_processed, 'episodes_processed', { optional: true, nullable: true });
    v.object(root.environment, 'environment');
    v.record(root.stages, 'stages', (stage, path) => {
      const s = v.object(stage, path);
      if (!s) return;
      v.number(s.wall_time_s, `${path}.wall_time_s`);
      v.number(s.peak_rss_mb, `${path}.peak_rss_mb`);
      v.number(s.avg_cpu_pct, `${path}.avg_cpu_pct`);
    });
    const totals = v.object(root.totals, 'totals');
    if (totals) {
      v.number(totals.peak_rss_mb, 'totals.peak_rss_mb');
      v.number(totals.wall_time_s, 'totals.wall_time_s');
      v.number(totals.avg_wall_time_per_episode_s, 'totals.avg_wall_time_per_episode_s', { optional: true, nullable: true });
      v.string(totals.sampling_note, 'totals.sampling_note', { optional: true });
      v.string(totals.memory_metric, 'totals.memory_metric', { optional: true });
    }
    v.object(root.promoted, 'promoted', { optional: true, nullable: true });
    v.string(root.status, 'status', { optional: true });
  }
  v.finish();
  return data as Profile;
}

/** YAML text in the key order of the fixtures, so a project's own diff_profiles.py reads it. */
export function renderProfileYaml(profile: Profile): string {
  // YAML 1.1 quotes timestamp-like strings ('2026-04-12T10:43:31Z'), as the fixtures do, so PyYAML
  // (used by the projects' own diff_profiles.py) reads `date` as a string, not a datetime.
  return stringify(profile, { lineWidth: 90, indent: 2, version: '1.1' });
}
