/**
 * Runs and spend, stated before measuring: how many runs a job will start (experiments, warm-ups,
 * measured rounds, and at most the confirmation rounds), what one run costs by the baseline's
 * eval_pipeline_metrics.json, and what `max-cost-usd` allows. Pure: numbers in, lines out.
 */
import { median } from './stats.js';
import type { MeasuredRun } from '../types.js';

export interface RunPlan {
  /** Sides measured in this job: 2 when the base ref is measured too, else 1. */
  sides: number;
  /** Experiment runs (one per side with an experiment command). */
  experiments: number;
  /** Warm-up runs, all sides. */
  warmups: number;
  /** Planned measured runs, all sides (repeat × sides). */
  measured: number;
  repeat: number;
  /** At most this many confirmation rounds, each of `runsPerRound` runs. */
  confirmRounds: number;
  runsPerRound: number;
}

export function planRuns(o: { sides: number; experiment: boolean; warmup: number; repeat: number; confirmRuns: number; confirmSides: number }): RunPlan {
  // Confirmation rounds only happen when an interval exists: several runs per side.
  const confirmRounds = o.repeat > 1 ? o.confirmRuns : 0;
  return {
    sides: o.sides,
    experiments: o.experiment ? o.sides : 0,
    warmups: o.warmup * o.sides,
    measured: o.repeat * o.sides,
    repeat: o.repeat,
    confirmRounds,
    runsPerRound: o.confirmSides,
  };
}

export const plannedRuns = (p: RunPlan): number => p.experiments + p.warmups + p.measured;
export const mostRuns = (p: RunPlan): number => plannedRuns(p) + p.confirmRounds * p.runsPerRound;

export interface CostBasis {
  /** Estimated US dollars of one run of the pipeline. */
  perRunUsd: number;
  /** Where the number comes from, for the log and report. */
  source: string;
}

const COST_KEYS = ['total_stage_cost_usd', 'total_episode_estimated_cost_usd'] as const;

/**
 * What one run costs, from eval_pipeline_metrics.json of the given runs (median over those that have
 * it). Each run of the pipeline — an experiment or a profiled run — is counted at that price: an
 * upper-side estimate when the profile runs fewer episodes than the eval.
 */
export function costPerRun(runs: ReadonlyArray<Pick<MeasuredRun, 'cost'>>, whose: string): CostBasis | undefined {
  for (const key of COST_KEYS) {
    const values = runs.map((r) => r.cost?.[key]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0);
    if (values.length === 0) continue;
    const of = values.length > 1 ? ` (median of ${values.length} runs)` : '';
    return { perRunUsd: median(values), source: `${key} of ${whose} eval_pipeline_metrics.json${of}` };
  }
  return undefined;
}

export function usd(value: number): string {
  if (value === 0) return '$0';
  return `$${value >= 10 ? Number(value.toFixed(2)) : Number(value.toPrecision(3))}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs a budget covers at a price, whole runs only; undefined without a price (nothing to divide). */
export function runsCovered(maxUsd: number, perRunUsd: number): number {
  return perRunUsd <= 0 ? Number.POSITIVE_INFINITY : Math.floor(maxUsd / perRunUsd + 1e-9);
}

/** The lines stated before measuring: runs, spend, and what max-cost-usd allows. */
export function describePlan(plan: RunPlan, cost: CostBasis | undefined, maxCostUsd?: number): string[] {
  const parts = [
    plan.experiments > 0 ? plural(plan.experiments, 'experiment run') : '',
    plan.warmups > 0 ? plural(plan.warmups, 'warm-up') : '',
    `${plan.measured} measured (${plan.repeat} per side × ${plural(plan.sides, 'side')})`,
  ].filter(Boolean);
  const planned = plannedRuns(plan);
  const most = mostRuns(plan);
  const confirm = plan.confirmRounds > 0 ? `; at most ${most - planned} more in confirmation rounds (${plural(plan.confirmRounds, 'round')} × ${plan.runsPerRound}): ${most} at most` : '';
  const lines = [`expected runs: ${parts.join(' + ')} = ${planned}${confirm}`];
  if (!cost) {
    lines.push('expected spend: not known before measuring (no eval_pipeline_metrics.json with total_stage_cost_usd on the baseline); it is stated once an experiment has run');
  } else {
    const range = most > planned ? `, ${usd(most * cost.perRunUsd)} at most` : '';
    lines.push(`expected spend: ${usd(cost.perRunUsd)} a run (${cost.source}) → ${usd(planned * cost.perRunUsd)} for the planned runs${range}`);
  }
  if (maxCostUsd !== undefined) {
    if (!cost) lines.push(`max-cost-usd ${usd(maxCostUsd)}: applied once a run's cost is known`);
    else {
      const covered = runsCovered(maxCostUsd, cost.perRunUsd);
      const verdict =
        covered >= most
          ? 'covers every run'
          : covered >= planned
            ? `covers the planned runs and ${plural(Math.floor((covered - planned) / Math.max(1, plan.runsPerRound)), 'confirmation round')}`
            : `covers ${plural(covered, 'run')} of the ${planned} planned: runs stop where the next would exceed it`;
      lines.push(`max-cost-usd ${usd(maxCostUsd)}: ${verdict}`);
    }
  }
  return lines;
}

/** What the job spent (estimated) and whether the budget stopped it, for the verdict. */
export interface SpendRecord {
  maxCostUsd?: number;
  perRunUsd?: number;
  source?: string;
  plannedRuns: number;
  mostRuns: number;
  /** Runs started (experiments, warm-ups, measured, confirmation). */
  runs: number;
  estimatedUsd?: number;
  /** Why runs were not started for the budget. */
  stopped?: string;
}

/** The verdict's line on spend: always when a budget stopped runs, else when anything is known. */
export function spendNote(record: SpendRecord): string | undefined {
  if (record.stopped) return `max-cost-usd ${usd(record.maxCostUsd ?? 0)} stopped the runs: ${record.stopped}`;
  if (record.estimatedUsd === undefined) return undefined;
  const budget = record.maxCostUsd !== undefined ? ` (max-cost-usd ${usd(record.maxCostUsd)})` : '';
  return `spend: ${plural(record.runs, 'run')} started, about ${usd(record.estimatedUsd)} at ${usd(record.perRunUsd ?? 0)} a run${budget}`;
}
