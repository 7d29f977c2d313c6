import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CONFIRM_RUNS, DEFAULT_REPEAT } from '../../src/inputs/config.js';
import { join } from 'node:path';
import { costPerRun, describePlan, mostRuns, plannedRuns, planRuns, spendNote, usd } from '../../src/compare/statistics/spend.js';
import { suggestRepeat } from '../../src/compare/statistics/suggest-repeat.js';
import { SpendBudget } from '../../src/action/budget.js';
import { STAGED_PROFILE } from '../helpers/fixtures.js';
import { profileCopy, run, tempDir, threshold, wallRepeats } from './helpers.js';

const dir = tempDir('og-spend-');

function evalDir(name: string, cost: Record<string, unknown>): string {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'eval_pipeline_metrics.json'), JSON.stringify(cost));
  return out;
}

// The #477 plan's staged baseline cost $0.119 for the eval (docs/wip/issue-477-…-plan.md, "Total wall" row).
const priced = run(STAGED_PROFILE, evalDir('priced', { total_stage_cost_usd: 0.119, llm_cleaning_cost_usd: 0.039 }));

describe('runs and spend before measuring', () => {
  it('a gate that measures the base ref too: experiments, warm-ups, rounds, and at most the confirmation rounds', () => {
    const plan = planRuns({ sides: 2, experiment: true, warmup: 1, repeat: 5, confirmRuns: 5, confirmSides: 2 });
    expect([plannedRuns(plan), mostRuns(plan)]).toEqual([14, 24]);
    const cost = costPerRun([priced], "the baseline's");
    expect(cost).toEqual({ perRunUsd: 0.119, source: "total_stage_cost_usd of the baseline's eval_pipeline_metrics.json" });
    expect(describePlan(plan, cost, 2)).toEqual([
      'expected runs: 2 experiment runs + 2 warm-ups + 10 measured (5 per side × 2 sides) = 14; at most 10 more in confirmation rounds (5 rounds × 2): 24 at most',
      "expected spend: $0.119 a run (total_stage_cost_usd of the baseline's eval_pipeline_metrics.json) → $1.67 for the planned runs, $2.86 at most",
      // $2 covers 16 runs of $0.119: the 14 planned and one round of two.
      'max-cost-usd $2: covers the planned runs and 1 confirmation round',
    ]);
    expect(describePlan(plan, cost, 1)[2]).toBe('max-cost-usd $1: covers 8 runs of the 14 planned: runs stop where the next would exceed it');
    expect(describePlan(plan, cost, 10)[2]).toBe('max-cost-usd $10: covers every run');
  });

  it('a stored baseline: one side, confirmation rounds of one candidate run; no confirmation with one run', () => {
    const plan = planRuns({ sides: 1, experiment: false, warmup: 0, repeat: 5, confirmRuns: 5, confirmSides: 1 });
    expect(describePlan(plan, undefined)).toEqual([
      'expected runs: 5 measured (5 per side × 1 side) = 5; at most 5 more in confirmation rounds (5 rounds × 1): 10 at most',
      'expected spend: not known before measuring (no eval_pipeline_metrics.json with total_stage_cost_usd on the baseline); it is stated once an experiment has run',
    ]);
    expect(describePlan(planRuns({ sides: 1, experiment: false, warmup: 1, repeat: 1, confirmRuns: 0, confirmSides: 1 }), undefined, 3)).toEqual([
      'expected runs: 1 warm-up + 1 measured (1 per side × 1 side) = 2',
      'expected spend: not known before measuring (no eval_pipeline_metrics.json with total_stage_cost_usd on the baseline); it is stated once an experiment has run',
      "max-cost-usd $3: applied once a run's cost is known",
    ]);
  });

  it('the price of a run: median over the runs, total_episode_estimated_cost_usd when the stage total is missing', () => {
    const runs = [0.1, 0.3, 0.2].map((c, i) => run(STAGED_PROFILE, evalDir(`median-${i}`, { total_stage_cost_usd: c })));
    expect(costPerRun(runs, "the baseline's")).toEqual({ perRunUsd: 0.2, source: "total_stage_cost_usd of the baseline's eval_pipeline_metrics.json (median of 3 runs)" });
    const episode = run(STAGED_PROFILE, evalDir('episode', { total_stage_cost_usd: null, total_episode_estimated_cost_usd: 0.04 }));
    expect(costPerRun([episode], 'x')?.perRunUsd).toBe(0.04);
    expect(costPerRun([run(STAGED_PROFILE)], 'x')).toBeUndefined();
    expect([usd(0), usd(0.0123456), usd(1.5), usd(12.345)]).toEqual(['$0', '$0.0123', '$1.5', '$12.35']);
  });

  it('the verdict says what was spent, and always when the budget stopped runs', () => {
    expect(spendNote({ plannedRuns: 5, mostRuns: 10, runs: 5 })).toBeUndefined();
    expect(spendNote({ plannedRuns: 5, mostRuns: 10, runs: 7, perRunUsd: 0.119, estimatedUsd: 0.833, maxCostUsd: 2 })).toBe('spend: 7 runs started, about $0.833 at $0.119 a run (max-cost-usd $2)');
    expect(spendNote({ plannedRuns: 5, mostRuns: 10, runs: 7, maxCostUsd: 1, stopped: 'confirmation round 3 not started: …' })).toBe(
      'max-cost-usd $1 stopped the runs: confirmation round 3 not started: …',
    );
  });
});

