/**
 * Dataset identity: a comparison is only meaningful on the same data. Each side's profile
 * `dataset_id`, its eval run's dataset (metrics.json `dataset_id`, fingerprint.json
 * `run_context.dataset_id`) and the references its quality was scored against are compared; a
 * difference refuses the comparison (a smoke run gated against a benchmark run must not `ship`).
 * Pure: runs in, a check out.
 */
import { isObject } from '../../formats/validate.js';
import type { MeasuredRun, Side } from '../types.js';

export interface DatasetRow {
  /** What is compared, e.g. `profile dataset_id`. */
  field: string;
  /** Distinct values over the side's runs, in run order; empty when no run states one. */
  baseline: string[];
  candidate: string[];
  /** Why this row refuses the comparison; undefined when it does not. */
  mismatch?: string;
}

export interface DatasetCheck {
  /** False when any row refuses the comparison. */
  comparable: boolean;
  rows: DatasetRow[];
  /** One line per refusing row, for the decision reasons. */
  mismatches: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

function evalDatasets(run: MeasuredRun): (string | undefined)[] {
  const context = isObject(run.fingerprint?.run_context) ? run.fingerprint.run_context : {};
  return [text(run.eval?.dataset_id), text(context.dataset_id)];
}

function references(run: MeasuredRun): string[] {
  return isObject(run.eval?.vs_reference) ? Object.keys(run.eval.vs_reference) : [];
}

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** Same identity required: every stated value of one side equals every stated value of the other. */
function sameRow(field: string, base: string[], cand: string[], hint: string): DatasetRow {
  const row: DatasetRow = { field, baseline: base, candidate: cand };
  if (base.length > 1 || cand.length > 1) {
    const side = base.length > 1 ? 'baseline' : 'candidate';
    row.mismatch = `${field} differs between the ${side} runs (${list(side === 'baseline' ? base : cand)})`;
  } else if (base.length === 1 && cand.length === 1 && base[0] !== cand[0]) {
    row.mismatch = `${field} differs: baseline ${list(base)} vs candidate ${list(cand)}${hint}`;
  }
  return row;
}

export function checkDatasets(baseline: Side, candidate: Side): DatasetCheck {
  const pick = (side: Side, f: (run: MeasuredRun) => (string | undefined)[]) => distinct(side.runs.flatMap(f));
  const rows = [
    sameRow(
      'profile dataset_id',
      pick(baseline, (r) => [text(r.profile.dataset_id)]),
      pick(candidate, (r) => [text(r.profile.dataset_id)]),
      ' (the action writes its `dataset-id` input: set it to the dataset the baseline was measured on)',
    ),
    sameRow('eval dataset_id', pick(baseline, evalDatasets), pick(candidate, evalDatasets), ''),
  ];
  const baseRefs = pick(baseline, references);
  const candRefs = pick(candidate, references);
  const refs: DatasetRow = { field: 'eval references', baseline: baseRefs, candidate: candRefs };
  // Several references per run are normal; quality is only comparable against one both sides share.
  if (baseRefs.length > 0 && candRefs.length > 0 && !baseRefs.some((r) => candRefs.includes(r))) {
    refs.mismatch = `no common eval reference: baseline scored against ${list(baseRefs)}, candidate against ${list(candRefs)}`;
  }
  rows.push(refs);
  const mismatches = rows.flatMap((r) => (r.mismatch ? [`dataset mismatch: ${r.mismatch}`] : []));
  return { comparable: mismatches.length === 0, rows, mismatches };
}
