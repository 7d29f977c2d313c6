// `npm run bench`: how exact and how cheap the native freeze is.
// 1. The sampler: a workload with known ground truth (scripts/bench/workload.py) against an independent
//    20 Hz PSS meter running in the same run (scripts/bench/pss_meter.py); the headline is the freeze's
//    whole CPU (node included), min/median/max over the rounds, and runs where the meter could not keep
//    its rate are named.
// 2. Memory (scripts/bench/memory-bench.mjs): shared mappings, copy-on-write workers, churn, a 2 GiB
//    spike, idle — each workload's own truth, error and cost per method (cgroup, PSS estimator, forced PSS).
// Prints tables and writes out/bench-sampler.json and out/bench-memory.md.
// Numbers are as noisy as the machine: on a shared host, read them with that caveat.
// Usage: node scripts/bench-sampler.mjs [--rounds N] [--only sampler|memory] [--strict] [--keep]
//   --strict: exit 1 when a target is missed; --keep: keep the work directory (samples, profiles).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { memoryTables, runMemoryBench } from './bench/memory-bench.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 3;
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const STRICT = args.includes('--strict');
const KEEP = args.includes('--keep');
const RATES_HZ = [2, 10];
const METER_HZ = 20;
const TARGETS = { peakErrorPct: 3, costPctOfCore: { 2: 0.3, 10: 1.5 }, idleAllInMsPerS: { 2: 3 }, churnAboveIdleMsPerS: { 2: 3 } };
/** Below this share of its rate the meter fell behind (named); below twice the freeze's rate it is no fair reference. */
const METER_KEPT_RATE = 0.9;
const METER_FAIR_VS_FREEZE = 2;
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
    {
      version: tag,
      datasetId: 'bench',
      output: join(work, `${tag}.yaml`),
      command: ['python3', WORKLOAD, join(work, `${tag}.truth.json`)],
      sampleIntervalS: 1 / hz,
      warmup: 0,
      cwd: work,
      env: WORKLOAD_ENV,
      commandOutput: 'inherit',
      stages,
    },
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
  // Like for like: kernel accounting counts anon + shmem, so it is compared with the PSS of those pages.
  const cgroup = run.truth.memory_method?.method === 'cgroup';
  const reference = cgroup ? meter.peak_pss_anon_shmem_mb : meter.peak_pss_mb;
  return {
    tag,
    hz,
    stage_source: stages,
    status: result.status,
    wall_s: r(probe.wallS, 3),
    samples: samples.length,
    achieved_hz: r((samples.length - 1) / (samples.at(-1).t - samples[0].t), 3),
    interval_p95_late_ms: r(late.sort((a, b) => a - b)[Math.floor(late.length * 0.95)] ?? 0, 1),
    memory_method: run.truth.memory_method?.method ?? null,
    pss: { snapshots: run.truth.pss_snapshots, unsafe_snapshots: run.truth.pss_snapshots_unsafe, reads: run.truth.pss_reads, read_ms: run.truth.pss_read_ms },
    peak: {
      freeze_pss_mb: freezePeak,
      meter_pss_mb: r(meter.peak_pss_mb),
      meter_reference: cgroup ? 'pss_anon_shmem' : 'pss',
      meter_reference_mb: r(reference),
      error_pct_vs_meter: r(((freezePeak - reference) / reference) * 100, 3),
      known_allocation_mb: KNOWN_MB,
      error_pct_vs_known: r(((freezePeak - KNOWN_MB) / KNOWN_MB) * 100, 2),
      rss_sum_mb: run.truth.global_peak_rss_sum_mb_sampled,
      self_only_rss_mb: r(meter.peak_root_rss_mb),
      meter_achieved_hz: r(meter.achieved_hz, 1),
      meter_kept_rate: meter.achieved_hz >= METER_KEPT_RATE * METER_HZ,
      // A meter no denser than the freeze may miss the peak the freeze saw: no fair reference then.
      meter_fair: meter.achieved_hz >= METER_FAIR_VS_FREEZE * hz,
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

async function samplerBench() {
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
      // All-in: this whole process (the freeze, node included) from spawn to exit. The sampler: the freeze
      // minus the same harness without sampling. The whole freeze: minus spawn + wait.
      costs.push({
        hz,
        round,
        all_in: r(events.cpu_ms_per_s, 3),
        bare: r(bare, 3),
        harness: r(harness - bare, 3),
        sampler: r(events.cpu_ms_per_s - harness, 3),
        whole: r(events.cpu_ms_per_s - bare, 3),
        sampler_status_file: r(status.cpu_ms_per_s - harness, 3),
      });
      console.error(
        `  round ${round} ${hz} Hz: peak error ${events.peak.error_pct_vs_meter} % / ${status.peak.error_pct_vs_meter} % (meter ${events.peak.meter_achieved_hz} / ${status.peak.meter_achieved_hz} Hz), all-in ${costs.at(-1).all_in} ms/s`,
      );
    }
  }
  const spread = (xs) => ({ min: r(Math.min(...xs), 3), median: r(median(xs), 3), max: r(Math.max(...xs), 3) });
  const summary = RATES_HZ.map((hz) => {
    const mine = runs.filter((x) => x.hz === hz);
    const fair = mine.filter((x) => x.peak.meter_fair);
    const cost = costs.filter((c) => c.hz === hz);
    const allIn = spread(cost.map((c) => c.all_in));
    const worstPeak = fair.length > 0 ? Math.max(...fair.map((x) => Math.abs(x.peak.error_pct_vs_meter))) : null;
    const worstEvents = Math.max(...mine.flatMap((x) => x.stages.map((s) => s.events_error_intervals)));
    const worstStatus = Math.max(...mine.flatMap((x) => x.stages.map((s) => s.status_file_error_intervals ?? 0)));
    const events = mine.filter((x) => x.stage_source === 'auto');
    return {
      hz,
      runs: mine.length,
      memory_method: mine[0]?.memory_method ?? null,
      all_in_cpu_ms_per_s: allIn,
      worst_peak_error_pct: r(worstPeak, 3),
      meter_behind: mine.filter((x) => !x.peak.meter_kept_rate).map((x) => `${x.tag} (${x.peak.meter_achieved_hz} Hz${x.peak.meter_fair ? '' : ', left out'}, error ${x.peak.error_pct_vs_meter} %)`),
      worst_stage_error_intervals_events: r(worstEvents, 3),
      worst_stage_error_intervals_status_file: r(worstStatus, 3),
      sampler_cpu_ms_per_s: spread(cost.map((c) => c.sampler)),
      harness_cpu_ms_per_s_median: r(median(cost.map((c) => c.harness)), 3),
      whole_freeze_cpu_ms_per_s_median: r(median(cost.map((c) => c.whole)), 3),
      sampler_status_file_cpu_ms_per_s_median: r(median(cost.map((c) => c.sampler_status_file)), 3),
      achieved_hz_median: r(median(mine.map((x) => x.achieved_hz)), 3),
      cpu_one_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_one.freeze))),
      cpu_one_own_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_one.workload_own))),
      cpu_two_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_two.freeze))),
      cpu_two_own_pct_median: r(median(events.map((x) => x.cpu_pct.cpu_two.workload_own))),
      targets: {
        peak_within_3pct: worstPeak !== null && worstPeak <= TARGETS.peakErrorPct,
        stage_wall_within_one_interval: worstEvents <= 1 && worstStatus <= 1,
        sampler_cost: median(cost.map((c) => c.sampler)) / 10 <= TARGETS.costPctOfCore[hz],
      },
    };
  });
  const last = runs.filter((x) => x.stage_source === 'status-file').at(-1);
  const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('');
  const W = [7, 22, 11, 8, 13, 15, 16, 18, 10];
  const lines = [
    '',
    `sampler benchmark: ${ROUNDS} rounds after a warm-up round. Workload: a 200 MiB parent, 3 forked children × 50 MiB (known ${KNOWN_MB} MiB),`,
    `CPU stages on 1 and 2 processes, a 0.15 s stage. Reference: an independent ${METER_HZ} Hz PSS meter (Python) in the same run. Memory method: ${summary[0]?.memory_method}.`,
    '',
    row(['rate', 'freeze CPU, all-in', 'peak err', 'stage err (intervals)', '', 'CPU % (workload own)', '', 'sampler only', 'achieved'], W),
    row(['', 'ms/s min/median/max', 'vs meter', 'events', 'status file', 'cpu_one', 'cpu_two', 'ms/s median', 'Hz'], W),
    ...summary.map((x) =>
      row(
        [
          `${x.hz} Hz`,
          `${x.all_in_cpu_ms_per_s.min} / ${x.all_in_cpu_ms_per_s.median} / ${x.all_in_cpu_ms_per_s.max}`,
          x.worst_peak_error_pct === null ? 'n/a' : `${x.worst_peak_error_pct} %`,
          x.worst_stage_error_intervals_events,
          x.worst_stage_error_intervals_status_file,
          `${x.cpu_one_pct_median} (${x.cpu_one_own_pct_median})`,
          `${x.cpu_two_pct_median} (${x.cpu_two_own_pct_median})`,
          x.sampler_cpu_ms_per_s.median,
          x.achieved_hz_median,
        ],
        W,
      ),
    ),
    '',
    'freeze CPU, all-in: the CPU of this whole node process (the freeze: sampler, timers, samples file, node itself) per second of the run,',
    'from spawn to exit, over the rounds. sampler only: that minus the same freeze with a probe that reads nothing.',
    `peak err: worst |freeze − meter| / meter over the runs where the meter sampled at least ${METER_FAIR_VS_FREEZE}× the freeze's rate (meter's PSS; for kernel`,
    'accounting its PSS of anonymous + shared pages, what a cgroup counts); stage err: worst |freeze − workload clock| in intervals.',
    ...summary.flatMap((x) => (x.meter_behind.length > 0 ? [`the ${METER_HZ} Hz meter could not keep its rate at ${x.hz} Hz in: ${x.meter_behind.join('; ')}`] : [])),
    `the freeze's peak over all runs: ${r(Math.min(...runs.map((x) => x.peak.freeze_pss_mb)))}–${r(Math.max(...runs.map((x) => x.peak.freeze_pss_mb)))} MiB; the meter's reference: ` +
      `${r(Math.min(...runs.map((x) => x.peak.meter_reference_mb)))}–${r(Math.max(...runs.map((x) => x.peak.meter_reference_mb)))} MiB (a meter pass that straddles a fork or an exit reads shares twice).`,
    `With the status file polled every tick instead of events, the sampler costs ${summary.map((x) => `${x.sampler_status_file_cpu_ms_per_s_median} ms/s at ${x.hz} Hz`).join(', ')}.`,
    '',
    `memory in the last run (${last.tag}): freeze ${last.peak.freeze_pss_mb} MiB, meter PSS ${last.peak.meter_pss_mb} MiB (${last.peak.meter_reference} ${last.peak.meter_reference_mb}), known allocation ${KNOWN_MB} MiB;`,
    `  an RSS sum would say more (shared pages counted per process), sampling the root alone ${last.peak.self_only_rss_mb} MiB`,
    `stage walls in that run, workload clock → events / status file (s): ${last.stages.map((x) => `${x.stage} ${x.own_s} → ${x.events_s} / ${x.status_file_s}`).join('; ')}`,
    '',
    ...summary.flatMap((x) =>
      Object.entries(x.targets).map(
        ([name, ok]) => `${ok ? 'met   ' : 'MISSED'}  ${x.hz} Hz ${name.replaceAll('_', ' ')}${name === 'sampler_cost' ? ` (target ${TARGETS.costPctOfCore[x.hz]} % of a core)` : ''}`,
      ),
    ),
  ];
  return { summary, costs, runs, lines, missed: summary.some((x) => Object.values(x.targets).some((ok) => !ok)) };
}

