/**
 * The diff of two sides: every number the gate can read. One row per stage × {wall, peak memory,
 * CPU, and any further number a stage carries (GPU)}, every total, every stage_truth number, and
 * every quality and cost number of the eval outputs (`intrinsic.warnings.*`, `length.*`, counters
 * written only when something went wrong …). Each row carries both medians, the absolute change and
 * the percent change — the latter left undefined (with a note) when the baseline is 0 or a side has
 * no value, never Infinity or NaN.
 */
import { isObject } from '../../formats/validate.js';
import { metricUnit } from '../grammar/units.js';
import { lookupSide, mergeOrders, stageNames, type MetricValue } from '../grammar/metrics.js';
import { median } from '../statistics/stats.js';
import type { MeasuredRun, Side } from '../types.js';
import { pushAll } from '../../collections.js';

export type DiffSection = 'stages' | 'totals' | 'truth' | 'quality' | 'cost';

export const STAGE_QUANTITIES = ['wall_time_s', 'peak_rss_mb', 'avg_cpu_pct'] as const;
export const TOTAL_QUANTITIES = ['wall_time_s', 'peak_rss_mb', 'avg_wall_time_per_episode_s'] as const;
export const TRUTH_QUANTITIES = ['run_wall_s', 'sum_mapped_stage_wall_s', 'parallelism_hint_ratio'] as const;

export interface SideSummary {
  /** The numbers found, one per run that had one. */
  values: number[];
  median: number | undefined;
  /** Runs on this side (some may lack the value). */
  runs: number;
  /** Why a run has no number, one line per such run. */
  problems: string[];
}

export interface DiffRow {
  section: DiffSection;
  /** Full metric path, usable as a threshold metric. */
  metric: string;
  /** Stage name, reference id, `gates`, `performance`, `totals` … */
  group: string;
  /** The metric within its group (`wall_time_s`, `entity_set.f1`, `llm_gi_calls`). */
  name: string;
  /** Unit symbol, undefined for unitless scores, rates and counts. */
  unit: string | undefined;
  baseline: SideSummary;
  candidate: SideSummary;
  /** candidate median − baseline median. */
  change: number | undefined;
  /** Percent change vs the baseline median; undefined when the baseline is 0 or a side has no value. */
  percent: number | undefined;
  note?: string;
}

export interface Diff {
  baseline: { labels: string[] };
  candidate: { labels: string[] };
  /** Every stage of either side, in profile order. */
  stages: string[];
  rows: DiffRow[];
}

function summarize(runs: readonly MeasuredRun[], metric: string): SideSummary & { lookups: MetricValue[] } {
  const side = lookupSide(runs, metric);
  return {
    values: side.numbers,
    median: side.numbers.length > 0 ? median(side.numbers) : undefined,
    runs: runs.length,
    problems: side.problems,
    lookups: side.lookups,
  };
}

function whyNoValue(lookups: readonly MetricValue[]): string {
  const kinds = new Set(lookups.filter((l) => l.kind !== 'number').map((l) => l.kind));
  if (kinds.size === 1 && kinds.has('absent')) return 'absent';
  if (kinds.size === 1 && kinds.has('not_measured')) return 'not measured';
  if (kinds.has('invalid')) return 'not a number';
  return 'null';
}

function rowNote(base: ReturnType<typeof summarize>, cand: ReturnType<typeof summarize>): string | undefined {
  if (base.median === undefined && cand.median === undefined) return `${whyNoValue(base.lookups)} on both sides`;
  if (base.median === undefined) {
    const why = whyNoValue(base.lookups);
    return why === 'absent' ? 'only in candidate' : `baseline ${why}`;
  }
  if (cand.median === undefined) {
    const why = whyNoValue(cand.lookups);
    return why === 'absent' ? 'only in baseline' : `candidate ${why}`;
  }
  const implied = [base, cand].map((s, i) => (s.lookups.some((l) => l.kind === 'number' && l.note !== undefined) ? `stage absent in ${i === 0 ? 'baseline' : 'candidate'}: 0 s` : '')).filter(Boolean);
  if (implied.length > 0) return implied.join('; ');
  const partial = [base, cand].map((s, i) => (s.values.length < s.runs ? `${i === 0 ? 'baseline' : 'candidate'}: ${s.values.length} of ${s.runs} runs` : '')).filter(Boolean);
  if (partial.length > 0) return partial.join('; ');
  if (base.median === 0) return 'baseline 0';
  return undefined;
}

function row(section: DiffSection, group: string, name: string, metric: string, baseline: Side, candidate: Side): DiffRow {
  const b = summarize(baseline.runs, metric);
  const c = summarize(candidate.runs, metric);
  const change = b.median !== undefined && c.median !== undefined ? c.median - b.median : undefined;
  const percent = change !== undefined && b.median !== undefined && b.median !== 0 ? (change / Math.abs(b.median)) * 100 : undefined;
  const note = rowNote(b, c);
  const strip = ({ lookups: _lookups, ...summary }: ReturnType<typeof summarize>): SideSummary => summary;
  return {
    section,
    metric,
    group,
    name,
    unit: metricUnit(metric)?.symbol,
    baseline: strip(b),
    candidate: strip(c),
    change,
    percent,
    ...(note ? { note } : {}),
  };
}

