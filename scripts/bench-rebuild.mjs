// `npm run bench:rebuild`: what the end of a long run costs. For 1, 2, 4 and 8 h of 10 Hz samples with
// a stage occurrence starting every second (overlapping), it times
//   - `optimization-gate rebuild` (dist/cli.js, a process of its own: what the post step does), and
//   - the freeze's own end of run (buildRunOutputs over the samples it holds in memory) and the
//     attribution alone, each size in a fresh process (scripts/bench/rebuild-step.mjs),
// and, as the reference in the same run, the samples × spans loop it replaced on the short runs.
// CPU is the minimum over --rounds (what the work costs when nothing else interferes; in-process steps on
// data evicted from the CPU caches, as at the end of a real run), with ratios to
// 1 h: linear work doubles per doubling. Each CLI rebuild also runs once with a 32 MiB heap limit: the
// samples are streamed, so the memory a rebuild needs does not grow with the run. Writes out/bench-rebuild.json.
// Usage: node scripts/bench-rebuild.mjs [--rounds N] [--hours 1,2,4,8] [--keep]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { syntheticRun, writeRunFiles } from './bench/long-run.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROUNDS = Number(option('--rounds', '3'));
const HOURS = option('--hours', '1,2,4,8').split(',').map(Number);
const REFERENCE_HOURS = [0.25, 0.5, 1];
const KEEP = args.includes('--keep');
const HEAP_LIMIT_MB = 32;
const CLI = join(ROOT, 'dist', 'cli.js');
if (!existsSync(CLI)) {
  console.error('bench-rebuild: dist/cli.js is missing; run `npm run build` first.');
  process.exit(1);
}

