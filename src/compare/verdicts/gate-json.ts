/**
 * `gate.json`: the machine-readable gate result, schema `optimization-gate/gate@1`.
 *
 * Stable contract (additions only within `@1`; a renamed or removed key bumps the version).
 * Every absent value is `null`, never omitted; no NaN or Infinity anywhere.
 *
 * - `schema`: "optimization-gate/gate@1"
 * - `decision`: "ship" | "iterate" | "reject"; `fail_on`: "reject" | "iterate" | "never";
 *   `passed`: the decision passes `fail_on` (the job's success)
 * - `reasons[]`: why the decision is not ship, most severe first
 * - `verdicts`: counts of {pass, fail, inconclusive, missing, accepted} over `thresholds[]`
 * - `thresholds[]`: one per concrete metric (a `*` pattern gives one per match)
 *   - `metric` (concrete path), `pattern` (as written), `rule` {text, form: relative|delta|absolute,
 *     op, value (percent for relative, else the metric's unit), unit (as written or null)}
 *   - `kind`: guardrail|target, `optional`, `line` (1-based, in the issue or thresholds input), `origin`
 *   - `default`: the threshold's `default:` for a key its file lacks, or null; `defaulted` {baseline,
 *     candidate}: runs that used it
 *   - `verdict`: pass|fail|inconclusive|missing|accepted (a failure acknowledged on the issue,
 *     docs/commands.md); `counts`: false when an optional value is missing or the metric
 *     was not measured (`not_measured`: only "no sample" markers on the sides it needs)
 *   - `environment`: the environment differences that made it inconclusive, or null
 *   - `unit`: the metric's unit symbol or null
 *   - `baseline` / `candidate`: {values (one per run, null where a run had no number), median, n
 *     (runs with a number), runs, problems[]}
 *   - `change`: {value (percent for relative, unit delta, or the candidate value for absolute
 *     bounds), form: relative|delta|value, unit (`%` relative, `pp` a delta of a percentage metric, else
 *     the metric unit), interval {low, high} or null, level (the exact
 *     coverage of the interval, e.g. 0.968 for 5 + 5 runs) or null, method:
 *     rank-shift|welch-t|bootstrap-median|point or null, note or null}
 *   - `reason`: one line with the numbers; `accepted`: {by, at, reason, url} of the acknowledgement, else null
 * - `runs`: {baseline[], candidate[]}, each {label, files {profile, truth, eval, cost, fingerprint}, status,
 *   failed, host {hostname, cpu}, sampling_note, memory_metric}
 * - `host`: {comparable, differences[]}
 * - `dataset`: {comparable, rows[] {field, baseline[], candidate[], mismatch or null}}: a mismatch
 *   refuses the comparison (then in `input_errors`, and `thresholds` is empty)
 * - `environment`: {comparable, rows[] {attribute, baseline[], candidate[], affects, accepted, note}}:
 *   every attribute that differs; `affects` and not `accepted` made time/memory verdicts inconclusive
 * - `problems[]`: threshold parse problems {line, text, expected, origin}; `input_errors[]`
 * - `noise`: how noise was handled ("single run: no noise estimate" or the interval method)
 * - `notes[]`; `spec`: {baseline, baseline_eval, repeat, compare_across} as named on the issue
 * - `baseline`: where the baseline came from — {source: cache|artifact|path|ref, description,
 *   provenance: the verified refresh run {source, entry, run_id, run_number, run_attempt, event,
 *   workflow, head_branch, head_sha, created_at, html_url} or null} — or null when none was used
 * - `hypotheses[]`: the hypotheses evaluated on each side (src/compare/grammar/hypotheses/json.ts)
 * - `spend`: {max_cost_usd, per_run_usd, source, planned_runs, most_runs, runs, estimated_usd,
 *   stopped (why max-cost-usd stopped runs)} or null when the result was not measured by a job
 */
