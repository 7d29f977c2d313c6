// Pure helpers of `npm run bench:verdict`: drawing disjoint run sets from a pool, counting the
// gate's verdicts, rates with intervals, noise, and the runs a stage's noise would need.

/** mulberry32: a deterministic PRNG, so a re-run on the same pool draws the same sets. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(xs, random) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Wilson score interval (95 %) of k successes in n trials, as fractions. */
export function wilson(k, n) {
  if (n === 0) return [0, 1];
  const z = 1.959964;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The number a profile holds at `profile.stages.<stage>.<field>` or `profile.totals.<field>`. */
export function profileValue(run, metric) {
  const [, section, key, field] = metric.split('.');
  const value = section === 'totals' ? run.profile.totals[key] : run.profile.stages[key]?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function mean(xs) {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function sd(xs) {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

export function median(xs) {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
}

/** Mean, coefficient of variation (%) and SD of the logs of a metric over runs. */
export function noise(values) {
  const m = mean(values);
  return { n: values.length, mean: m, cv_pct: (sd(values) / m) * 100, sd_log: values.every((v) => v > 0) ? sd(values.map(Math.log)) : undefined };
}

/**
 * Runs per side for a rule `<= +bound %` to catch a slowdown `shift %` as fail with probability
 * `power`, at the noise `sdLog` (SD of the logs), by the normal approximation: the interval's lower
 * end (z 1.96) must clear the bound; the rank interval's efficiency is 3/π of the t-interval's.
 * Bimodal noise (as a stage with concurrent calls shows) needs more than this says. At least 3.
 */
export function runsNeeded({ sdLog, shiftPct, boundPct, power = 0.95 }) {
  const margin = Math.log1p(shiftPct / 100) - Math.log1p(boundPct / 100);
  if (!(margin > 0) || !(sdLog > 0)) return undefined;
  const zPower = { 0.8: 0.841621, 0.9: 1.281552, 0.95: 1.644854 }[power];
  // Never below 3: fewer runs give no interval worth the name (3 + 3 already stops at 90 %).
  return Math.max(3, Math.ceil((2 * (((1.959964 + zPower) * sdLog) / margin) ** 2) / (3 / Math.PI)));
}

/**
 * Evaluates `draws` gates of `n` runs per side: A/A (candidatePool undefined) draws both sides
 * disjointly from the baseline pool; A/B draws the candidate from its own pool. Each threshold
 * evaluation is tallied per metric; `affected` metrics (the slowed stage, the totals) count apart.
 *
 * With `confirm` ({ nextConfirmation, maxExtra }) each gate starts at `n` runs per side and adds
 * one run per side (the next of its disjoint draw) while the product's own rule asks for a
 * confirmation round, as `confirm-runs: maxExtra` does in a job; `rounds` counts them.
 */
export function countGates({ evaluateGate, spec, baselinePool, candidatePool, n, draws, method, random, withReplacement = false, confirm }) {
  const perMetric = {};
  const gates = { total: 0, anyFalseFail: 0, confirmed: 0, rounds: 0 };
  const affected = new Set(candidatePool?.affected ?? []);
  const most = n + (confirm?.maxExtra ?? 0);
  const resample = (xs) => Array.from({ length: most }, () => xs[Math.floor(random() * xs.length)]);
  for (let d = 0; d < draws; d++) {
    let baseline;
    let candidate;
    if (withReplacement) {
      // Beyond the pool's size: runs re-used, an extrapolation of the pool's noise (A/B only).
      baseline = resample(baselinePool);
      candidate = resample(candidatePool.runs);
    } else {
      const a = shuffled(baselinePool, random);
      baseline = a.slice(0, most);
      candidate = candidatePool ? shuffled(candidatePool.runs, random).slice(0, most) : a.slice(most, 2 * most);
    }
    const judge = (k) => evaluateGate(spec, { name: 'baseline', runs: baseline.slice(0, k) }, { name: 'candidate', runs: candidate.slice(0, k) }, { failOn: 'reject', interval: { method } });
    let result = judge(n);
    let extra = 0;
    while (confirm && confirm.nextConfirmation(result, extra, confirm.maxExtra).confirm) {
      extra++;
      result = judge(n + extra);
    }
    gates.total++;
    if (extra > 0) gates.confirmed++;
    gates.rounds += extra;
    let falseFail = false;
    for (const t of result.thresholds) {
      const tally = (perMetric[t.metric] ??= { pass: 0, fail: 0, inconclusive: 0, missing: 0, affected: affected.has(t.metric) });
      tally[t.verdict]++;
      if (t.verdict === 'fail' && !tally.affected) falseFail = true;
    }
    if (falseFail) gates.anyFalseFail++;
  }
  return { perMetric, gates };
}

/** Sums the tallies of the metrics a predicate picks. */
export function sumTallies(perMetric, pick) {
  const sum = { pass: 0, fail: 0, inconclusive: 0, missing: 0, total: 0 };
  for (const [metric, t] of Object.entries(perMetric)) {
    if (!pick(metric, t)) continue;
    for (const k of ['pass', 'fail', 'inconclusive', 'missing']) sum[k] += t[k];
    sum.total += t.pass + t.fail + t.inconclusive + t.missing;
  }
  return sum;
}
