/**
 * One threshold's verdict: its metric pattern expanded over the runs of both sides, the value or the
 * change with its interval judged against the bound, and a covered failure turned into `accepted`.
 * Pure: data in, data out (the gate in gate.ts collects these into a decision).
 */
import { formatPercent, formatSigned, formatValue, metricUnit, type MetricUnit } from '../grammar/units.js';
import { expandMetricPattern, lookupSide } from '../grammar/metrics.js';
import { changeInterval, median, SINGLE_RUN_NOTE, valueInterval, type Estimate } from '../statistics/stats.js';
import { runsToDecide } from '../statistics/runs-needed.js';
import { verdictCounts, type Verdict } from './decision.js';
import type { Operator, Threshold } from '../grammar/thresholds/index.js';
import type { MeasuredRun, Side } from '../types.js';
import { acceptanceText, findAcceptance, type Acceptance } from './acceptance.js';
import type { GateOptions, SideValues, ThresholdChange, ThresholdResult } from './gate.js';
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
