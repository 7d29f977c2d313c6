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
import { setImmediate } from 'node:timers';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 3;
const STRICT = args.includes('--strict');
const KEEP = args.includes('--keep');
const RATES_HZ = [2, 10];
const METER_HZ = 20;
const TARGETS = { peakErrorPct: 3, costPctOfCore: { 2: 0.3, 10: 1.5 } };

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
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

function startMeter(rootPid, out) {
  const meter = spawn('python3', [METER, String(rootPid), String(METER_HZ), out], { stdio: 'inherit' });
  return new Promise((done) => meter.on('exit', () => done(JSON.parse(readFileSync(out, 'utf8')))));
}

/**
 * A clock whose timer callbacks are bracketed with our CPU time (until every microtask they start
 * has run): the sampler's own ticks, measured directly, as a cross-check of the ratio method.
 */
function timedClock(acc) {
  const base = measure.defaultMeasureDeps().clock;
  return {
    ...base,
    setTimer(callback, delayMs) {
      return base.setTimer(() => {
        const before = cpuMs();
        callback();
        setImmediate(() => (acc.ms += cpuMs() - before));
      }, delayMs);
    },
  };
}

/** A command runner that brackets the run with our own CPU time and starts the reference meter on the root. */
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

const env = { BENCH_PARENT_MB: '200', BENCH_CHILD_MB: '50', BENCH_CHILDREN: '3' };
const KNOWN_MB = 200 + 3 * 50;

/** The same spawn + meter + wait, without sampling: what the harness costs by itself. */
async function referenceRun(tag) {
  const { probe, runner } = instrumentedRunner(tag);
  const running = await runner.start({ argv: ['python3', WORKLOAD, join(work, `${tag}.truth.json`)], cwd: work, env: { ...process.env, ...env }, output: 'inherit' });
  await running.exited;
  await probe.meter;
  return { cpuMsPerS: (probe.cpuAtExit - probe.cpuAtStart) / probe.wallS, wallS: probe.wallS };
}

/** One freeze of the workload; `stages`: `auto` (events win: the usual case, used for the cost) or `status-file`. */
async function sampledRun(tag, hz, stages) {
  const { probe, runner } = instrumentedRunner(tag);
  const ticks = { ms: 0 };
  const truthPath = join(work, `${tag}.truth.json`);
  const result = await measure.freeze(
    { version: tag, datasetId: 'bench', output: join(work, `${tag}.yaml`), command: ['python3', WORKLOAD, truthPath], sampleIntervalS: 1 / hz, warmup: 0, cwd: work, env, commandOutput: 'inherit', stages },
    { commands: runner, clock: timedClock(ticks) },
  );
  const meter = await probe.meter;
  const run = result.runs[0];
  const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
  const samples = measure.parseSamplesFile(readFileSync(run.files.samples, 'utf8'), run.files.samples).samples;
  const intervals = samples.slice(2, -1).map((s, i) => s.t - samples[i + 1].t); // regular ticks only
  const interval = 1 / hz;
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
      events_error_intervals: r(Math.abs(viaEvents - own) / interval, 3),
      status_file_s: viaStatus,
      status_file_error_intervals: viaStatus === null ? null : r(Math.abs(viaStatus - own) / interval, 3),
    };
  });
  const freezePeak = run.truth.global_peak_rss_mb_sampled;
  const costMsPerS = (probe.cpuAtExit - probe.cpuAtStart) / probe.wallS;
  return {
    tag,
    hz,
    stage_source: stages,
    status: result.status,
    wall_s: r(probe.wallS, 3),
    samples: samples.length,
    achieved_hz: r((samples.length - 1) / (samples.at(-1).t - samples[0].t), 3),
    interval_p95_late_ms: r(intervals.map((d) => Math.abs(d - interval) * 1000).sort((a, b) => a - b)[Math.floor(intervals.length * 0.95)] ?? 0, 1),
    peak: {
      freeze_pss_mb: freezePeak,
      meter_pss_mb: r(meter.peak_pss_mb),
      error_pct_vs_meter: r(((freezePeak - meter.peak_pss_mb) / meter.peak_pss_mb) * 100, 3),
      known_allocation_mb: KNOWN_MB,
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
    sampler_cpu_ms_per_s_raw: costMsPerS,
    sampler_ticks_cpu_ms_per_s: r(ticks.ms / probe.wallS, 3),
  };
}

console.error(`bench-sampler: ${ROUNDS} round(s) of [reference, ${RATES_HZ.map((h) => `${h} Hz`).join(', ')} (events), the same with the status file], meter at ${METER_HZ} Hz; work dir ${work}`);
// A first, unrecorded round: the first runs in a process pay for compiling the code paths.
await referenceRun('warmup-reference');
for (const hz of RATES_HZ) await sampledRun(`warmup-${hz}hz`, hz, 'auto');
const references = [];
const runs = [];
for (let round = 1; round <= ROUNDS; round++) {
  references.push(await referenceRun(`reference-r${round}`));
  for (const stages of ['auto', 'status-file']) {
    for (const hz of RATES_HZ) {
      const run = await sampledRun(`${stages === 'auto' ? 'events' : 'status'}-${hz}hz-r${round}`, hz, stages);
      run.sampler_cpu_ms_per_s = r(run.sampler_cpu_ms_per_s_raw - references.at(-1).cpuMsPerS, 3);
      runs.push(run);
      console.error(`  round ${round} ${hz} Hz ${stages}: peak error ${run.peak.error_pct_vs_meter} %, sampler ${run.sampler_cpu_ms_per_s} ms/s`);
    }
  }
}

