/**
 * Hypotheses checked against the measured runs of one side at a time: confirmed, rejected or
 * undecided, with the numbers that decided it. Pure: parsed checks and runs in, data out.
 *
 * Each run gives the check's two sides; their difference per run is judged against 0 like an
 * absolute threshold: one run by its value, several by the interval of the median (the repo's
 * interval machinery, src/compare/statistics/stats.ts). Missing data, an undefined value (a share of 0) or an
 * interval that straddles the bound leave the hypothesis undecided — never confirmed by default.
 */
import { expandMetricPattern, lookupMetric, mergeOrders } from '../metrics.js';
import { median, valueInterval, type IntervalMethod, type IntervalOptions } from '../../statistics/stats.js';
import type { MeasuredRun, Side } from '../../types.js';
import { metricUnit } from '../units.js';
import { pushAll } from '../../../collections.js';
import { describeOutcome, overlapNote } from './describe.js';
import type { ArithmeticOp, CompareOp, Expr, ExprDimension, Hypothesis } from './types.js';

export type HypothesisVerdict = 'confirmed' | 'rejected' | 'undecided';
/** `measured`: the runs of `mode: measure` (neither side of a comparison). */
export type SideName = Side['name'] | 'measured';

/** The check's tree with a value at every node: one run's, or the median over the runs. JSON-ready. */
export interface EvalNode {
  kind: Expr['type'];
  /** The node as written in the check. */
  text: string;
  dim: ExprDimension;
  /** In the dimension's base unit (s, MiB, USD, % of a core); null when a run had none. */
  value: number | null;
  op?: ArithmeticOp;
  /** The metric path, or the pattern of `sum(…)`. */
  metric?: string;
  /** A number written with `%`. */
  percent?: boolean;
  /** An absent stage's wall time, counted as 0 s. */
  note?: string;
  /** What `sum(…)` added, in order. */
  matches?: Array<{ metric: string; value: number | null }>;
  /** binary: [left, right]; share: [part, whole]; negate: [operand]. */
  children: EvalNode[];
}

export interface HypothesisSideResult {
  side: SideName;
  verdict: HypothesisVerdict;
  /** Runs evaluated. */
  runs: number;
  op: CompareOp;
  /** Medians over the runs (null where a run had no value). */
  left: EvalNode;
  right: EvalNode;
  /** Per run: the two sides of the comparison. */
  values: { left: (number | null)[]; right: (number | null)[] };
  /** Of the left side when the right is a constant, else of the difference left − right. */
  interval: { low: number; high: number; level: number } | null;
  intervalOf: 'left' | 'difference' | null;
  method: IntervalMethod | null;
  /**
   * What the verdict rests on: one run's `value`; an `interval` over repeated runs (undecided when it
   * straddles the bound); or, undecided, `missing` data, an `undefined` value (a share of 0), or
   * repeated runs that gave `no-interval`.
   */
  basis: 'value' | 'interval' | 'missing' | 'undefined' | 'no-interval';
  /** The numbers that decided it, in one line: "84.6 % of summed stage wall time (…), needs ≥ 50 %". */
  reason: string;
  notes: string[];
  /** Why a run gave no value (missing data), one line per distinct reason. */
  problems: string[];
}

export interface HypothesisResult {
  id: string;
  claim: string | null;
  lever: string | null;
  check: string;
  line: number;
  origin: Hypothesis['origin'];
  sides: HypothesisSideResult[];
}

/** Values within this relative distance of the bound count as on it (floating-point noise). */
const TOLERANCE = 1e-9;

interface RunEval {
  /** Data a run lacks (absent, null, not a number, no match). */
  missing: string[];
  /** A value that does not exist (a division by 0). */
  undefinedBy: string[];
}

function scaled(path: string, value: number): number {
  return value * (metricUnit(path)?.scale ?? 1);
}

function leaf(expr: Expr, text: string, value: number | null, extra: Partial<EvalNode> = {}): EvalNode {
  return { kind: expr.type, text: text.slice(expr.start, expr.end), dim: expr.dim, value, ...extra, children: [] };
}

function arithmetic(op: ArithmeticOp, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
  }
}

/** The lookup's advice is about thresholds (`optional: true`); a hypothesis has no such key. */
function withoutThresholdHint(reason: string): string {
  return reason.replace(/ \(mark the threshold optional[^)]*\)/, '');
}