/** Paths (relative to `node`) of number-or-null leaves; nested mappings only when `deep`. */
function leafPaths(node: unknown, deep: boolean, prefix = ''): string[] {
  if (!isObject(node)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number' || value === null) out.push(path);
    else if (deep && isObject(value)) pushAll(out, leafPaths(value, deep, path));
  }
  return out;
}

interface Entry {
  group: string;
  name: string;
  metric: string;
}

/** Numbers of `node` (deep), as entries of `section` paths under `prefix`, grouped by `group(path)`. */
function leafEntries(node: unknown, prefix: string, group: (path: string) => string, skip: (path: string) => boolean = () => false): Entry[] {
  return leafPaths(node, true)
    .filter((path) => !skip(path))
    .map((path) => ({ group: group(path), name: path, metric: `${prefix}.${path}` }));
}

const head = (path: string): string => path.split('.')[0] ?? path;
const tail = (path: string): string => path.split('.').slice(1).join('.') || path;

function qualityEntries(run: MeasuredRun): Entry[] {
  const metrics = run.eval;
  if (!metrics) return [];
  const entries: Entry[] = [];
  const references = isObject(metrics.vs_reference) ? metrics.vs_reference : {};
  for (const [ref, block] of Object.entries(references)) {
    for (const name of leafPaths(block, true)) entries.push({ group: ref, name, metric: `eval.vs_reference.${ref}.${name}` });
  }
  // Everything under intrinsic but the cost (its own section): gates, warnings, length, performance,
  // and counters such as bundled_parse_failures that exist only when something went wrong.
  const intrinsic = isObject(metrics.intrinsic) ? metrics.intrinsic : {};
  for (const entry of leafEntries(
    intrinsic,
    'eval.intrinsic',
    (p) => (p.includes('.') ? head(p) : 'intrinsic'),
    (p) => head(p) === 'cost',
  )) {
    entries.push({ ...entry, name: entry.group === 'intrinsic' ? entry.name : tail(entry.name) });
  }
  for (const name of leafPaths(metrics, false)) entries.push({ group: 'run', name, metric: `eval.${name}` });
  return entries;
}

const LLM_STAGE_KEY = /^llm_(.+)_(calls|input_tokens|output_tokens|cost_usd)$/;

function costEntries(run: MeasuredRun): Entry[] {
  const entries: Entry[] = [];
  const intrinsic = isObject(run.eval?.intrinsic) ? run.eval.intrinsic : {};
  for (const name of leafPaths(intrinsic.cost, false)) entries.push({ group: 'eval cost', name, metric: `eval.intrinsic.cost.${name}` });
  for (const name of leafPaths(run.cost, true)) {
    const stage = LLM_STAGE_KEY.exec(name)?.[1];
    const group = stage ?? (name.startsWith('total_') ? 'totals' : name.includes('.') ? head(name) : 'other');
    entries.push({ group, name, metric: `cost.${name}` });
  }
  return entries;
}

/** Every number of the profile's totals (standard ones first) and of stage_truth (the summary first). */
function totalsEntries(run: MeasuredRun): Entry[] {
  const extra = leafPaths(run.profile.totals, true).filter((q) => !(TOTAL_QUANTITIES as readonly string[]).includes(q));
  return [...TOTAL_QUANTITIES, ...extra].map((q) => ({ group: 'totals', name: q, metric: `profile.totals.${q}` }));
}

function truthEntries(run: MeasuredRun): Entry[] {
  if (!run.truth) return [];
  const rest = leafPaths(run.truth, true).filter((q) => !(TRUTH_QUANTITIES as readonly string[]).includes(q));
  return [...TRUTH_QUANTITIES, ...rest].map((q) => ({ group: q.includes('.') ? head(q) : 'stage_truth', name: q, metric: `truth.${q}` }));
}

/** Numbers a stage carries beyond wall, memory and CPU (GPU memory and utilisation, or a tool's own). */
function stageExtras(runs: readonly MeasuredRun[], stage: string): string[] {
  return mergeOrders(runs.map((run) => leafPaths(run.profile.stages[stage], true).filter((q) => !(STAGE_QUANTITIES as readonly string[]).includes(q))));
}

function entryRows(section: DiffSection, pick: (run: MeasuredRun) => Entry[], baseline: Side, candidate: Side): DiffRow[] {
  const byMetric = new Map<string, Entry>();
  const orders = [...baseline.runs, ...candidate.runs].map((run) =>
    pick(run).map((entry) => {
      byMetric.set(entry.metric, entry);
      return entry.metric;
    }),
  );
  return mergeOrders(orders).map((metric) => {
    const entry = byMetric.get(metric) as Entry;
    return row(section, entry.group, entry.name, metric, baseline, candidate);
  });
}

export function diffSides(baseline: Side, candidate: Side): Diff {
  const all = [...baseline.runs, ...candidate.runs];
  const stages = stageNames(all);
  const rows: DiffRow[] = [];
  for (const stage of stages) {
    for (const q of [...STAGE_QUANTITIES, ...stageExtras(all, stage)]) rows.push(row('stages', stage, q, `profile.stages.${stage}.${q}`, baseline, candidate));
  }
  for (const [section, entries] of [
    ['totals', totalsEntries],
    ['truth', truthEntries],
    ['quality', qualityEntries],
    ['cost', costEntries],
  ] as const) {
    pushAll(rows, entryRows(section, entries, baseline, candidate));
  }
  return {
    baseline: { labels: baseline.runs.map((r) => r.label) },
    candidate: { labels: candidate.runs.map((r) => r.label) },
    stages,
    rows,
  };
}
