/**
 * The gate: every threshold of the issue, expanded over the runs of both sides, gets a verdict
 * with its numbers; the verdicts give the decision. Pure: data in, data out.
 *
 * A verdict is never `pass` unless every needed run has a finite number: an absent, null, NaN or
 * non-numeric value in any run of a side makes it `missing`.
 */
import { checkDatasets, type DatasetCheck } from '../comparability/dataset.js';
import { acrossCovers, applyEnvironment, checkEnvironment, type EnvironmentCheck } from '../comparability/environment.js';
import { DEFAULT_INTERVAL_OPTIONS, SINGLE_RUN_NOTE, type Estimate, type IntervalOptions } from '../statistics/stats.js';
import { confirmationNote, type ConfirmationRecord } from './confirm.js';
import { checkHosts, runHost, type HostCheck, type RunHost } from '../comparability/host.js';
import { decide, passesFailOn, type Decision, type FailOn, type Verdict } from './decision.js';
import { ACCEPTED_FORMS, formatProblem, type Threshold, type ThresholdProblem, type ThresholdSpec } from '../grammar/thresholds/index.js';
import type { MeasuredRun, Side } from '../types.js';
import { pushAll } from '../../collections.js';
import { evaluateHypotheses, type HypothesisResult } from '../grammar/hypotheses/index.js';
import { spendNote, type SpendRecord } from '../statistics/spend.js';
import type { Acceptance } from './acceptance.js';
import { evaluateThresholds } from './threshold-verdict.js';

export { evaluateThresholds };

export interface SideValues {
  /** One entry per run, in run order: the number, or null when that run has none. */
  values: (number | null)[];
  /** Median of the numbers; undefined when there are none. */
  median: number | undefined;
  /** Runs that gave a number. */
  n: number;
  /** Why a run gave no number. */
  problems: string[];
}

export interface ThresholdChange {
  /** Relative: percent. Delta: metric unit. Absolute bound: the candidate's median value. */
  value: number | undefined;
  form: 'relative' | 'delta' | 'value';
  unit: string | undefined;
  interval: { low: number; high: number } | undefined;
  level: number | undefined;
  method: Estimate['method'] | undefined;
  note?: string;
}

export interface ThresholdResult {
  /** The concrete metric (the pattern itself when nothing matched it). */
  metric: string;
  threshold: Threshold;
  verdict: Verdict;
  /**
   * False for an optional threshold whose value is missing, and for a metric not measured on the
   * sides it needs (a "no sample" marker, e.g. a stage too short for any sample): it counts toward no decision.
   */
  counts: boolean;
  /** The needed sides have only "no sample" markers for it (verdict `missing`, not counted). */
  notMeasured: boolean;
  /** Runs per side whose file lacked the metric and got the threshold's `default:`. */
  defaulted: { baseline: number; candidate: number };
  /** Environment differences that made a time/memory verdict inconclusive (see environment.ts). */
  environment?: string[];
  unit: string | undefined;
  baseline: SideValues;
  candidate: SideValues;
  change: ThresholdChange;
  /** One line with the numbers. */
  reason: string;
  /**
   * Inconclusive only: runs per side (candidate runs for an absolute bound) that would likely decide it
   * at the spread seen; `futile` when no affordable number would (src/compare/statistics/runs-needed.ts).
   */
  toDecide?: { runs: number | undefined; futile: boolean };
  /** Verdict `accepted`: the acknowledged regression that turned the failure into it. */
  accepted?: Acceptance;
}

export interface RunInfo {
  label: string;
  files: MeasuredRun['files'];
  /** `profile.status` as written; absent means the run completed. */
  status: string | undefined;
  failed: boolean;
  host: RunHost;
  samplingNote: string | undefined;
  memoryMetric: string | undefined;
}

