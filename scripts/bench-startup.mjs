// `npm run bench:startup`: how fast things start, against node's own start in the same run.
//   - bundle sizes: each entry of dist/ and what it loads before running (its static imports);
//   - the post step with nothing to do (main measured nothing; main completed and uploaded): wall time
//     of `node dist/post.js`, target < 200 ms;
//   - the action's main step up to its first decision (no inputs: it fails fast) — its cold start;
//   - the freeze: from the call (the API) or the CLI process start to the measured command's first
//     instruction (the command stamps the time itself), target < 100 ms for the call; with the time the
//     environment details take (python3 --version, git), which the freeze used to spend first.
// `--compare-ref REF` also measures the dist/ committed at REF (e.g. the branch point) in the same run.
// Prints a table and writes out/bench-startup.json.  Usage: node scripts/bench-startup.mjs [--rounds N] [--compare-ref REF]
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROUNDS = Number(option('--rounds', '7'));
const COMPARE_REF = option('--compare-ref', undefined);
const TARGETS = { postMs: 200, commandStartMs: 100 };
if (!existsSync(join(ROOT, 'dist', 'post.js'))) {
  console.error('bench-startup: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}

const work = join(ROOT, '.tmp', 'bench', `startup-${Date.now()}`);
mkdirSync(work, { recursive: true });
const r = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const stats = (xs) => {
  const s = sorted(xs);
  return { min: r(s[0]), median: r(s[Math.floor(s.length / 2)]), max: r(s[s.length - 1]) };
};

/** Files of a dist/ (the working tree's, or the one committed at a ref, copied out) → its directory. */
function distAt(ref) {
  if (!ref) return join(ROOT, 'dist');
  const dir = join(work, `dist-${ref.replace(/[^\w.-]/g, '_')}`, 'dist');
  const files = execFileSync('git', ['ls-tree', '-r', '--name-only', ref, 'dist/'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  for (const file of files) {
    mkdirSync(dirname(join(dir, '..', file)), { recursive: true });
    writeFileSync(join(dir, '..', file), execFileSync('git', ['show', `${ref}:${file}`], { cwd: ROOT, maxBuffer: 64 << 20 }));
  }
  // The bundle imports its dependencies from node_modules beside it.
  return dir;
}

/** Bytes an entry loads before it runs: itself and its static imports, transitively (dynamic imports wait for use). */
function staticClosure(dist, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) visit(resolve(dirname(file), match[1]));
  };
  visit(join(dist, entry));
  return [...seen].reduce((sum, file) => sum + readFileSync(file).length, 0);
}

function bundleSizes(dist) {
  const files = [...readdirSync(dist).filter((f) => f.endsWith('.js')), ...readdirSync(join(dist, 'chunks')).map((f) => `chunks/${f}`)];
  const total = files.reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0);
  const largest = files.map((f) => ({ file: f, kb: r(readFileSync(join(dist, f)).length / 1024) })).sort((a, b) => b.kb - a.kb)[0];
  const entries = Object.fromEntries(['main.js', 'post.js', 'cli.js'].map((e) => [e, { file_kb: r(readFileSync(join(dist, e)).length / 1024), loads_at_start_kb: r(staticClosure(dist, e) / 1024) }]));
  return { files: files.length, total_kb: r(total / 1024), largest, entries };
}

const USAGE_HOOK = pathToFileURL(join(ROOT, 'scripts', 'bench', 'report-usage.mjs')).href;

/** Wall time of a fresh node process running `argv`, and its own CPU time (less sensitive to a busy host), ms. */
function wallMs(argv, env = {}) {
  const usage = join(work, 'usage.json');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', USAGE_HOOK, ...argv], { cwd: work, env: { ...process.env, ...env, BENCH_USAGE: usage }, encoding: 'utf8' });
  const ms = performance.now() - started;
  return { ms, cpuMs: JSON.parse(readFileSync(usage, 'utf8')).cpu_ms, status: child.status, out: `${child.stdout}${child.stderr}` };
}

/** The runner's environment for a post step whose main left `state` (STATE_<name>). */
function postEnv(state) {
  const env = { GITHUB_ACTIONS: 'true', RUNNER_TEMP: work, GITHUB_WORKSPACE: work };
  for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value;
  return env;
}

// Interleaved rounds: each case sees the same machine load.
function timeCases(cases) {
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, { wall: [], cpu: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(cases)) {
      const { ms, cpuMs, status, out } = run();
      if (run.expectStatus !== undefined && status !== run.expectStatus) throw new Error(`${name}: exit ${status}: ${out}`);
      times[name].wall.push(ms);
      times[name].cpu.push(cpuMs);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, { wall: stats(t.wall), cpu: stats(t.cpu) }]));
}

const dists = { now: distAt(undefined), ...(COMPARE_REF ? { [COMPARE_REF]: distAt(COMPARE_REF) } : {}) };
if (COMPARE_REF) {
  // A copied dist resolves packages from the node_modules next to it.
  const link = join(dists[COMPARE_REF], '..', 'node_modules');
  if (!existsSync(link)) execFileSync('ln', ['-s', join(ROOT, 'node_modules'), link]);
}
const sizes = Object.fromEntries(Object.entries(dists).map(([k, d]) => [k, bundleSizes(d)]));

