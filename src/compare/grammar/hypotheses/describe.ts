/**
 * A hypothesis outcome in words, from its evaluated tree: "84.6 % of summed stage wall time
 * (transcript_cleaning 42.08 s + summarization 45.9 s of 104.03 s), needs ≥ 50 %". Pure.
 *
 * Stages of a pipeline overlap, so the summed stage time and the run's wall time are different
 * quantities: each has its own name here, and a check over summed stage time says how it compares
 * with the run's wall time.
 */
import { median } from '../../statistics/stats.js';
import type { MeasuredRun } from '../../types.js';
import type { EvalNode, HypothesisSideResult } from './evaluate.js';
import type { CompareOp, ExprDimension } from './types.js';

const OP_SYMBOL: Record<CompareOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=' };

/** Up to 2 decimals from 1 up, 3 significant digits below; trailing zeros dropped (45.9, not 45.90). */
export function plainNumber(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const decimals = abs >= 1 ? 2 : Math.min(8, 2 - Math.floor(Math.log10(abs)));
  const text = x.toFixed(decimals);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A value in its dimension's base unit, or in percent for shares. */
export function formatIn(value: number | null, dim: ExprDimension, percent: boolean): string {
  if (value === null) return 'n/a';
  if (percent) return `${plainNumber(Number((value * 100).toFixed(1)))} %`;
  switch (dim) {
    case 'time':
      return `${plainNumber(value)} s`;
    case 'memory':
      return `${plainNumber(value)} MiB`;
    case 'money':
      return `${value < 0 ? '-' : ''}$${plainNumber(Math.abs(value))}`;
    case 'cpu':
      return `${plainNumber(value)} % of a core`;
    case 'none':
    case 'free':
      return plainNumber(value);
  }
}

const STAGE_WALL = /^profile\.stages\.\*\.wall_time_s$|^truth\.wall_seconds_by_stage\.\*$/;

/** A metric's short name: a stage's wall time is the stage; the run's wall time is said so. */
function metricName(path: string): string {
  if (path === 'profile.totals.wall_time_s' || path === 'truth.run_wall_s') return 'run wall time';
  if (path === 'truth.sum_mapped_stage_wall_s') return 'summed stage wall time';
  if (path.startsWith('profile.totals.')) return `run ${path.slice('profile.totals.'.length)}`;
  const stage = /^profile\.stages\.([^.]+)\.(.+)$/.exec(path) ?? /^truth\.wall_seconds_by_stage\.([^.]+)()$/.exec(path);
  if (stage) return stage[2] === 'wall_time_s' || stage[2] === '' ? (stage[1] as string) : `${stage[1]} ${stage[2]}`;
  return path.split('.').at(-1) ?? path;
}

/** What a node stands for, as the whole of a share ("summed stage wall time", "total_stage_cost_usd"). */
function nodeName(node: EvalNode): string {
  if (node.kind === 'sum' && node.metric) {
    if (STAGE_WALL.test(node.metric)) return 'summed stage wall time';
    const field = /^profile\.stages\.\*\.(.+)$/.exec(node.metric);
    return field ? `summed stage ${field[1]}` : `the sum of ${node.metric}`;
  }
  if (node.kind === 'metric' && node.metric) return metricName(node.metric);
  return node.text;
}

/** The parts of a value with their numbers: "transcript_cleaning 42.08 s + summarization 45.9 s". */
function parts(node: EvalNode, percent: boolean): string {
  const [a, b] = node.children;
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'metric':
      return `${nodeName(node)} ${formatIn(node.value, node.dim, false)}${node.note ? ' (stage absent)' : ''}`;
    case 'sum':
      return `${nodeName(node)} ${formatIn(node.value, node.dim, false)}`;
    case 'negate':
      return `−${parts(a as EvalNode, percent)}`;
    case 'binary': {
      const symbol = node.op === '-' ? '−' : node.op === '*' ? '×' : (node.op as string);
      return `${parts(a as EvalNode, false)} ${symbol} ${parts(b as EvalNode, false)}`;
    }
    case 'share':
      return `${node.text} = ${formatIn(node.value, 'none', true)}`;
  }
}