export interface GateResult {
  decision: Decision;
  failOn: FailOn;
  /** The decision passes `failOn`. */
  passed: boolean;
  /** Why the decision is not `ship` (most severe first). */
  reasons: string[];
  thresholds: ThresholdResult[];
  runs: { baseline: RunInfo[]; candidate: RunInfo[] };
  host: HostCheck;
  /** Dataset identity of both sides; a mismatch refuses the comparison (it is also in `inputErrors`). */
  dataset: DatasetCheck;
  /** Every environment difference; blocking ones made time/memory verdicts inconclusive. */
  environment: EnvironmentCheck;
  /** Parse problems of the thresholds: any makes the gate reject (and the CLI exit 2). */
  problems: ThresholdProblem[];
  /** Inputs that could not be used (unreadable files, no thresholds): the gate could not judge. */
  inputErrors: string[];
  /** How noise was handled: "single run: no noise estimate" or the interval method. */
  noise: string;
  notes: string[];
  spec: { baseline?: string; baselineEval?: string; repeat?: number; compareAcross?: string[] };
  /** The hypotheses on each side (they inform; they do not change the decision). */
  hypotheses: HypothesisResult[];
  /** Runs started and the estimated spend, when the job measured (docs/spend.md). */
  spend?: SpendRecord;
}

export interface GateOptions {
  failOn: FailOn;
  interval?: IntervalOptions;
  /** Failures measured outside the profiles (e.g. a crashed experiment command): each rejects. */
  failedRuns?: readonly string[];
  /** Confirmation rounds measured after the planned runs (`confirm-runs`): said in the notes. */
  confirmation?: ConfirmationRecord;
  /** Runs and spend of the job, and whether max-cost-usd stopped runs: said in the notes. */
  spend?: SpendRecord;
  /** Acknowledged regressions that count for this gate: a covered failure becomes `accepted`. */
  acceptances?: readonly Acceptance[];
}

/** Values within this relative distance of a bound count as equal to it (floating-point noise). */

function runInfo(side: Side['name'], run: MeasuredRun): RunInfo {
  const status = run.profile.status;
  const totals = run.profile.totals;
  return {
    label: run.label,
    files: run.files,
    status,
    failed: status !== undefined && status !== 'ok',
    host: runHost(side, run),
    samplingNote: typeof totals.sampling_note === 'string' ? totals.sampling_note : undefined,
    memoryMetric: typeof totals.memory_metric === 'string' ? totals.memory_metric : undefined,
  };
}

/** A parse problem as a decision reason: where it is (issue or thresholds input), the text, what was expected. */
export function describeProblem(p: ThresholdProblem): string {
  return `threshold problem, ${p.origin === 'input' ? '' : 'issue '}${formatProblem(p)}`;
}

function noiseNote(nBase: number, nCand: number, options: IntervalOptions = {}): string {
  if (nBase <= 1 && nCand <= 1) return SINGLE_RUN_NOTE;
  const o = { ...DEFAULT_INTERVAL_OPTIONS, ...options };
  const how = {
    'rank-shift': 'exact rank interval of the shift between the sides (Hodges–Lehmann / Mann–Whitney; on logs for relative rules), distribution-free',
    'welch-t': 'Welch t-interval of the shift of means (on logs for relative rules), assuming normal noise',
    'bootstrap-median': `percentile-bootstrap interval of the change of medians (${o.resamples} resamples, seed ${o.seed})`,
  }[o.method];
  return `${nBase} baseline / ${nCand} candidate runs: medians compared; ${Math.round(o.level * 100)} % ${how}`;
}

function specInfo(spec: ThresholdSpec | undefined): GateResult['spec'] {
  return {
    ...(spec?.baseline !== undefined ? { baseline: spec.baseline } : {}),
    ...(spec?.baselineEval !== undefined ? { baselineEval: spec.baselineEval } : {}),
    ...(spec?.repeat !== undefined ? { repeat: spec.repeat } : {}),
    ...(spec?.compareAcross !== undefined ? { compareAcross: spec.compareAcross } : {}),
  };
}