describe('SpendBudget', () => {
  const plan = planRuns({ sides: 2, experiment: true, warmup: 0, repeat: 2, confirmRuns: 5, confirmSides: 2 });

  it('starts runs while the estimate stays within max-cost-usd, then says which did not start and why', () => {
    const budget = new SpendBudget(0.5, { perRunUsd: 0.1, source: 'test' }, plan);
    expect(budget.take(['baseline', 'candidate'], 'measured round 1')).toBe(true);
    expect(budget.take(['baseline', 'candidate'], 'measured round 2')).toBe(true);
    expect(budget.fits(['baseline', 'candidate'])).toBe(false);
    expect(budget.take(['baseline'], 'one more')).toBe(true);
    expect(budget.take(['baseline', 'candidate'], 'confirmation round 1')).toBe(false);
    expect(budget.record()).toEqual({
      maxCostUsd: 0.5,
      perRunUsd: 0.1,
      source: 'test',
      plannedRuns: 6,
      mostRuns: 16,
      runs: 5,
      estimatedUsd: 0.5,
      stopped: 'confirmation round 1 not started: $0.5 estimated so far, it would add $0.2 beyond $0.5',
    });
    expect(budget.affordable('candidate')).toBe(0);
  });

  it('without a price nothing is limited, until an experiment tells the price of a run', () => {
    const budget = new SpendBudget(0.1, undefined, plan);
    expect(budget.take(['baseline'], "the baseline's experiment")).toBe(true);
    expect(budget.affordable('baseline')).toBe(Number.POSITIVE_INFINITY);
    const learned = budget.learnFromExperiment('baseline', evalDir('learn', { total_stage_cost_usd: 0.04 }));
    expect(learned).toEqual({ perRunUsd: 0.04, source: "total_stage_cost_usd of the baseline's experiment's eval_pipeline_metrics.json" });
    // The experiment itself now counts at its price; one more run of 0.04 fits in 0.1, two do not.
    expect(budget.record()).toMatchObject({ runs: 1, estimatedUsd: 0.04 });
    expect(budget.affordable('candidate')).toBe(1);
    expect(budget.take(['baseline', 'candidate'], 'measured round 1')).toBe(false);
    expect(budget.record().stopped).toBe('measured round 1 not started: $0.04 estimated so far, it would add $0.08 beyond $0.1');
    // No file, or no cost in it: the estimate stays as it was.
    expect(budget.learnFromExperiment('candidate', join(dir, 'nowhere'))).toBeUndefined();
    expect(budget.learnFromExperiment('candidate', evalDir('no-cost', { llm_gi_calls: 3 }))).toBeUndefined();
  });
});

