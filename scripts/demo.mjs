// `npm run demo`: the optimization loop on the bundled example pipeline (examples/pipeline/), as the
// action runs it, with no GitHub needed: for the baseline and for the candidate (the opt-in bundled
// mode), freeze a per-stage profile of the whole process tree (native freeze, stage events) and run
// the eval experiment; then gate the candidate against the baseline on the thresholds written in
// examples/issue.md and write the report. Everything lands in ./out/.
// Usage: npm run demo [-- --slow STAGE=FACTOR ...] [--repeat N]
//   --slow: slow a stage of the candidate down; --repeat: N measured runs per side (medians and intervals).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out');
const EXAMPLE = join(ROOT, 'examples', 'pipeline');
const args = process.argv.slice(2);
const slow = args.flatMap((arg, i) => (arg === '--slow' && args[i + 1] ? ['--slow', args[i + 1]] : []));
const repeat = args.includes('--repeat') ? Number(args[args.indexOf('--repeat') + 1]) : 1;
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error('demo: --repeat expects a whole number >= 1');
  process.exit(2);
}
const runsOf = (side) => (repeat === 1 ? [join(OUT, `${side}.yaml`)] : Array.from({ length: repeat }, (_, k) => join(OUT, `${side}.run-${k + 1}.yaml`)));

function run(command, argv, options = {}) {
  console.log(
    `\n$ ${[command, ...argv]
      .map((a) => (/\s/.test(a) ? `'${a}'` : a))
      .join(' ')
      .replaceAll(`${ROOT}/`, '')}`,
  );
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
    '--version',
    `example-${side.name}`,
    '--dataset-id',
    'example_podcasts_v1',
    '--output',
    join(OUT, `${side.name}.yaml`),
    '--episodes',
    '5',
    '--repeat',
    String(repeat),
    '--cwd',
    work,
    '--',
    'python3',
    join(EXAMPLE, 'pipeline.py'),
    '--config',
    side.config,
    '--out',
    '.',
    '--metrics-out',
    'run_metrics.json',
    ...side.extra,
  ]);
  // The experiment: quality, latency and cost against the bundled reference summaries.
  run('python3', [join(EXAMPLE, 'experiment.py'), '--config', side.config, '--out', join(OUT, `${side.name}.eval`), ...side.extra]);
}

// The gate: thresholds from the issue, diff, decision, report (exit 1 is a non-passing decision,
// which is still a demo that worked; 2 would be bad input).
const gateOut = join(OUT, 'gate');
console.log('\n=== gate: the candidate against the baseline, on the thresholds of examples/issue.md');
const gateArgs = [
  cli,
  'gate',
  '--issue-file',
  join(ROOT, 'examples', 'issue.md'),
  '--baseline',
  ...runsOf('baseline'),
  '--candidate',
  ...runsOf('candidate'),
  '--eval-baseline',
  join(OUT, 'baseline.eval'),
  '--eval-candidate',
  join(OUT, 'candidate.eval'),
  '--fail-on',
  'reject',
  '--out',
  gateOut,
];
console.log(`$ ${[process.execPath, ...gateArgs].join(' ').replaceAll(`${ROOT}/`, '').replace(process.execPath, 'node')}`);
const gate = spawnSync(process.execPath, gateArgs, { stdio: 'inherit', cwd: ROOT });
if (gate.status !== 0 && gate.status !== 1) {
  console.error(`demo: the gate exited with ${gate.status ?? gate.signal}`);
  process.exit(1);
}
const report = readFileSync(join(gateOut, 'report.md'), 'utf8');
const verdictEnd = report.indexOf('<details>');
console.log(`\n--- ${relative(ROOT, join(gateOut, 'report.md'))} (top) ---\n`);
console.log(report.slice(0, verdictEnd > 0 ? verdictEnd : 3000).trimEnd());
console.log('\nwrote (in out/):');
for (const side of ['baseline', 'candidate']) {
  console.log(`  ${side}.yaml  ${side}.stage_truth.json  ${side}.samples.jsonl  ${side}.events.jsonl  ${side}.eval/{metrics.json,eval_pipeline_metrics.json}`);
}
console.log('  gate/report.md  gate/gate.json');
console.log(
  `\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s: decision ${JSON.parse(readFileSync(join(gateOut, 'gate.json'), 'utf8')).decision}; the full report is ${relative(ROOT, join(gateOut, 'report.md'))}.`,
);