const emptyOut = join(work, 'empty-out');
mkdirSync(emptyOut, { recursive: true });
const cases = {
  'node -e 0 (reference)': Object.assign(() => wallMs(['-e', '0']), { expectStatus: 0 }),
};
for (const [label, dist] of Object.entries(dists)) {
  cases[`post, nothing measured [${label}]`] = Object.assign(() => wallMs([join(dist, 'post.js')], postEnv({ 'output-dir': emptyOut })), { expectStatus: 0 });
  cases[`post, main completed and uploaded [${label}]`] = Object.assign(() => wallMs([join(dist, 'post.js')], postEnv({ 'output-dir': ROOT, completed: 'true', 'artifact-uploaded': 'true' })), {
    expectStatus: 0,
  });
  // No inputs: main reads its config and fails the step, after loading everything it loads at start.
  cases[`main, cold start to first error [${label}]`] = () => wallMs([join(dist, 'main.js')], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: work, INPUT_MODE: 'no-such-mode' });
  cases[`cli --help [${label}]`] = Object.assign(() => wallMs([join(dist, 'cli.js'), '--help']), { expectStatus: 0 });
}
const startup = timeCases(cases);

// The freeze's start: the measured command stamps its first instruction (bash's $EPOCHREALTIME).
const cache = join(ROOT, 'node_modules', '.cache', 'optimization-gate', 'bench', 'measure.mjs');
await build({ entryPoints: [join(ROOT, 'src/measure/index.ts')], outfile: cache, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const measure = await import(pathToFileURL(cache).href);
const stamp = (file) => ['bash', '-c', 'echo "$EPOCHREALTIME" >> "$1"', 'stamp', file];
/** The first stamp: with a warm-up, the first command to start is the warm-up run. */
const stampedMs = (file) => Number(readFileSync(file, 'utf8').split('\n')[0]) * 1000;
const freezeStart = { api_warmup0: [], api_warmup1: [], cli_warmup0: [], environment_details: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const warmup of [0, 1]) {
    const file = join(work, `stamp-${round}-${warmup}.txt`);
    const called = Date.now();
    await measure.freeze({ version: 'b', datasetId: 'b', output: join(work, `f-${round}-${warmup}.yaml`), command: stamp(file), warmup, cwd: ROOT, sampleIntervalS: 0.5, commandOutput: 'ignore' });
    freezeStart[`api_warmup${warmup}`].push(stampedMs(file) - called);
  }
  const file = join(work, `stamp-cli-${round}.txt`);
  const spawned = Date.now();
  const cli = spawnSync(
    process.execPath,
    [join(ROOT, 'dist', 'cli.js'), 'freeze', '--version', 'b', '--dataset-id', 'b', '--output', join(work, `c-${round}.yaml`), '--warmup', '0', '--', ...stamp(file)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (cli.status !== 0) throw new Error(`cli freeze: ${cli.stderr}`);
  freezeStart.cli_warmup0.push(stampedMs(file) - spawned);
  const before = performance.now();
  await measure.defaultMeasureDeps().environment.full(ROOT);
  freezeStart.environment_details.push(performance.now() - before);
}
const start = Object.fromEntries(Object.entries(freezeStart).map(([k, xs]) => [k, stats(xs)]));

const node = startup['node -e 0 (reference)'];
console.log(`\nbundle sizes (KiB; "at start": the entry and its static imports)`);
for (const [label, s] of Object.entries(sizes)) {
  console.log(`  [${label}] ${s.files} files, ${s.total_kb} KiB in all, largest ${s.largest.file} ${s.largest.kb} KiB`);
  for (const [entry, e] of Object.entries(s.entries)) console.log(`    ${entry.padEnd(8)} ${String(e.file_kb).padStart(8)} KiB, loads ${String(e.loads_at_start_kb).padStart(8)} KiB at start`);
}
console.log(`\na fresh process, ms (min / median / max of ${ROUNDS}, interleaved): wall, then its own CPU; node -e 0 is the reference`);
const triple = (s) => `${String(s.min).padStart(7)} ${String(s.median).padStart(7)} ${String(s.max).padStart(7)}`;
for (const [name, s] of Object.entries(startup)) {
  console.log(`  ${name.padEnd(46)} wall ${triple(s.wall)} (×${r(s.wall.median / node.wall.median, 2)})   CPU ${triple(s.cpu)} (×${r(s.cpu.median / node.cpu.median, 2)})`);
}
console.log(`\nfreeze: the measured command's first instruction after the start, ms (min / median / max of ${ROUNDS})`);
const labels = {
  api_warmup0: 'freeze() call → command (warmup 0)',
  api_warmup1: 'freeze() call → first command (warmup 1)',
  cli_warmup0: 'CLI process spawn → command (warmup 0)',
  environment_details: 'environment details (python3, git), now after the start',
};
for (const [k, s] of Object.entries(start)) console.log(`  ${labels[k].padEnd(56)} ${String(s.min).padStart(7)} ${String(s.median).padStart(7)} ${String(s.max).padStart(7)}`);

const post = startup['post, nothing measured [now]'].wall;
const verdicts = {
  post_under_200ms: post.median < TARGETS.postMs,
  command_start_under_100ms: start.api_warmup0.median < TARGETS.commandStartMs && start.api_warmup1.median < TARGETS.commandStartMs,
};
console.log(
  `\ntargets: post (nothing to do) < ${TARGETS.postMs} ms: ${verdicts.post_under_200ms ? 'met' : 'MISSED'} (median ${post.median} ms wall, node alone ${node.wall.median} ms on this host); command start < ${TARGETS.commandStartMs} ms: ${verdicts.command_start_under_100ms ? 'met' : 'MISSED'}`,
);

const out = join(ROOT, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'bench-startup.json'),
  `${JSON.stringify({ when: new Date().toISOString(), node: process.version, rounds: ROUNDS, compare_ref: COMPARE_REF ?? null, sizes, startup_ms: startup, freeze_start_ms: start, targets: TARGETS, verdicts }, null, 2)}\n`,
);
console.log(`wrote ${relative(ROOT, join(out, 'bench-startup.json'))}`);
rmSync(work, { recursive: true, force: true });
