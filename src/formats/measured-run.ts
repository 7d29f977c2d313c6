/** One measured run as read from disk: its documents and where each was (or was looked for). */
import type { Profile } from './profile.js';
import type { StageTruth } from './stage-truth.js';
import type { EvalMetrics, Fingerprint, PipelineMetrics } from './eval-outputs.js';

/** The four documents a threshold's metric path can address, by its first segment. */
export const METRIC_SOURCES = ['profile', 'truth', 'eval', 'cost'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

export interface MeasuredRun {
  /** Short name for reports (the profile's file name). */
  label: string;
  /** The file each document was read from; `fingerprint` is the eval run's fingerprint.json. */
  files: Partial<Record<MetricSource | 'fingerprint', string>>;
  /** Where each absent document was looked for, so a missing metric can name the file it lacks. */
  looked?: Partial<Record<MetricSource, string[]>>;
  profile: Profile;
  truth?: StageTruth;
  eval?: EvalMetrics;
  cost?: PipelineMetrics;
  /** The eval run's fingerprint.json (dataset, environment, runtime), when it has one. */
  fingerprint?: Fingerprint;
}
