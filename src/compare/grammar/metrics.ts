/**
 * Metric lookup: the value at a dotted path of a measured run (`profile.totals.wall_time_s`,
 * `eval.vs_reference.<ref>.rougeL_f1` …) and the expansion of `*` patterns into concrete paths.
 * A lookup never throws and never invents a number: it says whether it found a number, nothing,
 * a `null`, or something that is not a number, with a reason fit for a report.
 */
import { isObject } from '../../formats/validate.js';
import { metricUnit } from './units.js';
import { METRIC_SOURCES, type MeasuredRun, type MetricSource } from '../types.js';

export type MetricValue =
  /** `note` when the number is implied rather than written (an absent stage's wall time is 0 s). */
  | { kind: 'number'; value: number; note?: string }
  /**
   * The key (or the whole document) is not there. `inDocument`: the document was read and lacks the
   * key, the one case a threshold's `default:` stands in for (a missing file is never defaulted).
   */
  | { kind: 'absent'; reason: string; inDocument?: boolean; file?: string }
  /** Written as `null`: "not computed" in the scorer's files. */
  | { kind: 'null'; reason: string; file?: string }
  /** A string, a mapping, a list, a boolean, NaN or Infinity where a number belongs. */
  | { kind: 'invalid'; reason: string; file?: string }
  /**
   * A "no sample" marker: a memory reading of 0 (a live process tree never holds 0 bytes), or the CPU
   * of a stage no sample fell in. Freeze scripts write 0 for these; it is not a measurement.
   */
  | { kind: 'not_measured'; reason: string; file?: string };

export const DOCUMENT_NAMES: Record<MetricSource, string> = {
  profile: 'profile YAML',
  truth: 'stage_truth.json',
  eval: 'metrics.json',
  cost: 'eval_pipeline_metrics.json',
};

export function isMetricSource(segment: string | undefined): segment is MetricSource {
  return (METRIC_SOURCES as readonly string[]).includes(segment ?? '');
}

function documentOf(run: MeasuredRun, source: MetricSource): unknown {
  return run[source];
}

/** What a non-numeric value is, in a few words. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return `a string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value)}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return typeof value;
}

/** Classifies a value found at `path`. */
export function classifyValue(value: unknown, path: string): MetricValue {
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value };
  if (value === null) return { kind: 'null', reason: `${path} is null (not computed)` };
  if (value === undefined) return { kind: 'absent', reason: `${path} is absent` };
  return { kind: 'invalid', reason: `${path} is ${describeValue(value)}, not a number` };
}

/** `in metrics.json of a.yaml (out/a.eval/metrics.json)`: which file a value was looked for in. */
function inFile(run: MeasuredRun, source: MetricSource): string {
  const file = run.files[source];
  return source === 'profile' ? `in ${run.label}` : `in ${DOCUMENT_NAMES[source]} of ${run.label}${file ? ` (${file})` : ''}`;
}

function missingDocument(run: MeasuredRun, source: MetricSource): MetricValue {
  const looked = run.looked?.[source] ?? [];
  const where = looked.length > 0 ? `: looked for ${looked.join(', ')}` : '';
  const hint = source === 'truth' ? ' (the profile has no stage_truth companion)' : '';
  return { kind: 'absent', reason: `no ${DOCUMENT_NAMES[source]} for ${run.label}${where}${hint}` };
}

export function lookupMetric(run: MeasuredRun, path: string): MetricValue {
  const [source, ...keys] = path.split('.');
  if (!isMetricSource(source)) {
    return { kind: 'invalid', reason: `${path}: unknown document "${source ?? ''}" (expected ${METRIC_SOURCES.join(', ')})` };
  }
  let node = documentOf(run, source);
  if (node === undefined) return missingDocument(run, source);
  const file = run.files[source];
  const located = <T extends MetricValue>(value: T): T => (file !== undefined && value.kind !== 'number' ? { ...value, file } : value);
  let walked: string = source;
  for (const key of keys) {
    if (!isObject(node)) return located({ kind: 'absent', reason: `${walked} is ${describeValue(node)} ${inFile(run, source)}, so ${path} is absent` });
    if (!(key in node)) {
      // A profile leaves out stages with zero wall time (docs/thresholds.md, "Stages that were not measured"); absent is not "skipped".
      // So an absent stage's wall time is 0 s (its memory and CPU stay unknown: nothing was sampled).
      if (isZeroWallStage(path, walked, run)) return { kind: 'number', value: 0, note: ZERO_WALL_NOTE };
      if (source === 'profile' && walked === 'profile.stages') {
        return { kind: 'absent', reason: `stage ${key} absent in ${run.label}: it did not run, so it has no memory or CPU (mark the threshold optional: true if a stage may be removed)` };
      }
      const gpu = source === 'profile' && isGpuMetric(path) ? `: ${gpuNote(run)}` : '';
      return located({ kind: 'absent', reason: `${path} absent ${inFile(run, source)}${gpu}`, inDocument: true });
    }
    node = node[key];
    walked = `${walked}.${key}`;
  }
  const found = classifyValue(node, path);
  if (found.kind === 'number') return notMeasured(run, path, found.value) ?? found;
  return located({ ...found, reason: `${found.reason} ${inFile(run, source)}` });
}

