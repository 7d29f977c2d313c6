/** The data the comparison works on: measured runs, grouped per side. */
import type { Profile } from '../formats/profile.js';
import type { StageTruth } from '../formats/stage-truth.js';
import type { EvalMetrics, PipelineMetrics } from '../formats/eval-outputs.js';

/** The four documents a threshold's metric path can address, by its first segment. */
export const METRIC_SOURCES = ['profile', 'truth', 'eval', 'cost'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

export interface MeasuredRun {
  /** Short name for reports (the profile's file name). */
  label: string;
  files: Partial<Record<MetricSource, string>>;
  profile: Profile;
  truth?: StageTruth;
  eval?: EvalMetrics;
  cost?: PipelineMetrics;
}

/** One side of a comparison: one run, or several repeated runs of the same code. */
export interface Side {
  name: 'baseline' | 'candidate';
  runs: MeasuredRun[];
}