export function evaluateGate(spec: ThresholdSpec, baseline: Side, candidate: Side, options: GateOptions): GateResult {
  const dataset = checkDatasets(baseline, candidate);
  const environment = checkEnvironment(baseline, candidate, spec.compareAcross);
  // Another dataset refuses the comparison: no verdict is formed on numbers that cannot be compared.
  const thresholds = dataset.comparable ? applyEnvironment(evaluateThresholds(spec.thresholds, baseline, candidate, options), environment) : [];
  const runs = {
    baseline: baseline.runs.map((r) => runInfo('baseline', r)),
    candidate: candidate.runs.map((r) => runInfo('candidate', r)),
  };
  const inputErrors: string[] = [];
  // With parse problems, the empty set is their consequence; they are the message.
  if (spec.thresholds.length === 0 && spec.problems.length === 0) inputErrors.push(ACCEPTED_FORMS);
  if (baseline.runs.length === 0) inputErrors.push('no baseline run');
  if (candidate.runs.length === 0) inputErrors.push('no candidate run');
  pushAll(inputErrors, dataset.mismatches);
  const failedRuns = [...[...runs.baseline, ...runs.candidate].filter((r) => r.failed).map((r) => `${r.host.side} ${r.label} (status ${r.status ?? ''})`), ...(options.failedRuns ?? [])];
  const { decision, reasons } = decide({
    verdicts: thresholds.map((t) => ({ metric: t.metric, kind: t.threshold.kind, optional: t.threshold.optional, verdict: t.verdict, summary: t.reason, counts: t.counts })),
    failedRuns,
    blockers: [...spec.problems.map(describeProblem), ...inputErrors],
  });
  const notes: string[] = [];
  const extra = options.confirmation?.rounds ?? 0;
  const expected = { baseline: (spec.repeat ?? 0) + (options.confirmation?.candidateOnly ? 0 : extra), candidate: (spec.repeat ?? 0) + extra };
  if (spec.repeat !== undefined && (baseline.runs.length !== expected.baseline || candidate.runs.length !== expected.candidate)) {
    notes.push(`the issue asks for repeat: ${spec.repeat}; got ${baseline.runs.length} baseline and ${candidate.runs.length} candidate run(s)`);
  }
  // A name that matched no differing attribute may be misspelt: it excused nothing.
  const unused = (spec.compareAcross ?? []).filter((name) => !environment.rows.some((r) => acrossCovers(name, r.attribute)));
  if (unused.length > 0) notes.push(`compare-across: ${unused.join(', ')} matched no attribute that differs between the sides`);
  const confirmed = options.confirmation && confirmationNote(options.confirmation);
  if (confirmed) notes.push(confirmed);
  const spent = options.spend && spendNote(options.spend);
  if (spent) notes.push(spent);
  return {
    decision,
    failOn: options.failOn,
    passed: passesFailOn(decision, options.failOn),
    reasons,
    thresholds,
    runs,
    host: checkHosts(baseline, candidate),
    dataset,
    environment,
    problems: spec.problems,
    inputErrors,
    noise: noiseNote(baseline.runs.length, candidate.runs.length, options.interval),
    notes,
    spec: specInfo(spec),
    hypotheses: evaluateHypotheses(spec.hypotheses ?? [], [baseline, candidate], options.interval),
    ...(options.spend ? { spend: options.spend } : {}),
  };
}

/** The result when the inputs could not be used at all (unreadable files, bad flags): always `reject`. */
export function inputErrorResult(errors: readonly string[], failOn: FailOn, spec?: ThresholdSpec): GateResult {
  const problems = spec?.problems ?? [];
  const blockers = [...problems.map(describeProblem), ...errors];
  return {
    decision: 'reject',
    failOn,
    passed: passesFailOn('reject', failOn),
    reasons: blockers,
    thresholds: [],
    runs: { baseline: [], candidate: [] },
    host: { comparable: true, runs: [], differences: [] },
    dataset: { comparable: true, rows: [], mismatches: [] },
    environment: { rows: [], blocking: [], comparable: true },
    problems,
    inputErrors: [...errors],
    noise: 'not evaluated',
    notes: [],
    spec: specInfo(spec),
    hypotheses: [],
  };
}
