/**
 * `<stem>.samples.jsonl`: the raw timeline of one measured run, written as it is taken so that a
 * killed sampler still leaves everything needed to rebuild the profile (see rebuild.ts).
 * Line 1 is a header (what was run and how it was sampled), then `sample` lines, `status` lines
 * (what a polled status file said, when it changed) and, when the run ended normally, an `end` line.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ProfileEnvironment } from '../formats/profile.js';
import { InputFileError } from '../errors.js';
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
      ...(sample.pss_unverified_mb !== undefined ? { pss_unverified_mb: round(sample.pss_unverified_mb, 1) } : {}),
      ...(sample.mem_now_mb !== undefined ? { mem_now_mb: round(sample.mem_now_mb, 3) } : {}),
      ...(sample.file_cache_mb !== undefined ? { file_cache_mb: round(sample.file_cache_mb, 3) } : {}),
      ...(sample.usage_peak_mb !== undefined ? { usage_peak_mb: round(sample.usage_peak_mb, 3) } : {}),
    });
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
  /** Lines that could not be read (a torn last line after a kill is expected, others are not). */
  warnings: string[];
}

/** Parses a samples file; throws InputFileError when the header is missing or not ours. */
export function parseSamplesFile(text: string, file: string): SamplesFileContent {
  const lines = text.split('\n');
  let header: SamplesHeader | undefined;
  const samples: Sample[] = [];
  const statuses: StatusObservation[] = [];
  const warnings: string[] = [];
  let end: EndRecord | undefined;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      warnings.push(`${file} line ${index + 1}: not JSON (ignored)`);
      return;
    }
    if (!isObject(record)) return;
    if (index === 0) {
      if (record.type === 'header' && record.format === SAMPLES_FORMAT) header = record as unknown as SamplesHeader;
      return;
    }
    if (record.type === 'sample' && typeof record.t === 'number' && typeof record.mem_mb === 'number') samples.push(record as unknown as Sample);
    else if (record.type === 'status' && typeof record.t === 'number') statuses.push(record as unknown as StatusObservation);
    else if (record.type === 'end') end = record as unknown as EndRecord;
    else warnings.push(`${file} line ${index + 1}: unknown record (ignored)`);
  });
  if (!header) throw new InputFileError(file, [`line 1: expected a "${SAMPLES_FORMAT}" header`]);
  return { header, samples, statuses, warnings, ...(end ? { end } : {}) };
}
