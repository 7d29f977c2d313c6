// `npm run bench:verdict`: is the gate right under this machine's noise? Measures a pool of real,
// interleaved runs of the example pipeline — A (the baseline config, twice per round), and A with
// one stage 10 % or 5 % slower (`--slow`) — then evaluates many gates with the real gate code
// (evaluateGate) on disjoint draws of N runs per side: A/A (same code both sides) and A/B (the
// slowdown). Prints the false-fail, detection and inconclusive rates, the noise (coefficient of
// variation) per metric, and the runs a noisy stage would need; compares the interval methods
// (rank-shift, the default; welch-t; bootstrap-median). Writes out/bench-verdict.json.
// Numbers are as noisy as the machine: read them with its load in mind.
// Then checks the action's defaults (repeat, confirm-runs) against issue 12's target on a reference
// scenario with the noise measured on a quiet machine (scripts/bench/reference-scenario.mjs), which a
// loaded machine cannot skew, and prints the same defaults on the pool measured now.
// Usage: node scripts/bench-verdict.mjs [--rounds R (25)] [--draws D (400)] [--stages clean,summarize]
//   [--limit 2] [--keep] [--reuse DIR] [--ref-draws 1000]   (--keep leaves the pool in .tmp/; --reuse DIR re-evaluates it)
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { countGates, median, mulberry32, noise, profileValue, runsNeeded, sumTallies, wilson } from './bench/verdict-rates.mjs';
import { confirmWhileInconclusive, referenceRows, referenceRuns } from './bench/reference-scenario.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const ROUNDS = Number(option('rounds', 25));
const DRAWS = Number(option('draws', 400));
const REUSE = option('reuse', undefined);
const NS = [3, 5];
// Larger N, default method only: where the noise seen starts to allow the targets.
const NS_MORE = [7, 10];
// The percentile bootstrap costs ~40× a closed-form interval per gate: fewer draws, N = 5 only (at
// N = 3 it gives the extremes of the 9 pairwise ratios, as the rank interval does).
const METHODS = [
  { method: 'rank-shift', ns: [...NS, ...NS_MORE], draws: DRAWS },
  { method: 'welch-t', ns: NS, draws: DRAWS },
  { method: 'bootstrap-median', ns: [5], draws: Math.ceil(DRAWS / 2) },
];
const BOUND_PCT = 5;