// Summary per rate: worst accuracy, median cost.
const summary = RATES_HZ.map((hz) => {
  const mine = runs.filter((x) => x.hz === hz);
  // The cost of the usual configuration (events); status-file runs also poll a file every tick.
  const usual = mine.filter((x) => x.stage_source === 'auto');
  const cost = median(usual.map((x) => x.sampler_cpu_ms_per_s));
  const costStatus = median(mine.filter((x) => x.stage_source === 'status-file').map((x) => x.sampler_cpu_ms_per_s));
  const worstPeak = Math.max(...mine.map((x) => Math.abs(x.peak.error_pct_vs_meter)));
  const worstEvents = Math.max(...mine.flatMap((x) => x.stages.map((s) => s.events_error_intervals)));
  const worstStatus = Math.max(...mine.flatMap((x) => x.stages.map((s) => s.status_file_error_intervals ?? 0)));
  return {
    hz,
    runs: mine.length,
    worst_peak_error_pct: r(worstPeak, 3),
    worst_stage_error_intervals_events: r(worstEvents, 3),
    worst_stage_error_intervals_status_file: r(worstStatus, 3),
    sampler_cpu_ms_per_s_median: r(cost, 3),
    sampler_pct_of_core_median: r(cost / 10, 4),
    sampler_ticks_cpu_ms_per_s_median: r(median(usual.map((x) => x.sampler_ticks_cpu_ms_per_s)), 3),
    sampler_cpu_ms_per_s_median_status_file: r(costStatus, 3),
    achieved_hz_median: r(median(mine.map((x) => x.achieved_hz)), 3),
    cpu_one_pct_median: r(median(mine.map((x) => x.cpu_pct.cpu_one.freeze))),
    cpu_one_own_pct_median: r(median(mine.map((x) => x.cpu_pct.cpu_one.workload_own))),
    cpu_two_pct_median: r(median(mine.map((x) => x.cpu_pct.cpu_two.freeze))),
    cpu_two_own_pct_median: r(median(mine.map((x) => x.cpu_pct.cpu_two.workload_own))),
    targets: {
      peak_within_3pct: worstPeak <= TARGETS.peakErrorPct,
      stage_wall_within_one_interval: worstEvents <= 1 && worstStatus <= 1,
      sampler_cost: cost / 10 <= TARGETS.costPctOfCore[hz],
    },
  };
});

const last = runs.at(-1);
const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('');
const W = [7, 12, 9, 13, 15, 15, 10, 9, 11, 9];
const lines = [
  '',
  `sampler benchmark: ${ROUNDS} rounds after a warm-up round; workload: 200 MiB parent + 3 forked children × 50 MiB (known ${KNOWN_MB} MiB),`,
  `CPU stages on 1 and 2 processes, a 0.15 s stage; reference: an independent ${METER_HZ} Hz PSS meter (Python) in the same run`,
  '',
  row(['rate', 'peak err', 'stage err (intervals)', '', 'CPU % (workload own)', '', 'sampler cost', '', '', 'achieved'], W),
  row(['', 'vs meter', 'events', 'status file', 'cpu_one', 'cpu_two', 'ms/s', '% core', 'ticks ms/s', 'Hz'], W),
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
        s.sampler_ticks_cpu_ms_per_s_median,
        s.achieved_hz_median,
      ],
      W,
    ),
  ),
  '',
  'peak err: worst |freeze − meter| / meter over the rounds. stage err: worst |freeze − workload clock| in sample intervals.',
  'sampler cost: median over rounds of (our CPU per second of wall with the freeze sampling) − (the same without: spawn + wait),',
  `  in the usual configuration (stage events); polling a status file every tick instead: ${summary.map((s) => `${s.sampler_cpu_ms_per_s_median_status_file} ms/s at ${s.hz} Hz`).join(', ')}.`,
  '  "ticks": CPU measured inside the sampler\'s own timer callbacks (a cross-check). CPU %: nominal 100 and 200; the',
  '  workload\'s own os.times() account is lower when the machine is busy.',
  '',
  `memory in the last run (${last.tag}): freeze PSS ${last.peak.freeze_pss_mb} MiB, meter PSS ${last.peak.meter_pss_mb} MiB, known allocation ${KNOWN_MB} MiB;`,
  `  an RSS sum would say ${last.peak.rss_sum_mb} MiB (shared pages counted per process), sampling the root alone ${last.peak.self_only_rss_mb} MiB`,
  `stage walls in the last run (${last.tag}), workload clock → events / status file (s): ${last.stages.map((s) => `${s.stage} ${s.own_s} → ${s.events_s} / ${s.status_file_s}`).join('; ')}`,
  '',
  ...summary.flatMap((s) =>
    Object.entries(s.targets).map(([name, ok]) => `${ok ? 'met   ' : 'MISSED'}  ${s.hz} Hz ${name.replaceAll('_', ' ')}${name === 'sampler_cost' ? ` (target ${TARGETS.costPctOfCore[s.hz]} % of a core)` : ''}`),
  ),
];
console.log(lines.join('\n'));

mkdirSync(join(ROOT, 'out'), { recursive: true });
const report = { generated_at: new Date().toISOString(), rounds: ROUNDS, meter_hz: METER_HZ, known_allocation_mb: KNOWN_MB, summary, references, runs, caveat: 'Timing numbers depend on the load of the machine at the time.' };
writeFileSync(join(ROOT, 'out', 'bench-sampler.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('\nwrote out/bench-sampler.json');
if (KEEP) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
const missed = summary.some((s) => Object.values(s.targets).some((ok) => !ok));
process.exitCode = STRICT && missed ? 1 : 0;
