/**
 * The run schedule (src/measure/schedule.ts): the planner is pure (sides, warm-ups, repeat,
 * interleaving, confirmation rounds in; ordered slots out), and the driver runs slots through a
 * recording executor here — no process, no clock but the one given.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confirmationSlots, describeSlot, planSchedule, runSchedule, type RunSlot, type ScheduleBudget, type SlotResult } from '../../src/measure/schedule.js';

/** `side:kind round #sequence`, one string per slot: the order is the assertion. */
const show = (slots: readonly RunSlot[]): string[] => slots.map((s) => `${s.side}:${s.kind} ${s.round}${s.sequence > 0 ? ` #${s.sequence}` : ''}`);

describe('planSchedule (pure)', () => {
  it('one side: warm-ups, then its measured runs in order', () => {
    expect(show(planSchedule({ sides: ['run'], warmup: 2, repeat: 3, interleave: false }))).toEqual(['run:warm-up 1', 'run:warm-up 2', 'run:measured 1 #1', 'run:measured 2 #2', 'run:measured 3 #3']);
  });

  it('one side is the same schedule whether interleaved or not', () => {
    const spec = { sides: ['run'], warmup: 1, repeat: 4, confirmationRounds: 2 };
    expect(planSchedule({ ...spec, interleave: true })).toEqual(planSchedule({ ...spec, interleave: false }));
  });

  it('two sides interleaved: the warm-ups of every side first, then A B A B', () => {
    const slots = planSchedule({ sides: ['baseline', 'candidate'], warmup: 1, repeat: 2, interleave: true });
    expect(show(slots)).toEqual(['baseline:warm-up 1', 'candidate:warm-up 1', 'baseline:measured 1 #1', 'candidate:measured 1 #2', 'baseline:measured 2 #3', 'candidate:measured 2 #4']);
    // A round is one step: it starts whole or not at all.
    expect(slots.map((s) => s.step)).toEqual(['warm-up 1', 'warm-up 1', 'measured round 1', 'measured round 1', 'measured round 2', 'measured round 2']);
  });

  it('two sides not interleaved: each side in a row, each run its own step', () => {
    const slots = planSchedule({ sides: ['a', 'b'], warmup: 0, repeat: 2, interleave: false });
    expect(show(slots)).toEqual(['a:measured 1 #1', 'a:measured 2 #2', 'b:measured 1 #3', 'b:measured 2 #4']);
    expect(new Set(slots.map((s) => s.step)).size).toBe(4);
  });

  it('confirmation rounds come last, numbered on from the measured rounds', () => {
    const slots = planSchedule({ sides: ['baseline', 'candidate'], warmup: 0, repeat: 2, interleave: true, confirmationRounds: 2 });
    expect(show(slots).slice(4)).toEqual(['baseline:confirmation 3 #5', 'candidate:confirmation 3 #6', 'baseline:confirmation 4 #7', 'candidate:confirmation 4 #8']);
    expect(show(confirmationSlots(slots, 2))).toEqual(['baseline:confirmation 4 #7', 'candidate:confirmation 4 #8']);
    expect(confirmationSlots(slots, 3)).toEqual([]);
    expect(slots.at(-1)?.step).toBe('confirmation round 2');
  });

  it('no warm-up, no repeat beyond one, no confirmation: a single slot', () => {
    expect(planSchedule({ sides: ['run'], warmup: 0, repeat: 1, interleave: false })).toEqual([{ side: 'run', kind: 'measured', round: 1, sequence: 1, step: 'measured round 1' }]);
  });
});

/** An executor that records what it was asked to run, and fails the slots it is told to. */
function recorder(fail: (slot: RunSlot) => boolean = () => false) {
  const ran: string[] = [];
  const execute = (slot: RunSlot): Promise<SlotResult> => {
    ran.push(`${slot.side}:${slot.kind} ${slot.round}`);
    return Promise.resolve(fail(slot) ? { failed: `${describeSlot(slot)} did not complete` } : {});
  };
  return { ran, execute };
}

/** A budget of `allowed` runs, that records what it was asked. */
function budgetOf(allowed: number) {
  const asked: string[] = [];
  let left = allowed;
  const budget: ScheduleBudget = {
    take(sides, what) {
      asked.push(`${what} (${sides.join(' ')})`);
      if (sides.length > left) return false;
      left -= sides.length;
      return true;
    },
  };
  return { asked, budget };
}

describe('runSchedule (the driver)', () => {
  const twoSides = planSchedule({ sides: ['baseline', 'candidate'], warmup: 1, repeat: 2, interleave: true });

  it('runs every slot in the planned order through the executor', async () => {
    const { ran, execute } = recorder();
    const seen: RunSlot[] = [];
    const outcome = await runSchedule(twoSides, execute, { onSlot: (s) => seen.push(s) });
    expect(ran).toEqual(['baseline:warm-up 1', 'candidate:warm-up 1', 'baseline:measured 1', 'candidate:measured 1', 'baseline:measured 2', 'candidate:measured 2']);
    expect(seen).toEqual(twoSides);
    expect(outcome.stop).toBeUndefined();
  });

  it('asks the budget once per step, before its first slot, for every side of the step; a step it refuses is not started', async () => {
    const { ran, execute } = recorder();
    const { asked, budget } = budgetOf(4);
    const outcome = await runSchedule(twoSides, execute, { budget });
    expect(asked).toEqual(['warm-up 1 (baseline candidate)', 'measured round 1 (baseline candidate)', 'measured round 2 (baseline candidate)']);
    // Both sides keep the same number of runs: round 2 is refused whole.
    expect(ran).toEqual(['baseline:warm-up 1', 'candidate:warm-up 1', 'baseline:measured 1', 'candidate:measured 1']);
    expect(outcome.stop).toMatchObject({ by: 'budget', slot: { side: 'baseline', kind: 'measured', round: 2 }, why: 'measured round 2 not started: max-cost-usd' });
  });

  it('one side: the budget stops before the slot that would go beyond it', async () => {
    const { ran, execute } = recorder();
    const { budget } = budgetOf(2);
    const outcome = await runSchedule(planSchedule({ sides: ['run'], warmup: 1, repeat: 3, interleave: false }), execute, { budget });
    expect(ran).toEqual(['run:warm-up 1', 'run:measured 1']);
    expect(outcome.stop?.slot).toMatchObject({ kind: 'measured', round: 2 });
  });

  it('a failed run stops the schedule after it', async () => {
    const { ran, execute } = recorder((s) => s.side === 'candidate' && s.kind === 'measured');
    const outcome = await runSchedule(twoSides, execute);
    expect(ran.at(-1)).toBe('candidate:measured 1');
    expect(outcome.stop).toEqual({ by: 'failure', slot: twoSides[3], why: 'measured run 1 did not complete' });
    expect(outcome.ran.map((r) => r.slot)).toEqual(twoSides.slice(0, 4));
  });

  it('a cancel starts nothing more, and says before which run', async () => {
    const controller = new AbortController();
    const { ran, execute } = recorder();
    const outcome = await runSchedule(
      twoSides,
      (slot) => {
        if (slot.kind === 'measured') controller.abort();
        return execute(slot);
      },
      { signal: controller.signal },
    );
    expect(ran).toEqual(['baseline:warm-up 1', 'candidate:warm-up 1', 'baseline:measured 1']);
    expect(outcome.stop).toMatchObject({ by: 'cancelled', why: 'cancelled before measured run 1', slot: { side: 'candidate' } });
  });

  it("records each measured run's place into its stage_truth (run_order), once, by the job's clock around the run", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-schedule-'));
    const slots = planSchedule({ sides: ['baseline', 'candidate'], warmup: 1, repeat: 1, interleave: true, confirmationRounds: 1 });
    let tick = Date.parse('2026-11-27T10:00:00Z');
    const now = (): Date => new Date((tick += 1000));
    const execute = (slot: RunSlot): Promise<SlotResult> => {
      if (slot.kind === 'warm-up') return Promise.resolve({});
      const profile = join(dir, `${slot.side}.run-${slot.round}.yaml`);
      writeFileSync(profile, 'x: 1\n');
      writeFileSync(join(dir, `${slot.side}.run-${slot.round}.stage_truth.json`), '{"run_wall_s": 1}\n');
      return Promise.resolve({ profile });
    };
    await runSchedule(slots, execute, { recordOrder: true, now });
    const order = (name: string): unknown => (JSON.parse(readFileSync(join(dir, `${name}.stage_truth.json`), 'utf8')) as { run_order: unknown }).run_order;
    expect(order('candidate.run-1')).toEqual({ side: 'candidate', round: 1, sequence: 2, confirmation: false, started_at: '2026-11-27T10:00:05.000Z', ended_at: '2026-11-27T10:00:06.000Z' });
    expect(order('baseline.run-2')).toMatchObject({ side: 'baseline', round: 2, sequence: 3, confirmation: true });
    expect(order('candidate.run-2')).toMatchObject({ sequence: 4, confirmation: true });
  });

  it('without recordOrder, leaves the stage_truth as the run wrote it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-schedule-'));
    const truth = join(dir, 'p.stage_truth.json');
    writeFileSync(truth, '{"run_wall_s": 1}\n');
    await runSchedule(planSchedule({ sides: ['run'], warmup: 0, repeat: 1, interleave: false }), () => Promise.resolve({ profile: join(dir, 'p.yaml') }));
    expect(readFileSync(truth, 'utf8')).toBe('{"run_wall_s": 1}\n');
  });
});
