/**
 * Which samples belong to which stage (pure). A sample taken at t describes the interval since the
 * previous sample, (t − dt, t]; it counts for every stage active at some point of that interval, so
 * a stage shorter than the interval still gets the sample that covers it, and overlapping stages
 * share samples.
 */
import type { Sample } from './samples-file.js';
import type { StageSpan } from './stages/source.js';

export interface StageResourceStats {
  /** Max tree memory (MiB) over the stage's samples. */
  peak_mb: number;
  /** Mean CPU percent over the stage's samples that have one; null when none has. */
  avg_cpu_pct: number | null;
  samples: number;
}

/**
 * Whether the span shares some time with the interval (from, to] (touching at one instant is not
 * enough); the first sample's interval is the single instant `to`, met by a span that contains it.
 */
function overlaps(span: StageSpan, from: number, to: number): boolean {
  return from === to ? span.start <= to && span.end >= to : span.start < to && span.end > from;
}

/**
 * Per-stage peak memory and mean CPU. `runStart` is where the first sample's interval begins
 * (the spawn); samples must be in time order.
 */
export function attributeSamples(samples: readonly Sample[], spans: readonly StageSpan[], runStart: number): Map<string, StageResourceStats> {
  const acc = new Map<string, { peak: number; cpuSum: number; cpuCount: number; count: number }>();
  let from = runStart;
  for (const sample of samples) {
    const to = sample.t;
    const stages = new Set<string>();
    for (const span of spans) if (overlaps(span, Math.min(from, to), to)) stages.add(span.stage);
    for (const stage of stages) {
      const entry = acc.get(stage) ?? { peak: 0, cpuSum: 0, cpuCount: 0, count: 0 };
      entry.peak = Math.max(entry.peak, sample.mem_mb);
      if (sample.cpu_pct !== null) {
        entry.cpuSum += sample.cpu_pct;
        entry.cpuCount++;
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
      avg_cpu_pct: entry.cpuCount > 0 ? entry.cpuSum / entry.cpuCount : null,
      samples: entry.count,
    });
  }
  return result;
}

/** Tree-wide figures over the run. */
export function runStats(samples: readonly Sample[]): { peakMb: number; peakRssSumMb: number; avgCpuPct: number | null; cpuSeconds: number } {
  let peakMb = 0;
  let peakRssSumMb = 0;
  let cpuSum = 0;
  let cpuCount = 0;
  let cpuSeconds = 0;
  for (const s of samples) {
    peakMb = Math.max(peakMb, s.mem_mb);
    peakRssSumMb = Math.max(peakRssSumMb, s.rss_mb);
    cpuSeconds = Math.max(cpuSeconds, s.cpu_s);
    if (s.cpu_pct !== null) {
      cpuSum += s.cpu_pct;
      cpuCount++;
    }
  }
  return { peakMb, peakRssSumMb, avgCpuPct: cpuCount > 0 ? cpuSum / cpuCount : null, cpuSeconds };
}
