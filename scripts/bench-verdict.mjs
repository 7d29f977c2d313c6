// `npm run bench:verdict`: is the gate right under this machine's noise? Measures a pool of real,
// interleaved runs of the example pipeline — A (baseline config), A with one stage 10 % slower, A
// with it 5 % slower — then evaluates many gates with the real gate code (evaluateGate) on disjoint
// draws of N = 3 and N = 5 runs per side: A/A (same code both sides) and A/B (the slowdown). Prints
// the false-fail, detection and inconclusive rates and the noise (coefficient of variation) per
// metric, for the default interval method and for the percentile bootstrap it replaced; writes
// out/bench-verdict.json. Numbers are as noisy as the machine: read them with its load in mind.
// Usage: node scripts/bench-verdict.mjs [--rounds R (30)] [--draws D (400)] [--stages clean,summarize] [--limit 2]
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const ROUNDS = Number(option('rounds', 30));
const DRAWS = Number(option('draws', 400));
const SLOWED = option('stages', 'clean,summarize').split(',');
const LIMIT = option('limit', '2');
const NS = [3, 5];
// Larger N, rank method only: how many runs the noise seen would need (drawn from the same pool).
const NS_MORE = [7, 10];
const ARMS = [
  { name: 'A', slow: [] },
  ...SLOWED.flatMap((stage) => [
    { name: `${stage}+10%`, stage, slow: ['--slow', `${stage}=1.10`], factor: 1.1 },
    { name: `${stage}+5%`, stage, slow: ['--slow', `${stage}=1.05`], factor: 1.05 },
  ]),
];

