/**
 * The native freeze: warm-up run(s) unmeasured, then measured run(s) of the command, each sampled
 * over its whole process tree, written as `<stem>.yaml` + `.stage_truth.json` + `.samples.jsonl`
 * (per run `<stem>.run-K.*` and a median `<stem>.*` when repeated). A run that fails, times out or
 * is cancelled still leaves its samples and a profile marked with its status, and no run starts
 * after it. The one-side case of the run schedule (schedule.ts), each run by the freezer (freezer.ts).
 */
import { openFreeze, type FreezeResult } from './freezer.js';
import type { FreezeOptions } from './options.js';
import type { MeasureDeps } from './ports.js';
import { planSchedule, runSchedule } from './schedule.js';

export type { FreezeOptions, FreezeProgress } from './options.js';
export type { FreezeResult, FreezeRunResult } from './freezer.js';
export type { RunFiles } from '../formats/run-files.js';

/** The side a single freeze measures, in its slots. */
export const FREEZE_SIDE = 'run';

export async function freeze(options: FreezeOptions, deps: Partial<MeasureDeps> = {}): Promise<FreezeResult> {
  const freezer = openFreeze(options, deps);
  const slots = planSchedule({ sides: [FREEZE_SIDE], warmup: freezer.checked.warmup, repeat: freezer.checked.repeat, interleave: false });
  const { stop } = await runSchedule(slots, (slot) => freezer.execute(slot), options.signal ? { signal: options.signal } : {});
  return freezer.finish(stop);
}