// The measuring code is TypeScript: bundle what scripts/bench/rebuild-step.mjs times (out of the way, in node_modules/.cache).
const cache = join(ROOT, 'node_modules', '.cache', 'optimization-gate', 'bench', 'rebuild');
await build({
  entryPoints: ['attribution', 'build-profile', 'stages/events'].map((m) => join(ROOT, 'src', 'measure', `${m}.ts`)),
  outdir: cache,
  outbase: join(ROOT, 'src', 'measure'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

const work = join(ROOT, '.tmp', 'bench', `rebuild-${Date.now()}`);
mkdirSync(work, { recursive: true });
const r = (x, d = 3) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
const min = (xs) => xs.reduce((a, b) => Math.min(a, b), Infinity);

/** The CLI in a process of its own; it reports its own CPU and peak RSS when it exits (scripts/bench/report-usage.mjs). */
function cliRebuild(samplesPath, output, nodeArgs = []) {
  const report = join(work, 'usage.json');
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [...nodeArgs, '--import', pathToFileURL(join(ROOT, 'scripts', 'bench', 'report-usage.mjs')).href, CLI, 'rebuild', '--samples', samplesPath, '--output', output],
    {
      env: { ...process.env, BENCH_USAGE: report },
      encoding: 'utf8',
    },
  );
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`rebuild exited ${child.status}: ${child.stderr}`);
  return { ...JSON.parse(readFileSync(report, 'utf8')), wall_ms: wallMs };
}

/** Heap the freeze holds for the samples of a run of `hours` (it keeps them in memory for its end of run). */
function heldSamplesMb(hours) {
  const script = `import { syntheticRun } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts', 'bench', 'long-run.mjs')).href)};
gc(); const before = process.memoryUsage().heapUsed;
const run = syntheticRun({ durationS: ${hours * 3600}, hz: 10, seed: 1 });
run.events.length = 0; gc();
console.log((process.memoryUsage().heapUsed - before) / 1024 ** 2, run.samples.length);`;
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
  const [mb] = child.stdout.trim().split(' ').map(Number);
  return mb;
}

/** The freeze's end of run and the attribution alone for a run of `hours`, in a process of their own (scripts/bench/rebuild-step.mjs). */
function inProcess(hours, reference = false) {
  const child = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'rebuild-step.mjs'), cache, String(hours), String(ROUNDS), ...(reference ? ['reference'] : [])], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`rebuild-step ${hours} h: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

// What a rebuild costs whatever the length (node, loading the CLI, writing files): a 10 s run.
const fixed = (() => {
  const run = syntheticRun({ durationS: 10, hz: 10, seed: 1 });
  const { samplesPath } = writeRunFiles(join(work, 'run-10s'), run);
  const cli = Array.from({ length: ROUNDS }, () => cliRebuild(samplesPath, join(work, 'run-10s.rebuilt.yaml')));
  return { cpu_s: min(cli.map((c) => c.cpu_ms)) / 1000, max_rss_mb: cli.reduce((a, c) => Math.max(a, c.max_rss_mb), 0) };
})();

const rows = [];
for (const hours of HOURS) {
  const run = syntheticRun({ durationS: hours * 3600, hz: 10, occurrenceEveryS: 1, seed: hours * 100 });
  const { samplesPath } = writeRunFiles(join(work, `run-${hours}h`), run);
  const cli = [];
  for (let k = 0; k < ROUNDS; k++) cli.push(cliRebuild(samplesPath, join(work, `run-${hours}h.rebuilt.yaml`)));
  // Bounded memory: the samples are streamed, so the rebuild runs within a heap far smaller than the file.
  let fitsHeap = true;
  try {
    cliRebuild(samplesPath, join(work, `run-${hours}h.rebuilt.yaml`), [`--max-old-space-size=${HEAP_LIMIT_MB}`]);
  } catch {
    fitsHeap = false;
  }
  const profile = readFileSync(join(work, `run-${hours}h.rebuilt.yaml`), 'utf8');
  if (!/transcribe:/.test(profile)) throw new Error(`the rebuilt ${hours} h profile has no transcribe stage`);
  // The freeze's own end of run: the same outputs from the samples it holds in memory.
  const step = inProcess(hours);
  rows.push({
    hours,
    samples: run.samples.length,
    stage_spans: step.spans,
    samples_file_mb: r(readFileSync(samplesPath).length / 1024 ** 2, 1),
    cli_rebuild_cpu_s: r(min(cli.map((c) => c.cpu_ms)) / 1000),
    cli_rebuild_wall_s: r(min(cli.map((c) => c.wall_ms)) / 1000),
    cli_rebuild_max_rss_mb: r(
      cli.reduce((a, c) => Math.max(a, c.max_rss_mb), 0),
      0,
    ),
    [`cli_rebuild_fits_${HEAP_LIMIT_MB}mib_heap`]: fitsHeap,
    freeze_end_of_run_cpu_s: r(step.end_of_run_ms / 1000, 4),
    attribution_cpu_s: r(step.attribution_ms / 1000, 4),
    attribution_us_per_sample: r((step.attribution_ms * 1000) / step.samples, 3),
  });
  if (!KEEP) rmSync(samplesPath, { force: true });
}

const reference = REFERENCE_HOURS.map((hours) => {
  const step = inProcess(hours, true);
  return {
    hours,
    samples: step.samples,
    stage_spans: step.spans,
    loop_cpu_s: r(step.reference_ms / 1000),
    one_pass_cpu_s: r(step.attribution_ms / 1000, 4),
    loop_over_one_pass: r(step.reference_ms / step.attribution_ms, 0),
  };
});

const base = rows.find((row) => row.hours === 1) ?? rows[0];
const ratio = (row, key) => r(row[key] / base[key], 2);
const netRatio = (row) => r((row.cli_rebuild_cpu_s - fixed.cpu_s) / (base.cli_rebuild_cpu_s - fixed.cpu_s), 2);
const heldPerHourMb = heldSamplesMb(1);
console.log(`\nrebuild of a long run (10 Hz samples, a stage occurrence every second), min CPU over ${ROUNDS} rounds`);
console.log(`hours  samples  spans   file MiB  CLI rebuild CPU s (×1h)  wall s   peak RSS MiB  in ${HEAP_LIMIT_MB} MiB heap  freeze end-of-run CPU s (×1h)  attribution CPU s (×1h)`);
for (const row of rows) {
  console.log(
    `${String(row.hours).padStart(5)}  ${String(row.samples).padStart(7)}  ${String(row.stage_spans).padStart(6)}  ${String(row.samples_file_mb).padStart(8)}  ` +
      `${`${row.cli_rebuild_cpu_s} (×${ratio(row, 'cli_rebuild_cpu_s')})`.padStart(23)}  ${String(row.cli_rebuild_wall_s).padStart(6)}  ${String(row.cli_rebuild_max_rss_mb).padStart(12)}  ${(row[`cli_rebuild_fits_${HEAP_LIMIT_MB}mib_heap`] ? 'yes' : 'NO').padStart(15)}  ` +
      `${`${row.freeze_end_of_run_cpu_s} (×${ratio(row, 'freeze_end_of_run_cpu_s')})`.padStart(29)}  ${`${row.attribution_cpu_s} (×${ratio(row, 'attribution_cpu_s')})`.padStart(23)}`,
  );
}
console.log(
  `fixed cost of a CLI rebuild (a 10 s run): ${r(fixed.cpu_s)} s CPU, peak RSS ${r(fixed.max_rss_mb, 0)} MiB; net of it, CPU ×1h: ${rows.map((row) => `${row.hours} h ×${netRatio(row)}`).join(', ')}`,
);
console.log(`samples the freeze holds in memory until its end of run: ${r(heldPerHourMb, 1)} MiB per hour at 10 Hz`);
console.log('\nreference in the same run: the samples × spans loop that was replaced');
for (const row of reference) console.log(`  ${row.hours} h: loop ${row.loop_cpu_s} s, one pass ${row.one_pass_cpu_s} s (×${row.loop_over_one_pass})`);

const out = join(ROOT, 'out');
mkdirSync(out, { recursive: true });
const result = {
  when: new Date().toISOString(),
  node: process.version,
  rounds: ROUNDS,
  cli_fixed_cost: { cpu_s: r(fixed.cpu_s), max_rss_mb: r(fixed.max_rss_mb, 0) },
  freeze_held_samples_mb_per_hour_10hz: r(heldPerHourMb, 1),
  rows: rows.map((row) => ({
    ...row,
    cli_cpu_vs_1h: ratio(row, 'cli_rebuild_cpu_s'),
    cli_net_cpu_vs_1h: netRatio(row),
    freeze_end_of_run_cpu_vs_1h: ratio(row, 'freeze_end_of_run_cpu_s'),
    attribution_cpu_vs_1h: ratio(row, 'attribution_cpu_s'),
  })),
  reference,
};
writeFileSync(join(out, 'bench-rebuild.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote out/bench-rebuild.json${KEEP ? `; files kept in ${work}` : ''}`);
if (!KEEP) rmSync(work, { recursive: true, force: true });
