/**
 * One owner of the run schedule (src/measure/schedule.ts): `freeze()` and the action's sides run
 * through the same planner and driver. In virtual time (virtual-measure.ts), so every run, its
 * order and the budget's decisions are facts of the scripts, whatever the machine's load.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureConfirmationRound, measureSides, type MeasureContext, type SideTarget } from '../../../src/action/measure-sides.js';
import { SpendBudget } from '../../../src/action/budget.js';
import { planRuns } from '../../../src/compare/statistics/spend.js';
import { readActionConfig } from '../../../src/inputs/config.js';
import { freeze, FREEZE_SIDE } from '../../../src/measure/freeze.js';
import { planSchedule, type RunSlot } from '../../../src/measure/schedule.js';
import type { MeasureDeps } from '../../../src/measure/ports.js';
import { BUNDLED_PROFILE, STAGED_PROFILE } from '../../helpers/fixtures.js';
import { fixedEnvironment, pipelinePrograms, scriptedCommands, scriptedProbes, VirtualClock } from './virtual-measure.js';
import { FAST, SLOW } from './world.js';

function virtualMeasure() {
  const clock = new VirtualClock();
  const commands = scriptedCommands(clock, pipelinePrograms({}, { staged: STAGED_PROFILE, bundled: BUNDLED_PROFILE }));
  const deps: MeasureDeps = { clock, commands, probeFactory: scriptedProbes(commands), environment: fixedEnvironment };
  return { commands, deps };
}

function checkout(script: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'og-schedule-flow-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(script));
  return dir;
}

function context(deps: MeasureDeps, inputs: Record<string, string>, extra: Partial<MeasureContext> = {}): MeasureContext & { slots: RunSlot[]; lines: string[] } {
  const all: Record<string, string> = { 'profile-command': 'pipeline', 'sample-interval': '0.1', 'confirm-runs': '0', ...inputs };
  const config = readActionConfig((name) => all[name] ?? '');
  const slots: RunSlot[] = [];
  const lines: string[] = [];
  return {
    config,
    repeat: config.repeat ?? 1,
    signal: new AbortController().signal,
    runner: deps.commands,
    log: (l) => lines.push(l),
    env: {},
    measureDeps: deps,
    onSlot: (s) => slots.push(s),
    slots,
    lines,
    ...extra,
  };
}

const target = (name: SideTarget['name'], cwd: string, out: string): SideTarget => ({ name, cwd, stem: join(out, name), label: name, version: name });
/** A slot without its side's name: freeze calls its one side `run`, the action `candidate`. */
const unnamed = (slots: readonly RunSlot[]) => slots.map(({ kind, round, sequence, step }) => ({ kind, round, sequence, step }));

describe('freeze() is the one-side case of the schedule the action runs', () => {
  it('freeze and a one-side measurement start the same slots, in the planned order, and run the same commands', async () => {
    const cwd = checkout(SLOW);
    const out = mkdtempSync(join(tmpdir(), 'og-schedule-out-'));
    const viaFreeze = virtualMeasure();
    const frozenSlots: RunSlot[] = [];
    const frozen = await freeze(
      {
        version: 'v',
        datasetId: 'tiny',
        output: join(out, 'alone.yaml'),
        command: ['bash', '-c', 'pipeline'],
        cwd,
        warmup: 1,
        repeat: 3,
        sampleIntervalS: 0.1,
        commandOutput: 'ignore',
        onProgress: (e) => e.slot && frozenSlots.push(e.slot),
      },
      viaFreeze.deps,
    );
    expect(frozen.status).toBe('ok');

    const viaAction = virtualMeasure();
    const ctx = context(viaAction.deps, { warmup: '1', repeat: '3' });
    const [side] = await measureSides([target('candidate', cwd, out)], ctx);

    const planned = planSchedule({ sides: [FREEZE_SIDE], warmup: 1, repeat: 3, interleave: false });
    expect(frozenSlots).toEqual(planned);
    expect(unnamed(ctx.slots)).toEqual(unnamed(planned));
    expect(viaAction.commands.started.map((s) => s.command)).toEqual(viaFreeze.commands.started.map((s) => s.command));
    // The same runs on disk: per-run files and the median, with the stage times the script declares.
    expect(side?.profiles).toEqual([1, 2, 3].map((k) => join(out, `candidate.run-${k}.yaml`)));
    expect(frozen.runs.map((r) => r.files.profile)).toEqual([1, 2, 3].map((k) => join(out, `alone.run-${k}.yaml`)));
    const stages = (path: string): unknown => readFileSync(path, 'utf8').match(/wall_time_s: [\d.]+/g);
    expect(stages(join(out, 'candidate.yaml'))).toEqual(stages(join(out, 'alone.yaml')));
  });

  it('two sides: warm-ups of both, then A B A B; confirmation rounds appended from the same plan, run_order in each stage_truth', async () => {
    const [base, cand] = [checkout(SLOW), checkout(FAST)];
    const out = mkdtempSync(join(tmpdir(), 'og-schedule-out-'));
    const { commands, deps } = virtualMeasure();
    const ctx = context(deps, { warmup: '1', repeat: '2', 'confirm-runs': '2' });
    const sides = await measureSides([target('baseline', base, out), target('candidate', cand, out)], ctx);
    await measureConfirmationRound(sides, ctx, 1);

    const planned = planSchedule({ sides: ['baseline', 'candidate'], warmup: 1, repeat: 2, interleave: true, confirmationRounds: 2 });
    expect(ctx.slots).toEqual(planned.slice(0, 8));
    expect(commands.started.map((s) => (s.cwd === base ? 'A' : 'B')).join('')).toBe('ABABABAB');
    expect(ctx.lines.filter((l) => / (measured run|warm-up) \d of/.test(l))).toEqual([
      '[baseline] warm-up 1 of 1 (not measured)',
      '[candidate] warm-up 1 of 1 (not measured)',
      '[baseline] measured run 1 of 2',
      '[candidate] measured run 1 of 2',
      '[baseline] measured run 2 of 2',
      '[candidate] measured run 2 of 2',
      '[baseline] measured run 3 of 3 (confirmation)',
      '[candidate] measured run 3 of 3 (confirmation)',
    ]);
    const order = (side: string, k: number): unknown => (JSON.parse(readFileSync(join(out, `${side}.run-${k}.stage_truth.json`), 'utf8')) as { run_order: unknown }).run_order;
    expect(order('candidate', 3)).toMatchObject({ side: 'candidate', round: 3, sequence: 6, confirmation: true });
    expect(order('baseline', 1)).toMatchObject({ side: 'baseline', round: 1, sequence: 1, confirmation: false });
    expect(sides.map((s) => s.profiles.length)).toEqual([3, 3]);
    expect(sides.flatMap((s) => s.failures)).toEqual([]);
  });
});

