/**
 * The one owner of the run schedule: which runs happen, in what order, and where each stood.
 * `planSchedule` (pure) lays out warm-ups, measured rounds and confirmation rounds for one side or
 * several — interleaved A B A B … so a drift of the machine hits every side alike; `runSchedule`
 * executes slots through an injected per-run executor (the freeze's, or an external freeze), asks
 * a budget before each step, stops at a cancel or a failed run, and records each measured run's
 * place (`run_order`) in its stage_truth. `freeze()` is the one-side case; the action's sides are
 * the same code with two.
 */
import { recordRunOrder } from './run-order.js';

export type SlotKind = 'warm-up' | 'measured' | 'confirmation';

export interface RunSlot {
  side: string;
  kind: SlotKind;
  /** Warm-up number for a warm-up; else the round among measured + confirmation rounds (1-based). */
  round: number;
  /** Place among the job's measured runs (1-based; warm-ups are not counted: 0). */
  sequence: number;
  /**
   * The step the slot belongs to ("warm-up 1", "measured round 2", "confirmation round 1"):
   * consecutive slots of one step start whole or not at all, so the sides keep equal counts.
   */
  step: string;
}

export interface ScheduleSpec {
  sides: readonly string[];
  warmup: number;
  /** Measured rounds. */
  repeat: number;
  /** One run of every side per round (A B A B …); else each side's runs in a row. */
  interleave: boolean;
  /** Confirmation rounds to append (each taken only when asked for: see `confirmationSlots`). */
  confirmationRounds?: number;
}

/** The ordered run slots of a job: warm-ups of every side, then measured rounds, then confirmation rounds. */
export function planSchedule(spec: ScheduleSpec): RunSlot[] {
  const { sides, warmup, repeat, interleave } = spec;
  const confirmations = spec.confirmationRounds ?? 0;
  const slots: RunSlot[] = [];
  let measuredSoFar = 0;
  // One block per kind, in the order the runs start; within a block, rounds by side or sides by round.
  const block = (kind: SlotKind, first: number, last: number, step: (round: number) => string): void => {
    const add = (side: string, round: number): void => {
      const sequence = kind === 'warm-up' ? 0 : ++measuredSoFar;
      slots.push({ side, kind, round, sequence, step: interleave || sides.length === 1 ? step(round) : `${step(round)} of ${side}` });
    };
    if (interleave) for (let round = first; round <= last; round++) for (const side of sides) add(side, round);
    else for (const side of sides) for (let round = first; round <= last; round++) add(side, round);
  };
  block('warm-up', 1, warmup, (w) => `warm-up ${w}`);
  block('measured', 1, repeat, (k) => `measured round ${k}`);
  block('confirmation', repeat + 1, repeat + confirmations, (k) => `confirmation round ${k - repeat}`);
  return slots;
}

/** The slots of one confirmation round (1-based) of a plan. */
export function confirmationSlots(slots: readonly RunSlot[], round: number): RunSlot[] {
  return slots.filter((s) => s.kind === 'confirmation' && s.step === `confirmation round ${round}`);
}

/** What a slot is called in a stop reason: "warm-up run 1", "measured run 2", "confirmation run 6". */
export function describeSlot(slot: RunSlot): string {
  return `${slot.kind} run ${slot.round}`;
}

/** The spend limit as the schedule sees it (the action's SpendBudget fits it). */
export interface ScheduleBudget {
  /** Starts one run of each of `sides` if the limit allows; false (and the budget records why) when not. */
  take(sides: readonly string[], what: string): boolean;
}

export interface SlotResult {
  /** The run's profile, for a measured run that wrote one. */
  profile?: string;
  /** Set when the run did not complete: the schedule stops there. */
  failed?: string;
}

export type SlotExecutor = (slot: RunSlot) => Promise<SlotResult>;

export interface ScheduleStop {
  by: 'cancelled' | 'failure' | 'budget';
  /** The slot not started (cancel, budget) or the slot that failed. */
  slot: RunSlot;
  why: string;
}

export interface ScheduleOutcome {
  /** Slots executed, in order, with what each produced. */
  ran: Array<{ slot: RunSlot; result: SlotResult }>;
  stop?: ScheduleStop;
}

export interface ScheduleOptions {
  signal?: AbortSignal;
  budget?: ScheduleBudget;
  /** Write each measured run's place into its stage_truth (`run_order`): the action's record of the job. */
  recordOrder?: boolean;
  /** Called as a slot starts (log lines, tests). */
  onSlot?: (slot: RunSlot) => void;
  /** The job's clock around each run (default: the wall clock). */
  now?: () => Date;
}

/** Executes `slots` in order; the budget is asked once per step, before its first slot. */
export async function runSchedule(slots: readonly RunSlot[], execute: SlotExecutor, options: ScheduleOptions = {}): Promise<ScheduleOutcome> {
  const now = options.now ?? (() => new Date());
  const ran: ScheduleOutcome['ran'] = [];
  for (const [i, slot] of slots.entries()) {
    if (options.signal?.aborted) return { ran, stop: { by: 'cancelled', slot, why: `cancelled before ${describeSlot(slot)}` } };
    if (options.budget && slots[i - 1]?.step !== slot.step) {
      const sides = stepAt(slots, i).map((s) => s.side);
      if (!options.budget.take(sides, slot.step)) return { ran, stop: { by: 'budget', slot, why: `${slot.step} not started: max-cost-usd` } };
    }
    options.onSlot?.(slot);
    const startedAt = now();
    const result = await execute(slot);
    ran.push({ slot, result });
    if (options.recordOrder && slot.kind !== 'warm-up' && result.profile !== undefined) {
      const order = { side: slot.side, round: slot.round, sequence: slot.sequence, confirmation: slot.kind === 'confirmation' };
      recordRunOrder(result.profile, order, { startedAt, endedAt: now() });
    }
    if (result.failed !== undefined) return { ran, stop: { by: 'failure', slot, why: result.failed } };
  }
  return { ran };
}

/** The slots of the step that starts at `i`. */
function stepAt(slots: readonly RunSlot[], i: number): RunSlot[] {
  const step: RunSlot[] = [];
  for (let j = i; j < slots.length && slots[j]?.step === slots[i]?.step; j++) step.push(slots[j] as RunSlot);
  return step;
}
