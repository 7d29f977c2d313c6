/**
 * The spend of one job, counted as runs start: each run of the pipeline (experiment, warm-up,
 * measured, confirmation) at the price of one run, from the baseline's eval_pipeline_metrics.json
 * and, once a side's experiment has run, from its own. With `max-cost-usd`, a run (or a round of
 * runs) that would take the estimate beyond it is not started, and the record says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { costPerRun, mostRuns, plannedRuns, usd, type CostBasis, type RunPlan, type SpendRecord } from '../compare/statistics/spend.js';
import { PIPELINE_METRICS_FILE, validatePipelineMetrics } from '../formats/eval-outputs.js';
import { readJson } from '../formats/parse.js';

export class SpendBudget {
  private readonly prices = new Map<string, CostBasis>();
  private runs = 0;
  private estimated = 0;
  private unpriced = 0;
  private stopped: string | undefined;

  constructor(
    readonly maxUsd: number | undefined,
    private baseline: CostBasis | undefined,
    private readonly plan: RunPlan,
  ) {}

  private price(side: string): CostBasis | undefined {
    return this.prices.get(side) ?? this.baseline;
  }

  private cost(sides: readonly string[], count: number): number {
    return sides.reduce((sum, s) => sum + (this.price(s)?.perRunUsd ?? 0), 0) * count;
  }

  /** Whether `count` runs of each side fit; a run of unknown price always does (nothing to count it by). */
  fits(sides: readonly string[], count = 1): boolean {
    if (this.maxUsd === undefined || !sides.every((s) => this.price(s))) return true;
    return this.estimated + this.cost(sides, count) <= this.maxUsd + 1e-9;
  }

  /** Starts `count` runs of each side if the budget allows; false (and why, once) when it does not. */
  take(sides: readonly string[], what: string, count = 1): boolean {
    const prices = sides.map((s) => this.price(s));
    if (!this.fits(sides, count)) {
      this.stop(what, sides);
      return false;
    }
    this.runs += sides.length * count;
    this.estimated += this.cost(sides, count);
    this.unpriced += prices.filter((p) => !p).length * count;
    return true;
  }

  /** Records runs left out (`what` … not started), with the estimate so far. */
  stop(what: string, sides: readonly string[] = []): void {
    const next = sides.length > 0 ? `it would add ${usd(this.cost(sides, 1))}` : 'another run would go';
    this.stopped ??= `${what} not started: ${usd(this.estimated)} estimated so far, ${next} beyond ${usd(this.maxUsd ?? 0)}`;
  }

  get stoppedBecause(): string | undefined {
    return this.stopped;
  }

  /** How many runs of one side fit (for a freeze that runs warm-ups and repeats in one go). */
  affordable(side: string): number {
    const price = this.price(side);
    if (this.maxUsd === undefined || !price || price.perRunUsd <= 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, Math.floor((this.maxUsd - this.estimated) / price.perRunUsd + 1e-9));
  }

  /** After a side's experiment: its own cost prices its later runs and replaces the estimate of the experiment. */
  learnFromExperiment(side: string, evalDir: string | undefined): CostBasis | undefined {
    const path = evalDir ? join(evalDir, PIPELINE_METRICS_FILE) : undefined;
    if (!path || !existsSync(path)) return undefined;
    let basis: CostBasis | undefined;
    try {
      basis = costPerRun([{ cost: validatePipelineMetrics(readJson(path), path) }], `the ${side}'s experiment's`);
    } catch {
      // An unreadable file is the gate's to report; the estimate stays what it was.
      return undefined;
    }
    if (!basis) return undefined;
    // The experiment itself was counted at the price known then (or not at all): now at its own.
    const before = this.price(side);
    this.estimated += basis.perRunUsd - (before?.perRunUsd ?? 0);
    if (!before) this.unpriced = Math.max(0, this.unpriced - 1);
    this.prices.set(side, basis);
    this.baseline ??= basis;
    return basis;
  }

  record(): SpendRecord {
    const price = this.baseline;
    const unpriced = this.unpriced > 0 ? `; ${this.unpriced} run(s) started before any cost was known are not counted` : '';
    return {
      ...(this.maxUsd !== undefined ? { maxCostUsd: this.maxUsd } : {}),
      ...(price ? { perRunUsd: price.perRunUsd, source: `${price.source}${unpriced}` } : {}),
      plannedRuns: plannedRuns(this.plan),
      mostRuns: mostRuns(this.plan),
      runs: this.runs,
      ...(price ? { estimatedUsd: this.estimated } : {}),
      ...(this.stopped ? { stopped: this.stopped } : {}),
    };
  }
}