const bundle = join(ROOT, 'node_modules', '.cache', 'optimization-gate', 'bench', 'verdict.mjs');
await build({
  stdin: {
    contents: [
      "export { freeze } from './src/measure/index.ts';",
      "export { loadMeasuredRun } from './src/formats/loaders.ts';",
      "export { evaluateGate } from './src/compare/verdicts/gate.ts';",
      "export { parseInlineThresholds } from './src/compare/grammar/thresholds/index.ts';",
      "export { shiftInterval } from './src/compare/statistics/rank-interval.ts';",
      "export { nextConfirmation } from './src/compare/verdicts/confirm.ts';",
      "export { DEFAULT_REPEAT, DEFAULT_CONFIRM_RUNS } from './src/inputs/config.ts';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const og = await import(pathToFileURL(bundle).href);
// The "+confirm" rows of the pool are the action's default confirm-runs.
const CONFIRM_RUNS = og.DEFAULT_CONFIRM_RUNS;

// ---- the pool: measured now, or a kept one re-evaluated ----
const work = REUSE ? resolve(REUSE) : join(ROOT, '.tmp', 'bench-verdict', `run-${Date.now()}`);
let manifest;
if (REUSE) {
  if (!existsSync(join(work, 'pool.json'))) throw new Error(`bench-verdict: no pool.json in ${work}`);
  manifest = JSON.parse(readFileSync(join(work, 'pool.json'), 'utf8'));
} else {
  manifest = await measurePool(work);
}
const ARMS = manifest.arms;
const pool = Object.fromEntries(ARMS.map((a) => [a.name, a.files.map((f) => og.loadMeasuredRun(join(work, f)))]));

async function measurePool(dir) {
  mkdirSync(dir, { recursive: true });
  const limit = option('limit', '2');
  const slowed = option('stages', 'clean,summarize').split(',');
  const arms = [
    { name: 'A', slow: [], files: [] },
    ...slowed.flatMap((stage) => [10, 5].map((pct) => ({ name: `${stage}+${pct}%`, stage, pct, slow: ['--slow', `${stage}=${1 + pct / 100}`], files: [] }))),
  ];
  const pipeline = join(ROOT, 'examples/pipeline/pipeline.py');
  const config = join(ROOT, 'examples/pipeline/config/baseline.json');
  const measureOnce = async (arm, index) => {
    const file = `${arm.name.replace(/[^\w-]/g, '_')}-${String(index).padStart(3, '0')}.yaml`;
    const result = await og.freeze({
      version: `bench-${arm.name}`,
      datasetId: 'bench',
      output: join(dir, file),
      command: ['python3', pipeline, '--config', config, '--out', join(dir, 'out'), '--limit', limit, ...arm.slow],
      sampleIntervalS: 0.1,
      warmup: 0,
      repeat: 1,
      stages: 'events',
      cwd: dir,
      commandOutput: 'ignore',
    });
    if (result.status !== 'ok') throw new Error(`bench-verdict: ${arm.name} run ${index} ${result.status}`);
    return file;
  };
  // One warm-up; then rounds holding A twice (it is both sides of A/A) and every slowed arm once, in
  // an order rotated each round so that no arm always runs first or after the same one.
  const started = Date.now();
  const load = [];
  await measureOnce(arms[0], 0);
  const slots = arms.slice(1).length > 0 ? [arms[0], ...arms.slice(1, 1 + Math.ceil((arms.length - 1) / 2)), arms[0], ...arms.slice(1 + Math.ceil((arms.length - 1) / 2))] : [arms[0], arms[0]];
  for (let round = 1; round <= ROUNDS; round++) {
    for (let i = 0; i < slots.length; i++) {
      const arm = slots[(i + round) % slots.length];
      arm.files.push(await measureOnce(arm, arm.files.length + 1));
    }
    load.push(loadavg()[0]);
    if (round % 5 === 0) console.log(`  pool: round ${round} of ${ROUNDS} (${((Date.now() - started) / 1000).toFixed(0)} s, load ${loadavg()[0].toFixed(2)})`);
  }
  const written = {
    date: new Date().toISOString(),
    cores: cpus().length,
    rounds: ROUNDS,
    limit,
    slowed,
    seconds: (Date.now() - started) / 1000,
    load,
    arms: arms.map(({ name, stage, pct, files }) => ({ name, ...(stage ? { stage, pct } : {}), files })),
  };
  writeFileSync(join(dir, 'pool.json'), `${JSON.stringify(written, null, 2)}\n`);
  return written;
}

// ---- thresholds a team would write: no stage and no total slower by more than 5 %, memory and
// total CPU time within 10 % ----
const thresholds = (lines) => {
  const parsed = og.parseInlineThresholds(['thresholds:', ...lines.map((l) => `  ${l}`)].join('\n'));
  if (parsed.problems.length > 0) throw new Error(JSON.stringify(parsed.problems));
  return parsed;
};
const spec = thresholds([
  `profile.stages.*.wall_time_s: "<= +${BOUND_PCT}%"`,
  `profile.totals.wall_time_s: "<= +${BOUND_PCT}%"`,
  'profile.totals.peak_rss_mb: "<= +10%"',
  'profile.totals.cpu_time_s: "<= +10%"',
]);
// A/A only: every stage's CPU % within 20 %, a sampled metric far noisier than the walls.
const specStageCpu = thresholds(['profile.stages.*.avg_cpu_pct: "<= +20%"']);
// The same walls with no margin (`<= +0%`): A/A is then exactly on the bound, and any honest interval
// fails it at about its one-sided error, (1 − coverage) / 2.
const specNoMargin = thresholds(['profile.stages.*.wall_time_s: "<= +0%"', 'profile.totals.wall_time_s: "<= +0%"']);
const GROUPS = [
  ['stage wall', (m) => /^profile\.stages\..*\.wall_time_s$/.test(m)],
  ['total wall', (m) => m === 'profile.totals.wall_time_s'],
  ['memory', (m) => m === 'profile.totals.peak_rss_mb'],
  ['CPU', (m) => m === 'profile.totals.cpu_time_s' || m.endsWith('.avg_cpu_pct')],
];
const stages = Object.keys(pool.A[0].profile.stages);
const metrics = [
  ...stages.map((s) => `profile.stages.${s}.wall_time_s`),
  'profile.totals.wall_time_s',
  'profile.totals.peak_rss_mb',
  'profile.totals.cpu_time_s',
  ...stages.map((s) => `profile.stages.${s}.avg_cpu_pct`),
];
const noiseByMetric = Object.fromEntries(metrics.map((m) => [m, noise(pool.A.map((r) => profileValue(r, m)).filter((v) => v !== undefined))]));
const wallOf = (stage) => `profile.stages.${stage}.wall_time_s`;
const measuredShift = (arm) => (median(pool[arm.name].map((r) => profileValue(r, wallOf(arm.stage)))) / median(pool.A.map((r) => profileValue(r, wallOf(arm.stage)))) - 1) * 100;

// ---- the gates ----
const evalStarted = Date.now();
const results = [];
const rows = [
  ...METHODS.flatMap(({ method, ns, draws }) => ns.flatMap((n) => ARMS.map((arm) => ({ method, n, draws, arm, spec, label: arm.name })))),
  // What a job with `confirm-runs: 5` does: start at N, add a round while a guardrail is inconclusive.
  ...NS.flatMap((n) => ARMS.map((arm) => ({ method: 'rank-shift', n, draws: DRAWS, arm, spec, label: arm.name, maxExtra: CONFIRM_RUNS }))),
  // More draws here: these rows check the interval's promised error rate, a few percent.
  ...[...NS, ...NS_MORE].map((n) => ({ method: 'rank-shift', n, draws: 5 * DRAWS, arm: ARMS[0], spec: specNoMargin, label: 'A, walls <= 0%' })),
  // Each confirmation round is one more look at the data: on a bound with no margin it shows.
  { method: 'rank-shift', n: 5, draws: 5 * DRAWS, arm: ARMS[0], spec: specNoMargin, label: 'A, walls <= 0%', maxExtra: CONFIRM_RUNS },
  ...NS.map((n) => ({ method: 'rank-shift', n, draws: DRAWS, arm: ARMS[0], spec: specStageCpu, label: 'A, stage CPU %' })),
];
const range0 = (n) => Array.from({ length: n }, (_, i) => i);
for (const { method, n, draws, arm, spec: rowSpec, label, maxExtra = 0 } of rows) {
  const size = pool[arm.name].length;
  const most = n + maxExtra;
  if (arm.stage ? most > size || most > pool.A.length : 2 * most > size) continue;
  // A slower stage rightly changes its own wall and the totals of time and CPU.
  const affected = arm.stage ? [wallOf(arm.stage), 'profile.totals.wall_time_s', 'profile.totals.cpu_time_s'] : [];
  // The same draws for every method (the seed depends on N and the arm only): a paired comparison.
  const { perMetric, gates } = countGates({
    evaluateGate: og.evaluateGate,
    spec: rowSpec,
    baselinePool: pool.A,
    n,
    draws,
    method,
    random: mulberry32(1000 * n + ARMS.indexOf(arm)),
    ...(arm.stage ? { candidatePool: { runs: pool[arm.name], affected } } : {}),
    ...(maxExtra > 0 ? { confirm: { nextConfirmation: og.nextConfirmation, maxExtra } } : {}),
  });
  const others = sumTallies(perMetric, (_, t) => !t.affected);
  const perGroup = Object.fromEntries(GROUPS.map(([name, pick]) => [name, sumTallies(perMetric, (m, t) => !t.affected && pick(m))]));
  const slowed = arm.stage ? perMetric[wallOf(arm.stage)] : undefined;
  // Independence: the runs behind the row, and how many gates of it can be fully disjoint.
  const disjointGates = arm.stage ? Math.min(Math.floor(pool.A.length / most), Math.floor(size / most)) : Math.floor(size / (2 * most));
  const evaluationsPerGate = others.total / gates.total;
  results.push({
    method: maxExtra > 0 ? `${method} +confirm ${maxExtra}` : method,
    n,
    arm: label,
    gates: gates.total,
    ...(maxExtra > 0 ? { confirm_runs: maxExtra, confirmed_gates: gates.confirmed, mean_extra_rounds: gates.rounds / gates.total } : {}),
    runs_behind: arm.stage ? pool.A.length + size : size,
    disjoint_gates: disjointGates,
    evaluations: others.total,
    false_fail: others.fail,
    inconclusive: others.inconclusive,
    missing: others.missing,
    false_fail_gates: gates.anyFalseFail,
    false_fail_ci: wilson(others.fail, others.total),
    false_fail_ci_pool: wilson(Math.round((others.fail / others.total) * disjointGates * evaluationsPerGate), Math.round(disjointGates * evaluationsPerGate)),
    inconclusive_by_group: Object.fromEntries(Object.entries(perGroup).map(([g, t]) => [g, t.total ? t.inconclusive / t.total : 0])),
    ...(slowed
      ? {
          slowed: { fail: slowed.fail, inconclusive: slowed.inconclusive, pass: slowed.pass + slowed.missing },
          detection_ci: wilson(slowed.fail, gates.total),
          detection_ci_pool: wilson(Math.round((slowed.fail / gates.total) * disjointGates), disjointGates),
        }
      : {}),
    ...(rowSpec === specNoMargin ? { expected_false_fail: (1 - og.shiftInterval(range0(n), range0(n), 0.95).coverage) / 2 } : {}),
    per_metric: perMetric,
  });
}
const evalSeconds = (Date.now() - evalStarted) / 1000;

// ---- the report ----
const pct = (x, digits = 1) => `${(x * 100).toFixed(digits)} %`;
const range = ([a, b]) => `${pct(a)}–${pct(b)}`;
const meanLoad = manifest.load.reduce((s, x) => s + x, 0) / manifest.load.length;
console.log(`\nverdict benchmark: ${manifest.rounds} rounds of the example pipeline (--limit ${manifest.limit}), arms interleaved, measured in ${manifest.seconds.toFixed(0)} s`);
console.log(`(${manifest.date}); mean load ${meanLoad.toFixed(2)} on ${manifest.cores ?? '?'} cores. Pool: ${ARMS.map((a) => `${a.name} ${pool[a.name].length}`).join(', ')} runs.`);
console.log(`Thresholds: every stage's wall and the total wall <= +${BOUND_PCT} %, peak memory and total CPU time <= +10 % ("A, walls <= 0%": the walls`);
console.log(`with no margin; "A, stage CPU %": every stage's CPU % <= +20 %). "+confirm ${CONFIRM_RUNS}": from N, a round more while a guardrail is inconclusive and the rounds left may decide it.`);
console.log(`(${results[0].evaluations / results[0].gates} evaluations per A/A gate), on random disjoint draws; gates evaluated in ${evalSeconds.toFixed(0)} s.`);
console.log('\nnoise of the A runs:');
for (const [metric, v] of Object.entries(noiseByMetric)) console.log(`  ${metric.padEnd(42)} mean ${v.mean.toPrecision(4).padStart(8)}   CV ${v.cv_pct.toFixed(2).padStart(6)} %`);
console.log('\nthe injected slowdowns as measured (median of the arm / median of A, on the slowed stage):');
for (const arm of ARMS.filter((a) => a.stage)) console.log(`  ${arm.name.padEnd(15)} ${measuredShift(arm).toFixed(1)} %`);

console.log(
  `\nmethod                 N  arm              false fail / evaluation [95 % CI over draws] {pool-limited}   gates   inconclusive: stage wall / total / memory / CPU   slowed stage: fail [CI] {pool} / inconclusive / pass`,
);
for (const r of results) {
  const ff = `${pct(r.false_fail / r.evaluations, 2)} [${range(r.false_fail_ci)}] {${range(r.false_fail_ci_pool)}}`;
  const inc = Object.values(r.inconclusive_by_group)
    .map((x) => pct(x, 0))
    .join(' / ');
  const slowed = r.slowed
    ? `${pct(r.slowed.fail / r.gates)} [${range(r.detection_ci)}] {${range(r.detection_ci_pool)}} / ${pct(r.slowed.inconclusive / r.gates)} / ${pct(r.slowed.pass / r.gates)}`
    : r.expected_false_fail !== undefined
      ? `(one-sided error of the interval: ${pct(r.expected_false_fail, 2)})`
      : '—';
  const confirmed = r.confirm_runs ? `   confirmed ${pct(r.confirmed_gates / r.gates, 0)} of gates, ${r.mean_extra_rounds.toFixed(2)} extra runs per side on average` : '';
  console.log(`${r.method.padEnd(22)} ${String(r.n).padEnd(2)} ${r.arm.padEnd(15)}  ${ff.padEnd(52)} ${pct(r.false_fail_gates / r.gates).padStart(7)}   ${inc.padEnd(44)} ${slowed}${confirmed}`);
}
console.log(`\nEach row: ${DRAWS} gates (bootstrap ${Math.ceil(DRAWS / 2)}, no-margin rows ${5 * DRAWS}) drawn from the pool, so they share runs. "gates": share of gates with any false fail.`);
console.log('[CI over draws] treats the draws as independent (optimistic); {pool-limited} counts only the gates the pool');
console.log('could hold fully disjoint (A/A: pool / 2N; A/B: pool / N) — the honest width of what this pool can show.');

/**
 * Runs per side that would catch the arm's slowdown >= 95 %, beyond what the pool can draw
 * disjointly: gates on draws with replacement (runs re-used), the slowed stage's rule alone.
 */
const EXTRAPOLATE_NS = [15, 20, 30, 40, 50];
function extrapolate(arm) {
  const one = thresholds([`${wallOf(arm.stage)}: "<= +${BOUND_PCT}%"`]);
  const trail = [];
  for (const n of EXTRAPOLATE_NS) {
    const { perMetric, gates } = countGates({
      evaluateGate: og.evaluateGate,
      spec: one,
      baselinePool: pool.A,
      n,
      draws: 200,
      method: 'rank-shift',
      random: mulberry32(7000 + n),
      candidatePool: { runs: pool[arm.name], affected: [wallOf(arm.stage)] },
      withReplacement: true,
    });
    const rate = perMetric[wallOf(arm.stage)].fail / gates.total;
    trail.push(`${n}: ${pct(rate, 0)}`);
    if (rate >= 0.95) return { n, trail: trail.join(', ') };
  }
  return { n: undefined, trail: trail.join(', ') };
}

// ---- the targets of issue 6 ----
const row = (method, n, arm) => results.find((r) => r.method === method && r.n === n && r.arm === arm);
const withConfirm = `rank-shift +confirm ${CONFIRM_RUNS}`;
const detection = (r) => r.slowed.fail / r.gates;
const aa5 = row('rank-shift', 5, 'A');
const targets = [
  {
    name: 'N = 5: A/A false fail <= 1 % of threshold evaluations',
    met: aa5.false_fail / aa5.evaluations <= 0.01,
    value: `${pct(aa5.false_fail / aa5.evaluations, 2)} (${aa5.false_fail} of ${aa5.evaluations})`,
  },
  ...ARMS.filter((a) => a.stage && a.pct === 10).map((arm) => {
    const r = row('rank-shift', 5, arm.name);
    const nz = noiseByMetric[wallOf(arm.stage)];
    const shift = measuredShift(arm);
    const needed = runsNeeded({ sdLog: nz.sd_log, shiftPct: shift, boundPct: BOUND_PCT });
    const enough = results
      .filter((x) => x.method === 'rank-shift' && x.arm === arm.name && detection(x) >= 0.95)
      .map((x) => x.n)
      .find((n) => {
        const aa = row('rank-shift', n, 'A');
        return aa && aa.false_fail / aa.evaluations <= 0.01;
      });
    const extrapolated = enough === undefined ? extrapolate(arm) : undefined;
    const beyond = extrapolated ? `; drawn with replacement from the pool: ${extrapolated.n ? `N ≈ ${extrapolated.n}` : `not at N <= ${EXTRAPOLATE_NS.at(-1)}`} (${extrapolated.trail})` : '';
    return {
      name: `N = 5: ${arm.name} (CV ${nz.cv_pct.toFixed(2)} %, measured +${shift.toFixed(1)} %) caught as fail >= 95 %`,
      met: detection(r) >= 0.95,
      value: `${pct(detection(r))}; ${enough !== undefined ? `met from N = ${enough} in this pool` : `not met at any N drawn (up to ${Math.max(...results.map((x) => x.n))})`}; normal approximation from its noise: N ≈ ${needed ?? '∞'} per side${beyond}`,
      runs_needed: { normal_approximation: needed ?? null, ...(extrapolated ? { with_replacement: extrapolated.n ?? null, trail: extrapolated.trail } : {}) },
    };
  }),
];
const aaConfirm = row(withConfirm, 5, 'A');
if (aaConfirm) {
  targets.push({
    name: `N = 5 with confirm-runs ${CONFIRM_RUNS}: A/A false fail <= 1 %`,
    met: aaConfirm.false_fail / aaConfirm.evaluations <= 0.01,
    value: `${pct(aaConfirm.false_fail / aaConfirm.evaluations, 2)}; ${aaConfirm.mean_extra_rounds.toFixed(2)} extra runs per side on average`,
  });
  for (const arm of ARMS.filter((a) => a.stage && a.pct === 10)) {
    const r = row(withConfirm, 5, arm.name);
    if (r)
      targets.push({
        name: `N = 5 with confirm-runs ${CONFIRM_RUNS}: ${arm.name} caught as fail >= 95 %`,
        met: detection(r) >= 0.95,
        value: `${pct(detection(r))}; ${r.mean_extra_rounds.toFixed(2)} extra runs per side on average`,
      });
  }
}

// ---- issue 12: the defaults against the target, on the reference scenario ----
const REF_DRAWS = Number(option('ref-draws', 1000));
const refStarted = Date.now();
const defaults = `repeat ${og.DEFAULT_REPEAT} + confirm-runs ${og.DEFAULT_CONFIRM_RUNS}`;
const reference = referenceRows({
  countGates,
  sumTallies,
  evaluateGate: og.evaluateGate,
  spec,
  draws: REF_DRAWS,
  configs: [
    { label: 'repeat 5, confirm-runs 0 (the old default)', repeat: 5, confirm: 0, rule: og.nextConfirmation },
    { label: 'repeat 5 + confirm-runs 5, a round while inconclusive', repeat: 5, confirm: 5, rule: confirmWhileInconclusive(og.nextConfirmation) },
    { label: 'repeat 5 + confirm-runs 5, rounds only while they may decide', repeat: 5, confirm: 5, rule: og.nextConfirmation },
    { label: `defaults: ${defaults}, rounds only while they may decide`, repeat: og.DEFAULT_REPEAT, confirm: og.DEFAULT_CONFIRM_RUNS, rule: og.nextConfirmation },
    { label: 'repeat 10, confirm-runs 0', repeat: 10, confirm: 0, rule: og.nextConfirmation },
  ],
});
const refNoise = Object.fromEntries(['clean', 'summarize'].map((s) => [s, noise(referenceRuns(4000, 1).map((r) => profileValue(r, wallOf(s)))).cv_pct]));
console.log(
  `\nreference scenario (noise as measured on a quiet machine: clean CV ${refNoise.clean.toFixed(2)} %, summarize ${refNoise.summarize.toFixed(2)} %; ${REF_DRAWS} gates a row, ${((Date.now() - refStarted) / 1000).toFixed(0)} s):`,
);
console.log(`configuration                                                           A/A false fail   A/A runs/side   clean +10 % caught   runs/side   summarize +10 % caught   runs/side`);
for (const r of reference) {
  console.log(
    `${r.label.padEnd(72)}${pct(r.aa_false_fail, 2).padStart(14)}${r.aa_runs_per_side.toFixed(2).padStart(16)}${pct(r.clean_caught).padStart(21)}${r.clean_runs_per_side.toFixed(2).padStart(12)}${pct(r.summarize_caught).padStart(25)}${r.summarize_runs_per_side.toFixed(2).padStart(12)}`,
  );
}
const ours = reference[3];
targets.push(
  {
    name: `defaults (${defaults}), reference scenario: clean +10 % (CV ${refNoise.clean.toFixed(1)} %) caught as fail >= 95 %`,
    met: ours.clean_caught >= 0.95,
    value: `${pct(ours.clean_caught)} [${range(wilson(Math.round(ours.clean_caught * REF_DRAWS), REF_DRAWS))}]`,
  },
  {
    name: `defaults, reference scenario: <= 6 runs per side on average for it`,
    met: ours.clean_runs_per_side <= 6,
    value: `${ours.clean_runs_per_side.toFixed(2)} (A/A: ${ours.aa_runs_per_side.toFixed(2)})`,
  },
  { name: `defaults, reference scenario: A/A false fail <= 1 %`, met: ours.aa_false_fail <= 0.01, value: pct(ours.aa_false_fail, 2) },
);
const poolDefaults = results.find((r) => r.confirm_runs === og.DEFAULT_CONFIRM_RUNS && r.n === og.DEFAULT_REPEAT && r.arm === 'clean+10%');
if (poolDefaults)
  console.log(
    `\nthe defaults on the pool measured now (noise as this machine has it): clean +10 % caught ${pct(detection(poolDefaults))} at ${(og.DEFAULT_REPEAT + poolDefaults.mean_extra_rounds).toFixed(2)} runs per side`,
  );

console.log('');
for (const t of targets) console.log(`${t.met ? 'met    ' : 'MISSED '} ${t.name}: ${t.value}`);

mkdirSync(join(ROOT, 'out'), { recursive: true });
writeFileSync(
  join(ROOT, 'out', 'bench-verdict.json'),
  `${JSON.stringify({ pool: { ...manifest, arms: ARMS.map(({ name, stage, pct: p, files }) => ({ name, stage, pct: p, runs: files.length })) }, draws: DRAWS, eval_seconds: evalSeconds, mean_load: meanLoad, noise: noiseByMetric, measured_shift_pct: Object.fromEntries(ARMS.filter((a) => a.stage).map((a) => [a.name, measuredShift(a)])), results, reference, targets }, null, 2)}\n`,
);
console.log('\nwrote out/bench-verdict.json');
if (!REUSE && !args.includes('--keep')) rmSync(work, { recursive: true, force: true });
else if (!REUSE) console.log(`pool kept in ${work} (re-evaluate with --reuse ${work})`);
