// A long pipeline run on paper, for `npm run bench:rebuild` and the attribution tests: samples at a
// fixed rate with the jitter and gaps of a real sampler, and stage occurrences that start every
// `occurrenceEveryS` seconds, each lasting a while, so occurrences of one stage and of different
// stages overlap (per-item workers). Seeded: the same options give the same run.
import { closeSync, openSync, writeSync } from 'node:fs';
import { mulberry32 } from './verdict-rates.mjs';

export { mulberry32 };

const DEFAULT_STAGES = [
  { name: 'fetch', meanS: 0.4 },
  { name: 'transcribe', meanS: 1.6 },
  { name: 'summarize', meanS: 1.1 },
  { name: 'index', meanS: 0.2 },
];

/**
 * Options: durationS, hz (samples per second), occurrenceEveryS (default 1), stages ([{name, meanS}]),
 * seed, startedAt, clockStepBackS (the wall clock steps back once, mid-run, by that much).
 * Returns { startedAt, endedAt, samples, events } in the freeze's formats (events in file order).
 */
export function syntheticRun(options) {
  const random = mulberry32(options.seed ?? 1);
  const hz = options.hz ?? 10;
  const every = options.occurrenceEveryS ?? 1;
  const stages = options.stages ?? DEFAULT_STAGES;
  const startedAt = options.startedAt ?? 1_765_000_000.123;
  const endedAt = startedAt + options.durationS;

  const starts = [];
  for (let k = 0, at = startedAt + 0.05; at < endedAt - 0.05; k++, at = startedAt + 0.05 + k * every + random() * every * 0.3) {
    const stage = stages[k % stages.length];
    const length = stage.meanS * (0.5 + random());
    starts.push({ ts: at, stage: stage.name, event: 'start' }, { ts: Math.min(at + length, endedAt + 0.5), stage: stage.name, event: 'end' });
  }
  // The pipeline appends as things happen: file order is time order (ties keep their order).
  const events = starts.sort((a, b) => a.ts - b.ts);

  const samples = [];
  let t = startedAt + 0.002;
  let cpuS = 0;
  let memMb = 180;
  // An NTP correction: the wall clock steps back once, halfway.
  let stepAt = options.clockStepBackS ? startedAt + options.durationS / 2 : Infinity;
  for (let k = 0; t < endedAt; k++) {
    const cpuPct = k === 0 ? null : Math.round(random() * 19000) / 100;
    if (cpuPct !== null) cpuS += cpuPct / 100 / hz;
    memMb = Math.max(50, memMb + (random() - 0.48) * 4);
    const procs = 1 + Math.floor(random() * 4);
    samples.push({
      t: Math.round(t * 1000) / 1000,
      mem_mb: Math.round(memMb * 1000) / 1000,
      rss_mb: Math.round(memMb * 1.8 * 1000) / 1000,
      cpu_pct: cpuPct,
      cpu_s: Math.round(cpuS * 100) / 100,
      procs,
      pss_age_s: k % 20 === 0 ? 0 : Math.round(((k % 20) * 10) / hz) / 10,
    });
    // A sampler on a busy host: a few ms of jitter, now and then a missed tick.
    t += (random() < 0.01 ? 2 : 1) / hz + (random() - 0.5) * 0.006;
    if (t >= stepAt) {
      t -= options.clockStepBackS;
      stepAt = Infinity;
    }
  }
  // The sample after the command exited: the tree is gone.
  samples.push({ t: Math.round((endedAt + 0.01) * 1000) / 1000, mem_mb: 0, rss_mb: 0, cpu_pct: 0, cpu_s: Math.round(cpuS * 100) / 100, procs: 0 });
  return { startedAt, endedAt, samples, events };
}

/**
 * Writes a run as the freeze does: `<stem>.samples.jsonl` (header, samples, status observations, end)
 * and `<stem>.events.jsonl`. extra: { header: keys to override, statuses: [{t, stage, started_at}], end: false }.
 */
