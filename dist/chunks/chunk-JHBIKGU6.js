import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readJson,
  readLines
} from "./chunk-UHNHABYH.js";
import {
  isFiniteNumber,
  isObject
} from "./chunk-T4TF7QUX.js";
import {
  InputFileError,
  UserError,
  errorMessage
} from "./chunk-LDP73T3D.js";

// src/measure/samples-file.ts
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
var SAMPLES_FORMAT = "optimization-gate-samples";
function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
var SamplesWriter = class {
  constructor(path, header, flushEveryMs = 1e3) {
    this.path = path;
    this.flushEveryMs = flushEveryMs;
    this.fd = openSync(path, "w");
    this.line(header);
    this.flush();
  }
  path;
  flushEveryMs;
  fd;
  pending = "";
  lastFlush = Date.now();
  line(record) {
    this.pending += `${JSON.stringify(record)}
`;
    if (Date.now() - this.lastFlush >= this.flushEveryMs) this.flush();
  }
  flush() {
    if (this.fd !== void 0 && this.pending !== "") writeSync(this.fd, this.pending);
    this.pending = "";
    this.lastFlush = Date.now();
  }
  sample(sample) {
    this.line({
      type: "sample",
      t: round(sample.t, 3),
      mem_mb: round(sample.mem_mb, 3),
      rss_mb: round(sample.rss_mb, 3),
      cpu_pct: sample.cpu_pct === null ? null : round(sample.cpu_pct, 2),
      cpu_s: round(sample.cpu_s, 2),
      procs: sample.procs,
      ...sample.pss_age_s !== void 0 ? { pss_age_s: round(sample.pss_age_s, 2) } : {},
      ...sample.gpu_mem_mb !== void 0 ? { gpu_mem_mb: sample.gpu_mem_mb, gpu_util_pct: sample.gpu_util_pct ?? null, gpu_device_mem_mb: sample.gpu_device_mem_mb ?? null } : {},
      ...sample.pss_unverified_mb !== void 0 ? { pss_unverified_mb: round(sample.pss_unverified_mb, 1) } : {},
      ...sample.mem_now_mb !== void 0 ? { mem_now_mb: round(sample.mem_now_mb, 3) } : {},
      ...sample.file_cache_mb !== void 0 ? { file_cache_mb: round(sample.file_cache_mb, 3) } : {},
      ...sample.usage_peak_mb !== void 0 ? { usage_peak_mb: round(sample.usage_peak_mb, 3) } : {}
    });
  }
  /** The complete environment, once collected (the header holds what was known at spawn). */
  environment(environment) {
    this.line({ type: "environment", environment });
  }
  status(observation) {
    this.line({ type: "status", ...observation });
  }
  end(record) {
    this.line({ type: "end", ...record });
    this.flush();
  }
  close() {
    this.flush();
    if (this.fd !== void 0) closeSync(this.fd);
    this.fd = void 0;
  }
};
function parseSamplesLine(line, index, file) {
  if (line.trim() === "") return { type: "skip" };
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    return { type: "bad", warning: `${file} line ${index + 1}: not JSON (ignored)` };
  }
  if (!isObject(record)) return { type: "skip" };
  if (index === 0) {
    return record.type === "header" && record.format === SAMPLES_FORMAT ? { type: "header", header: record } : { type: "skip" };
  }
  if (record.type === "sample" && typeof record.t === "number" && typeof record.mem_mb === "number") return { type: "sample", sample: record };
  if (record.type === "status" && typeof record.t === "number") return { type: "status", status: record };
  if (record.type === "end") return { type: "end", end: record };
  if (record.type === "environment" && isObject(record.environment)) return { type: "environment", environment: record.environment };
  return { type: "bad", warning: `${file} line ${index + 1}: unknown record (ignored)` };
}
function missingHeader(file) {
  return new InputFileError(file, [`line 1: expected a "${SAMPLES_FORMAT}" header`]);
}
var SAMPLE_PREFIX = '{"type":"sample","t":';
function scanSamplesFile(file) {
  let header;
  const scan = { statuses: [], warnings: [], sampleCount: 0, lastSampleT: void 0, pssSnapshots: 0 };
  let index = 0;
  for (const line of readLines(file)) {
    const t = index > 0 && line.startsWith(SAMPLE_PREFIX) && line.endsWith("}") ? Number(line.slice(SAMPLE_PREFIX.length, line.indexOf(",", SAMPLE_PREFIX.length))) : Number.NaN;
    if (Number.isFinite(t)) {
      index++;
      scan.sampleCount++;
      scan.lastSampleT = t;
      if (line.endsWith(',"pss_age_s":0}')) scan.pssSnapshots++;
      continue;
    }
    const parsed = parseSamplesLine(line, index++, file);
    if (parsed.type === "header") header = parsed.header;
    else if (parsed.type === "sample") {
      scan.sampleCount++;
      scan.lastSampleT = parsed.sample.t;
      if (parsed.sample.pss_age_s === 0) scan.pssSnapshots++;
    } else if (parsed.type === "status") scan.statuses.push(parsed.status);
    else if (parsed.type === "end") scan.end = parsed.end;
    else if (parsed.type === "environment") scan.environment = parsed.environment;
    else if (parsed.type === "bad") scan.warnings.push(parsed.warning);
    if (index === 1 && !header) throw missingHeader(file);
  }
  if (!header) throw missingHeader(file);
  return { header, ...scan };
}
function samplesOf(file) {
  return {
    *[Symbol.iterator]() {
      let index = 0;
      for (const line of readLines(file)) {
        const parsed = parseSamplesLine(line, index++, file);
        if (parsed.type === "sample") yield parsed.sample;
      }
    }
  };
}
function samplesFileEnded(file) {
  let fd;
  try {
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const last = tail.toString("utf8").trimEnd().split("\n").pop() ?? "";
    const record = JSON.parse(last);
    return isObject(record) && record.type === "end";
  } catch {
    return false;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/measure/stages/source.ts
var DEFAULT_STATUS_FILE = ".pipeline_status.json";
var STAGE_EVENTS_ENV = "OPTIMIZATION_GATE_STAGE_EVENTS";
var WHOLE_RUN_STAGE = "run";
function parseStageSource(text) {
  const trimmed = text.trim();
  if (trimmed === "auto" || trimmed === "events" || trimmed === "none") return { kind: trimmed };
  if (trimmed === "status-file") return { kind: "status-file", path: DEFAULT_STATUS_FILE };
  const colon = trimmed.indexOf(":");
  const kind = colon === -1 ? trimmed : trimmed.slice(0, colon);
  const path = colon === -1 ? "" : trimmed.slice(colon + 1).trim();
  if ((kind === "status-file" || kind === "metrics") && path !== "") return { kind, path };
  if (kind === "metrics") throw new UserError(`--stages metrics needs a path: metrics:PATH (got "${text}")`);
  throw new UserError(`--stages: expected auto, events, status-file[:PATH], metrics:PATH or none; got "${text}"`);
}
function formatStageSource(spec) {
  return spec.kind === "status-file" || spec.kind === "metrics" ? `${spec.kind}:${spec.path}` : spec.kind;
}
function wholeRunTimeline(runStart, runEnd, warnings = []) {
  const wall = Math.max(0, runEnd - runStart);
  return {
    method: "whole_run",
    order: wall > 0 ? [WHOLE_RUN_STAGE] : [],
    walls: wall > 0 ? { [WHOLE_RUN_STAGE]: wall } : {},
    spans: wall > 0 ? [{ stage: WHOLE_RUN_STAGE, start: runStart, end: runEnd }] : [],
    warnings,
    openAtEnd: []
  };
}
function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}

// src/measure/stages/events.ts
import { closeSync as closeSync2, fstatSync as fstatSync2, openSync as openSync2, readSync as readSync2, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
var MAX_LOCATED_WARNINGS = 50;
var WarningList = class {
  constructor(what) {
    this.what = what;
  }
  what;
  located = [];
  more = 0;
  add(message) {
    if (this.located.length < MAX_LOCATED_WARNINGS) this.located.push(message);
    else this.more++;
  }
  get size() {
    return this.located.length + this.more;
  }
  clear() {
    this.located.length = 0;
    this.more = 0;
  }
  list() {
    return this.more > 0 ? [...this.located, `${this.what}: ${this.more} more problem line(s) not listed`] : [...this.located];
  }
};
function parseEventLine(text, line, file) {
  if (text.trim() === "") return void 0;
  let record;
  try {
    record = JSON.parse(text);
  } catch {
    return `${file} line ${line}: not valid JSON (ignored)`;
  }
  const valid = isObject(record) && typeof record.ts === "number" && Number.isFinite(record.ts) && typeof record.stage === "string" && record.stage.trim() !== "" && (record.event === "start" || record.event === "end");
  if (!valid) return `${file} line ${line}: expected {"ts": <epoch seconds>, "stage": "<name>", "event": "start"|"end"} (ignored)`;
  const ok = record;
  return { ts: ok.ts, stage: ok.stage.trim(), event: ok.event, line };
}
function parseEventsText(text, file) {
  const events = [];
  const warnings = new WarningList(file);
  let line = 1;
  for (let at = 0; at <= text.length; line++) {
    const newline = text.indexOf("\n", at);
    const stop = newline === -1 ? text.length : newline;
    const parsed = parseEventLine(text.slice(at, stop), line, file);
    if (typeof parsed === "string") warnings.add(parsed);
    else if (parsed) events.push(parsed);
    at = stop + 1;
  }
  return { events, warnings: warnings.list() };
}
var BYTES_PER_POLL = 1024 * 1024;
var MAX_LINE_CHARS = 64 * 1024;
var EventsTail = class {
  constructor(path) {
    this.path = path;
    this.problems = new WarningList(path);
  }
  path;
  offset = 0;
  pending = "";
  /** Inside an overlong line: drop text up to its newline. */
  skipping = false;
  nextLine = 1;
  events = [];
  problems;
  /** Running occurrences per stage, kept as events arrive (progress lines ask every few seconds). */
  open = /* @__PURE__ */ new Map();
  buffer = Buffer.allocUnsafe(64 * 1024);
  // Keeps a multi-byte character split across two reads whole.
  decoder = new StringDecoder("utf8");
  get warnings() {
    return this.problems.list();
  }
  /** The file kept open between polls (one fstat per poll), with the inode it was opened on. */
  fd;
  ino;
  restart() {
    this.offset = 0;
    this.pending = "";
    this.skipping = false;
    this.nextLine = 1;
    this.decoder = new StringDecoder("utf8");
  }
  openCurrent() {
    const onDisk = statSync(this.path, { throwIfNoEntry: false });
    if (!onDisk) return void 0;
    if (this.fd !== void 0 && onDisk.ino === this.ino) return this.fd;
    if (this.fd !== void 0) {
      this.events.length = 0;
      this.problems.clear();
      this.open.clear();
    }
    this.close();
    this.fd = openSync2(this.path, "r");
    this.ino = onDisk.ino;
    this.restart();
    return this.fd;
  }
  /** Returns how many events were added. `final`: the writer has exited; read to the end, and a last line without newline. */
  poll(final = false) {
    const before = this.events.length;
    try {
      const fd = this.fd !== void 0 && !final ? this.fd : this.openCurrent();
      if (fd !== void 0) {
        const size = fstatSync2(fd).size;
        if (size < this.offset) {
          const line = this.nextLine;
          this.restart();
          this.nextLine = line;
        }
        const limit = final ? size : Math.min(size, this.offset + BYTES_PER_POLL);
        while (this.offset < limit) {
          const length = readSync2(fd, this.buffer, 0, Math.min(this.buffer.length, limit - this.offset), this.offset);
          if (length <= 0) break;
          this.offset += length;
          this.take(this.decoder.write(this.buffer.subarray(0, length)));
        }
      }
    } catch {
    }
    if (final) {
      if (!this.skipping) this.addLine(this.pending + this.decoder.end());
      this.pending = "";
      this.close();
    }
    return this.events.length - before;
  }
  /** Splits a chunk into complete lines; the partial last one waits in `pending`. */
  take(text) {
    let at = 0;
    for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", at)) {
      if (!this.skipping) this.addLine(this.pending + text.slice(at, newline));
      else this.nextLine++;
      this.pending = "";
      this.skipping = false;
      at = newline + 1;
    }
    if (this.skipping) return;
    this.pending += text.slice(at);
    if (this.pending.length > MAX_LINE_CHARS) {
      this.problems.add(`${this.path} line ${this.nextLine}: longer than ${MAX_LINE_CHARS} characters (ignored)`);
      this.pending = "";
      this.skipping = true;
    }
  }
  addLine(text) {
    const parsed = parseEventLine(text, this.nextLine++, this.path);
    if (typeof parsed === "string") {
      this.problems.add(parsed);
      return;
    }
    if (!parsed) return;
    this.events.push(parsed);
    this.open.set(parsed.stage, Math.max(0, (this.open.get(parsed.stage) ?? 0) + (parsed.event === "start" ? 1 : -1)));
  }
  close() {
    if (this.fd !== void 0) closeSync2(this.fd);
    this.fd = void 0;
  }
  /** Stages with an occurrence running now (for progress lines). */
  openStages() {
    return [...this.open].filter(([, n]) => n > 0).map(([stage]) => stage);
  }
};
function timelineFromEvents(events, runStart, runEnd, file) {
  const warnings = new WarningList(file);
  const byStage = /* @__PURE__ */ new Map();
  const sorted = [...events].sort((a, b) => a.ts - b.ts || a.line - b.line);
  for (const e of sorted) {
    const list = byStage.get(e.stage) ?? [];
    list.push(e);
    byStage.set(e.stage, list);
  }
  const walls = {};
  const spans = [];
  const openAtEnd = [];
  const firstStart = /* @__PURE__ */ new Map();
  for (const [stage, list] of byStage) {
    let count = 0;
    let wall = 0;
    let previous = runStart;
    let spanStart = runStart;
    for (const e of list) {
      const t = clamp(e.ts, runStart, runEnd);
      wall += count * (t - previous);
      previous = t;
      if (e.event === "start") {
        if (count === 0) spanStart = t;
        if (!firstStart.has(stage)) firstStart.set(stage, t);
        count++;
      } else if (count === 0) {
        warnings.add(`${file} line ${e.line}: "end" of stage "${stage}" without a matching "start" (ignored)`);
      } else if (--count === 0) {
        spans.push({ stage, start: spanStart, end: t });
      }
    }
    if (count > 0) {
      wall += count * (runEnd - previous);
      spans.push({ stage, start: spanStart, end: runEnd });
      openAtEnd.push(stage);
      warnings.add(`${file}: stage "${stage}" was still running when the run ended (${count} open; closed at the run's end)`);
    }
    if (wall > 0) walls[stage] = wall;
  }
  const order = [...firstStart].sort((a, b) => a[1] - b[1]).map(([stage]) => stage).filter((stage) => walls[stage] !== void 0);
  const orderedWalls = {};
  for (const stage of order) orderedWalls[stage] = walls[stage];
  return {
    method: "events",
    order,
    walls: orderedWalls,
    spans: spans.filter((s) => s.end > s.start),
    warnings: warnings.list(),
    openAtEnd
  };
}

// src/measure/run-outputs.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";

// src/measure/attribution.ts
function overlap(span, from, to) {
  if (from === to) return span.start <= to && span.end >= to ? 0 : void 0;
  const length = Math.min(to, span.end) - Math.max(from, span.start);
  return length > 0 ? length : void 0;
}
var SpanSweep = class {
  spans;
  /** Spans started by the current interval's end and not known to have ended before its start. */
  active = [];
  next = 0;
  /** The lowest interval start the active list is still complete for. */
  prunedTo = Number.NEGATIVE_INFINITY;
  from;
  coverage = [];
  byStage = /* @__PURE__ */ new Map();
  constructor(spans, runStart) {
    this.spans = spans.slice().sort((a, b) => a.start - b.start);
    this.from = runStart;
  }
  /**
   * The stages the interval (previous t, t] meets, in the order first met, with how much of it each
   * covers; the list is reused by the next call. `length` is the interval's own length.
   */
  advance(t) {
    const to = t;
    const from = Math.min(this.from, to);
    this.from = to;
    this.refreshActive(from, to);
    this.coverage.length = 0;
    this.byStage.clear();
    for (const span of this.active) {
      const length = overlap(span, from, to);
      if (length === void 0) continue;
      let entry = this.byStage.get(span.stage);
      if (!entry) {
        entry = { stage: span.stage, covered: 0, holdsStart: false, holdsEnd: false };
        this.byStage.set(span.stage, entry);
        this.coverage.push(entry);
      }
      entry.covered += length;
      if (span.start <= from && span.end > from) entry.holdsStart = true;
      if (span.start < to && span.end >= to) entry.holdsEnd = true;
    }
    return { coverage: this.coverage, length: to - from };
  }
  /** Makes `active` hold every span with start <= to and end >= from (a superset of those meeting the interval). */
  refreshActive(from, to) {
    if (from < this.prunedTo) {
      this.active = this.spans.slice(0, this.next).filter((s) => s.end >= from);
    } else if (this.active.length > 0) {
      let kept = 0;
      for (const span of this.active) if (span.end >= from) this.active[kept++] = span;
      this.active.length = kept;
    }
    this.prunedTo = from;
    while (this.next < this.spans.length && this.spans[this.next].start <= to) {
      const span = this.spans[this.next++];
      if (span.end >= from) this.active.push(span);
    }
  }
};
var SampleAttribution = class {
  sweep;
  acc = /* @__PURE__ */ new Map();
  lastLiveMb = 0;
  /** The previous sample's instantaneous memory (kernel accounting only). */
  previousNowMb;
  constructor(spans, runStart) {
    this.sweep = new SpanSweep(spans, runStart);
  }
  /**
   * The memory a stage gets from this sample. With kernel accounting `mem_mb` is the highest of the
   * whole interval: a stage that covers only part of it gets the instantaneous readings at the ends it
   * holds (else the peak of the stage before a boundary would count for the one after it); a stage
   * strictly inside the interval has only the interval's peak, an upper bound.
   */
  memoryFor(cover, length, memMb, nowMb) {
    if (nowMb === void 0 || cover.covered >= length || !cover.holdsStart && !cover.holdsEnd) return memMb;
    return Math.max(cover.holdsEnd ? nowMb : 0, cover.holdsStart ? this.previousNowMb ?? 0 : 0);
  }
  add(sample) {
    const readable = sample.procs > 0 && sample.mem_mb > 0;
    const memMb = readable ? sample.mem_mb : this.lastLiveMb;
    if (readable) this.lastLiveMb = sample.mem_mb;
    const nowMb = sample.mem_now_mb === void 0 ? void 0 : readable ? sample.mem_now_mb : this.lastLiveMb;
    const { coverage, length } = this.sweep.advance(sample.t);
    for (const cover of coverage) {
      const { stage, covered } = cover;
      let entry = this.acc.get(stage);
      if (!entry) {
        entry = { peak: 0, cpuWeighted: 0, weight: 0, count: 0 };
        this.acc.set(stage, entry);
      }
      entry.peak = Math.max(entry.peak, this.memoryFor(cover, length, memMb, nowMb));
      if (sample.cpu_pct !== null && covered > 0) {
        entry.cpuWeighted += sample.cpu_pct * covered;
        entry.weight += covered;
      }
      entry.count++;
    }
    this.previousNowMb = nowMb;
  }
  result() {
    const result = /* @__PURE__ */ new Map();
    for (const [stage, entry] of this.acc) {
      result.set(stage, {
        peak_mb: entry.peak,
        avg_cpu_pct: entry.weight > 0 ? entry.cpuWeighted / entry.weight : null,
        samples: entry.count
      });
    }
    return result;
  }
};
var RunStatsAccumulator = class {
  peakMb = 0;
  peakRssSumMb = 0;
  cpuSeconds = 0;
  count = 0;
  firstT;
  lastT;
  add(s) {
    this.peakMb = Math.max(this.peakMb, s.mem_mb);
    this.peakRssSumMb = Math.max(this.peakRssSumMb, s.rss_mb);
    this.cpuSeconds = Math.max(this.cpuSeconds, s.cpu_s);
    this.count++;
    this.firstT ??= s.t;
    this.lastT = s.t;
  }
};

// src/measure/build-profile.ts
var STAGE_TRUTH_VERSION = 1;
var METHOD_NOTES = {
  events: "Stages from the JSON-lines stage events the pipeline wrote (exact boundaries; overlapping stages share samples).",
  status_file: "Stages from polling the pipeline status file (boundaries as the file states them, changes seen once per sample).",
  metrics: "Per-stage RSS/CPU uses proportional wall-time windows from metrics.json; parallel work can mis-attribute samples (approximate).",
  whole_run: 'No stage information: one stage "run" covers the whole run.'
};
var MEMORY_NOTES = {
  pss_sum: "Memory is the PSS sum over the whole process tree (Linux smaps_rollup), so pages shared by forked workers count once.",
  rss_sum: "Memory is the RSS sum over the whole process tree (no PSS on this OS), so pages shared between processes count more than once.",
  cgroup_anon_shmem: "Memory is what the kernel charges to the tree's own cgroup: anonymous + shared memory, each page once (comparable with a PSS sum), each sample the highest of its interval; file cache is apart (stage_truth)."
};
function samplingNote(run, series) {
  const n = series.count;
  const achieved = n > 1 && series.firstT !== void 0 && series.lastT !== void 0 ? (series.lastT - series.firstT) / (n - 1) : null;
  const rate = achieved !== null ? `, achieved ${round(achieved, 3)} s` : "";
  const snapshots = run.probeSummary?.pss_snapshots;
  const pss = run.memoryMetric === "pss_sum" && snapshots !== void 0 && n > 0 && snapshots < n ? ` PSS read in full at ${snapshots} of them and carried forward in between (RSS changes, forks, exits; copy-on-write watched).` : "";
  return `${METHOD_NOTES[run.timeline.method]} ${MEMORY_NOTES[run.memoryMetric]} Sampled every ${run.sampleIntervalS} s (${n} samples${rate}).${pss}`;
}
function isoSeconds(epoch) {
  return new Date(Math.floor(epoch) * 1e3).toISOString().replace(".000Z", "Z");
}
function buildRunOutputs(run) {
  const wall = Math.max(0, run.endedAt - run.startedAt);
  const attribution = new SampleAttribution(run.timeline.spans, run.startedAt);
  const totals = new RunStatsAccumulator();
  for (const sample of run.samples) {
    attribution.add(sample);
    totals.add(sample);
  }
  const byStage = attribution.result();
  const warnings = [...run.warnings, ...run.timeline.warnings];
  const stages = {};
  const resource = {};
  const wallsByStage = {};
  let sumWalls = 0;
  for (const stage of run.timeline.order) {
    const stageWall = run.timeline.walls[stage] ?? 0;
    if (stageWall <= 0) continue;
    const stats = byStage.get(stage);
    if (!stats) warnings.push(`stage "${stage}": no sample covers it; its memory and CPU read 0`);
    else if (stats.avg_cpu_pct === null) warnings.push(`stage "${stage}": only samples without a CPU interval cover it; its CPU reads 0`);
    const peak = stats?.peak_mb ?? 0;
    const cpu = stats?.avg_cpu_pct ?? 0;
    stages[stage] = { wall_time_s: round(stageWall, 4), peak_rss_mb: round(peak, 1), avg_cpu_pct: round(cpu, 2) };
    resource[stage] = { peak_rss_mb: round(peak, 2), avg_cpu_pct: round(cpu, 2), samples: stats?.samples ?? 0 };
    wallsByStage[stage] = round(stageWall, 4);
    sumWalls += stageWall;
  }
  const note = samplingNote(run, totals);
  const profile = {
    release: run.release,
    date: isoSeconds(run.startedAt),
    dataset_id: run.datasetId,
    episodes_processed: run.episodes,
    environment: run.environment,
    stages,
    totals: {
      peak_rss_mb: round(totals.peakMb, 1),
      wall_time_s: round(wall, 4),
      avg_wall_time_per_episode_s: run.episodes !== null && run.episodes > 0 ? round(wall / run.episodes, 4) : null,
      sampling_note: note,
      memory_metric: run.memoryMetric,
      cpu_time_s: round(totals.cpuSeconds, 2),
      avg_cpu_pct: wall > 0 ? round(totals.cpuSeconds / wall * 100, 2) : 0,
      peak_rss_sum_mb: round(totals.peakRssSumMb, 1)
    },
    ...run.status !== "ok" ? { status: run.status } : {}
  };
  const truth = {
    profile_stage_truth_version: STAGE_TRUTH_VERSION,
    release: run.release,
    dataset_id: run.datasetId,
    source_metrics_path: run.timeline.metricsPath ?? null,
    sample_interval_s: run.sampleIntervalS,
    run_wall_s: round(wall, 4),
    sum_mapped_stage_wall_s: round(sumWalls, 4),
    parallelism_hint_ratio: wall > 0 ? round(sumWalls / wall, 4) : null,
    wall_seconds_by_stage: wallsByStage,
    resource_by_stage_psutil: resource,
    global_peak_rss_mb_sampled: round(totals.peakMb, 2),
    metrics_excerpt: run.metricsExcerpt ?? null,
    // Not psutil: the key keeps its name for readers of the anchor format; this says what it holds.
    memory_metric: run.memoryMetric,
    stage_source: run.timeline.method,
    sampling_note: note,
    samples_count: totals.count,
    global_peak_rss_sum_mb_sampled: round(totals.peakRssSumMb, 2),
    cpu_time_s: round(totals.cpuSeconds, 2),
    status: run.status,
    exit_code: run.exitCode,
    signal: run.signal,
    stages_open_at_end: run.timeline.openAtEnd,
    ...run.probeSummary ?? {},
    warnings,
    ...run.files?.samples ? { samples_file: run.files.samples } : {},
    ...run.files?.events ? { events_file: run.files.events } : {}
  };
  return { profile, truth };
}

// src/measure/gpu-profile.ts
function mean(acc) {
  return acc.weight > 0 ? acc.utilWeighted / acc.weight : null;
}
function add(acc, sample, length) {
  if (typeof sample.gpu_mem_mb === "number") acc.peak = Math.max(acc.peak ?? 0, sample.gpu_mem_mb);
  if (typeof sample.gpu_util_pct === "number" && length > 0) {
    acc.utilWeighted += sample.gpu_util_pct * length;
    acc.weight += length;
  }
}
var empty = () => ({ peak: null, utilWeighted: 0, weight: 0 });
function gpuByStage(samples, spans, runStart) {
  const sweep = new SpanSweep(spans, runStart);
  const stages = /* @__PURE__ */ new Map();
  const total = empty();
  let deviceMemMb;
  let any = false;
  for (const sample of samples) {
    const { coverage, length } = sweep.advance(sample.t);
    if (sample.gpu_mem_mb === void 0) continue;
    any = true;
    if (typeof sample.gpu_device_mem_mb === "number") deviceMemMb = Math.max(deviceMemMb ?? 0, sample.gpu_device_mem_mb);
    add(total, sample, length);
    for (const { stage, covered } of coverage) {
      const acc = stages.get(stage) ?? empty();
      add(acc, sample, covered);
      stages.set(stage, acc);
    }
  }
  return any ? { stages, total, deviceMemMb } : void 0;
}
function addGpu(profile, truth, samples, spans, runStart, note) {
  const gpu = gpuByStage(samples, spans, runStart);
  if (!gpu) {
    profile.totals.gpu_note = note ?? "no GPU reading in the samples";
    truth.gpu_note = profile.totals.gpu_note;
    return;
  }
  const value = (v, digits) => v === null ? null : round(v, digits);
  for (const [name, stage] of Object.entries(profile.stages)) {
    const acc = gpu.stages.get(name) ?? empty();
    stage.peak_gpu_mem_mb = value(acc.peak, 1);
    stage.avg_gpu_util_pct = value(mean(acc), 2);
    const resource = truth.resource_by_stage_psutil[name];
    if (resource) Object.assign(resource, { peak_gpu_mem_mb: value(acc.peak, 2), avg_gpu_util_pct: value(mean(acc), 2) });
  }
  Object.assign(profile.totals, {
    peak_gpu_mem_mb: value(gpu.total.peak, 1),
    avg_gpu_util_pct: value(mean(gpu.total), 2),
    ...gpu.deviceMemMb !== void 0 ? { peak_gpu_device_mem_mb: round(gpu.deviceMemMb, 1) } : {},
    gpu_note: note ?? "GPU readings from nvidia-smi"
  });
  truth.gpu_note = profile.totals.gpu_note;
}

// src/measure/memory-method.ts
function peakSample(samples) {
  let peak;
  let count = 0;
  for (const s of samples) {
    count++;
    if (!peak || s.mem_mb > peak.mem_mb) peak = s;
  }
  return { peak, count };
}
function memoryMethod(memoryMetric, samples, summary, containment) {
  if (memoryMetric === "cgroup_anon_shmem") {
    const perInterval = summary.kernel_peak_per_interval === 1;
    const where = containment?.cgroup ?? "its cgroup";
    return {
      method: "cgroup",
      expected_error: perInterval ? `Kernel accounting (${where}): anonymous + shared memory exact at each sample; each sample's value is the highest of its interval from the kernel's high-water mark (minus file cache, so a lower bound when the cache shrank meanwhile).` : `Kernel accounting (${where}): anonymous + shared memory exact at each sample; this kernel cannot reset its high-water mark, so a spike shorter than an interval is missed (the group's peak usage with file cache was ${round(summary.kernel_usage_peak_mb ?? 0, 1)} MiB).`
    };
  }
  if (memoryMetric === "rss_sum") {
    return { method: "rss_sum", expected_error: "RSS sum: pages shared between processes (forked workers, shared mappings) count once per process, so the peak is an upper bound." };
  }
  const snapshots = summary.pss_snapshots ?? 0;
  const { peak, count } = peakSample(samples);
  if (count > 0 && snapshots >= count) {
    return { method: "pss_every_sample", expected_error: "PSS read in full at every sample: exact at each sample; a spike shorter than an interval is missed." };
  }
  const unverified = round(peak?.pss_unverified_mb ?? 0, 1);
  const age = round(peak?.pss_age_s ?? 0, 2);
  return {
    method: "pss_estimator",
    expected_error: `PSS read in full at ${snapshots} of ${count} samples and carried forward in between (exact for new and freed anonymous memory, forks and exits); at the peak sample the last full reading was ${age} s old and ${unverified} MiB of copy-on-write or shared-page changes were not yet re-read (the peak may be low by up to that).`,
    peak_unverified_mb: unverified,
    peak_pss_age_s: age
  };
}
function containmentNote(containment, end) {
  const held = containment.cgroup ? `its own ${containment.cgroup}` : `its process group only (${containment.mode === "none" ? "containment: none" : "no cgroup could be made here"})`;
  const ns = containment.namespace === "user" ? " and a user namespace" : "";
  const left = end?.leftover ? ` ${end.leftover} process(es) it left running were ended after it exited.` : "";
  return `The tree ran in ${held}${ns}, without the action's tokens in its environment.${left}`;
}

// src/measure/stages/metrics.ts
var PER_EPISODE_STAGES = [
  { stage: "download_media", avg: "avg_download_media_seconds", count: "download_media_count" },
  { stage: "transcription", avg: "avg_transcribe_seconds", count: "transcribe_count" },
  { stage: "speaker_detection", avg: "avg_extract_names_seconds", count: "extract_names_count" },
  { stage: "transcript_cleaning", avg: "avg_cleaning_seconds", count: "cleaning_count" },
  { stage: "summarization", avg: "avg_summarize_seconds", count: "summarize_count" },
  { stage: "gi_generation", avg: "avg_gi_seconds", count: "gi_count" },
  { stage: "kg_extraction", avg: "avg_kg_seconds", count: "kg_count" },
  { stage: "vector_indexing", avg: "", total: "vector_index_seconds" }
];
var GENERIC_KEYS = ["wall_seconds_by_stage", "stage_wall_seconds"];
var EXCERPT_KEYS = [
  "schema_version",
  "run_duration_seconds",
  "episodes_scraped_total",
  "episodes_skipped_total",
  "errors_total",
  "time_scraping",
  "time_parsing",
  "time_normalizing",
  "time_writing_storage",
  "io_and_waiting_wall_seconds",
  "io_and_waiting_thread_sum_seconds",
  "time_io_and_waiting",
  "download_media_count",
  "avg_download_media_seconds",
  "preprocessing_count",
  "avg_preprocessing_seconds",
  "transcribe_count",
  "avg_transcribe_seconds",
  "extract_names_count",
  "avg_extract_names_seconds",
  "cleaning_count",
  "avg_cleaning_seconds",
  "summarize_count",
  "avg_summarize_seconds",
  "gi_count",
  "avg_gi_seconds",
  "kg_count",
  "avg_kg_seconds",
  "vector_index_seconds",
  "download_media_time_by_episode",
  "transcribe_time_by_episode",
  "extract_names_time_by_episode",
  "summarize_time_by_episode",
  "cleaning_time_by_episode",
  ...GENERIC_KEYS
];
function round4(value) {
  return Math.round(value * 1e4) / 1e4;
}
function stageWallsFromMetrics(metrics) {
  const warnings = [];
  const walls = {};
  for (const key of GENERIC_KEYS) {
    const generic = metrics[key];
    if (!isObject(generic)) continue;
    for (const [stage, value] of Object.entries(generic)) {
      if (isFiniteNumber(value) && value >= 0) {
        if (value > 0) walls[stage] = value;
      } else warnings.push(`metrics ${key}.${stage}: expected seconds >= 0 (ignored)`);
    }
    return { walls, warnings };
  }
  for (const { stage, avg, count, total } of PER_EPISODE_STAGES) {
    let wall;
    if (total !== void 0) {
      const value = metrics[total];
      if (isFiniteNumber(value)) wall = value;
    } else if (count !== void 0) {
      const a = metrics[avg];
      const n = metrics[count];
      if (isFiniteNumber(a) && isFiniteNumber(n)) wall = a * n;
    }
    if (wall !== void 0 && wall > 0) walls[stage] = round4(wall);
  }
  return { walls, warnings };
}
function metricsExcerpt(metrics) {
  const excerpt = {};
  for (const key of EXCERPT_KEYS) if (key in metrics) excerpt[key] = metrics[key];
  return excerpt;
}
function timelineFromMetrics(metrics, runStart, runEnd, path) {
  const { walls, warnings } = stageWallsFromMetrics(metrics);
  const order = Object.keys(walls);
  const sum = order.reduce((total, stage) => total + walls[stage], 0);
  const scale = sum > 0 ? (runEnd - runStart) / sum : 0;
  const spans = [];
  let at = runStart;
  for (const stage of order) {
    const end = at + walls[stage] * scale;
    spans.push({ stage, start: at, end });
    at = end;
  }
  if (order.length === 0) warnings.push(`${path}: no stage wall times found (looked for ${GENERIC_KEYS.join(" / ")} and the avg_*_seconds \xD7 *_count keys)`);
  return { method: "metrics", order, walls, spans, warnings, openAtEnd: [], metricsPath: path };
}

// src/measure/stages/status-file.ts
import { readFileSync, statSync as statSync2 } from "node:fs";
var IDLE = /* @__PURE__ */ new Set(["", "idle", "done", "complete", "completed", "finished", "success", "succeeded", "failed", "error", "stopped"]);
function parseTimestamp(value) {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value > 1e11 ? value / 1e3 : value;
  if (typeof value === "string" && value.trim() !== "") {
    const ms = Date.parse(value.trim());
    return Number.isFinite(ms) ? ms / 1e3 : null;
  }
  return null;
}
function parseStatusText(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!isObject(data)) return void 0;
  const raw = typeof data.stage === "string" ? data.stage.trim() : null;
  const stage = raw === null || IDLE.has(raw.toLowerCase()) ? null : raw;
  return { stage, started_at: parseTimestamp(data.stage_started_at) };
}
var StatusFilePoller = class {
  constructor(path) {
    this.path = path;
    this.lastSignature = this.signature();
  }
  path;
  lastSignature;
  last;
  observations = [];
  signature() {
    const stat = statSync2(this.path, { throwIfNoEntry: false });
    return stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : void 0;
  }
  missingSince;
  /** Returns the new observation when the file changed to another stage. */
  poll(t) {
    if (this.missingSince !== void 0 && t - this.missingSince < 1) return void 0;
    const signature = this.signature();
    this.missingSince = signature === void 0 ? t : void 0;
    if (signature === void 0 || signature === this.lastSignature) return void 0;
    let text;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      return void 0;
    }
    const parsed = parseStatusText(text);
    if (!parsed) return void 0;
    this.lastSignature = signature;
    if (this.last && this.last.stage === parsed.stage && this.last.started_at === parsed.started_at) return void 0;
    this.last = parsed;
    const observation = { t, ...parsed };
    this.observations.push(observation);
    return observation;
  }
};
function timelineFromStatus(observations, runStart, runEnd, file) {
  const spans = [];
  let current;
  for (const o of observations) {
    const floor = current ? current.start : runStart;
    const at = o.started_at !== null && o.stage !== null ? clamp(o.started_at, floor, o.t) : clamp(o.t, floor, runEnd);
    if (current && current.stage === o.stage) continue;
    if (current) spans.push({ stage: current.stage, start: current.start, end: clamp(at, current.start, runEnd) });
    current = o.stage === null ? void 0 : { stage: o.stage, start: clamp(at, runStart, runEnd) };
  }
  const openAtEnd = [];
  if (current) {
    spans.push({ stage: current.stage, start: current.start, end: runEnd });
  }
  const walls = {};
  for (const span of spans) walls[span.stage] = (walls[span.stage] ?? 0) + (span.end - span.start);
  const order = Object.keys(walls).filter((stage) => (walls[stage] ?? 0) > 0);
  const kept = {};
  for (const stage of order) kept[stage] = walls[stage];
  return {
    method: "status_file",
    order,
    walls: kept,
    spans: spans.filter((s) => s.end > s.start),
    warnings: observations.length === 0 ? [`${file}: no change seen during the run`] : [],
    openAtEnd
  };
}

