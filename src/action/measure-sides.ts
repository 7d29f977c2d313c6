/**
 * Measuring one or two sides: the experiment once per side, then the profile runs in the order the
 * run schedule (src/measure/schedule.ts) lays out — warm-ups, then A B A B … with two sides in the
 * job (a `ref:` baseline) — each run by the side's freezer or the project's own freeze command.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  confirmationSlots,
  openFreeze,
  planSchedule,
  runSchedule,
  sharedEnvironment,
  type CommandRunner,
  type EnvironmentProbe,
  type Freezer,
  type FreezeProgress,
  type FreezeResult,
  type RunSlot,
  type SlotResult,
} from '../measure/index.js';
import { evalDirFor, PROFILE_SUFFIX, profileStem, runFilesOf } from '../formats/run-files.js';
import { EVAL_METRICS_FILE, FINGERPRINT_FILE, PIPELINE_METRICS_FILE } from '../formats/eval-outputs.js';
import { copyEvalResults, runExperiment } from './experiment.js';
import { profileOutputPath } from './profile-output.js';
import { externalSlot, shellCommand, type ExternalRunContext } from './external-runs.js';
import type { SpendBudget } from './budget.js';

export interface SideTarget {
  name: 'baseline' | 'candidate';
  /** Where the side's commands run (the checkout, or a worktree of the base ref). */
  cwd: string;
  /** Output stem: `<stem>.yaml`, `<stem>.run-K.yaml`, `<stem>.eval/` … */
  stem: string;
  /** For log lines, e.g. `baseline (main @ 1a2b3c4)`. */
  label: string;
  /** Release name written into the profile. */
  version: string;
}

export interface MeasuredSide {
  target: SideTarget;
  /** Profile YAML of each measured run, in order. */
  profiles: string[];
  evalDir?: string;
  /** Why a run of this side does not count as completed (experiment or profile). */
  failures: string[];
}

/** The job's schedule once planned: its slots, and how to run some of them (measured, later confirmation). */
export interface SidesSchedule {
  slots: readonly RunSlot[];
  run(slots: readonly RunSlot[]): Promise<void>;
}

/** The job's measuring context: config, repeat, signal, log, env and the external freeze's ports (ExternalRunContext), and: */
export interface MeasureContext extends ExternalRunContext {
  runner: CommandRunner;
  /** Baseline wall time, to show the elapsed time against it. */
  referenceWallS?: number;
  /** Counts the spend; a run it does not allow is not started. */
  budget?: SpendBudget;
  /** python/git details, gathered once per side for all the freezes of the job (set on first use). */
  environment?: EnvironmentProbe;
  /** Called as each run of the schedule starts (tests). */
  onSlot?: (slot: RunSlot) => void;
  /** Set by measureSides: the confirmation rounds run through it. */
  schedule?: SidesSchedule;
}

function progressLogger(target: SideTarget, ctx: MeasureContext) {
  return (event: FreezeProgress) => {
    const versus = event.kind === 'tick' && ctx.referenceWallS !== undefined ? ` (baseline total: ${ctx.referenceWallS.toFixed(1)} s)` : '';
    ctx.log(`[${target.label}] ${event.message}${versus}`);
  };
}

function freezeFailures(result: FreezeResult): string[] {
  const failures = result.runs.filter((r) => r.status !== 'ok').map((r) => `run ${r.index}: ${r.status} (exit code ${r.exitCode ?? r.signal ?? '?'})`);
  if (result.stoppedBecause) failures.push(result.stoppedBecause);
  return failures;
}

/** A side's freezer: opened at its first run, so its start-up (GPU probe) runs beside that run, not another side's. */
function openSide(target: SideTarget, ctx: MeasureContext): Freezer {
  const { config } = ctx;
  return openFreeze(
    {
      version: target.version,
      datasetId: config.datasetId,
      output: `${target.stem}${PROFILE_SUFFIX}`,
      command: shellCommand(config.profileCommand ?? ''),
      sampleIntervalS: config.sampleInterval,
      warmup: config.warmup,
      repeat: ctx.repeat,
      stages: config.stages,
      timeoutS: config.timeoutMinutes * 60,
      cwd: target.cwd,
      env: ctx.env,
      containment: config.containment,
      signal: ctx.signal,
      onProgress: progressLogger(target, ctx),
    },
    { environment: (ctx.environment ??= sharedEnvironment()), ...ctx.measureDeps },
  );
}

/** Every file a measured side left: per run profile, stage_truth, samples, events; the eval outputs. */
export function measuredFiles(sides: readonly MeasuredSide[]): string[] {
  const files: string[] = [];
  for (const side of sides) {
    for (const profile of side.profiles) {
      const run = runFilesOf(profileStem(profile));
      files.push(profile, run.stageTruth, run.samples, run.events);
    }
    // With repeated runs, the freeze also writes the median profile at the side's own stem.
    const median = runFilesOf(side.target.stem);
    files.push(median.profile, median.stageTruth);
    if (side.evalDir) files.push(join(side.evalDir, EVAL_METRICS_FILE), join(side.evalDir, PIPELINE_METRICS_FILE), join(side.evalDir, FINGERPRINT_FILE));
  }
  return [...new Set(files)].filter((f) => existsSync(f));
}

