// `npm run bench`: how exact and how cheap the native freeze's sampler is, on a workload with known
// ground truth (scripts/bench/workload.py) and against an independent 20 Hz PSS meter running in the
// same run (scripts/bench/pss_meter.py). Prints a table and writes out/bench-sampler.json.
// Numbers are as noisy as the machine: on a shared host, read them with that caveat.
// Usage: node scripts/bench-sampler.mjs [--rounds N] [--strict] [--keep]
//   --strict: exit 1 when a target is missed; --keep: keep the work directory (samples, profiles).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 3;
const STRICT = args.includes('--strict');
const KEEP = args.includes('--keep');
const RATES_HZ = [2, 10];
const METER_HZ = 20;
const TARGETS = { peakErrorPct: 3, costPctOfCore: { 2: 0.3, 10: 1.5 } };
const KNOWN_MB = 200 + 3 * 50;
const WORKLOAD_ENV = { BENCH_PARENT_MB: '200', BENCH_CHILD_MB: '50', BENCH_CHILDREN: '3' };

if (process.platform !== 'linux' || !existsSync('/proc/self/smaps_rollup')) {
  console.error('bench-sampler: needs Linux with /proc/<pid>/smaps_rollup (the PSS reference meter reads it).');
  process.exit(1);
}

// The measuring code is TypeScript: bundle it once (dependencies stay in node_modules; the bundle
// goes to node_modules/.cache, out of the way of git and the linter).
const bundle = join(ROOT, 'node_modules', '.cache', 'optimization-gate', 'bench', 'measure.mjs');
await build({ entryPoints: [join(ROOT, 'src/measure/index.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const measure = await import(pathToFileURL(bundle).href);

const work = join(ROOT, '.tmp', 'bench', `run-${Date.now()}`);
mkdirSync(work, { recursive: true });
const WORKLOAD = join(ROOT, 'scripts/bench/workload.py');
const METER = join(ROOT, 'scripts/bench/pss_meter.py');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

function startMeter(rootPid, out) {
  const meter = spawn('python3', [METER, String(rootPid), String(METER_HZ), out], { stdio: 'inherit' });
  return new Promise((done) => meter.on('exit', () => done(JSON.parse(readFileSync(out, 'utf8')))));
}

/** A command runner that brackets the run (spawn → exit) with our own CPU time and starts the reference meter on the root. */
function instrumentedRunner(tag) {
  const base = measure.defaultMeasureDeps().commands;
  const probe = { meter: undefined, cpuAtStart: 0, cpuAtExit: 0, wallS: 0 };
  return {
    probe,
    runner: {
      async start(spec) {
        const running = await base.start(spec);
        probe.cpuAtStart = cpuMs();
        probe.meter = startMeter(running.pid, join(work, `${tag}.meter.json`));
        const exited = running.exited.then((exit) => {
          probe.cpuAtExit = cpuMs();
          probe.wallS = exit.endedAt - running.startedAt;
          return exit;
        });
        return { ...running, pid: running.pid, startedAt: running.startedAt, exited, signalGroup: running.signalGroup, signalProcess: running.signalProcess };
      },
    },
  };
}

const cpuPerS = (probe) => (probe.cpuAtExit - probe.cpuAtStart) / probe.wallS;

/** Spawn + meter + wait, no freeze: what our process costs anyway. */
async function bareRun(tag) {
  const { probe, runner } = instrumentedRunner(tag);
  const running = await runner.start({ argv: ['python3', WORKLOAD, join(work, `${tag}.truth.json`)], cwd: work, env: { ...process.env, ...WORKLOAD_ENV }, output: 'inherit' });
  await running.exited;
  await probe.meter;
  return cpuPerS(probe);
}

/** A probe that reads nothing: the freeze's harness (timer, samples file, events) without the sampling. */
const nullProbe = () => ({ memoryMetric: 'pss_sum', read: () => ({ memoryKb: 0, rssKb: 0, cpuSeconds: 0, processes: 1 }), members: () => [], close() {} });

function freezeRun(tag, hz, stages, deps = {}) {
  return measure.freeze(
    { version: tag, datasetId: 'bench', output: join(work, `${tag}.yaml`), command: ['python3', WORKLOAD, join(work, `${tag}.truth.json`)], sampleIntervalS: 1 / hz, warmup: 0, cwd: work, env: WORKLOAD_ENV, commandOutput: 'inherit', stages },
    deps,
  );
}

async function harnessRun(tag, hz) {
  const { probe, runner } = instrumentedRunner(tag);
  await freezeRun(tag, hz, 'auto', { commands: runner, probeFactory: nullProbe });
  await probe.meter;
  return cpuPerS(probe);
}

/** One freeze of the workload, checked against the meter and the workload's own clock. `stages`: `auto` (events win) or `status-file`. */
async function sampledRun(tag, hz, stages) {
  const { probe, runner } = instrumentedRunner(tag);
  const result = await freezeRun(tag, hz, stages, { commands: runner });
  const meter = await probe.meter;
  const run = result.runs[0];
  const truth = JSON.parse(readFileSync(join(work, `${tag}.truth.json`), 'utf8'));
  const samples = measure.parseSamplesFile(readFileSync(run.files.samples, 'utf8'), run.files.samples).samples;
  const interval = 1 / hz;
  const late = samples.slice(2, -1).map((s, i) => Math.abs(s.t - samples[i + 1].t - interval) * 1000); // regular ticks only
  // Events are in their file whatever the source was; the status file is only polled in status-file runs.
  const byEvents = stages === 'auto' ? run : measure.rebuildFromSamples(run.files.samples, { write: false, stageSource: { kind: 'events' } });
  const stageErrors = truth.spans.map(({ stage, start, end }) => {
    const own = end - start;
    const viaEvents = byEvents.profile.stages[stage]?.wall_time_s ?? 0;
    const viaStatus = stages === 'status-file' ? (run.profile.stages[stage]?.wall_time_s ?? 0) : null;
    return {
      stage,
      own_s: r(own, 4),
      events_s: viaEvents,
      events_error_s: r(Math.abs(viaEvents - own), 4),
      events_error_intervals: r(Math.abs(viaEvents - own) / interval, 3),
      status_file_s: viaStatus,
      status_file_error_s: viaStatus === null ? null : r(Math.abs(viaStatus - own), 4),
      status_file_error_intervals: viaStatus === null ? null : r(Math.abs(viaStatus - own) / interval, 3),
    };
  });
  const freezePeak = run.truth.global_peak_rss_mb_sampled;
  return {
    tag,
    hz,
    stage_source: stages,
    status: result.status,
    wall_s: r(probe.wallS, 3),
    samples: samples.length,
    achieved_hz: r((samples.length - 1) / (samples.at(-1).t - samples[0].t), 3),
    interval_p95_late_ms: r(late.sort((a, b) => a - b)[Math.floor(late.length * 0.95)] ?? 0, 1),
    pss: { snapshots: run.truth.pss_snapshots, copy_on_write_snapshots: run.truth.pss_snapshots_copy_on_write, reads: run.truth.pss_reads, read_ms: run.truth.pss_read_ms },
    peak: {
      freeze_pss_mb: freezePeak,
      meter_pss_mb: r(meter.peak_pss_mb),
      error_pct_vs_meter: r(((freezePeak - meter.peak_pss_mb) / meter.peak_pss_mb) * 100, 3),
      known_allocation_mb: KNOWN_MB,
      error_pct_vs_known: r(((freezePeak - KNOWN_MB) / KNOWN_MB) * 100, 2),
      rss_sum_mb: run.truth.global_peak_rss_sum_mb_sampled,
      self_only_rss_mb: r(meter.peak_root_rss_mb),
      meter_achieved_hz: r(meter.achieved_hz, 1),
    },
    cpu_pct: Object.fromEntries(
      ['cpu_one', 'cpu_two'].map((stage) => [
        stage,
        { freeze: byEvents.profile.stages[stage]?.avg_cpu_pct ?? null, workload_own: r(truth.spans.find((s) => s.stage === stage)?.cpu_pct), nominal: stage === 'cpu_one' ? 100 : 200 },
      ]),
    ),
    stages: stageErrors,
    cpu_ms_per_s: cpuPerS(probe),
  };
}

console.error(
  `bench-sampler: ${ROUNDS} round(s) of [spawn + wait; then at ${RATES_HZ.join(' and ')} Hz: the freeze's harness alone, the freeze (events), the freeze (status file)], ` +
    `an independent ${METER_HZ} Hz PSS meter on every run; work dir ${work}`,
);
// A first, unrecorded round: the first runs in a process pay for compiling the code paths.
await bareRun('warmup-bare');
for (const hz of RATES_HZ) await sampledRun(`warmup-${hz}hz`, hz, 'auto');
const costs = [];
const runs = [];
for (let round = 1; round <= ROUNDS; round++) {
  const bare = await bareRun(`bare-r${round}`);
  for (const hz of RATES_HZ) {
    const harness = await harnessRun(`harness-${hz}hz-r${round}`, hz);
    const events = await sampledRun(`events-${hz}hz-r${round}`, hz, 'auto');
    const status = await sampledRun(`status-${hz}hz-r${round}`, hz, 'status-file');
    runs.push(events, status);
    // The sampler: the freeze minus the same harness without sampling. The whole freeze: minus spawn + wait.
    costs.push({ hz, round, bare: r(bare, 3), harness: r(harness - bare, 3), sampler: r(events.cpu_ms_per_s - harness, 3), whole: r(events.cpu_ms_per_s - bare, 3), sampler_status_file: r(status.cpu_ms_per_s - harness, 3) });
    console.error(`  round ${round} ${hz} Hz: peak error ${events.peak.error_pct_vs_meter} % / ${status.peak.error_pct_vs_meter} %, sampler ${costs.at(-1).sampler} ms/s`);
  }
}

const summary = RATES_HZ.map((hz) => {
  const mine = runs.filter((x) => x.hz === hz);
  const cost = costs.filter((c) => c.hz === hz);
  const sampler = median(cost.map((c) => c.sampler));
  const worstPeak = Math.max(...mine.map((x) => Math.abs(x.peak.error_pct_vs_meter)));
  const worstEvents = Math.max(...mine.flatMap((x) => x.stages.map((s) => s.events_error_intervals)));
  const worstStatus = Math.max(...mine.flatMap((x) => x.stages.map((s) => s.status_file_error_intervals ?? 0)));
  const events = mine.filter((x) => x.stage_source === 'auto');
  return {
    hz,
    runs: mine.length,
    worst_peak_error_pct: r(worstPeak, 3),
    worst_stage_error_intervals_events: r(worstEvents, 3),
    worst_stage_error_intervals_status_file: r(worstStatus, 3),
    sampler_cpu_ms_per_s_median: r(sampler, 3),
    sampler_pct_of_core_median: r(sampler / 10, 4),
    sampler_status_file_cpu_ms_per_s_median: r(median(cost.map((c) => c.sampler_status_file)), 3),
    harness_cpu_ms_per_s_median: r(median(cost.map((c) => c.harness)), 3),
    whole_freeze_cpu_ms_per_s_median: r(median(cost.map((c) => c.whole)), 3),
    achieved_hz_median: r(median(mine.map((x) => x.achieved_hz)), 3),
    cpu_one_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_one.freeze))),
    cpu_one_own_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_one.workload_own))),
    cpu_two_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_two.freeze))),
    cpu_two_own_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_two.workload_own))),
    targets: {
      peak_within_3pct: worstPeak <= TARGETS.peakErrorPct,
      stage_wall_within_one_interval: worstEvents <= 1 && worstStatus <= 1,
      sampler_cost: sampler / 10 <= TARGETS.costPctOfCore[hz],
    },
  };
});