/** One run's value of every node of `expr`. */
function evalRun(expr: Expr, text: string, run: MeasuredRun, out: RunEval): EvalNode {
  switch (expr.type) {
    case 'number':
      return leaf(expr, text, expr.value, expr.percent ? { percent: true } : {});
    case 'metric': {
      const found = lookupMetric(run, expr.path);
      if (found.kind !== 'number') out.missing.push(withoutThresholdHint(found.reason));
      const value = found.kind === 'number' ? scaled(expr.path, found.value) : null;
      return leaf(expr, text, value, { metric: expr.path, ...(found.kind === 'number' && found.note ? { note: found.note } : {}) });
    }
    case 'sum': {
      const paths = expandMetricPattern(expr.pattern, [run]);
      if (paths.length === 0) out.missing.push(`no metric matches ${expr.pattern} in ${run.label}`);
      const matches = paths.map((metric) => {
        const found = lookupMetric(run, metric);
        if (found.kind !== 'number') out.missing.push(found.reason);
        return { metric, value: found.kind === 'number' ? scaled(metric, found.value) : null };
      });
      const complete = paths.length > 0 && matches.every((m) => m.value !== null);
      const total = complete ? matches.reduce((s, m) => s + (m.value as number), 0) : null;
      return leaf(expr, text, total, { metric: expr.pattern, matches });
    }
    case 'negate': {
      const operand = evalRun(expr.operand, text, run, out);
      return { ...leaf(expr, text, operand.value === null ? null : -operand.value), children: [operand] };
    }
    case 'share':
    case 'binary': {
      const [a, b] = expr.type === 'share' ? [expr.part, expr.whole] : [expr.left, expr.right];
      const left = evalRun(a, text, run, out);
      const right = evalRun(b, text, run, out);
      const op: ArithmeticOp = expr.type === 'share' ? '/' : expr.op;
      let value: number | null = null;
      if (left.value !== null && right.value !== null) {
        value = arithmetic(op, left.value, right.value) ?? null;
        if (value === null) out.undefinedBy.push(`${text.slice(b.start, b.end)} is 0 in ${run.label}, so ${text.slice(expr.start, expr.end)} is undefined`);
      }
      return { ...leaf(expr, text, value, expr.type === 'binary' ? { op } : {}), children: [left, right] };
    }
  }
}

/** The runs' trees as one: every value the median over the runs, null unless every run had one. */
function combine(nodes: readonly EvalNode[]): EvalNode {
  const first = nodes[0] as EvalNode;
  const values = nodes.map((n) => n.value);
  const value = values.every((v): v is number => v !== null) ? median(values) : null;
  const combined: EvalNode = { ...first, value, children: first.children.map((_, i) => combine(nodes.map((n) => n.children[i] as EvalNode))) };
  if (first.matches) {
    const order = mergeOrders(nodes.map((n) => (n.matches ?? []).map((m) => m.metric)));
    combined.matches = order.map((metric) => {
      const found = nodes.map((n) => n.matches?.find((m) => m.metric === metric)?.value ?? null);
      return { metric, value: found.every((v): v is number => v !== null) ? median(found) : null };
    });
  }
  return combined;
}

function satisfies(x: number, op: CompareOp, eps: number): boolean {
  switch (op) {
    case '<=':
      return x <= eps;
    case '<':
      return x < -eps;
    case '>=':
      return x >= -eps;
    case '>':
      return x > eps;
    case '==':
      return Math.abs(x) <= eps;
  }
}

/** The verdict on the differences left − right against 0. */
function judge(low: number, high: number, op: CompareOp, eps: number): HypothesisVerdict {
  if (op === '==') {
    if (Math.abs(low) <= eps && Math.abs(high) <= eps) return 'confirmed';
    return low > eps || high < -eps ? 'rejected' : 'undecided';
  }
  const upper = op === '<=' || op === '<';
  const [worst, best] = upper ? [high, low] : [low, high];
  if (satisfies(worst, op, eps)) return 'confirmed';
  return satisfies(best, op, eps) ? 'undecided' : 'rejected';
}

function hasMetrics(expr: Expr): boolean {
  switch (expr.type) {
    case 'number':
      return false;
    case 'metric':
    case 'sum':
      return true;
    case 'negate':
      return hasMetrics(expr.operand);
    case 'share':
      return hasMetrics(expr.part) || hasMetrics(expr.whole);
    case 'binary':
      return hasMetrics(expr.left) || hasMetrics(expr.right);
  }
}

