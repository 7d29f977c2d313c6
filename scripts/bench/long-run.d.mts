// Types of long-run.mjs, for the tests that use it.
import type { Sample } from '../../src/measure/samples-file.js';
import type { StageEvent } from '../../src/measure/stages/events.js';
import type { StageSpan } from '../../src/measure/stages/source.js';
import type { StageResourceStats } from '../../src/measure/attribution.js';

export function mulberry32(seed: number): () => number;
export interface SyntheticRun {
  startedAt: number;
  endedAt: number;
  samples: Sample[];
  events: Array<Omit<StageEvent, 'line'>>;
}
export function syntheticRun(options: {
  durationS: number;
  hz?: number;
  occurrenceEveryS?: number;
  stages?: Array<{ name: string; meanS: number }>;
  seed?: number;
  startedAt?: number;
  clockStepBackS?: number;
}): SyntheticRun;
export function writeRunFiles(
  stem: string,
  run: SyntheticRun,
  extra?: { header?: Record<string, unknown>; statuses?: Array<{ t: number; stage: string | null; started_at: number | null }>; end?: false },
): { samplesPath: string; eventsPath: string };
export function referenceAttribution(samples: readonly Sample[], spans: readonly StageSpan[], runStart: number): Map<string, StageResourceStats>;
