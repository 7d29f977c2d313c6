/**
 * Metric lookup: the value at a dotted path of a measured run (`profile.totals.wall_time_s`,
 * `eval.vs_reference.<ref>.rougeL_f1` …) and the expansion of `*` patterns into concrete paths.
 * A lookup never throws and never invents a number: it says whether it found a number, nothing,
 * a `null`, or something that is not a number, with a reason fit for a report.
 */
import { isObject } from '../formats/validate.js';
import { METRIC_SOURCES, type MeasuredRun, type MetricSource } from './types.js';

export type MetricValue =
  /** `note` when the number is implied rather than written (an absent stage's wall time is 0 s). */
  | { kind: 'number'; value: number; note?: string }
  /** The key (or the whole document) is not there. */
  | { kind: 'absent'; reason: string }
  /** Written as `null`: "not computed" in the scorer's files. */
  | { kind: 'null'; reason: string }
  /** A string, a mapping, a list, a boolean, NaN or Infinity where a number belongs. */
  | { kind: 'invalid'; reason: string };

const DOCUMENT_NAMES: Record<MetricSource, string> = {
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

export function lookupMetric(run: MeasuredRun, path: string): MetricValue {
  const [source, ...keys] = path.split('.');
  if (!isMetricSource(source)) {
    return { kind: 'invalid', reason: `${path}: unknown document "${source ?? ''}" (expected ${METRIC_SOURCES.join(', ')})` };
  }
  let node = documentOf(run, source);
  if (node === undefined) return { kind: 'absent', reason: `no ${DOCUMENT_NAMES[source]} for ${run.label}` };
  let walked: string = source;
  for (const key of keys) {
    if (!isObject(node)) return { kind: 'absent', reason: `${walked} is ${describeValue(node)}, so ${path} is absent` };
    if (!(key in node)) {
      // DESIGN: stages with zero wall time are absent from the profile; absent is not "skipped".
      // So an absent stage's wall time is 0 s (its memory and CPU stay unknown: nothing was sampled).
      if (isZeroWallStage(path, walked, run)) return { kind: 'number', value: 0, note: ZERO_WALL_NOTE };
      if (source === 'profile' && walked === 'profile.stages') {
        return { kind: 'absent', reason: `stage ${key} absent in ${run.label}: it did not run, so it has no memory or CPU (mark the threshold optional: true if a stage may be removed)` };
      }
      return { kind: 'absent', reason: `${path} absent in ${run.label}` };
    }
    node = node[key];
    walked = `${walked}.${key}`;
  }
  return classifyValue(node, path);
}

export const ZERO_WALL_NOTE = 'stage absent: zero wall time';

function isZeroWallStage(path: string, walked: string, run: MeasuredRun): boolean {
  if (walked === 'profile.stages') return /^profile\.stages\.[^.]+\.wall_time_s$/.test(path);
  return walked === 'truth.wall_seconds_by_stage' && /^truth\.wall_seconds_by_stage\.[^.]+$/.test(path) && run.truth !== undefined;
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
  /** One entry per run, in run order. */
  lookups: MetricValue[];
  /** The numbers found (runs without a number are left out). */
  numbers: number[];
  /** Every run gave a number. */
  complete: boolean;
  /** Why a run gave no number, one line per such run. */
  problems: string[];
}

export function lookupSide(runs: readonly MeasuredRun[], path: string): SideLookup {
  const lookups = runs.map((run) => lookupMetric(run, path));
  const numbers: number[] = [];
  // The same problem in several runs is said once, with how many runs (repeats make that common).
  const groups = new Map<string, { label: string; count: number }>();
  for (const [i, found] of lookups.entries()) {
    if (found.kind === 'number') {
      numbers.push(found.value);
      continue;
    }
    const label = runs[i]?.label ?? '';
    const generic = label ? found.reason.split(label).join('\0') : found.reason;
    const group = groups.get(generic);
    if (group) group.count++;
    else groups.set(generic, { label, count: 1 });
  }
  const problems = [...groups].map(([generic, { label, count }]) => {
    if (count === 1) return generic.split('\0').join(label);
    return generic.includes('\0') ? generic.split('\0').join(`${count} of ${runs.length} runs`) : `${generic} (${count} runs)`;
  });
  return { lookups, numbers, complete: runs.length > 0 && problems.length === 0, problems };
}
