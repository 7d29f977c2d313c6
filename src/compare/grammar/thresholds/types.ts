/** Thresholds as written on the optimization issue, once parsed (README "Thresholds on the issue", docs/thresholds.md). */
import type { Hypothesis } from '../hypotheses/types.js';

export type Operator = '<=' | '<' | '>=' | '>';

/**
 * - `relative`: `-20%` / `+5%` / `0%` — change of candidate vs baseline, in percent.
 * - `delta`: `-0.01` / `+2` (explicit sign) — candidate − baseline, in the metric's unit.
 * - `absolute`: `650` / `650MB` / `2.5s` (no sign) — bound on the candidate's value.
 */
export type RuleForm = 'relative' | 'delta' | 'absolute';

export interface Rule {
  op: Operator;
  form: RuleForm;
  /** Percent for `relative`; in the metric's own unit (after unit conversion) otherwise. */
  value: number;
  /** The unit as written (`MB`, `s`, `$` …), if any. */
  unit?: string;
  /** The rule exactly as written, for reports. */
  text: string;
}

/** `guardrail`: must not regress (default). `target`: the improvement sought. */
export type ThresholdKind = 'guardrail' | 'target';

export type ThresholdOrigin = 'block' | 'table' | 'input';

export interface Threshold {
  /** Dotted path, first segment `profile|truth|eval|cost`; `*` matches one segment. */
  metric: string;
  rule: Rule;
  kind: ThresholdKind;
  /** A missing value is then not a failure. */
  optional: boolean;
  /**
   * `default:` — the value to use when a run's document lacks the key (metrics written only when
   * something went wrong, e.g. `bundled_parse_failures`). In the metric's unit; shown in the report.
   * Never used for a missing file, a `null`, or a not-measured value.
   */
  default?: number;
  /** 1-based line in the issue body (or the `thresholds` input) where it was written. */
  line: number;
  origin: ThresholdOrigin;
}

export interface ThresholdProblem {
  line: number;
  /** The offending text, as written. */
  text: string;
  /** What was expected there. */
  expected: string;
  origin: ThresholdOrigin;
}

export interface ThresholdSpec {
  /** `baseline:` named in the block (a repo path or a reference name); `baseline: { profile: … }`. */
  baseline?: string;
  /** `baseline: { eval: … }`: where the baseline's eval results are, when not beside its profile. */
  baselineEval?: string;
  /**
   * `compare-across:` environment attributes whose difference is the point of the experiment
   * (`library_versions.torch`, `device`): they do not make time and memory verdicts inconclusive.
   */
  compareAcross?: string[];
  /** `repeat:` measured runs per side. */
  repeat?: number;
  /** `max-cost-usd:` no run is started that would take the estimated spend beyond it (docs/spend.md). */
  maxCostUsd?: number;
  thresholds: Threshold[];
  /** `hypotheses:` of the block and `Hypothesis | Check` tables (docs/hypotheses.md); absent when none. */
  hypotheses?: Hypothesis[];
  /** Every parse problem; a non-empty list must never lead to a passing gate. */
  problems: ThresholdProblem[];
}