const bundle = join(ROOT, 'node_modules', '.cache', 'optimization-gate', 'bench', 'verdict.mjs');
await build({
  stdin: {
    contents: [
      "export { freeze } from './src/measure/index.ts';",
      "export { loadMeasuredRun } from './src/compare/loaders.ts';",
      "export { evaluateGate } from './src/compare/gate.ts';",
      "export { parseInlineThresholds } from './src/compare/thresholds/index.ts';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning',
});
const og = await import(pathToFileURL(bundle).href);

const work = join(ROOT, '.tmp', 'bench-verdict', `run-${Date.now()}`);
mkdirSync(work, { recursive: true });
const pipeline = join(ROOT, 'examples/pipeline/pipeline.py');
const config = join(ROOT, 'examples/pipeline/config/baseline.json');

async function measureOnce(arm, index) {
  const output = join(work, `${arm.name.replace(/[^\w-]/g, '_')}-${String(index).padStart(3, '0')}.yaml`);
  const result = await og.freeze({
    version: `bench-${arm.name}`, datasetId: 'bench', output,
    command: ['python3', pipeline, '--config', config, '--out', join(work, 'out'), '--limit', LIMIT, ...arm.slow],
    sampleIntervalS: 0.1, warmup: 0, repeat: 1, stages: 'events', cwd: work, commandOutput: 'ignore',
  });
  if (result.status !== 'ok') throw new Error(`bench-verdict: ${arm.name} run ${index} ${result.status}`);
  return og.loadMeasuredRun(output);
}

// The pool: one warm-up, then rounds of every arm (order rotated each round, so no arm is always first).
const load = [];
const started = Date.now();
await measureOnce(ARMS[0], 0);
const pool = Object.fromEntries(ARMS.map((a) => [a.name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (let i = 0; i < ARMS.length; i++) {
    const arm = ARMS[(i + round) % ARMS.length];
    pool[arm.name].push(await measureOnce(arm, round));
  }
  load.push(loadavg()[0]);
  if (round % 5 === 0) console.log(`  pool: round ${round} of ${ROUNDS} (${((Date.now() - started) / 1000).toFixed(0)} s, load ${loadavg()[0].toFixed(2)})`);
}
const poolSeconds = (Date.now() - started) / 1000;

// Thresholds a team would write: no stage and no total slower by more than 5 %, memory within 10 %.
const stages = Object.keys(pool.A[0].profile.stages);
const spec = og.parseInlineThresholds(
  ['thresholds:', ...stages.map((s) => `  profile.stages.${s}.wall_time_s: "<= +5%"`), '  profile.totals.wall_time_s: "<= +5%"', '  profile.totals.peak_rss_mb: "<= +10%"'].join('\n'),
);
if (spec.problems.length > 0) throw new Error(JSON.stringify(spec.problems));

// A deterministic PRNG for the draws (mulberry32), so a re-run on the same pool draws the same sets.
let seed = 12345;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shuffled = (xs) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const wilson = (k, n) => {
  if (n === 0) return [0, 1];
  const z = 1.96, p = k / n, d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d, h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
};
const pct = (x) => `${(x * 100).toFixed(1)} %`;

function evaluate(method, n, candidateArm) {
  const arm = ARMS.find((a) => a.name === candidateArm);
  const slowed = arm.stage ? `profile.stages.${arm.stage}.wall_time_s` : undefined;
  // With a stage slowed, the total may rightly fail too: A/B false fails count the other metrics only.
  const affected = new Set(slowed ? [slowed, 'profile.totals.wall_time_s'] : []);
  const counts = { evaluations: 0, falseFail: 0, inconclusive: 0, slowedFail: 0, slowedInconclusive: 0, slowedPass: 0, gates: 0 };
  for (let d = 0; d < DRAWS; d++) {
    const a = shuffled(pool.A);
    const baseline = a.slice(0, n);
    const candidate = candidateArm === 'A' ? a.slice(n, 2 * n) : shuffled(pool[candidateArm]).slice(0, n);
    const result = og.evaluateGate(spec, { name: 'baseline', runs: baseline }, { name: 'candidate', runs: candidate }, {
      failOn: 'reject', interval: { method },
    });
    counts.gates++;
    for (const t of result.thresholds) {
      if (candidateArm !== 'A' && affected.has(t.metric)) {
        if (t.metric === slowed) {
          if (t.verdict === 'fail') counts.slowedFail++;
          else if (t.verdict === 'inconclusive') counts.slowedInconclusive++;
          else counts.slowedPass++;
        }
        continue;
      }
      counts.evaluations++;
      if (t.verdict === 'fail') counts.falseFail++;
      if (t.verdict === 'inconclusive') counts.inconclusive++;
    }
  }
  return counts;
}

const cv = {};
for (const metric of [...stages.map((s) => `profile.stages.${s}.wall_time_s`), 'profile.totals.wall_time_s', 'profile.totals.peak_rss_mb', ...stages.map((s) => `profile.stages.${s}.avg_cpu_pct`)]) {
  const [, section, key, field] = metric.split('.');
  const values = pool.A.map((r) => (section === 'totals' ? r.profile.totals[key] : r.profile.stages[key]?.[field])).filter((v) => typeof v === 'number');
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  cv[metric] = { mean: Math.round(mean * 1e4) / 1e4, cv_pct: Math.round((sd / mean) * 1e4) / 100 };
}

const results = [];
for (const [method, ns] of [['rank-shift', [...NS, ...NS_MORE.filter((n) => 2 * n <= ROUNDS)]], ['bootstrap-median', NS]]) {
  for (const n of ns) {
    for (const arm of ARMS) results.push({ method, n, arm: arm.name, ...evaluate(method, n, arm.name) });
  }
}

console.log(`\nverdict benchmark: ${ROUNDS} rounds × ${ARMS.length} arms of the example pipeline (--limit ${LIMIT}), interleaved, in ${poolSeconds.toFixed(0)} s;`);
console.log(`mean load ${(load.reduce((s, x) => s + x, 0) / load.length).toFixed(2)} (2 cores). Slowed stages: ${SLOWED.join(', ')}. Thresholds: every stage's wall and the total wall <= +5 %, peak memory <= +10 %.`);
console.log(`${DRAWS} gates per row, each on disjoint random draws from the pool (a pool of ${ROUNDS} runs per arm gives ${Math.floor(ROUNDS / 10)}–${Math.floor(ROUNDS / 6)} fully independent A/A gates per shuffle: the rates are resampled, their intervals optimistic).\n`);
console.log('noise in the A runs (coefficient of variation):');
for (const [metric, v] of Object.entries(cv)) console.log(`  ${metric.padEnd(44)} mean ${String(v.mean).padStart(9)}   CV ${v.cv_pct.toFixed(2).padStart(6)} %`);
const medianOf = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};
console.log('\nthe injected slowdowns as measured (median of the arm / median of A, the slowed stage):');
for (const arm of ARMS.filter((a) => a.stage)) {
  const wall = (runs) => medianOf(runs.map((r) => r.profile.stages[arm.stage].wall_time_s));
  console.log(`  ${arm.name.padEnd(15)} ${(((wall(pool[arm.name]) / wall(pool.A)) - 1) * 100).toFixed(1)} %`);
}
console.log('\nmethod            N  arm              false fail (A/A: all; A/B: other metrics)  inconclusive   slowed stage: fail / inconclusive / pass');
for (const r of results) {
  const ff = `${pct(r.falseFail / r.evaluations)} [${wilson(r.falseFail, r.evaluations).map(pct).join(', ')}]`;
  const slowedTotal = r.slowedFail + r.slowedInconclusive + r.slowedPass;
  const slowedCell = r.arm === 'A' ? '—' : `${pct(r.slowedFail / slowedTotal)} / ${pct(r.slowedInconclusive / slowedTotal)} / ${pct(r.slowedPass / slowedTotal)}`;
  console.log(`${r.method.padEnd(17)} ${r.n}  ${r.arm.padEnd(15)}  ${ff.padEnd(42)} ${pct(r.inconclusive / r.evaluations).padStart(12)}   ${slowedCell}`);
}

const main = (n, arm) => results.find((r) => r.method === 'rank-shift' && r.n === n && r.arm === arm);
const aa5 = main(5, 'A');
const detection = (r) => r.slowedFail / (r.slowedFail + r.slowedInconclusive + r.slowedPass);
const targets = [
  { name: 'N = 5: A/A false fail <= 1 % of threshold evaluations', met: aa5.falseFail / aa5.evaluations <= 0.01, value: pct(aa5.falseFail / aa5.evaluations) },
  ...SLOWED.map((stage) => {
    const r = main(5, `${stage}+10%`);
    const noise = cv[`profile.stages.${stage}.wall_time_s`].cv_pct;
    // The smallest N, among those drawn, at which this pool catches the slowdown >= 95 % with A/A still <= 1 %.
    const enough = results
      .filter((x) => x.method === 'rank-shift' && x.arm === `${stage}+10%` && detection(x) >= 0.95)
      .map((x) => x.n)
      .filter((n) => { const aa = main(n, 'A'); return aa && aa.falseFail / aa.evaluations <= 0.01; })[0];
    return {
      name: `N = 5: a 10 % slowdown of ${stage} (CV ${noise.toFixed(2)} %) caught as fail >= 95 %`,
      met: detection(r) >= 0.95,
      value: `${pct(detection(r))}; ${enough !== undefined ? `met from N = ${enough} in this pool` : `not met at any N drawn (up to ${Math.max(...NS_MORE.filter((n) => 2 * n <= ROUNDS), ...NS)})`}`,
    };
  }),
];
console.log('');
for (const t of targets) console.log(`${t.met ? 'met    ' : 'MISSED '} ${t.name}: ${t.value}`);

mkdirSync(join(ROOT, 'out'), { recursive: true });
writeFileSync(
  join(ROOT, 'out', 'bench-verdict.json'),
  `${JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, draws: DRAWS, slowed: SLOWED, limit: LIMIT, pool_seconds: poolSeconds, mean_load: load.reduce((s, x) => s + x, 0) / load.length, noise_cv: cv, results, targets }, null, 2)}\n`,
);
console.log('\nwrote out/bench-verdict.json');
if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