import type { Decision, FailOn, Verdict } from './decision.js';
import type { GateResult, RunInfo, SideValues, ThresholdResult } from './gate.js';
import { hypothesesToJson } from '../grammar/hypotheses/json.js';

export const GATE_JSON_SCHEMA = 'optimization-gate/gate@1';

type Nullable<T> = T | null;

export interface GateJsonSide {
  values: Nullable<number>[];
  median: Nullable<number>;
  n: number;
  runs: number;
  problems: string[];
}

export interface GateJsonThreshold {
  metric: string;
  pattern: string;
  rule: { text: string; form: string; op: string; value: number; unit: Nullable<string> };
  kind: string;
  optional: boolean;
  line: number;
  origin: string;
  default: Nullable<number>;
  verdict: Verdict;
  counts: boolean;
  not_measured: boolean;
  defaulted: { baseline: number; candidate: number };
  environment: Nullable<string[]>;
  unit: Nullable<string>;
  baseline: GateJsonSide;
  candidate: GateJsonSide;
  change: {
    value: Nullable<number>;
    form: string;
    unit: Nullable<string>;
    interval: Nullable<{ low: number; high: number }>;
    level: Nullable<number>;
    method: Nullable<string>;
    note: Nullable<string>;
  };
  reason: string;
  /** Verdict `accepted`: who acknowledged the regression, when, why, and the record's link. */
  accepted: Nullable<{ by: string; at: string; reason: string; url: Nullable<string> }>;
}

export interface GateJsonRun {
  label: string;
  files: { profile: Nullable<string>; truth: Nullable<string>; eval: Nullable<string>; cost: Nullable<string>; fingerprint: Nullable<string> };
  status: Nullable<string>;
  failed: boolean;
  host: { hostname: Nullable<string>; cpu: Nullable<string> };
  sampling_note: Nullable<string>;
  memory_metric: Nullable<string>;
}

export interface GateJson {
  schema: typeof GATE_JSON_SCHEMA;
  decision: Decision;
  fail_on: FailOn;
  passed: boolean;
  reasons: string[];
  verdicts: Record<Verdict, number>;
  thresholds: GateJsonThreshold[];
  runs: { baseline: GateJsonRun[]; candidate: GateJsonRun[] };
  host: { comparable: boolean; differences: string[] };
  dataset: { comparable: boolean; rows: Array<{ field: string; baseline: string[]; candidate: string[]; mismatch: Nullable<string> }> };
  environment: {
    comparable: boolean;
    rows: Array<{ attribute: string; baseline: string[]; candidate: string[]; affects: boolean; accepted: boolean; note: string }>;
  };
  problems: Array<{ line: number; text: string; expected: string; origin: string }>;
  input_errors: string[];
  noise: string;
  notes: string[];
  spec: { baseline: Nullable<string>; baseline_eval: Nullable<string>; repeat: Nullable<number>; compare_across: Nullable<string[]> };
  hypotheses: ReturnType<typeof hypothesesToJson>;
  spend: Nullable<{
    max_cost_usd: Nullable<number>;
    per_run_usd: Nullable<number>;
    source: Nullable<string>;
    planned_runs: number;
    most_runs: number;
    runs: number;
    estimated_usd: Nullable<number>;
    stopped: Nullable<string>;
  }>;
}

function num(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: string | undefined): string | null {
  return value ?? null;
}

function side(values: SideValues): GateJsonSide {
  return { values: values.values.map(num), median: num(values.median), n: values.n, runs: values.values.length, problems: values.problems };
}

