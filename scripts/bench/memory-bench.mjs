// The memory part of `npm run bench`: workloads built the way ML pipelines share memory
// (scripts/bench/memory_workloads.py, each with its own truth), measured by each method side by side:
//   cgroup          the tree in its own cgroup, the kernel's accounting (where the host allows it)
//   pss-estimator   no cgroup: PSS carried forward between re-reads (default budget)
//   pss-forced      no cgroup: every member's PSS read at every sample
// Error: (freeze peak − workload truth) / truth. Cost: CPU of this whole node process (the freeze,
// node included) per second of the run, from spawn to exit. Churn's cost is also given above idle's.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const WORKLOADS = ['shared', 'cow', 'cow_gradual', 'spike', 'churn', 'idle', 'idle_busy_host'];
/** idle_busy_host: the idle workload while a process outside the tree creates this many processes a second. */
const HOST_PIDS_PER_S = 63;
const SPAWNER = `import os, time\nk = 0\nstart = time.time()\nwhile True:\n    k += 1\n    pid = os.fork()\n    if pid == 0:\n        os._exit(0)\n    os.waitpid(pid, 0)\n    time.sleep(max(0, start + k / ${HOST_PIDS_PER_S} - time.time()))\n`;
export const METHODS = {
  cgroup: { containment: 'auto' },
  'pss-estimator': { containment: 'none' },
  'pss-forced': { containment: 'none', pssBudgetPct: 100 },
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Brackets the command (spawn → exit) with this process's CPU time. */
function timedRunner(base) {
  const window = { cpuAtStart: 0, cpuAtExit: 0, wallS: 0 };
  return {
    window,
    runner: {
      async start(spec) {
        const running = await base.start(spec);
        window.cpuAtStart = cpuMs();
        const exited = running.exited.then((exit) => {
          window.cpuAtExit = cpuMs();
          window.wallS = exit.endedAt - running.startedAt;
          return exit;
        });
        return { ...running, exited };
      },
    },
  };
}

async function oneRun(measure, readJson, { work, workload, method, hz, round, script }) {
  const tag = `${workload}-${method}-${hz}hz-r${round}`;
  const truthPath = join(work, `${tag}.truth.json`);
  const { window, runner } = timedRunner(measure.defaultMeasureDeps().commands);
  const spawner = workload === 'idle_busy_host' ? spawn('python3', ['-c', SPAWNER], { stdio: 'ignore' }) : undefined;
  const result = await measure.freeze(
    {
      version: tag,
      datasetId: 'bench-memory',
      output: join(work, `${tag}.yaml`),
      command: ['python3', script, workload === 'idle_busy_host' ? 'idle' : workload, truthPath],
      sampleIntervalS: 1 / hz,
      warmup: 0,
      cwd: work,
      commandOutput: 'ignore',
      stages: 'none',
      ...METHODS[method],
    },
    { commands: runner },
  );
  spawner?.kill('SIGKILL');
  const run = result.runs[0];
  let truth = {};
  try {
    truth = readJson(truthPath);
  } catch {
    // The workload failed (its status says so): the row stays, without a truth.
  }
  const peak = run?.truth.global_peak_rss_mb_sampled ?? null;
  return {
    workload,
    method,
    hz,
    round,
    status: result.status,
    memory_method: run?.truth.memory_method?.method ?? null,
    containment: run?.truth.containment?.cgroup ?? null,
    peak_mb: peak,
    truth_mb: r(truth.tree_pss_mb ?? null),
    error_pct: truth.tree_pss_mb ? r(((peak - truth.tree_pss_mb) / truth.tree_pss_mb) * 100) : null,
    cost_ms_per_s: r((window.cpuAtExit - window.cpuAtStart) / window.wallS, 3),
    wall_s: r(window.wallS, 2),
    samples: run?.truth.samples_count ?? null,
    pss_snapshots: run?.truth.pss_snapshots ?? null,
    pss_snapshots_unsafe: run?.truth.pss_snapshots_unsafe ?? null,
    proc_pids_probed: run?.truth.proc_pids_probed ?? null,
    peak_unverified_mb: run?.truth.memory_method?.peak_unverified_mb ?? null,
    children_started: truth.children_started ?? null,
  };
}

/** Runs every workload × method × rate, `rounds` times, in an interleaved order. */
export async function runMemoryBench(measure, readJson, { work, rounds, rates, script, cgroupAvailable, log }) {
  const methods = Object.keys(METHODS).filter((m) => m !== 'cgroup' || cgroupAvailable);
  const rows = [];
  for (let round = 1; round <= rounds; round++) {
    for (const hz of rates) {
      for (const workload of WORKLOADS) {
        for (const method of methods) {
          const row = await oneRun(measure, readJson, { work, workload, method, hz, round, script });
          rows.push(row);
          log(`  memory r${round} ${hz} Hz ${workload} ${method}: peak ${row.peak_mb} MiB (truth ${row.truth_mb}), error ${row.error_pct} %, ${row.cost_ms_per_s} ms/s`);
        }
      }
    }
  }
  const summary = [];
  for (const hz of rates) {
    for (const workload of WORKLOADS) {
      for (const method of methods) {
        const mine = rows.filter((x) => x.hz === hz && x.workload === workload && x.method === method);
        const costs = mine.map((x) => x.cost_ms_per_s);
        const idle = rows.filter((x) => x.hz === hz && x.workload === 'idle' && x.method === method);
        // (idle_busy_host above idle: what the rest of the host's process creation costs the freeze.)
        const aboveIdle = mine.map((x) => x.cost_ms_per_s - (idle.find((i) => i.round === x.round)?.cost_ms_per_s ?? NaN));
        const errors = mine.map((x) => x.error_pct).filter((e) => e !== null);
        summary.push({
          hz,
          workload,
          method,
          truth_mb: median(mine.map((x) => x.truth_mb)),
          error_pct_median: r(median(errors)),
          error_pct_worst: errors.length ? r(errors.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a))) : null,
          cost_ms_per_s: { min: r(Math.min(...costs)), median: r(median(costs)), max: r(Math.max(...costs)) },
          cost_above_idle_ms_per_s: workload === 'idle' ? null : r(median(aboveIdle)),
          proc_pids_probed: median(mine.map((x) => x.proc_pids_probed)),
          memory_method: mine[0]?.memory_method ?? null,
        });
      }
    }
  }
  return { methods, rows, summary };
}

