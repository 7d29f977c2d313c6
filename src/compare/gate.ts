/**
 * The gate: every threshold of the issue, expanded over the runs of both sides, gets a verdict
 * with its numbers; the verdicts give the decision. Pure: data in, data out.
 *
 * A verdict is never `pass` unless every needed run has a finite number: an absent, null, NaN or
 * non-numeric value in any run of a side makes it `missing`.
 */
import { formatPercent, formatSigned, formatValue, metricUnit, type MetricUnit } from './units.js';
import { expandMetricPattern, lookupSide } from './metrics.js';
import { checkDatasets, type DatasetCheck } from './dataset.js';
import { acrossCovers, applyEnvironment, checkEnvironment, type EnvironmentCheck } from './environment.js';
import { changeInterval, DEFAULT_INTERVAL_OPTIONS, median, SINGLE_RUN_NOTE, valueInterval, type Estimate, type IntervalOptions } from './stats.js';
import { runsToDecide } from './runs-needed.js';
import { confirmationNote, type ConfirmationRecord } from './confirm.js';
import { checkHosts, runHost, type HostCheck, type RunHost } from './host.js';
import { decide, passesFailOn, verdictCounts, type Decision, type FailOn, type Verdict } from './decision.js';
import { ACCEPTED_FORMS, formatProblem, type Operator, type Threshold, type ThresholdProblem, type ThresholdSpec } from './thresholds/index.js';
import type { MeasuredRun, Side } from './types.js';
import { pushAll } from '../collections.js';
import { evaluateHypotheses, type HypothesisResult } from './hypotheses/index.js';
import { spendNote, type SpendRecord } from './spend.js';
import { acceptanceText, findAcceptance, type Acceptance } from './acceptance.js';

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
   * at the spread seen; `futile` when no affordable number would (src/compare/runs-needed.ts).
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
const BOUND_TOLERANCE = 1e-9;

function satisfies(x: number, op: Operator, bound: number): boolean {
  const eps = BOUND_TOLERANCE * Math.max(1, Math.abs(bound));
  switch (op) {
    case '<=':
      return x <= bound + eps;
    case '<':
      return x < bound - eps;
    case '>=':
      return x >= bound - eps;
    case '>':
      return x > bound + eps;
  }
}

function sideValues(runs: readonly MeasuredRun[], metric: string, fallback: number | undefined) {
  const side = lookupSide(runs, metric, fallback);
  const values = side.lookups.map((l) => (l.kind === 'number' ? l.value : null));
  const mid = side.numbers.length > 0 ? median(side.numbers) : undefined;
  const notMeasured = runs.length > 0 && side.notMeasured === runs.length;
  return { values, median: mid, n: side.numbers.length, problems: side.problems, complete: side.complete, numbers: side.numbers, notMeasured, defaulted: side.defaulted };
}

/** `(default 0 used where the file lacks it: candidate 1 run)`, or nothing. */
function defaultNote(threshold: Threshold, b: number, c: number): string {
  if (b + c === 0) return '';
  const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  const parts = [b > 0 ? `baseline ${runs(b)}` : '', c > 0 ? `candidate ${runs(c)}` : ''];
  return ` (default ${String(threshold.default)} used where the file lacks it, as the threshold says: ${parts.filter(Boolean).join(', ')})`;
}

function publicSide({ values, median, n, problems }: SideValues): SideValues {
  return { values, median, n, problems };
}

function formatIn(form: ThresholdChange['form'], value: number, unit: MetricUnit | undefined): string {
  if (form === 'relative') return formatPercent(value);
  if (form === 'delta') return formatSigned(value, unit);
  return formatValue(value, unit);
}

/** `%` for a relative change; percentage points for a delta of a percentage metric (CPU, GPU utilisation); else the metric's unit. */
function changeUnitOf(form: ThresholdChange['form'], unit: MetricUnit | undefined): string | undefined {
  if (form === 'relative') return '%';
  return form === 'delta' && unit?.dimension === 'cpu' ? 'pp' : unit?.symbol;
}

