/**
 * `<stem>.samples.jsonl`: the raw timeline of one measured run, written as it is taken so that a
 * killed sampler still leaves everything needed to rebuild the profile (see rebuild.ts).
 * Line 1 is a header (what was run and how it was sampled), then `sample` lines, `status` lines
 * (what a polled status file said, when it changed), an `environment` line with the complete environment
 * once it was collected (python, git: after the command started) and, when the run ended normally, an `end` line.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { ProfileEnvironment } from '../formats/profile.js';
import { InputFileError } from '../errors.js';
import { readLines } from '../formats/parse.js';
import { isObject } from '../formats/validate.js';
import type { ContainmentInfo, MemoryMetric } from './ports.js';
import type { StageSourceSpec } from './stages/source.js';

export const SAMPLES_FORMAT = 'optimization-gate-samples';

export type RunStatus = 'ok' | 'failed' | 'timed_out' | 'cancelled';

export interface SamplesHeader {
  type: 'header';
  format: typeof SAMPLES_FORMAT;
  version: 1;
  release: string;
  dataset_id: string;
  sample_interval_s: number;
  /** Epoch seconds just after the command was spawned. */
  started_at: number;
  root_pid: number;
  command: readonly string[];
  cwd: string;
  memory_metric: MemoryMetric;
  stage_source: StageSourceSpec;
  /** Absolute path of the JSON-lines stage events file the command was given. */
  events_path: string | null;
  status_file: string | null;
  metrics_file: string | null;
  episodes: number | null;
  environment: ProfileEnvironment;
  /** What held the command's tree (containment.ts); absent in files of older versions. */
  containment?: ContainmentInfo;
}

export interface Sample {
  /** Epoch seconds. */
  t: number;
  /**
   * Tree memory in MiB, in the header's memory_metric. With `cgroup_anon_shmem`: the highest of the
   * interval (t − dt, t], from the kernel's high-water mark (cgroup-probe.ts); `mem_now_mb` is the instant.
   */
  mem_mb: number;
  /**
   * RSS sum in MiB (double counts shared pages; kept to show the difference). With `cgroup_anon_shmem`
   * no per-process RSS is read: anon + shmem + file cache of the tree's cgroup instead.
   */
  rss_mb: number;
  /** Percent of one core over the interval ending at t; null for the first sample (no interval yet). */
  cpu_pct: number | null;
  /** Cumulative CPU seconds of the tree. */
  cpu_s: number;
  procs: number;
  /** Seconds since the tree's PSS was last read in full; in between it is carried forward (pss-estimator.ts). */
  pss_age_s?: number;
  /** GPU memory of the tree's processes (MiB) and utilisation of their GPUs (%), newest nvidia-smi reading; absent without a GPU. */
  gpu_mem_mb?: number | null;
  gpu_util_pct?: number | null;
  /** GPU memory in use on every device (MiB), whoever uses it. */
  gpu_device_mem_mb?: number | null;
  /** MiB of memory changes the PSS estimate could not place at this sample (copy-on-write, shared pages): its error bound. */
  pss_unverified_mb?: number;
  /** cgroup accounting: the tree's anon + shmem at t, its file cache, and the group's highest usage in the interval. */
  mem_now_mb?: number;
  file_cache_mb?: number;
  usage_peak_mb?: number;
}

export interface StatusObservation {
  /** When we read it. */
  t: number;
  stage: string | null;
  /** The file's `stage_started_at`, as epoch seconds, when it had a usable one. */
  started_at: number | null;
}

export interface EndRecord {
  type: 'end';
  t: number;
  status: RunStatus;
  exit_code: number | null;
  signal: string | null;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Appends records, written out at least every `flushEveryMs` (and at the end), so a sampler killed
 * mid-run loses at most that much of the timeline while a fast sampler does not pay a write per tick.
 */
export class SamplesWriter {
  private fd: number | undefined;
  private pending = '';
  private lastFlush = Date.now();

  constructor(
    readonly path: string,
    header: SamplesHeader,
    private readonly flushEveryMs = 1000,
  ) {
    this.fd = openSync(path, 'w');
    this.line(header);
    this.flush();
  }

