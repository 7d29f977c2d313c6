/**
 * Which samples belong to which stage (pure). A sample taken at t describes the interval since the
 * previous sample, (t − dt, t]; it counts for every stage active during part of that interval, so
 * a stage shorter than the interval still gets the sample that covers it, and overlapping stages
 * share samples.
 *
 * One pass over the samples with a sweep over the spans sorted by start: only the spans that can
 * meet the current interval are looked at, so a run costs O(samples + spans + overlaps) instead of
 * samples × spans (8 h at 10 Hz with a stage per second was 73 s of CPU), and the state kept is the
 * spans plus the few active ones: samples can stream through without being held.
 */
import type { Sample } from './samples-file.js';
import type { StageSpan } from './stages/source.js';

export interface StageResourceStats {
  /** Max tree memory (MiB) over the stage's samples. */
  peak_mb: number;
  /** CPU percent over the stage, overlap-weighted (see SampleAttribution); null when no sample has a CPU interval in it. */
  avg_cpu_pct: number | null;
  samples: number;
}

/**
 * How long the span shares with the interval (from, to]; touching at one instant is no overlap.
 * The first sample's interval is the single instant `to`: a span containing it meets it with length 0.
 */
export function overlap(span: StageSpan, from: number, to: number): number | undefined {
  if (from === to) return span.start <= to && span.end >= to ? 0 : undefined;
  const length = Math.min(to, span.end) - Math.max(from, span.start);
  return length > 0 ? length : undefined;
}

/** How much of one sample's interval each stage covers (several spans of a stage add up). */
export interface StageCoverage {
  stage: string;
  covered: number;
  /** A span of the stage holds the interval's start (`from`) / its end (`t`, the instant the sample was read). */
  holdsStart: boolean;
  holdsEnd: boolean;
}

/**
 * The spans a series of sample intervals meets, one interval at a time in time order: a sweep over
 * the spans sorted by start that keeps only those that can still meet the next interval.
 */
export class SpanSweep {
  private readonly spans: StageSpan[];
  /** Spans started by the current interval's end and not known to have ended before its start. */
  private active: StageSpan[] = [];
  private next = 0;
  /** The lowest interval start the active list is still complete for. */
  private prunedTo = Number.NEGATIVE_INFINITY;
  private from: number;
  private readonly coverage: StageCoverage[] = [];
  private readonly byStage = new Map<string, StageCoverage>();

  constructor(spans: readonly StageSpan[], runStart: number) {
    // Stable: spans of one stage keep their order, so per-sample sums add up in the same order as before.
    this.spans = spans.slice().sort((a, b) => a.start - b.start);
    this.from = runStart;
  }