const last = runs.filter((x) => x.stage_source === 'status-file').at(-1);
const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('');
const W = [7, 11, 8, 13, 15, 16, 9, 9, 11, 10, 9];
console.log(
  [
    '',
    `sampler benchmark: ${ROUNDS} rounds after a warm-up round. Workload: a 200 MiB parent, 3 forked children × 50 MiB (known ${KNOWN_MB} MiB),`,
    `CPU stages on 1 and 2 processes, a 0.15 s stage. Reference: an independent ${METER_HZ} Hz PSS meter (Python) in the same run.`,
    '',
    row(['rate', 'peak err', 'stage err (intervals)', '', 'CPU % (workload own)', '', 'sampler', '', 'harness', 'whole', 'achieved'], W),
    row(['', 'vs meter', 'events', 'status file', 'cpu_one', 'cpu_two', 'ms/s', '% core', 'ms/s', 'ms/s', 'Hz'], W),
    ...summary.map((s) =>
      row(
        [
          `${s.hz} Hz`,
          `${s.worst_peak_error_pct} %`,
          s.worst_stage_error_intervals_events,
          s.worst_stage_error_intervals_status_file,
          `${s.cpu_one_pct_median} (${s.cpu_one_own_pct_median})`,
          `${s.cpu_two_pct_median} (${s.cpu_two_own_pct_median})`,
          s.sampler_cpu_ms_per_s_median,
          `${s.sampler_pct_of_core_median} %`,
          s.harness_cpu_ms_per_s_median,
          s.whole_freeze_cpu_ms_per_s_median,
          s.achieved_hz_median,
        ],
        W,
      ),
    ),
    '',
    'peak err: worst |freeze − meter| / meter over all runs. stage err: worst |freeze − workload clock|, in sample intervals.',
    'CPU %: nominal 100 and 200; the workload\'s own os.times() account (in brackets) is lower when the machine is busy.',
    'Our CPU per second of wall, medians over the rounds: sampler = the freeze − the same harness without sampling (a probe',
    'that reads nothing); harness = that − spawn + wait (timer wake-ups, samples file); whole = the freeze − spawn + wait.',
    `With the status file polled every tick instead of events, the sampler costs ${summary.map((s) => `${s.sampler_status_file_cpu_ms_per_s_median} ms/s at ${s.hz} Hz`).join(', ')}.`,
    '',
    `memory in the last run (${last.tag}): freeze PSS ${last.peak.freeze_pss_mb} MiB, meter PSS ${last.peak.meter_pss_mb} MiB, known allocation ${KNOWN_MB} MiB;`,
    `  an RSS sum would say ${last.peak.rss_sum_mb} MiB (shared pages counted per process), sampling the root alone ${last.peak.self_only_rss_mb} MiB`,
    `stage walls in that run, workload clock → events / status file (s): ${last.stages.map((s) => `${s.stage} ${s.own_s} → ${s.events_s} / ${s.status_file_s}`).join('; ')}`,
    '',
    ...summary.flatMap((s) =>
      Object.entries(s.targets).map(([name, ok]) => `${ok ? 'met   ' : 'MISSED'}  ${s.hz} Hz ${name.replaceAll('_', ' ')}${name === 'sampler_cost' ? ` (target ${TARGETS.costPctOfCore[s.hz]} % of a core)` : ''}`),
    ),
  ].join('\n'),
);

mkdirSync(join(ROOT, 'out'), { recursive: true });
const report = { generated_at: new Date().toISOString(), rounds: ROUNDS, meter_hz: METER_HZ, known_allocation_mb: KNOWN_MB, targets: TARGETS, summary, costs, runs, caveat: 'Timing numbers depend on the load of the machine at the time.' };
writeFileSync(join(ROOT, 'out', 'bench-sampler.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('\nwrote out/bench-sampler.json');
if (KEEP) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
const missed = summary.some((s) => Object.values(s.targets).some((ok) => !ok));
process.exitCode = STRICT && missed ? 1 : 0;