/** Runs the experiment of every side, then the profile runs (interleaved across sides). */
export async function measureSides(targets: readonly SideTarget[], ctx: MeasureContext): Promise<MeasuredSide[]> {
  const sides: MeasuredSide[] = targets.map((target) => ({ target, profiles: [], failures: [] }));
  const { config } = ctx;
  // A bad profile-output is the user's to fix: said before anything runs, never as a crash mid-way.
  if (config.profileMode === 'external') for (const target of targets) profileOutputPath(target.cwd, config.profileOutput ?? '');

  if (config.experimentCommand) {
    for (const side of sides) {
      if (ctx.signal.aborted) break;
      if (ctx.budget && !ctx.budget.take([side.target.name], `the ${side.target.name}'s experiment`)) {
        ctx.log(`[${side.target.label}] experiment not run: max-cost-usd`);
        continue;
      }
      const result = await runExperiment(
        {
          command: config.experimentCommand,
          cwd: side.target.cwd,
          outputDir: config.experimentOutput ?? '.',
          evalDir: evalDirFor(side.target.stem),
          env: ctx.env,
          containment: config.containment,
          timeoutS: config.timeoutMinutes * 60,
          signal: ctx.signal,
          log: (line) => ctx.log(`[${side.target.label}] ${line}`),
        },
        ctx.runner,
      );
      if (result.files.length > 0) side.evalDir = result.evalDir;
      if (result.failure) side.failures.push(result.failure);
      const learned = ctx.budget?.learnFromExperiment(side.target.name, side.evalDir);
      if (learned) ctx.log(`[${side.target.label}] a run costs about $${learned.perRunUsd} (${learned.source})`);
    }
  } else if (config.experimentOutput) {
    // Eval results produced outside the action (the pipeline's own data/eval/runs/<run>/), taken as they are.
    for (const side of sides) {
      const source = resolve(side.target.cwd, config.experimentOutput);
      const copied = copyEvalResults(source, evalDirFor(side.target.stem));
      if (copied.failure) side.failures.push(copied.failure);
      else {
        side.evalDir = evalDirFor(side.target.stem);
        ctx.log(`[${side.target.label}] eval results from ${source} (no experiment-command)`);
      }
    }
  }
  if (!config.profileCommand) return sides;
  ctx.schedule = sidesSchedule(sides, ctx);
  await ctx.schedule.run(ctx.schedule.slots.filter((s) => s.kind !== 'confirmation'));
  return sides;
}

/** Confirmation round `round` (1-based) of the planned schedule: one more run of each of `sides`, interleaved. */
export async function measureConfirmationRound(sides: readonly MeasuredSide[], ctx: MeasureContext, round: number): Promise<void> {
  const names = new Set<string>(sides.map((s) => s.target.name));
  await ctx.schedule?.run(confirmationSlots(ctx.schedule.slots, round).filter((s) => names.has(s.side)));
}

/**
 * The job's schedule for these sides (warm-ups, measured rounds, at most `confirm-runs` confirmation
 * rounds) and its executor: each side's freezer, or the external freeze. Each run's profile and
 * failures go to its side as it ends; run_order is written by the schedule.
 */
function sidesSchedule(sides: readonly MeasuredSide[], ctx: MeasureContext): SidesSchedule {
  const { config } = ctx;
  const byName = new Map<string, MeasuredSide>(sides.map((side) => [side.target.name, side]));
  const freezers = new Map<string, Freezer>();
  const experimentFailures = new Map<string, string[]>(sides.map((side) => [side.target.name, [...side.failures]]));
  const externalFailures = new Map<string, string[]>(sides.map((side) => [side.target.name, []]));
  const slots = planSchedule({
    sides: sides.map((s) => s.target.name),
    warmup: config.warmup,
    repeat: ctx.repeat,
    interleave: true,
    confirmationRounds: config.confirmRuns,
  });
  const execute = async (slot: RunSlot): Promise<SlotResult> => {
    const side = byName.get(slot.side) as MeasuredSide;
    if (config.profileMode === 'native') {
      let freezer = freezers.get(slot.side);
      if (!freezer) freezers.set(slot.side, (freezer = openSide(side.target, ctx)));
      return freezer.execute(slot);
    }
    const result = await externalSlot(side.target, ctx, slot);
    if (result.failed) externalFailures.get(slot.side)?.push(result.failed);
    return result;
  };
  const onSlot = (slot: RunSlot): void => {
    const side = byName.get(slot.side) as MeasuredSide;
    const of = Math.max(slot.round, slot.kind === 'warm-up' ? config.warmup : ctx.repeat);
    if (slot.kind === 'warm-up') ctx.log(`[${side.target.label}] warm-up ${slot.round} of ${of} (not measured)`);
    else ctx.log(`[${side.target.label}] measured run ${slot.round} of ${of}${slot.kind === 'confirmation' ? ' (confirmation)' : ''}`);
    ctx.onSlot?.(slot);
  };
  const run = async (some: readonly RunSlot[]): Promise<void> => {
    const outcome = await runSchedule(some, execute, { signal: ctx.signal, recordOrder: true, onSlot, ...(ctx.budget ? { budget: ctx.budget } : {}) });
    for (const { slot, result } of outcome.ran) if (result.profile && existsSync(result.profile)) byName.get(slot.side)?.profiles.push(result.profile);
    for (const side of sides) {
      const name = side.target.name;
      const freezer = freezers.get(name);
      side.failures = [...(experimentFailures.get(name) ?? []), ...(freezer ? freezeFailures(freezer.finish(outcome.stop)) : (externalFailures.get(name) ?? []))];
      if (outcome.stop?.by === 'budget' && side.profiles.length === 0) side.failures.push('max-cost-usd allows no measured run');
    }
  };
  return { slots, run };
}