describe('repeat: suggested from the baseline spread', () => {
  /** Copies of the staged profile: total wall × factor, the summarization stage × its own factor. */
  function repeats(prefix: string, factors: ReadonlyArray<[number, number]>) {
    return factors.map(([total, stage], i) =>
      run(
        profileCopy(STAGED_PROFILE, dir, `${prefix}-${i}`, (doc) => {
          doc.totals.wall_time_s = Math.round(doc.totals.wall_time_s * total * 1e4) / 1e4;
          const s = doc.stages.summarization as { wall_time_s: number };
          s.wall_time_s = Math.round(s.wall_time_s * stage * 1e4) / 1e4;
        }),
      ),
    );
  }

  it('the noisiest guardrail sets it; one that no affordable number decides is named', () => {
    const baseline = repeats('suggest', [
      [1, 1],
      [1.01, 1.1],
      [0.99, 0.9],
      [1.005, 1.05],
      [0.995, 0.95],
    ]);
    const suggestion = suggestRepeat(
      [
        threshold('profile.totals.wall_time_s', '<= +5%'),
        threshold('profile.stages.summarization.wall_time_s', '<= +10%'),
        threshold('profile.stages.summarization.wall_time_s', '<= +2%'),
        threshold('profile.totals.peak_rss_mb', '<= 700'),
        threshold('profile.totals.wall_time_s', '<= -20%', 'target'),
      ],
      baseline,
    );
    // Summarization: SD of logs 7.9 %; |ln 1.1| = 0.0953: 2·(2.8016·0.0791/0.0953)²/(3/π) = 11.3 → 12.
    expect(suggestion.repeat).toBe(12);
    expect(suggestion.needs.map((n) => [n.metric, n.rule, n.spread, n.runs])).toEqual([
      ['profile.stages.summarization.wall_time_s', '<= +2%', '7.9 %', undefined],
      ['profile.stages.summarization.wall_time_s', '<= +10%', '7.9 %', 12],
      ['profile.totals.wall_time_s', '<= +5%', '0.8 %', 3],
      ['profile.totals.peak_rss_mb', '<= 700', '0 MiB', 3],
    ]);
    expect(suggestion.text).toBe(
      "suggested repeat: 12 (from the baseline's spread over 5 runs; set by profile.stages.summarization.wall_time_s <= +10%, SD 7.9 %: about 12 runs per side tell an unchanged candidate from its bound); profile.stages.summarization.wall_time_s <= +2% (SD 7.9 %) would need more than 50 runs or has no margin: widen the bound or gate a steadier metric",
    );
  });

  it('docs/spend.md shows these lines, as the action logs them', () => {
    const doc = readFileSync(new URL('../../docs/spend.md', import.meta.url), 'utf8');
    const shown = /^```\n([\s\S]*?)^```$/m.exec(doc)?.[1]?.trimEnd().split('\n');
    const plan = planRuns({ sides: 2, experiment: true, warmup: 1, repeat: DEFAULT_REPEAT, confirmRuns: DEFAULT_CONFIRM_RUNS, confirmSides: 2 });
    const baseline = repeats('doc', [
      [1, 1],
      [1.01, 1.1],
      [0.99, 0.9],
      [1.005, 1.05],
      [0.995, 0.95],
    ]);
    const suggestion = suggestRepeat([threshold('profile.stages.summarization.wall_time_s', '<= +10%'), threshold('profile.stages.summarization.wall_time_s', '<= +2%')], baseline);
    expect(shown).toEqual([...describePlan(plan, costPerRun([priced], "the baseline's"), 2), suggestion.text]);
  });

  it('no spread, no suggestion', () => {
    expect(suggestRepeat([threshold('profile.totals.wall_time_s', '<= +5%')], [priced]).text).toBe(
      'no repeat: suggestion: the baseline has a single run, so no spread is known (a baseline refresh with repeat: 5 measures it)',
    );
    const flat = wallRepeats(STAGED_PROFILE, dir, 'flat', [1, 1, 1]);
    expect(suggestRepeat([threshold('profile.totals.wall_time_s', '<= 0%')], flat).repeat).toBe(3);
  });
});