// src/measure/stages/resolve.ts
function resolveTimeline(inputs) {
  const { spec, runStart, runEnd } = inputs;
  const excerpt = inputs.metrics?.data ? { metricsExcerpt: metricsExcerpt(inputs.metrics.data) } : {};
  const eventsFile = inputs.eventsPath ?? "stage events";
  const carried = [...inputs.eventWarnings];
  const withCarried = (timeline) => ({ ...timeline, warnings: [...carried, ...timeline.warnings] });
  const wantEvents = spec.kind === "events" || spec.kind === "auto" && inputs.events.length > 0;
  if (wantEvents) {
    if (inputs.events.length > 0) {
      return { timeline: withCarried(timelineFromEvents(inputs.events, runStart, runEnd, eventsFile)), ...excerpt };
    }
    return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, `no stage events were written to ${eventsFile}; one stage "run" covers the run`]), ...excerpt };
  }
  const wantStatus = spec.kind === "status-file" || spec.kind === "auto" && inputs.statuses.length > 0;
  if (wantStatus) {
    const file = inputs.statusPath ?? "status file";
    if (inputs.statuses.length > 0) {
      return { timeline: withCarried(timelineFromStatus(inputs.statuses, runStart, runEnd, file)), ...excerpt };
    }
    return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, `${file} did not change during the run; one stage "run" covers the run`]), ...excerpt };
  }
  const wantMetrics = spec.kind === "metrics" || spec.kind === "auto" && inputs.metrics !== void 0;
  if (wantMetrics && inputs.metrics) {
    const { path, data, error } = inputs.metrics;
    if (data) {
      const timeline = timelineFromMetrics(data, runStart, runEnd, path);
      if (timeline.order.length > 0) return { timeline: withCarried(timeline), ...excerpt };
      return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, ...timeline.warnings]), ...excerpt };
    }
    return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, `${path}: ${error ?? "not readable"}; one stage "run" covers the run`]) };
  }
  return { timeline: wholeRunTimeline(runStart, runEnd, carried), ...excerpt };
}

