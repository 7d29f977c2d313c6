/**
 * Environment comparability. Time and memory are only comparable between runs on comparable
 * machines and software: each run's profile `environment:` block and its eval run's fingerprint.json
 * (`environment`, `runtime`) are compared attribute by attribute. Every difference is listed (the
 * side-by-side table of the report); a difference in something that changes time or memory (device,
 * precision, CPU model, core count, RAM, OS, the Python and library versions' major.minor, GPU) makes
 * time and memory verdicts inconclusive, unless the issue names it in `compare-across:` (the
 * difference is the point of the experiment). Quality and cost are not affected. Pure.
 */
import { isObject } from '../../formats/validate.js';
import { metricUnit } from '../grammar/units.js';
import type { MeasuredRun, Side } from '../types.js';

export interface EnvironmentRow {
  /** `device`, `library_versions.torch`, `fingerprint.runtime.device` … */
  attribute: string;
  /** Distinct values over the side's runs, as written; `(not recorded)` for a run without one. */
  baseline: string[];
  candidate: string[];
  /** The difference changes time or memory (both sides recorded it, and it differs in a way that matters). */
  affects: boolean;
  /** Named in `compare-across:`: the difference is the experiment, verdicts stand. */
  accepted: boolean;
  /** Why it does or does not affect time and memory, in a few words. */
  note: string;
}

export interface EnvironmentCheck {
  /** Attributes that differ between or within the sides, in the profile's key order. */
  rows: EnvironmentRow[];
  /** Rows that make time and memory verdicts inconclusive. */
  blocking: EnvironmentRow[];
  /** No blocking difference. */
  comparable: boolean;
}

export const NOT_RECORDED = '(not recorded)';

type Normalize = (value: string) => string;

const exact: Normalize = (v) => v;
/** `3.11.8` → `3.11`; `20250625` stays whole (a date is its own version). */
const majorMinor: Normalize = (v) => /^v?(\d+)\.(\d+)/.exec(v)?.slice(1, 3).join('.') ?? v;
/** `Darwin 24.6.0` / `Darwin-24.6.0-arm64` / `Linux 6.8.0` → the system name. */
const system: Normalize = (v) => (v.split(/[\s-]/)[0] ?? v).toLowerCase();
/** RAM as different tools round it: 5 % apart counts as the same machine size. */
const ramBucket: Normalize = (v) => (Number.isFinite(Number(v)) ? String(Math.round(Math.log(Number(v)) / Math.log(1.05))) : v);

/** Attributes that change time or memory, and how two values are compared; anything else is shown only. */
const AFFECTING: ReadonlyArray<[RegExp, Normalize, string]> = [
  [/^(device|precision|cpu|cpu_model|gpu|gpu_model)$/, exact, 'changes time and memory'],
  [/^cpu_cores_(physical|logical)$/, exact, 'core count changes parallel time'],
  [/^ram_total_gb$/, ramBucket, 'RAM size changes memory pressure'],
  [/^os$/, system, 'another OS changes time and memory'],
  [/^python$/, majorMinor, 'another major.minor interpreter version'],
  [/^library_versions\.[^.]+$/, majorMinor, 'another major.minor library version'],
  [/^fingerprint\.runtime\.(device|device_name)$/, exact, 'eval run on another device'],
  [/^fingerprint\.environment\.python_version$/, majorMinor, 'another major.minor interpreter version'],
  [/^fingerprint\.environment\.os$/, system, 'another OS changes time and memory'],
];

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `a.b: value` for every scalar under `node` (nested mappings flattened with dots). */
function flatten(node: unknown, prefix: string, out: Map<string, string | undefined>): void {
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(value)) flatten(value, path, out);
    else if (!Array.isArray(value)) out.set(path, scalarText(value));
  }
}

function attributesOf(run: MeasuredRun): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  flatten(run.profile.environment, '', out);
  if (run.fingerprint) {
    flatten(run.fingerprint.environment, 'fingerprint.environment', out);
    flatten(run.fingerprint.runtime, 'fingerprint.runtime', out);
  }
  return out;
}

