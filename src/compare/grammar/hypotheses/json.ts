/**
 * Hypothesis results, machine-readable: the `hypotheses` key of gate.json, and `hypotheses.json`
 * (schema `optimization-gate/hypotheses@1`) in the modes that measure without gating.
 *
 * - `hypotheses[]`: {id, claim, lever (null when not written), check (as written), line, origin,
 *   sides[]}; each side {side: baseline|candidate|measured, verdict: confirmed|rejected|undecided,
 *   basis: value|interval|missing|undefined|no-interval, runs, op, left, right (the evaluated trees:
 *   {kind, text, dim, value (base unit: s, MiB, USD, % of a core; a share as a fraction; the median
 *   over the runs; null when missing), op, metric, percent, note, matches[{metric, value}],
 *   children[]}), values {left[], right[]} (per run), interval {low, high, level} or null,
 *   interval_of: left|difference|null, method, reason (the line with the numbers), notes[], problems[]}
 */
import type { EvalNode, HypothesisResult, HypothesisSideResult } from './evaluate.js';

export const HYPOTHESES_JSON_SCHEMA = 'optimization-gate/hypotheses@1';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function node(n: EvalNode): Json {
  return {
    kind: n.kind,
    text: n.text,
    dim: n.dim,
    value: num(n.value),
    op: n.op ?? null,
    metric: n.metric ?? null,
    percent: n.percent ?? false,
    note: n.note ?? null,
    matches: n.matches ? n.matches.map((m) => ({ metric: m.metric, value: num(m.value) })) : null,
    children: n.children.map(node),
  };
}

function side(s: HypothesisSideResult): Json {
  return {
    side: s.side,
    verdict: s.verdict,
    basis: s.basis,
    runs: s.runs,
    op: s.op,
    left: node(s.left),
    right: node(s.right),
    values: { left: s.values.left.map(num), right: s.values.right.map(num) },
    interval: s.interval ? { low: num(s.interval.low), high: num(s.interval.high), level: num(s.interval.level) } : null,
    interval_of: s.intervalOf,
    method: s.method,
    reason: s.reason,
    notes: s.notes,
    problems: s.problems,
  };
}

export function hypothesesToJson(results: readonly HypothesisResult[]): Json[] {
  return results.map((h) => ({ id: h.id, claim: h.claim, lever: h.lever, check: h.check, line: h.line, origin: h.origin, sides: h.sides.map(side) }));
}

/** The text of `hypotheses.json`. */
export function renderHypothesesJson(results: readonly HypothesisResult[]): string {
  return `${JSON.stringify({ schema: HYPOTHESES_JSON_SCHEMA, hypotheses: hypothesesToJson(results) }, null, 2)}\n`;
}