function isPercent(node: EvalNode): boolean {
  if (node.kind === 'share' || (node.kind === 'number' && node.percent === true)) return true;
  return node.kind === 'negate' && isPercent(node.children[0] as EvalNode);
}

/** The left side of a check in words, with the numbers it is made of. */
function describeValue(node: EvalNode, percent: boolean): string {
  const value = formatIn(node.value, node.dim, percent);
  if (node.kind === 'share') {
    const [part, whole] = node.children as [EvalNode, EvalNode];
    return `${value} of ${nodeName(whole)} (${parts(part, false)} of ${formatIn(whole.value, whole.dim, false)})`;
  }
  if (node.kind === 'metric' || node.kind === 'sum') {
    const count = node.matches ? ` (${node.matches.length} value${node.matches.length === 1 ? '' : 's'})` : '';
    return `${nodeName(node)} ${value}${count}${node.note ? ' (stage absent)' : ''}`;
  }
  if (node.kind === 'number') return node.text;
  return `${node.text} = ${value} (${parts(node, percent)})`;
}

type Outcome = Omit<HypothesisSideResult, 'reason'>;

/** The one line behind a verdict: the value, what it needed, and the runs and interval when repeated. */
export function describeOutcome(outcome: Outcome): string {
  const { left, right, op } = outcome;
  const percent = isPercent(left) || isPercent(right);
  const constantRight = outcome.intervalOf !== 'difference' && !hasMeasured(right);
  const bound = constantRight ? formatIn(right.value, right.dim === 'free' ? left.dim : right.dim, percent) : describeValue(right, percent);
  if (outcome.runs === 0) return `not evaluated: ${outcome.problems.join('; ')}`;
  if (outcome.basis === 'missing' || outcome.basis === 'undefined') {
    return `${outcome.basis === 'missing' ? 'missing data' : 'undefined value'}: ${outcome.problems.join('; ')}; needs ${OP_SYMBOL[op]} ${bound}`;
  }
  const main = `${describeValue(left, percent)}, needs ${OP_SYMBOL[op]} ${bound}`;
  if (outcome.basis === 'value') return main;
  const of = `median of ${outcome.runs} runs`;
  if (!outcome.interval) return `${main} (${of}; no interval could be formed: not judged on the median alone)`;
  const { low, high, level } = outcome.interval;
  const show = (x: number) => (outcome.intervalOf === 'left' ? formatIn(x, left.dim, percent) : formatIn(x, left.dim === 'free' ? right.dim : left.dim, percent));
  const what = outcome.intervalOf === 'difference' ? 'of the difference ' : '';
  const ci = `${(level * 100).toFixed(level >= 0.995 ? 1 : 0).replace(/\.0$/, '')} % CI ${what}[${show(low)}, ${show(high)}]`;
  const straddles = outcome.verdict === 'undecided' ? `: the interval contains the bound` : '';
  return `${main} (${of}, ${ci}${straddles})`;
}

function hasMeasured(node: EvalNode): boolean {
  return node.kind === 'metric' || node.kind === 'sum' || node.children.some(hasMeasured);
}

function find(node: EvalNode, pick: (n: EvalNode) => boolean): EvalNode | undefined {
  if (pick(node)) return node;
  for (const child of node.children) {
    const found = find(child, pick);
    if (found) return found;
  }
  return undefined;
}

/**
 * When a check adds up stage wall times and the stages overlapped (their sum exceeds the run's
 * wall time), says both numbers: the check is about summed stage time, not about the run's wall time.
 */
export function overlapNote(left: EvalNode, runs: readonly MeasuredRun[]): string[] {
  const summed = find(left, (n) => (n.kind === 'sum' && STAGE_WALL.test(n.metric ?? '')) || (n.kind === 'metric' && n.metric === 'truth.sum_mapped_stage_wall_s'));
  const walls = runs.map((r) => r.profile.totals.wall_time_s).filter((w) => Number.isFinite(w) && w > 0);
  if (!summed || summed.value === null || walls.length === 0) return [];
  const wall = median(walls);
  if (summed.value <= wall * 1.02) return [];
  return [
    `stages overlap: the summed stage wall time (${formatIn(summed.value, 'time', false)}) is ${(summed.value / wall).toFixed(2)}× the run's wall time (${formatIn(wall, 'time', false)}); this check is about summed stage time`,
  ];
}