/** Whether this host gives a measured tree its own cgroup with memory accounting (a freeze of `true` says). */
async function cgroupAccounting() {
  const probe = await measure.freeze({ version: 'probe', datasetId: 'bench', output: join(work, 'probe.yaml'), command: ['true'], warmup: 0, cwd: work, commandOutput: 'ignore', stages: 'none' });
  return probe.runs[0]?.truth.memory_method?.method === 'cgroup';
}

async function memoryBench() {
  const cgroupAvailable = await cgroupAccounting();
  console.error(`bench-memory: ${ROUNDS} round(s) of every workload × method at ${RATES_HZ.join(' and ')} Hz${cgroupAvailable ? '' : ' (no cgroup accounting on this host: cgroup column left out)'}`);
  const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
  const result = await runMemoryBench(measure, readJson, {
    work,
    rounds: ROUNDS,
    rates: RATES_HZ,
    script: join(ROOT, 'scripts/bench/memory_workloads.py'),
    cgroupAvailable,
    log: (l) => console.error(l),
  });
  const table = memoryTables(result, RATES_HZ);
  const get = (hz, workload, method) => result.summary.find((x) => x.hz === hz && x.workload === workload && x.method === method);
  const checks = [];
  for (const method of result.methods) {
    for (const hz of RATES_HZ) {
      for (const workload of ['shared', 'cow', 'cow_gradual']) {
        const worst = get(hz, workload, method)?.error_pct_worst;
        checks.push({ ok: worst !== null && Math.abs(worst) <= TARGETS.peakErrorPct, what: `${method} ${hz} Hz ${workload}: peak within ${TARGETS.peakErrorPct} % of the PSS sum (worst ${worst} %)` });
      }
    }
    const churn = get(2, 'churn', method)?.cost_above_idle_ms_per_s;
    checks.push({ ok: churn !== null && churn <= TARGETS.churnAboveIdleMsPerS[2], what: `${method} 2 Hz churn: ≤ ${TARGETS.churnAboveIdleMsPerS[2]} ms/s above idle (${churn} ms/s)` });
    const idle = get(2, 'idle', method)?.cost_ms_per_s.median;
    checks.push({ ok: idle !== null && idle <= TARGETS.idleAllInMsPerS[2], what: `${method} 2 Hz idle: ≤ ${TARGETS.idleAllInMsPerS[2]} ms/s all-in (median ${idle} ms/s)` });
  }
  if (cgroupAvailable) {
    for (const hz of RATES_HZ) {
      const spike = get(hz, 'spike', 'cgroup')?.error_pct_worst;
      checks.push({ ok: spike !== null && Math.abs(spike) <= TARGETS.peakErrorPct, what: `cgroup ${hz} Hz: the 2 GiB spike caught (worst ${spike} %)` });
    }
  }
  const lines = [
    '',
    `memory benchmark: ${ROUNDS} round(s); each workload's own truth (the sum of PSS over its tree, read by itself at its peak).`,
    table,
    '',
    ...checks.map((c) => `${c.ok ? 'met   ' : 'MISSED'}  ${c.what}`),
  ];
  return { ...result, table, checks, lines, missed: checks.some((c) => !c.ok) };
}

