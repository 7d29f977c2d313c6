// The reference scenario of `npm run bench:verdict`: runs of the example pipeline with the noise this
// project measured on a quiet 2-core machine (docs/statistics.md, pool of 2026-11-26), drawn
// from a seeded generator. It checks the defaults (repeat, confirm-runs) against issue 12's target —
// catch >= 95 % of a +10 % regression of a 2.4 %-noise stage at <= 6 runs per side on average, with
// A/A false fails <= 1 % — independently of how loaded the machine is while the bench runs; the pool
// of real runs measured in the same bench is reported next to it.
import { mulberry32 } from './verdict-rates.mjs';

/** Standard normal draw (Box–Muller). */
function gaussian(random) {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const lognormal = (sd) => (random) => Math.exp(sd * gaussian(random));
/** `clean`: quiet most of the time, a right tail (about a run in five, 2–9 % slow): CV ≈ 2.4 %. */
const rightTail = (random) => Math.exp(0.006 * gaussian(random)) * (random() < 0.19 ? 1.02 + 0.07 * random() : 1);
/** `summarize`: two episodes share two LLM threads: two modes ±5.85 %, CV ≈ 5.9 %. */
const bimodal = (random) => Math.exp(0.008 * gaussian(random)) * (random() < 0.5 ? 0.9415 : 1.0585);

/** Stage walls of an example-pipeline run (s) and the noise of each, as measured. */
export const REFERENCE_STAGES = {
  fetch: { wall: 0.08, noise: lognormal(0.003) },
  transcribe: { wall: 1.69, noise: lognormal(0.0046) },
  clean: { wall: 0.55, noise: rightTail },
  summarize: { wall: 0.66, noise: bimodal },
  extract: { wall: 0.19, noise: lognormal(0.0014) },
};

/**
 * `count` runs shaped like the pool's (MeasuredRun: label, files, profile); `slow` multiplies one
 * stage's wall time (`{ clean: 1.1 }`). The total wall follows the stages (they overlap a little:
 * 0.815 of their sum) with 0.8 % of its own noise; memory 2.2 %, CPU time 0.7 %.
 */
export function referenceRuns(count, seed, slow = {}) {
  const random = mulberry32(seed);
  const runs = [];
  for (let i = 0; i < count; i++) {
    const stages = {};
    let sum = 0;
    for (const [name, { wall, noise }] of Object.entries(REFERENCE_STAGES)) {
      const value = wall * noise(random) * (slow[name] ?? 1);
      sum += value;
      stages[name] = { wall_time_s: value, peak_rss_mb: 18.5, avg_cpu_pct: 30 };
    }
    const totals = {
      wall_time_s: 0.815 * sum * lognormal(0.008)(random),
      peak_rss_mb: 65 * lognormal(0.022)(random),
      cpu_time_s: 1.18 * lognormal(0.007)(random) * (sum / 3.17),
    };
    runs.push({
      label: `reference-${seed}-${i}.yaml`,
      files: {},
      profile: { release: 'reference', date: '', dataset_id: 'reference', episodes_processed: 2, environment: { hostname: 'reference', cpu: 'reference' }, stages, totals },
    });
  }
  return runs;
}

/** The confirmation rule before the futility check (issue 6): a round while any guardrail is inconclusive. */
export function confirmWhileInconclusive(nextConfirmation) {
  return (result, done, allowed) => {
    const step = nextConfirmation(result, done, allowed);
    return { ...step, confirm: allowed > 0 && done < allowed && result.decision !== 'reject' && step.undecided.length > 0 };
  };
}

/**
 * The reference scenario's rows: for each configuration `{ label, repeat, confirm, rule }`, A/A gates
 * (false fails per evaluation, runs per side) and A/B gates with `clean` 10 % slower (caught as fail,
 * runs per side) and with `summarize` 10 % slower. `countGates` and the gate come from the caller.
 */
export function referenceRows({ countGates, sumTallies, evaluateGate, spec, configs, draws }) {
  const A = referenceRuns(4000, 1);
  const slowClean = referenceRuns(2000, 2, { clean: 1.1 });
  const slowSummarize = referenceRuns(2000, 3, { summarize: 1.1 });
  const totals = ['profile.totals.wall_time_s', 'profile.totals.cpu_time_s'];
  return configs.map(({ label, repeat, confirm, rule }) => {
    const common = { evaluateGate, spec, baselinePool: A, n: repeat, draws, method: 'rank-shift', ...(confirm > 0 ? { confirm: { nextConfirmation: rule, maxExtra: confirm } } : {}) };
    const aa = countGates({ ...common, random: mulberry32(100 + repeat) });
    const clean = countGates({ ...common, random: mulberry32(200 + repeat), candidatePool: { runs: slowClean, affected: ['profile.stages.clean.wall_time_s', ...totals] } });
    const summarize = countGates({ ...common, random: mulberry32(300 + repeat), candidatePool: { runs: slowSummarize, affected: ['profile.stages.summarize.wall_time_s', ...totals] } });
    const falseFails = sumTallies(aa.perMetric, () => true);
    return {
      label,
      repeat,
      confirm_runs: confirm,
      draws,
      aa_false_fail: falseFails.fail / falseFails.total,
      aa_runs_per_side: repeat + aa.gates.rounds / aa.gates.total,
      clean_caught: clean.perMetric['profile.stages.clean.wall_time_s'].fail / clean.gates.total,
      clean_runs_per_side: repeat + clean.gates.rounds / clean.gates.total,
      summarize_caught: summarize.perMetric['profile.stages.summarize.wall_time_s'].fail / summarize.gates.total,
      summarize_runs_per_side: repeat + summarize.gates.rounds / summarize.gates.total,
    };
  });
}
