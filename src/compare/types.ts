/** The data the comparison works on: measured runs, grouped per side. */
import type { MeasuredRun } from '../formats/measured-run.js';

export { METRIC_SOURCES, type MetricSource, type MeasuredRun } from '../formats/measured-run.js';

/** One side of a comparison: one run, or several repeated runs of the same code. */
export interface Side {
  name: 'baseline' | 'candidate';
  runs: MeasuredRun[];
}