export const ZERO_WALL_NOTE = 'stage absent: zero wall time';

function isZeroWallStage(path: string, walked: string, run: MeasuredRun): boolean {
  if (walked === 'profile.stages') return /^profile\.stages\.[^.]+\.wall_time_s$/.test(path);
  return walked === 'truth.wall_seconds_by_stage' && /^truth\.wall_seconds_by_stage\.[^.]+$/.test(path) && run.truth !== undefined;
}

function isGpuMetric(path: string): boolean {
  return /(^|_)gpu(_|$)/.test(path.split('.').at(-1) ?? '');
}

function gpuNote(run: MeasuredRun): string {
  const note = run.profile.totals.gpu_note;
  return typeof note === 'string' ? note : 'this profile has no GPU measurement';
}

/** A resident-memory reading (`peak_rss_mb`, `global_peak_rss_mb_sampled` …): 0 means no sample, never 0 bytes. */
const RSS_READING = /(^|_)rss(_|$)/;
/** Per-stage resources of the profile and of stage_truth: `<prefix>.<stage>.<quantity>`. */
const STAGE_RESOURCE = /^(profile\.stages|truth\.resource_by_stage_psutil)\.([^.]+)\.([^.]+)$/;

/** Whether a number is a "no sample" marker rather than a measurement (see MetricValue `not_measured`). */
function notMeasured(run: MeasuredRun, path: string, value: number): MetricValue | undefined {
  const last = path.split('.').at(-1) ?? '';
  const file = run.files[path.startsWith('truth.') ? 'truth' : 'profile'];
  const where = file !== undefined ? { file } : {};
  if (value === 0 && RSS_READING.test(last) && metricUnit(path)?.dimension === 'memory') {
    return { kind: 'not_measured', reason: `${path} is 0 in ${run.label}: no sample fell in it (a process tree is never 0 bytes resident), so it was not measured`, ...where };
  }
  const stage = STAGE_RESOURCE.exec(path);
  if (!stage || last !== 'avg_cpu_pct') return undefined;
  const [, , name] = stage as unknown as [string, string, string];
  const samples = run.truth?.resource_by_stage_psutil[name]?.samples;
  const memory = path.startsWith('profile.') ? run.profile.stages[name]?.peak_rss_mb : run.truth?.resource_by_stage_psutil[name]?.peak_rss_mb;
  if (samples === 0 || memory === 0) {
    return { kind: 'not_measured', reason: `${path} in ${run.label}: no sample fell in stage ${name} (its memory reads 0), so its CPU was not measured`, ...where };
  }
  return undefined;
}

/** Values a wildcard may stand for: numbers (even NaN) and nulls. Strings, lists and mappings are not metrics. */
function isMetricLeaf(value: unknown): boolean {
  return typeof value === 'number' || value === null;
}

function collect(node: unknown, segments: readonly string[], prefix: string, out: string[]): void {
  if (segments.length === 0) {
    if (isMetricLeaf(node)) out.push(prefix);
    return;
  }
  if (!isObject(node)) return;
  const [head, ...tail] = segments as [string, ...string[]];
  const keys = head === '*' ? Object.keys(node) : head in node ? [head] : [];
  for (const key of keys) collect(node[key], tail, `${prefix}.${key}`, out);
}

/**
 * Merges key orders so that each list's order is kept and keys seen only later are placed after
 * their predecessor: baseline stages a,b,c and candidate a,x,c give a,x,b,c.
 */