/** The same reason in several runs is said once, with how many. */
function grouped(reasons: readonly string[], runs: number): string[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => (n > 1 && runs > 1 ? `${r} (${n} runs)` : r));
}

/** One hypothesis on one side's runs. */
export function evaluateHypothesisOn(hypothesis: Hypothesis, side: SideName, runs: readonly MeasuredRun[], options: IntervalOptions = {}): HypothesisSideResult {
  const { check } = hypothesis;
  const missing: string[] = [];
  const undefinedBy: string[] = [];
  const perRun = runs.map((run) => {
    const out: RunEval = { missing: [], undefinedBy: [] };
    const left = evalRun(check.left, check.text, run, out);
    const right = evalRun(check.right, check.text, run, out);
    pushAll(missing, out.missing);
    pushAll(undefinedBy, out.undefinedBy);
    return { left, right };
  });
  const empty = (expr: Expr): EvalNode => leaf(expr, check.text, null);
  const left = perRun.length > 0 ? combine(perRun.map((r) => r.left)) : empty(check.left);
  const right = perRun.length > 0 ? combine(perRun.map((r) => r.right)) : empty(check.right);
  const values = { left: perRun.map((r) => r.left.value), right: perRun.map((r) => r.right.value) };
  const base = { side, runs: runs.length, op: check.op, left, right, values, notes: overlapNote(left, runs) };
  const problems = [...grouped(missing, runs.length), ...grouped(undefinedBy, runs.length)];
  const differences = perRun.map((r) => (r.left.value !== null && r.right.value !== null ? r.left.value - r.right.value : null));
  if (runs.length === 0 || problems.length > 0 || differences.some((d) => d === null)) {
    const basis = missing.length > 0 || runs.length === 0 ? ('missing' as const) : ('undefined' as const);
    const result = { ...base, verdict: 'undecided' as const, interval: null, intervalOf: null, method: null, basis, problems: runs.length === 0 ? [`no ${side} run`] : problems };
    return { ...result, reason: describeOutcome(result) };
  }
  const d = differences as number[];
  const constantRight = !hasMetrics(check.right);
  const eps = TOLERANCE * Math.max(1, Math.abs(left.value ?? 0), Math.abs(right.value ?? 0));
  const estimate = valueInterval(d, options);
  const shift = constantRight ? (right.value as number) : 0;
  const interval = estimate.interval ? { low: estimate.interval.low + shift, high: estimate.interval.high + shift, level: estimate.interval.level } : null;
  const [low, high] = estimate.interval ? [estimate.interval.low, estimate.interval.high] : [median(d), median(d)];
  // Several runs without an interval are never judged on the point alone (as the gate does).
  const verdict = estimate.method !== 'point' && !estimate.interval ? 'undecided' : judge(low, high, check.op, eps);
  // A single run is said by `basis: value` (and the report's noise line), not in every hypothesis's notes.
  const notes = [...base.notes, ...(estimate.note && !estimate.degenerate && estimate.method !== 'point' ? [estimate.note] : [])];
  const result = {
    ...base,
    verdict,
    interval,
    intervalOf: interval ? (constantRight ? ('left' as const) : ('difference' as const)) : null,
    method: estimate.method,
    notes,
    problems: [],
    basis: estimate.method === 'point' ? ('value' as const) : interval ? ('interval' as const) : ('no-interval' as const),
  };
  return { ...result, reason: describeOutcome(result) };
}

/**
 * Every hypothesis on every given side, the sides shown separately (baseline first). A side with
 * no runs is left out: `mode: measure` has one side only.
 */
export function evaluateHypotheses(hypotheses: readonly Hypothesis[], sides: ReadonlyArray<{ name: SideName; runs: readonly MeasuredRun[] }>, options: IntervalOptions = {}): HypothesisResult[] {
  return hypotheses.map((h) => ({
    id: h.id,
    claim: h.claim ?? null,
    lever: h.lever ?? null,
    check: h.check.text,
    line: h.line,
    origin: h.origin,
    sides: sides.filter((s) => s.runs.length > 0).map((s) => evaluateHypothesisOn(h, s.name, s.runs, options)),
  }));
}