/** Whether `compare-across: [name]` covers an attribute: the name itself, a parent (`library_versions`) or its last segment (`device`, `torch`). */
export function acrossCovers(name: string, attribute: string): boolean {
  return attribute === name || attribute.startsWith(`${name}.`) || attribute.split('.').at(-1) === name;
}

function row(attribute: string, base: (string | undefined)[], cand: (string | undefined)[], across: readonly string[]): EnvironmentRow | undefined {
  const shown = (values: (string | undefined)[]) => [...new Set(values.map((v) => v ?? NOT_RECORDED))];
  const b = shown(base);
  const c = shown(cand);
  if (b.length === 1 && c.length === 1 && b[0] === c[0]) return undefined;
  const rule = AFFECTING.find(([pattern]) => pattern.test(attribute));
  const recorded = (values: (string | undefined)[]) => values.filter((v): v is string => v !== undefined);
  const normalized = (values: (string | undefined)[]) => new Set(recorded(values).map(rule?.[1] ?? exact));
  const nb = normalized(base);
  const nc = normalized(cand);
  const bothRecorded = recorded(base).length === base.length && recorded(cand).length === cand.length;
  const differs = nb.size !== nc.size || [...nb].some((v) => !nc.has(v)) || nb.size > 1 || nc.size > 1;
  const affects = rule !== undefined && bothRecorded && differs;
  const note = !rule ? 'shown only' : !bothRecorded ? 'not recorded on every run: not judged' : affects ? rule[2] : 'same where it matters';
  return { attribute, baseline: b, candidate: c, affects, accepted: affects && across.some((n) => acrossCovers(n, attribute)), note };
}

export function checkEnvironment(baseline: Side, candidate: Side, compareAcross: readonly string[] = []): EnvironmentCheck {
  // Nothing to compare with: a side without runs is reported as such elsewhere.
  if (baseline.runs.length === 0 || candidate.runs.length === 0) return { rows: [], blocking: [], comparable: true };
  const baseAttrs = baseline.runs.map(attributesOf);
  const candAttrs = candidate.runs.map(attributesOf);
  const names: string[] = [];
  for (const attrs of [...baseAttrs, ...candAttrs]) for (const name of attrs.keys()) if (!names.includes(name)) names.push(name);
  const rows = names
    .map((name) =>
      row(
        name,
        baseAttrs.map((a) => a.get(name)),
        candAttrs.map((a) => a.get(name)),
        compareAcross,
      ),
    )
    .filter((r): r is EnvironmentRow => r !== undefined);
  const blocking = rows.filter((r) => r.affects && !r.accepted);
  return { rows, blocking, comparable: blocking.length === 0 };
}

/** `device "cpu" → "cuda"`: one blocking difference in words. */
export function describeDifference(r: EnvironmentRow): string {
  return `${r.attribute} ${r.baseline.map((v) => `"${v}"`).join('/')} → ${r.candidate.map((v) => `"${v}"`).join('/')}`;
}

/** The dimensions an environment difference makes incomparable: time, memory and CPU (not quality, not cost). */
const RESOURCE_DIMENSIONS = new Set(['time', 'memory', 'cpu']);

/**
 * Time, memory and CPU verdicts that passed or failed become inconclusive when a blocking
 * difference exists, with the differences and the measured outcome in the reason.
 */
export function applyEnvironment<T extends { metric: string; verdict: string; reason: string; environment?: string[] }>(results: T[], check: EnvironmentCheck): T[] {
  if (check.comparable) return results;
  const differences = check.blocking.map(describeDifference);
  return results.map((r) => {
    const dimension = metricUnit(r.metric)?.dimension;
    if ((r.verdict !== 'pass' && r.verdict !== 'fail') || dimension === undefined || !RESOURCE_DIMENSIONS.has(dimension)) return r;
    const reason =
      `not comparable across environments (${differences.join('; ')}): a ${r.verdict} here would not be the change's; ` +
      `name the attribute in \`compare-across:\` if that difference is the experiment. Measured: ${r.reason}`;
    return { ...r, verdict: 'inconclusive', reason, environment: differences };
  });
}