// src/measure/run-outputs.ts
function writeOutput(path, text) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    const code = error.code;
    throw new UserError(`cannot write ${path}${code ? ` (${code})` : ""}`, [errorMessage(error)]);
  }
}
function readMetricsFile(path) {
  try {
    const data = readJson(path);
    return isObject(data) ? { path, data } : { path, error: "not a JSON object" };
  } catch (error) {
    if (error instanceof InputFileError && error.missing) return { path, error: "file not found" };
    return { path, error: errorMessage(error).replace(`${path}: invalid content
  - `, "") };
  }
}
function episodesFrom(options, metrics) {
  if (options.episodes !== void 0) return options.episodes;
  const scraped = metrics?.episodes_scraped_total;
  return typeof scraped === "number" && Number.isInteger(scraped) && scraped > 0 ? scraped : null;
}
function outputsOf(raw, ctx) {
  const { timeline, metricsExcerpt: metricsExcerpt2 } = resolveTimeline({
    spec: ctx.checked.stages,
    runStart: raw.startedAt,
    runEnd: raw.endedAt,
    events: raw.events,
    eventWarnings: raw.eventWarnings,
    eventsPath: ctx.files.events,
    statuses: raw.statuses,
    statusPath: ctx.statusPath ?? null,
    ...ctx.metrics ? { metrics: ctx.metrics } : {}
  });
  const built = buildRunOutputs({
    release: ctx.options.version,
    datasetId: ctx.options.datasetId,
    environment: ctx.environment,
    sampleIntervalS: ctx.checked.sampleIntervalS,
    memoryMetric: raw.memoryMetric,
    startedAt: raw.startedAt,
    endedAt: raw.endedAt,
    samples: raw.samples,
    timeline,
    episodes: episodesFrom(ctx.options, ctx.metrics?.data),
    status: raw.status,
    exitCode: raw.exitCode,
    signal: raw.signal,
    warnings: raw.warnings,
    probeSummary: raw.probeSummary,
    ...metricsExcerpt2 ? { metricsExcerpt: metricsExcerpt2 } : {},
    files: { samples: basename(ctx.files.samples), events: basename(ctx.files.events) }
  });
  built.truth.stage_source_requested = formatStageSource(ctx.checked.stages);
  addGpu(built.profile, built.truth, raw.samples, timeline.spans, raw.startedAt, ctx.gpuNote);
  built.truth.memory_method = memoryMethod(raw.memoryMetric, raw.samples, raw.probeSummary, raw.containment);
  built.truth.containment = raw.containment ? { ...raw.containment, tree_end: raw.treeEnd ?? null } : null;
  if (raw.containment) {
    const note = `${built.profile.totals.sampling_note ?? ""} ${containmentNote(raw.containment, raw.treeEnd)}`.trim();
    built.profile.totals.sampling_note = note;
    built.truth.sampling_note = note;
  }
  return built;
}

export {
  round,
  SamplesWriter,
  scanSamplesFile,
  samplesOf,
  samplesFileEnded,
  DEFAULT_STATUS_FILE,
  STAGE_EVENTS_ENV,
  parseStageSource,
  parseEventsText,
  EventsTail,
  StatusFilePoller,
  resolveTimeline,
  writeOutput,
  readMetricsFile,
  outputsOf
};
