/**
 * Which samples belong to which stage (pure). A sample taken at t describes the interval since the
 * previous sample, (t − dt, t]; it counts for every stage active during part of that interval, so
 * a stage shorter than the interval still gets the sample that covers it, and overlapping stages
 * share samples.
 */
import type { Sample } from './samples-file.js';
import type { StageSpan } from './stages/source.js';

export interface StageResourceStats {
  /** Max tree memory (MiB) over the stage's samples. */
  peak_mb: number;
  /** CPU percent over the stage, overlap-weighted (see attributeSamples); null when no sample has a CPU interval in it. */
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

/**
 * Per-stage peak memory and CPU. Peak: max over every sample that meets the stage. CPU: the mean of
 * those samples weighted by how much of each sample's interval the stage covers, so the samples at a
 * stage's edges (which also describe the neighbouring stage) count for their share only.
 * `runStart` is where the first sample's interval begins (the spawn); samples must be in time order.
 */
export function attributeSamples(samples: readonly Sample[], spans: readonly StageSpan[], runStart: number): Map<string, StageResourceStats> {
  const acc = new Map<string, { peak: number; cpuWeighted: number; weight: number; count: number }>();
  let from = runStart;
  let lastLiveMb = 0;
  for (const sample of samples) {
    const to = sample.t;
    // Once the whole tree has exited (the last sample), or while its last process is exiting (a zombie
    // has no memory map left), its memory reads 0: the last memory seen while it ran stands for that
    // interval instead. A live tree never truly holds 0 MiB.
    const readable = sample.procs > 0 && sample.mem_mb > 0;
    const memMb = readable ? sample.mem_mb : lastLiveMb;
    if (readable) lastLiveMb = sample.mem_mb;
    const covered = new Map<string, number>();
    for (const span of spans) {
      const length = overlap(span, Math.min(from, to), to);
      if (length !== undefined) covered.set(span.stage, (covered.get(span.stage) ?? 0) + length);
    }
    for (const [stage, length] of covered) {
      const entry = acc.get(stage) ?? { peak: 0, cpuWeighted: 0, weight: 0, count: 0 };
      entry.peak = Math.max(entry.peak, memMb);
      if (sample.cpu_pct !== null && length > 0) {
        entry.cpuWeighted += sample.cpu_pct * length;
        entry.weight += length;
      }
      entry.count++;
      acc.set(stage, entry);
    }
    from = to;
  }
  const result = new Map<string, StageResourceStats>();
  for (const [stage, entry] of acc) {
    result.set(stage, {
      peak_mb: entry.peak,
      avg_cpu_pct: entry.weight > 0 ? entry.cpuWeighted / entry.weight : null,
      samples: entry.count,
    });
  }
  return result;
}

/** Tree-wide figures over the run. */
export function runStats(samples: readonly Sample[]): { peakMb: number; peakRssSumMb: number; cpuSeconds: number } {
  let peakMb = 0;
  let peakRssSumMb = 0;
  let cpuSeconds = 0;
  for (const s of samples) {
    peakMb = Math.max(peakMb, s.mem_mb);
    peakRssSumMb = Math.max(peakRssSumMb, s.rss_mb);
    cpuSeconds = Math.max(cpuSeconds, s.cpu_s);
  }
  return { peakMb, peakRssSumMb, cpuSeconds };
}
