/**
 * GPU numbers of a run, from the GPU readings its samples carry (pure), added to the profile and
 * stage_truth built from them: per stage `peak_gpu_mem_mb` and `avg_gpu_util_pct` (attributed like
 * memory and CPU: a sample counts for every stage its interval meets, utilisation weighted by that
 * overlap), totals `peak_gpu_mem_mb`, `avg_gpu_util_pct`, `peak_gpu_device_mem_mb`, and `gpu_note`
 * (what was sampled, or "no GPU" and why). Process RSS does not include GPU memory, which is what
 * limits ML pipelines on GPU runners.
 */
import type { Profile } from '../formats/profile.js';
import type { StageTruth } from '../formats/stage-truth.js';
import { SpanSweep } from './attribution.js';
import type { Sample } from './samples-file.js';
import { round } from './samples-file.js';
import type { StageSpan } from './stages/source.js';

interface Acc {
  peak: number | null;
  utilWeighted: number;
  weight: number;
}

function mean(acc: Acc): number | null {
  return acc.weight > 0 ? acc.utilWeighted / acc.weight : null;
}

function add(acc: Acc, sample: Sample, length: number): void {
  if (typeof sample.gpu_mem_mb === 'number') acc.peak = Math.max(acc.peak ?? 0, sample.gpu_mem_mb);
  if (typeof sample.gpu_util_pct === 'number' && length > 0) {
    acc.utilWeighted += sample.gpu_util_pct * length;
    acc.weight += length;
  }
}

const empty = (): Acc => ({ peak: null, utilWeighted: 0, weight: 0 });

/** Per stage and whole-run GPU figures (one pass, samples in time order); undefined when no sample carries a GPU reading. */
export function gpuByStage(samples: Iterable<Sample>, spans: readonly StageSpan[], runStart: number) {
  const sweep = new SpanSweep(spans, runStart);
  const stages = new Map<string, Acc>();
  const total = empty();
  let deviceMemMb: number | undefined;
  let any = false;
  for (const sample of samples) {
    // Every sample advances the sweep: one without a GPU reading still ends the previous interval.
    const { coverage, length } = sweep.advance(sample.t);
    if (sample.gpu_mem_mb === undefined) continue;
    any = true;
    if (typeof sample.gpu_device_mem_mb === 'number') deviceMemMb = Math.max(deviceMemMb ?? 0, sample.gpu_device_mem_mb);
    add(total, sample, length);
    for (const { stage, covered } of coverage) {
      const acc = stages.get(stage) ?? empty();
      add(acc, sample, covered);
      stages.set(stage, acc);
    }
  }
  return any ? { stages, total, deviceMemMb } : undefined;
}

/** Adds the GPU numbers (or the "no GPU" note) to a profile and stage_truth built from `samples`. */
export function addGpu(profile: Profile, truth: StageTruth, samples: Iterable<Sample>, spans: readonly StageSpan[], runStart: number, note: string | undefined): void {
  const gpu = gpuByStage(samples, spans, runStart);
  if (!gpu) {
    profile.totals.gpu_note = note ?? 'no GPU reading in the samples';
    truth.gpu_note = profile.totals.gpu_note;
    return;
  }
  const value = (v: number | null, digits: number) => (v === null ? null : round(v, digits));
  for (const [name, stage] of Object.entries(profile.stages)) {
    const acc = gpu.stages.get(name) ?? empty();
    // null, not 0: no GPU reading fell in this stage (a reading of 0 MiB would be a real one).
    stage.peak_gpu_mem_mb = value(acc.peak, 1);
    stage.avg_gpu_util_pct = value(mean(acc), 2);
    const resource = truth.resource_by_stage_psutil[name];
    if (resource) Object.assign(resource, { peak_gpu_mem_mb: value(acc.peak, 2), avg_gpu_util_pct: value(mean(acc), 2) });
  }
  Object.assign(profile.totals, {
    peak_gpu_mem_mb: value(gpu.total.peak, 1),
    avg_gpu_util_pct: value(mean(gpu.total), 2),
    ...(gpu.deviceMemMb !== undefined ? { peak_gpu_device_mem_mb: round(gpu.deviceMemMb, 1) } : {}),
    gpu_note: note ?? 'GPU readings from nvidia-smi',
  });
  truth.gpu_note = profile.totals.gpu_note;
}