export function writeRunFiles(stem, run, extra = {}) {
  const eventsPath = `${stem}.events.jsonl`;
  const samplesPath = `${stem}.samples.jsonl`;
  const write = (path, lines) => {
    const fd = openSync(path, 'w');
    let chunk = '';
    for (const line of lines) {
      chunk += `${JSON.stringify(line)}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
  };
  write(eventsPath, run.events);
  const header = {
    type: 'header',
    format: 'optimization-gate-samples',
    version: 1,
    release: 'long-run',
    dataset_id: 'synthetic',
    sample_interval_s: 0.1,
    started_at: run.startedAt,
    root_pid: 999999999,
    command: ['pipeline'],
    cwd: '/work',
    memory_metric: 'pss_sum',
    stage_source: { kind: 'auto' },
    events_path: eventsPath,
    status_file: null,
    metrics_file: null,
    episodes: null,
    environment: { hostname: 'bench', cpu: 'x86_64', cpu_cores_physical: null, cpu_cores_logical: 2, ram_total_gb: 8, os: 'Linux', python: null, node: process.versions.node },
    ...extra.header,
  };
  const lines = [header];
  const statuses = [...(extra.statuses ?? [])];
  for (const s of run.samples) {
    while (statuses.length > 0 && statuses[0].t <= s.t) lines.push({ type: 'status', ...statuses.shift() });
    lines.push({ type: 'sample', ...s });
  }
  if (extra.end !== false) lines.push({ type: 'end', t: run.endedAt, status: 'ok', exit_code: 0, signal: null });
  write(samplesPath, lines);
  return { samplesPath, eventsPath };
}

/**
 * The attribution as it was before the one-pass sweep (every span for every sample: samples × spans),
 * kept as the reference the tests compare with and the bench times.
 */
export function referenceAttribution(samples, spans, runStart) {
  const overlap = (span, from, to) => {
    if (from === to) return span.start <= to && span.end >= to ? 0 : undefined;
    const length = Math.min(to, span.end) - Math.max(from, span.start);
    return length > 0 ? length : undefined;
  };
  const acc = new Map();
  let from = runStart;
  let lastLiveMb = 0;
  let previousNowMb;
  for (const sample of samples) {
    const to = sample.t;
    const start = Math.min(from, to);
    const readable = sample.procs > 0 && sample.mem_mb > 0;
    const memMb = readable ? sample.mem_mb : lastLiveMb;
    if (readable) lastLiveMb = sample.mem_mb;
    const nowMb = sample.mem_now_mb === undefined ? undefined : readable ? sample.mem_now_mb : lastLiveMb;
    const covered = new Map();
    const holdsStart = new Set();
    const holdsEnd = new Set();
    for (const span of spans) {
      const length = overlap(span, start, to);
      if (length === undefined) continue;
      covered.set(span.stage, (covered.get(span.stage) ?? 0) + length);
      if (span.start <= start && span.end > start) holdsStart.add(span.stage);
      if (span.start < to && span.end >= to) holdsEnd.add(span.stage);
    }
    for (const [stage, length] of covered) {
      const entry = acc.get(stage) ?? { peak: 0, cpuWeighted: 0, weight: 0, count: 0 };
      // Kernel interval peaks: a stage covering part of the interval gets the readings at the ends it holds.
      const partial = nowMb !== undefined && length < to - start && (holdsStart.has(stage) || holdsEnd.has(stage));
      const mem = partial ? Math.max(holdsEnd.has(stage) ? nowMb : 0, holdsStart.has(stage) ? (previousNowMb ?? 0) : 0) : memMb;
      entry.peak = Math.max(entry.peak, mem);
      if (sample.cpu_pct !== null && length > 0) {
        entry.cpuWeighted += sample.cpu_pct * length;
        entry.weight += length;
      }
      entry.count++;
      acc.set(stage, entry);
    }
    previousNowMb = nowMb;
    from = to;
  }
  const result = new Map();
  for (const [stage, e] of acc) result.set(stage, { peak_mb: e.peak, avg_cpu_pct: e.weight > 0 ? e.cpuWeighted / e.weight : null, samples: e.count });
  return result;
}