function noChange(form: ThresholdChange['form'], unit: string | undefined): ThresholdChange {
  return { value: undefined, form, unit, interval: undefined, level: undefined, method: undefined };
}

function judge(estimate: Estimate, op: Operator, bound: number): { verdict: Verdict; how: string } {
  const { interval } = estimate;
  if (estimate.estimate === undefined) return { verdict: 'inconclusive', how: 'undefined' };
  if (interval === undefined) {
    // Several runs but no interval (a bootstrap with too many undefined resamples): never judged on the point alone.
    if (estimate.method !== 'point') return { verdict: 'inconclusive', how: 'no-interval' };
    return { verdict: satisfies(estimate.estimate, op, bound) ? 'pass' : 'fail', how: 'point' };
  }
  const upper = op === '<=' || op === '<';
  const worst = upper ? interval.high : interval.low;
  const best = upper ? interval.low : interval.high;
  if (satisfies(worst, op, bound)) return { verdict: 'pass', how: 'inside' };
  if (!satisfies(best, op, bound)) return { verdict: 'fail', how: 'outside' };
  return { verdict: 'inconclusive', how: 'straddles' };
}

function evaluateOne(threshold: Threshold, metric: string, baseline: Side, candidate: Side, options: GateOptions): ThresholdResult {
  const unit = metricUnit(metric);
  const rule = threshold.rule;
  const form = rule.form === 'absolute' ? 'value' : rule.form;
  const changeUnit = changeUnitOf(form, unit);
  const b = sideValues(baseline.runs, metric, threshold.default);
  const c = sideValues(candidate.runs, metric, threshold.default);
  const base = {
    metric,
    threshold,
    unit: unit?.symbol,
    baseline: publicSide(b),
    candidate: publicSide(c),
    // An absolute bound reads the candidate only: the baseline's defaults played no part.
    notMeasured: false,
    defaulted: { baseline: form === 'value' ? 0 : b.defaulted, candidate: c.defaulted },
  };
  const missing = [...(form === 'value' ? [] : b.problems.map((p) => `baseline: ${p}`)), ...c.problems.map((p) => `candidate: ${p}`)];
  if (c.notMeasured && (form === 'value' || b.notMeasured)) {
    // A "no sample" marker on every side the rule needs: nothing was measured, nothing regressed.
    const reason = `not measured ${form === 'value' ? 'in the candidate' : 'on either side'}, not judged: ${missing.join('; ')}`;
    return { ...base, verdict: 'missing', counts: false, notMeasured: true, change: noChange(form, changeUnit), reason };
  }
  if (!c.complete || (form !== 'value' && !b.complete)) {
    const verdict: Verdict = 'missing';
    const reason = missing.length > 0 ? missing.join('; ') : 'no runs on a side';
    return { ...base, verdict, counts: verdictCounts({ optional: threshold.optional, verdict }), change: noChange(form, changeUnit), reason };
  }
  const estimate = form === 'value' ? valueInterval(c.numbers, options.interval) : changeInterval(b.numbers, c.numbers, form, options.interval);
  const { verdict, how } = judge(estimate, rule.op, rule.value);
  const show = (x: number) => formatIn(form, x, unit);
  const interval = estimate.interval ? { low: estimate.interval.low, high: estimate.interval.high } : undefined;
  const span = interval ? `${Math.round((estimate.interval?.level ?? 0) * 100)} % CI [${show(interval.low)}, ${show(interval.high)}]` : '';
  const what = form === 'value' ? 'value' : 'change';
  let reason: string;
  let toDecide: ThresholdResult['toDecide'];
  switch (how) {
    case 'undefined':
      reason = 'relative change from a baseline of 0 is undefined; an absolute bound (e.g. `<= 0`) or a delta (`<= +0`) can judge it';
      break;
    case 'no-interval':
      reason = `${what} ${show(estimate.estimate as number)}, but no interval could be formed (${estimate.note ?? 'too few usable runs'}): not judged on the point alone`;
      break;
    case 'point':
      reason = `${what} ${show(estimate.estimate as number)} ${verdict === 'pass' ? 'meets' : 'breaks'} ${rule.text} (${estimate.note ?? SINGLE_RUN_NOTE})`;
      break;
    case 'inside':
      reason = `${span} entirely meets ${rule.text}${estimate.degenerate ? ' (all runs identical)' : ''}`;
      break;
    case 'outside':
      reason = `${span} entirely breaks ${rule.text}${estimate.degenerate ? ' (all runs identical)' : ''}`;
      break;
    default: {
      const needed = runsToDecide(estimate, rule.value, { baseline: form === 'value' ? [] : b.numbers, candidate: c.numbers }, unit);
      toDecide = { runs: needed.runs, futile: needed.futile === true };
      reason = `${span} contains the bound of ${rule.text}: within the noise; ${needed.text}`;
    }
  }
  if (how !== 'point' && how !== 'undefined' && how !== 'no-interval' && estimate.note && !estimate.degenerate) reason += ` (${estimate.note})`;
  // Runs of a side left out as not measured (a short stage sampled in some repeats only) are said.
  const partial = [...(form === 'value' ? [] : b.problems.map((p) => `baseline: ${p}`)), ...c.problems.map((p) => `candidate: ${p}`)];
  if (partial.length > 0) reason += `; left out: ${partial.join('; ')}`;
  reason += defaultNote(threshold, base.defaulted.baseline, c.defaulted);
  const change: ThresholdChange = {
    value: estimate.estimate,
    form,
    unit: changeUnit,
    interval,
    level: interval ? estimate.interval?.level : undefined,
    method: estimate.method,
    ...(estimate.note ? { note: estimate.note } : {}),
  };
  return { ...base, verdict, counts: verdictCounts({ optional: threshold.optional, verdict }), change, reason, ...(toDecide ? { toDecide } : {}) };
}