const sampler = ONLY === 'memory' ? undefined : await samplerBench();
const memory = ONLY === 'sampler' ? undefined : await memoryBench();
console.log([...(sampler?.lines ?? []), ...(memory?.lines ?? [])].join('\n'));

mkdirSync(join(ROOT, 'out'), { recursive: true });
const report = {
  generated_at: new Date().toISOString(),
  rounds: ROUNDS,
  meter_hz: METER_HZ,
  known_allocation_mb: KNOWN_MB,
  targets: TARGETS,
  sampler: sampler ? { summary: sampler.summary, costs: sampler.costs, runs: sampler.runs } : null,
  memory: memory ? { methods: memory.methods, summary: memory.summary, rows: memory.rows, checks: memory.checks } : null,
  caveat: 'Timing numbers depend on the load of the machine at the time.',
};
writeFileSync(join(ROOT, 'out', 'bench-sampler.json'), `${JSON.stringify(report, null, 2)}\n`);
if (memory) writeFileSync(join(ROOT, 'out', 'bench-memory.md'), `${memory.table}\n`);
console.log(`\nwrote out/bench-sampler.json${memory ? ' and out/bench-memory.md' : ''}`);
if (KEEP) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = STRICT && (sampler?.missed || memory?.missed) ? 1 : 0;