function threshold(t: ThresholdResult): GateJsonThreshold {
  const { rule } = t.threshold;
  const interval = t.change.interval;
  const low = num(interval?.low);
  const high = num(interval?.high);
  return {
    metric: t.metric,
    pattern: t.threshold.metric,
    rule: { text: rule.text, form: rule.form, op: rule.op, value: num(rule.value) ?? 0, unit: str(rule.unit) },
    kind: t.threshold.kind,
    optional: t.threshold.optional,
    line: t.threshold.line,
    origin: t.threshold.origin,
    default: num(t.threshold.default),
    verdict: t.verdict,
    counts: t.counts,
    not_measured: t.notMeasured,
    defaulted: t.defaulted,
    environment: t.environment ?? null,
    unit: str(t.unit),
    baseline: side(t.baseline),
    candidate: side(t.candidate),
    change: {
      value: num(t.change.value),
      form: t.change.form,
      unit: str(t.change.unit),
      interval: low !== null && high !== null ? { low, high } : null,
      level: num(t.change.level),
      method: str(t.change.method),
      note: str(t.change.note),
    },
    accepted: t.accepted ? { by: t.accepted.by, at: t.accepted.at, reason: t.accepted.reason, url: str(t.accepted.url) } : null,
    reason: t.reason,
  };
}

function run(r: RunInfo): GateJsonRun {
  return {
    label: r.label,
    files: {
      profile: str(r.files.profile),
      truth: str(r.files.truth),
      eval: str(r.files.eval),
      cost: str(r.files.cost),
      fingerprint: str(r.files.fingerprint),
    },
    status: str(r.status),
    failed: r.failed,
    host: { hostname: str(r.host.hostname), cpu: str(r.host.cpu) },
    sampling_note: str(r.samplingNote),
    memory_metric: str(r.memoryMetric),
  };
}

export function toGateJson(result: GateResult): GateJson {
  const verdicts: Record<Verdict, number> = { pass: 0, fail: 0, inconclusive: 0, missing: 0, accepted: 0 };
  for (const t of result.thresholds) verdicts[t.verdict] += 1;
  return {
    schema: GATE_JSON_SCHEMA,
    decision: result.decision,
    fail_on: result.failOn,
    passed: result.passed,
    reasons: result.reasons,
    verdicts,
    thresholds: result.thresholds.map(threshold),
    runs: { baseline: result.runs.baseline.map(run), candidate: result.runs.candidate.map(run) },
    host: { comparable: result.host.comparable, differences: result.host.differences },
    dataset: {
      comparable: result.dataset.comparable,
      rows: result.dataset.rows.map((r) => ({ field: r.field, baseline: r.baseline, candidate: r.candidate, mismatch: r.mismatch ?? null })),
    },
    environment: {
      comparable: result.environment.comparable,
      rows: result.environment.rows.map((r) => ({ ...r })),
    },
    problems: result.problems.map((p) => ({ line: p.line, text: p.text, expected: p.expected, origin: p.origin })),
    input_errors: result.inputErrors,
    noise: result.noise,
    notes: result.notes,
    spec: {
      baseline: str(result.spec.baseline),
      baseline_eval: str(result.spec.baselineEval),
      repeat: num(result.spec.repeat),
      compare_across: result.spec.compareAcross ?? null,
    },
    hypotheses: hypothesesToJson(result.hypotheses),
    spend: result.spend
      ? {
          max_cost_usd: num(result.spend.maxCostUsd),
          per_run_usd: num(result.spend.perRunUsd),
          source: str(result.spend.source),
          planned_runs: result.spend.plannedRuns,
          most_runs: result.spend.mostRuns,
          runs: result.spend.runs,
          estimated_usd: num(result.spend.estimatedUsd),
          stopped: str(result.spend.stopped),
        }
      : null,
  };
}

/** Where the baseline came from (the action fills it; the CLI compares files it was given). */
export interface GateJsonBaseline {
  source: string;
  description: string;
  provenance: Record<string, unknown> | null;
}

/** The file's text. The replacer is a last guard: a non-finite number that slipped through becomes null. */
export function renderGateJson(result: GateResult, baseline?: GateJsonBaseline): string {
  const json = { ...toGateJson(result), baseline: baseline ?? null };
  return `${JSON.stringify(json, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
