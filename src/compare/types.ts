/** The data the comparison works on: measured runs, grouped per side. */
import type { Profile } from '../formats/profile.js';
import type { StageTruth } from '../formats/stage-truth.js';
import type { EvalMetrics, Fingerprint, PipelineMetrics } from '../formats/eval-outputs.js';

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

/** One side of a comparison: one run, or several repeated runs of the same code. */
export interface Side {
  name: 'baseline' | 'candidate';
  runs: MeasuredRun[];
}