function unmatched(threshold: Threshold, baseline: Side, candidate: Side): ThresholdResult {
  const empty = (runs: readonly MeasuredRun[]): SideValues => ({ values: runs.map(() => null), median: undefined, n: 0, problems: [] });
  const verdict: Verdict = 'missing';
  const form = threshold.rule.form === 'absolute' ? 'value' : threshold.rule.form;
  return {
    metric: threshold.metric,
    threshold,
    verdict,
    counts: verdictCounts({ optional: threshold.optional, verdict }),
    notMeasured: false,
    defaulted: { baseline: 0, candidate: 0 },
    unit: metricUnit(threshold.metric)?.symbol,
    baseline: empty(baseline.runs),
    candidate: empty(candidate.runs),
    change: noChange(form, changeUnitOf(form, metricUnit(threshold.metric))),
    reason: `no metric matches ${threshold.metric} in any run`,
  };
}

export function evaluateThresholds(thresholds: readonly Threshold[], baseline: Side, candidate: Side, options: GateOptions): ThresholdResult[] {
  const all = [...baseline.runs, ...candidate.runs];
  return thresholds.flatMap((threshold) => {
    const metrics = expandMetricPattern(threshold.metric, all);
    if (metrics.length === 0) return [unmatched(threshold, baseline, candidate)];
    return metrics.map((metric) => accept(evaluateOne(threshold, metric, baseline, candidate, options), options.acceptances ?? []));
  });
}

/** Only a measured failure can be accepted: a missing value or an inconclusive change is no known regression. */
function accept(result: ThresholdResult, acceptances: readonly Acceptance[]): ThresholdResult {
  if (result.verdict !== 'fail') return result;
  const found = findAcceptance(acceptances, result.metric, result.threshold.metric);
  if (!found) return result;
  return { ...result, verdict: 'accepted', accepted: found, reason: acceptanceText(found, result.reason) };
}

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