/** One markdown table per rate: a row per workload, error and cost per method. */
export function memoryTables({ methods, summary }, rates) {
  const lines = [];
  const cell = (s) => {
    if (!s) return 'n/a';
    const err = s.error_pct_median === null ? '—' : `${s.error_pct_median > 0 ? '+' : ''}${s.error_pct_median} % (worst ${s.error_pct_worst > 0 ? '+' : ''}${s.error_pct_worst} %)`;
    const c = s.cost_ms_per_s;
    return `${err} · ${c.median} ms/s (${c.min}–${c.max})`;
  };
  for (const hz of rates) {
    lines.push('', `**${hz} Hz** — peak error vs the workload's own PSS sum (median, worst) · CPU of the freeze all-in (median, min–max)`, '');
    lines.push(`| workload | truth | ${methods.join(' | ')} |`, `|---|---:|${methods.map(() => '---').join('|')}|`);
    for (const workload of WORKLOADS) {
      const mine = summary.filter((s) => s.hz === hz && s.workload === workload);
      const truth = mine[0]?.truth_mb;
      lines.push(`| ${workload} | ${truth === null || truth === undefined ? '—' : `${truth} MiB`} | ${methods.map((m) => cell(mine.find((s) => s.method === m))).join(' | ')} |`);
    }
    const above = (workload) =>
      summary
        .filter((s) => s.hz === hz && s.workload === workload)
        .map((s) => `${s.method} ${s.cost_above_idle_ms_per_s} ms/s`)
        .join(', ');
    lines.push('', `Above idle at ${hz} Hz — churn: ${above('churn')}; idle while the host creates ${HOST_PIDS_PER_S} processes/s elsewhere: ${above('idle_busy_host')}.`);
  }
  return lines.join('\n');
}