export function mergeOrders(lists: readonly (readonly string[])[]): string[] {
  const merged: string[] = [];
  for (const list of lists) {
    let cursor = -1;
    for (const key of list) {
      const at = merged.indexOf(key);
      if (at !== -1) {
        cursor = at;
        continue;
      }
      merged.splice(cursor + 1, 0, key);
      cursor += 1;
    }
  }
  return merged;
}

/**
 * Concrete paths for a pattern, over every given run (pass both sides' runs, baseline first, so
 * the order is the baseline profile's stage order). A path present on one side only is kept: the
 * gate must say `missing`, never skip it. A path without `*` is returned as is, present or not.
 */
export function expandMetricPattern(pattern: string, runs: readonly MeasuredRun[]): string[] {
  const segments = pattern.split('.');
  if (!segments.includes('*')) return [pattern];
  const [source, ...rest] = segments;
  const sources = source === '*' ? [...METRIC_SOURCES] : isMetricSource(source) ? [source] : [];
  const perRun = runs.map((run) => {
    const out: string[] = [];
    for (const s of sources) collect(documentOf(run, s), rest, s, out);
    return out;
  });
  return mergeOrders(perRun);
}

/** Every stage of the given runs' profiles, in profile order (baseline first). */
export function stageNames(runs: readonly MeasuredRun[]): string[] {
  return mergeOrders(runs.map((run) => Object.keys(run.profile.stages)));
}

/** One metric over every run of a side. */
export interface SideLookup {
  /** One entry per run, in run order (a defaulted run reads as a number with the note `default`). */
  lookups: MetricValue[];
  /** The numbers found (runs without a number, and not-measured runs, are left out). */
  numbers: number[];
  /** Every run gave a number or was not measured, and at least one gave a number. */
  complete: boolean;
  /** Runs whose value is a "no sample" marker. */
  notMeasured: number;
  /** Runs whose absent key was replaced by the threshold's `default:`. */
  defaulted: number;
  /** Why a run gave no number, one line per distinct reason (not-measured runs included). */
  problems: string[];
}

export const DEFAULT_NOTE = 'default';

/**
 * Groups the same reason over several runs: `x absent in 3 of 5 runs` rather than five lines (repeats
 * make that common). A run's label and file are what differ between otherwise equal reasons.
 */
function groupReasons(runs: readonly MeasuredRun[], lookups: readonly MetricValue[]): string[] {
  const groups = new Map<string, { reason: string; count: number; files: Set<string> }>();
  for (const [i, found] of lookups.entries()) {
    if (found.kind === 'number') continue;
    const label = runs[i]?.label ?? '';
    const file = found.file;
    let generic = label ? found.reason.split(label).join('\0') : found.reason;
    if (file) generic = generic.split(file.split(label).join('\0')).join('\u0001');
    const group = groups.get(generic);
    if (group) {
      group.count++;
      if (file) group.files.add(file);
    } else groups.set(generic, { reason: found.reason, count: 1, files: new Set(file ? [file] : []) });
  }
  return [...groups].map(([generic, { reason, count, files }]) => {
    if (count === 1) return reason;
    const first = [...files][0] ?? '';
    const fileText = files.size > 1 ? `${first} and ${files.size - 1} more` : first;
    const text = generic.split('\u0001').join(fileText);
    return text.includes('\0') ? text.split('\0').join(`${count} of ${runs.length} runs`) : `${text} (${count} runs)`;
  });
}

/** A metric over the runs of a side; `fallback` is a threshold's `default:` for a key its document lacks. */
export function lookupSide(runs: readonly MeasuredRun[], path: string, fallback?: number): SideLookup {
  let defaulted = 0;
  const lookups = runs.map((run): MetricValue => {
    const found = lookupMetric(run, path);
    if (fallback === undefined || found.kind !== 'absent' || !found.inDocument) return found;
    defaulted++;
    return { kind: 'number', value: fallback, note: DEFAULT_NOTE };
  });
  const numbers = lookups.flatMap((l) => (l.kind === 'number' ? [l.value] : []));
  const notMeasured = lookups.filter((l) => l.kind === 'not_measured').length;
  const complete = numbers.length > 0 && numbers.length + notMeasured === runs.length;
  return { lookups, numbers, complete, notMeasured, defaulted, problems: groupReasons(runs, lookups) };
}