  private line(record: object): void {
    this.pending += `${JSON.stringify(record)}\n`;
    if (Date.now() - this.lastFlush >= this.flushEveryMs) this.flush();
  }

  flush(): void {
    if (this.fd !== undefined && this.pending !== '') writeSync(this.fd, this.pending);
    this.pending = '';
    this.lastFlush = Date.now();
  }

  sample(sample: Sample): void {
    this.line({
      type: 'sample',
      t: round(sample.t, 3),
      mem_mb: round(sample.mem_mb, 3),
      rss_mb: round(sample.rss_mb, 3),
      cpu_pct: sample.cpu_pct === null ? null : round(sample.cpu_pct, 2),
      cpu_s: round(sample.cpu_s, 2),
      procs: sample.procs,
      ...(sample.pss_age_s !== undefined ? { pss_age_s: round(sample.pss_age_s, 2) } : {}),
      ...(sample.gpu_mem_mb !== undefined ? { gpu_mem_mb: sample.gpu_mem_mb, gpu_util_pct: sample.gpu_util_pct ?? null, gpu_device_mem_mb: sample.gpu_device_mem_mb ?? null } : {}),
      ...(sample.pss_unverified_mb !== undefined ? { pss_unverified_mb: round(sample.pss_unverified_mb, 1) } : {}),
      ...(sample.mem_now_mb !== undefined ? { mem_now_mb: round(sample.mem_now_mb, 3) } : {}),
      ...(sample.file_cache_mb !== undefined ? { file_cache_mb: round(sample.file_cache_mb, 3) } : {}),
      ...(sample.usage_peak_mb !== undefined ? { usage_peak_mb: round(sample.usage_peak_mb, 3) } : {}),
    });
  }

  /** The complete environment, once collected (the header holds what was known at spawn). */
  environment(environment: ProfileEnvironment): void {
    this.line({ type: 'environment', environment });
  }

  status(observation: StatusObservation): void {
    this.line({ type: 'status', ...observation });
  }