  /**
   * The stages the interval (previous t, t] meets, in the order first met, with how much of it each
   * covers; the list is reused by the next call. `length` is the interval's own length.
   */
  advance(t: number): { coverage: readonly StageCoverage[]; length: number } {
    const to = t;
    const from = Math.min(this.from, to);
    this.from = to;
    this.refreshActive(from, to);
    this.coverage.length = 0;
    this.byStage.clear();
    for (const span of this.active) {
      const length = overlap(span, from, to);
      if (length === undefined) continue;
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
  private refreshActive(from: number, to: number): void {
    if (from < this.prunedTo) {
      // The wall clock stepped back: spans dropped as over may meet this interval. Rare; rebuild.
      this.active = this.spans.slice(0, this.next).filter((s) => s.end >= from);
    } else if (this.active.length > 0) {
      let kept = 0;
      for (const span of this.active) if (span.end >= from) this.active[kept++] = span;
      this.active.length = kept;
    }
    this.prunedTo = from;
    while (this.next < this.spans.length && (this.spans[this.next] as StageSpan).start <= to) {
      const span = this.spans[this.next++] as StageSpan;
      if (span.end >= from) this.active.push(span);
    }
  }
}

interface StageAccumulator {
  peak: number;
  cpuWeighted: number;
  weight: number;
  count: number;
}

/**
 * Per-stage peak memory and CPU, fed one sample at a time in time order. Peak: max over every sample
 * that meets the stage. CPU: the mean of those samples weighted by how much of each sample's interval
 * the stage covers, so the samples at a stage's edges (which also describe the neighbouring stage)
 * count for their share only. `runStart` is where the first sample's interval begins (the spawn).
 */
export class SampleAttribution {
  private readonly sweep: SpanSweep;
  private readonly acc = new Map<string, StageAccumulator>();
  private lastLiveMb = 0;
  /** The previous sample's instantaneous memory (kernel accounting only). */
  private previousNowMb: number | undefined;

  constructor(spans: readonly StageSpan[], runStart: number) {
    this.sweep = new SpanSweep(spans, runStart);
  }

  /**
   * The memory a stage gets from this sample. With kernel accounting `mem_mb` is the highest of the
   * whole interval: a stage that covers only part of it gets the instantaneous readings at the ends it
   * holds (else the peak of the stage before a boundary would count for the one after it); a stage
   * strictly inside the interval has only the interval's peak, an upper bound.
   */
  private memoryFor(cover: StageCoverage, length: number, memMb: number, nowMb: number | undefined): number {
    if (nowMb === undefined || cover.covered >= length || (!cover.holdsStart && !cover.holdsEnd)) return memMb;
    return Math.max(cover.holdsEnd ? nowMb : 0, cover.holdsStart ? (this.previousNowMb ?? 0) : 0);
  }

  add(sample: Sample): void {
    // Once the whole tree has exited (the last sample), or while its last process is exiting (a zombie
    // has no memory map left), its memory reads 0: the last memory seen while it ran stands for that
    // interval instead. A live tree never truly holds 0 MiB.
    const readable = sample.procs > 0 && sample.mem_mb > 0;
    const memMb = readable ? sample.mem_mb : this.lastLiveMb;
    if (readable) this.lastLiveMb = sample.mem_mb;
    // A tree that has exited reads 0 now: its last live memory stands for it, as for mem_mb.
    const nowMb = sample.mem_now_mb === undefined ? undefined : readable ? sample.mem_now_mb : this.lastLiveMb;

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

  result(): Map<string, StageResourceStats> {
    const result = new Map<string, StageResourceStats>();
    for (const [stage, entry] of this.acc) {
      result.set(stage, {
        peak_mb: entry.peak,
        avg_cpu_pct: entry.weight > 0 ? entry.cpuWeighted / entry.weight : null,
        samples: entry.count,
      });
    }
    return result;
  }
}

/** Attribution of a whole series at once; samples must be in time order. */
export function attributeSamples(samples: Iterable<Sample>, spans: readonly StageSpan[], runStart: number): Map<string, StageResourceStats> {
  const attribution = new SampleAttribution(spans, runStart);
  for (const sample of samples) attribution.add(sample);
  return attribution.result();
}

/** Tree-wide figures over the run, and what the sampling note says about the series. */
export interface RunStats {
  peakMb: number;
  peakRssSumMb: number;
  cpuSeconds: number;
  count: number;
  firstT: number | undefined;
  lastT: number | undefined;
}

export class RunStatsAccumulator implements RunStats {
  peakMb = 0;
  peakRssSumMb = 0;
  cpuSeconds = 0;
  count = 0;
  firstT: number | undefined;
  lastT: number | undefined;

  add(s: Sample): void {
    this.peakMb = Math.max(this.peakMb, s.mem_mb);
    this.peakRssSumMb = Math.max(this.peakRssSumMb, s.rss_mb);
    this.cpuSeconds = Math.max(this.cpuSeconds, s.cpu_s);
    this.count++;
    this.firstT ??= s.t;
    this.lastT = s.t;
  }
}

export function runStats(samples: Iterable<Sample>): RunStats {
  const stats = new RunStatsAccumulator();
  for (const s of samples) stats.add(s);
  return stats;
}