describe('the budget is asked before each step of the schedule', () => {
  // Each run priced at $0.10 from the baseline's cost: $0.45 holds 4 runs.
  const priced = (maxUsd: number) => new SpendBudget(maxUsd, { perRunUsd: 0.1, source: 'test' }, planRuns({ sides: 2, experiment: false, warmup: 1, repeat: 3, confirmRuns: 0, confirmSides: 2 }));

  it('two sides: a round that would go beyond max-cost-usd is not started, so both sides keep the same number of runs', async () => {
    const [base, cand] = [checkout(SLOW), checkout(FAST)];
    const out = mkdtempSync(join(tmpdir(), 'og-schedule-out-'));
    const { commands, deps } = virtualMeasure();
    const budget = priced(0.45);
    const ctx = context(deps, { warmup: '1', repeat: '3' }, { budget });
    const sides = await measureSides([target('baseline', base, out), target('candidate', cand, out)], ctx);
    expect(commands.started).toHaveLength(4);
    expect(sides.map((s) => s.profiles.length)).toEqual([1, 1]);
    expect(budget.record().estimatedUsd).toBeCloseTo(0.4, 9);
    expect(budget.record()).toMatchObject({ runs: 4, stopped: 'measured round 2 not started: $0.4 estimated so far, it would add $0.2 beyond $0.45' });
  });

  it('one side: as many runs as fit, in order (the warm-up first); none measured is a failure that says why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'og-schedule-out-'));
    const one = virtualMeasure();
    const budget = priced(0.25);
    const [side] = await measureSides([target('candidate', checkout(SLOW), out)], context(one.deps, { warmup: '1', repeat: '3' }, { budget }));
    expect(one.commands.started).toHaveLength(2);
    expect(side?.profiles).toEqual([join(out, 'candidate.run-1.yaml')]);
    expect(budget.record().stopped).toBe('measured round 2 not started: $0.2 estimated so far, it would add $0.1 beyond $0.25');

    const none = virtualMeasure();
    const [starved] = await measureSides([target('candidate', checkout(SLOW), out)], context(none.deps, { warmup: '1', repeat: '3' }, { budget: priced(0.15) }));
    expect(none.commands.started).toHaveLength(1);
    expect(starved?.failures).toEqual(['max-cost-usd allows no measured run']);
  });
});

describe('a failed run ends the schedule, for every side', () => {
  it('two sides: the candidate fails in round 1 of 2; no later run starts, and each side says what it has', async () => {
    const [base, cand] = [checkout(SLOW), checkout({ ...FAST, exit: 2 })];
    const out = mkdtempSync(join(tmpdir(), 'og-schedule-out-'));
    const { commands, deps } = virtualMeasure();
    const ctx = context(deps, { warmup: '0', repeat: '2' });
    const sides = await measureSides([target('baseline', base, out), target('candidate', cand, out)], ctx);
    expect(commands.started.map((s) => (s.cwd === base ? 'A' : 'B')).join('')).toBe('AB');
    expect(sides.map((s) => s.profiles)).toEqual([[join(out, 'baseline.run-1.yaml')], [join(out, 'candidate.run-1.yaml')]]);
    expect(sides.map((s) => s.failures)).toEqual([[], ['run 1: failed (exit code 2)', 'measured run 1 did not complete (exit code 2)']]);
  });

  it('freeze: a failed warm-up starts no measured run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'og-schedule-out-'));
    const { commands, deps } = virtualMeasure();
    const result = await freeze(
      {
        version: 'v',
        datasetId: 'tiny',
        output: join(out, 'p.yaml'),
        command: ['bash', '-c', 'pipeline'],
        cwd: checkout({ ...SLOW, exit: 3 }),
        warmup: 2,
        repeat: 2,
        sampleIntervalS: 0.1,
        commandOutput: 'ignore',
      },
      deps,
    );
    expect(commands.started).toHaveLength(1);
    expect(result).toMatchObject({ status: 'failed', exitCode: 1, runs: [], stoppedBecause: 'warm-up run 1 did not complete (exit code 3); no measured run was made' });
  });
});