  end(record: Omit<EndRecord, 'type'>): void {
    this.line({ type: 'end', ...record });
    this.flush();
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export interface SamplesFileContent {
  header: SamplesHeader;
  samples: Sample[];
  statuses: StatusObservation[];
  end?: EndRecord;
  /** The complete environment, written once collected (after the command started); the header has the host part. */
  environment?: ProfileEnvironment;
  /** Lines that could not be read (a torn last line after a kill is expected, others are not). */
  warnings: string[];
}

type SamplesLine =
  | { type: 'header'; header: SamplesHeader }
  | { type: 'sample'; sample: Sample }
  | { type: 'status'; status: StatusObservation }
  | { type: 'end'; end: EndRecord }
  | { type: 'environment'; environment: ProfileEnvironment }
  | { type: 'skip' }
  | { type: 'bad'; warning: string };

/** One line of a samples file; `index` is 0-based (the header is line 1). */
function parseSamplesLine(line: string, index: number, file: string): SamplesLine {
  if (line.trim() === '') return { type: 'skip' };
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { type: 'bad', warning: `${file} line ${index + 1}: not JSON (ignored)` };
  }
  if (!isObject(record)) return { type: 'skip' };
  if (index === 0) {
    return record.type === 'header' && record.format === SAMPLES_FORMAT ? { type: 'header', header: record as unknown as SamplesHeader } : { type: 'skip' };
  }
  if (record.type === 'sample' && typeof record.t === 'number' && typeof record.mem_mb === 'number') return { type: 'sample', sample: record as unknown as Sample };
  if (record.type === 'status' && typeof record.t === 'number') return { type: 'status', status: record as unknown as StatusObservation };
  if (record.type === 'end') return { type: 'end', end: record as unknown as EndRecord };
  if (record.type === 'environment' && isObject(record.environment)) return { type: 'environment', environment: record.environment as unknown as ProfileEnvironment };
  return { type: 'bad', warning: `${file} line ${index + 1}: unknown record (ignored)` };
}

function missingHeader(file: string): InputFileError {
  return new InputFileError(file, [`line 1: expected a "${SAMPLES_FORMAT}" header`]);
}

/** How SamplesWriter starts a sample line (JSON.stringify keeps key order). */
const SAMPLE_PREFIX = '{"type":"sample","t":';

/** What a samples file says besides its samples (which stay on disk: see samplesOf). */
export interface SamplesScan extends Omit<SamplesFileContent, 'samples'> {
  sampleCount: number;
  lastSampleT: number | undefined;
  /** Samples at which PSS was read in full (pss_age_s 0). */
  pssSnapshots: number;
}

/**
 * Reads a samples file line by line without keeping its samples, so a rebuild of a long run needs
 * memory for its stage changes only. Throws InputFileError when the header is missing or not ours.
 */
export function scanSamplesFile(file: string): SamplesScan {
  let header: SamplesHeader | undefined;
  const scan: Omit<SamplesScan, 'header'> = { statuses: [], warnings: [], sampleCount: 0, lastSampleT: undefined, pssSnapshots: 0 };
  let index = 0;
  for (const line of readLines(file)) {
    // Sample lines as SamplesWriter writes them are counted without a full parse (the second pass,
    // samplesOf, parses them): that halves the CPU of a rebuild. Anything else is parsed here.
    const t = index > 0 && line.startsWith(SAMPLE_PREFIX) && line.endsWith('}') ? Number(line.slice(SAMPLE_PREFIX.length, line.indexOf(',', SAMPLE_PREFIX.length))) : Number.NaN;
    if (Number.isFinite(t)) {
      index++;
      scan.sampleCount++;
      scan.lastSampleT = t;
      if (line.endsWith(',"pss_age_s":0}')) scan.pssSnapshots++;
      continue;
    }
    const parsed = parseSamplesLine(line, index++, file);
    if (parsed.type === 'header') header = parsed.header;
    else if (parsed.type === 'sample') {
      scan.sampleCount++;
      scan.lastSampleT = parsed.sample.t;
      if (parsed.sample.pss_age_s === 0) scan.pssSnapshots++;
    } else if (parsed.type === 'status') scan.statuses.push(parsed.status);
    else if (parsed.type === 'end') scan.end = parsed.end;
    else if (parsed.type === 'environment') scan.environment = parsed.environment;
    else if (parsed.type === 'bad') scan.warnings.push(parsed.warning);
    if (index === 1 && !header) throw missingHeader(file);
  }
  if (!header) throw missingHeader(file);
  return { header, ...scan };
}

/** The samples of a file, streamed from disk each time they are iterated. */
export function samplesOf(file: string): Iterable<Sample> {
  return {
    *[Symbol.iterator]() {
      let index = 0;
      for (const line of readLines(file)) {
        const parsed = parseSamplesLine(line, index++, file);
        if (parsed.type === 'sample') yield parsed.sample;
      }
    },
  };
}

/** Whether the samples file ends with an end record (the run ended under its sampler): reads only its tail. */
export function samplesFileEnded(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const last = tail.toString('utf8').trimEnd().split('\n').pop() ?? '';
    const record = JSON.parse(last) as unknown;
    return isObject(record) && record.type === 'end';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Parses a samples file; throws InputFileError when the header is missing or not ours. */
export function parseSamplesFile(text: string, file: string): SamplesFileContent {
  let header: SamplesHeader | undefined;
  const content: Omit<SamplesFileContent, 'header'> = { samples: [], statuses: [], warnings: [] };
  text.split('\n').forEach((line, index) => {
    const parsed = parseSamplesLine(line, index, file);
    if (parsed.type === 'header') header = parsed.header;
    else if (parsed.type === 'sample') content.samples.push(parsed.sample);
    else if (parsed.type === 'status') content.statuses.push(parsed.status);
    else if (parsed.type === 'end') content.end = parsed.end;
    else if (parsed.type === 'environment') content.environment = parsed.environment;
    else if (parsed.type === 'bad') content.warnings.push(parsed.warning);
  });
  if (!header) throw missingHeader(file);
  return { header, ...content };
}
