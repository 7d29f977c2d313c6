// `npm run demo`: the optimization loop on the bundled example pipeline (examples/pipeline/), up to
// the point this release reaches: for the baseline and for the candidate (the opt-in bundled mode),
// freeze a per-stage profile of the whole process tree (native freeze, stage events) and run the
// eval experiment. Everything lands in ./out/. The gate and report arrive with their own issue.
// Usage: npm run demo [-- --slow STAGE=FACTOR ...]   (--slow: slow a stage of the candidate down)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out');
const EXAMPLE = join(ROOT, 'examples', 'pipeline');
const args = process.argv.slice(2);
const slow = args.flatMap((arg, i) => (arg === '--slow' && args[i + 1] ? ['--slow', args[i + 1]] : []));

function run(command, argv, options = {}) {
  console.log(`\n$ ${[command, ...argv].map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ').replaceAll(`${ROOT}/`, '')}`);
  const result = spawnSync(command, argv, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) {
    console.error(`demo: ${command} exited with ${result.status ?? result.signal}`);
    process.exit(1);
  }
}

if (spawnSync('python3', ['--version']).status !== 0) {
  console.error('demo: python3 is needed for the example pipeline (standard library only).');
  process.exit(1);
}

// The CLI as users get it (dist/cli.js is the same bundle); built here so the demo always runs the
// current source and never rewrites the committed dist/ (the bundle goes to node_modules/.cache).
const cli = join(ROOT, 'node_modules', '.cache', 'optimization-gate', 'demo', 'cli.mjs');
await build({
  entryPoints: [join(ROOT, 'src', 'cli.ts')],
  outfile: cli,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const sides = [
  { name: 'baseline', config: join(EXAMPLE, 'config', 'baseline.json'), extra: [] },
  { name: 'candidate', config: join(EXAMPLE, 'config', 'optimized.json'), extra: slow },
];
mkdirSync(OUT, { recursive: true });
const started = Date.now();
for (const side of sides) {
  const work = join(OUT, `${side.name}.work`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  console.log(`\n=== ${side.name}: ${relative(ROOT, side.config)}${side.extra.length ? ` ${side.extra.join(' ')}` : ''}`);
  // The profile: the pipeline run under the freeze (one warm-up run first), its tree sampled every 0.5 s.
  run(process.execPath, [
    cli,
    'freeze',
    '--version', `example-${side.name}`,
    '--dataset-id', 'example_podcasts_v1',
    '--output', join(OUT, `${side.name}.yaml`),
    '--episodes', '5',
    '--cwd', work,
    '--',
    'python3', join(EXAMPLE, 'pipeline.py'), '--config', side.config, '--out', '.', '--metrics-out', 'run_metrics.json', ...side.extra,
  ]);
  // The experiment: quality, latency and cost against the bundled reference summaries.
  run('python3', [join(EXAMPLE, 'experiment.py'), '--config', side.config, '--out', join(OUT, `${side.name}.eval`), ...side.extra]);
}

const load = (name) => ({
  profile: parse(readFileSync(join(OUT, `${name}.yaml`), 'utf8')),
  eval: JSON.parse(readFileSync(join(OUT, `${name}.eval`, 'metrics.json'), 'utf8')),
  cost: JSON.parse(readFileSync(join(OUT, `${name}.eval`, 'eval_pipeline_metrics.json'), 'utf8')),
});
const base = load('baseline');
const cand = load('candidate');
const pct = (a, b) => (typeof a === 'number' && typeof b === 'number' && a !== 0 ? `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %` : '');
const cell = (v, unit = '') => (v === undefined || v === null ? '—' : `${v}${unit}`);
const rows = [['stage', 'wall s (base → cand)', 'peak MiB', 'CPU %']];
const stages = [...new Set([...Object.keys(base.profile.stages), ...Object.keys(cand.profile.stages)])];
for (const stage of stages) {
  const b = base.profile.stages[stage];
  const c = cand.profile.stages[stage];
  rows.push([stage, `${cell(b?.wall_time_s)} → ${cell(c?.wall_time_s)}`, `${cell(b?.peak_rss_mb)} → ${cell(c?.peak_rss_mb)}`, `${cell(b?.avg_cpu_pct)} → ${cell(c?.avg_cpu_pct)}`]);
}
const bt = base.profile.totals;
const ct = cand.profile.totals;
rows.push(['total', `${bt.wall_time_s} → ${ct.wall_time_s} (${pct(bt.wall_time_s, ct.wall_time_s)})`, `${bt.peak_rss_mb} → ${ct.peak_rss_mb}`, `${bt.avg_cpu_pct} → ${ct.avg_cpu_pct}`]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)) + 2);

const ref = Object.keys(base.eval.vs_reference ?? {})[0];
const quality = (m) => m.vs_reference?.[ref]?.rougeL_f1;
console.log(`\n=== profiles (${bt.memory_metric}; a stage absent on one side did not run there)`);
for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i])).join(''));
console.log(`\n=== eval (vs ${ref})`);
console.log(`  rougeL_f1        ${quality(base.eval).toFixed(4)} → ${quality(cand.eval).toFixed(4)}`);
console.log(`  avg latency ms   ${base.eval.intrinsic.performance.avg_latency_ms.toFixed(0)} → ${cand.eval.intrinsic.performance.avg_latency_ms.toFixed(0)} (${pct(base.eval.intrinsic.performance.avg_latency_ms, cand.eval.intrinsic.performance.avg_latency_ms)})`);
console.log(`  total cost USD   ${base.cost.total_stage_cost_usd} → ${cand.cost.total_stage_cost_usd} (${pct(base.cost.total_stage_cost_usd, cand.cost.total_stage_cost_usd)})`);
console.log('\nwrote (in out/):');
for (const side of ['baseline', 'candidate']) {
  console.log(`  ${side}.yaml  ${side}.stage_truth.json  ${side}.samples.jsonl  ${side}.events.jsonl  ${side}.eval/{metrics.json,eval_pipeline_metrics.json}`);
}
console.log(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s. The next step, the gate (thresholds from the issue → ship / iterate /`);
console.log('reject) and its report, arrives with the verdict issue; until then the demo stops after freezing.');
