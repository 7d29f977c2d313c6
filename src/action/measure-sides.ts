/**
 * Measuring one or two sides: the experiment once per side, then the profile runs. With two sides
 * in the same job (a `ref:` baseline) the runs are interleaved — warm-ups, then A B A B … — so a
 * drift of the machine during the job hits both sides alike.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { freeze, recordRunOrder, runExternalFreeze, sharedEnvironment, type CommandRunner, type EnvironmentProbe, type FreezeProgress, type FreezeResult, type MeasureDeps } from '../measure/index.js';
import { evalDirFor, PROFILE_SUFFIX, profileStem, RUN_FILE_SUFFIXES, runFilesOf, stageTruthPathFor } from '../formats/run-files.js';
import { EVAL_METRICS_FILE, FINGERPRINT_FILE, PIPELINE_METRICS_FILE } from '../formats/eval-outputs.js';
import { PROFILE_OUTPUT_ENV } from '../inputs/constants.js';
import type { ActionConfig } from '../inputs/config.js';
import { copyEvalResults, runExperiment } from './experiment.js';
import { pushAll } from '../collections.js';
import { profileOutputPath, removeStaleOutputs } from './profile-output.js';
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

export interface MeasureContext {
  config: ActionConfig;
  repeat: number;
  signal: AbortSignal;
  runner: CommandRunner;
  log: (line: string) => void;
  /** Extra env for the commands (never issue text). */
  env: Record<string, string>;
  /** Baseline wall time, to show the elapsed time against it. */
  referenceWallS?: number;
  /** Counts the spend; a run it does not allow is not started. */
  budget?: SpendBudget;
  freezeImpl?: typeof freeze;
  externalImpl?: typeof runExternalFreeze;
  /** python/git details, gathered once per side for all the freezes of the job (set on first use). */
  environment?: EnvironmentProbe;
  /** The freeze's ports; the real ones when absent. */
  measureDeps?: Partial<MeasureDeps>;
}

function shellCommand(command: string): string[] {
  // The command is the workflow author's own input (like a `run:` step), not event text.
  return ['bash', '-c', command];
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

async function nativeRun(target: SideTarget, ctx: MeasureContext, output: string, warmup: number, repeat: number): Promise<FreezeResult> {
  const { config } = ctx;
  return (ctx.freezeImpl ?? freeze)(
    {
      version: target.version,
      datasetId: config.datasetId,
      output,
      command: shellCommand(config.profileCommand ?? ''),
      sampleIntervalS: config.sampleInterval,
      warmup,
      repeat,
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

async function externalRun(target: SideTarget, ctx: MeasureContext, stem: string): Promise<{ profile?: string; failure?: string }> {
  const { config } = ctx;
  const written = profileOutputPath(target.cwd, config.profileOutput ?? '');
  removeStaleOutputs(target.cwd, [written, stageTruthPathFor(written)]);
  // A freeze script need not create the folder it is told to write into.
  mkdirSync(dirname(written), { recursive: true });
  try {
    const result = await (ctx.externalImpl ?? runExternalFreeze)(
      {
        command: shellCommand(config.profileCommand ?? ''),
        output: written,
        cwd: target.cwd,
        env: { ...ctx.env, [PROFILE_OUTPUT_ENV]: written },
        containment: config.containment,
        timeoutS: config.timeoutMinutes * 60,
        signal: ctx.signal,
      },
      ctx.measureDeps,
    );
    for (const warning of result.warnings) ctx.log(`[${target.label}] warning: ${warning}`);
    for (const note of result.notes.slice(1)) ctx.log(`[${target.label}] ${note}`);
    const files = runFilesOf(stem);
    copyFileSync(result.profilePath, files.profile);
    if (result.stageTruthPath) copyFileSync(result.stageTruthPath, files.stageTruth);
    return { profile: files.profile };
  } catch (error) {
    return { failure: `external freeze: ${(error as Error).message}` };
  }
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

  const single = sides.length === 1 && config.profileMode === 'native';
  if (single) {
    const side = sides[0] as MeasuredSide;
    // The freeze runs warm-ups and repeats in one go: the budget decides their number up front.
    const fits = ctx.budget?.affordable(side.target.name) ?? Number.POSITIVE_INFINITY;
    const warmup = Math.min(config.warmup, fits);
    const repeat = Math.min(ctx.repeat, fits - warmup);
    if (repeat < ctx.repeat || warmup < config.warmup) {
      ctx.budget?.stop(`${ctx.repeat - Math.max(0, repeat)} of ${ctx.repeat} measured run(s) and ${config.warmup - warmup} warm-up(s)`);
    }
    if (repeat < 1) {
      side.failures.push('max-cost-usd allows no measured run');
      return sides;
    }
    ctx.budget?.take([side.target.name], 'the runs', warmup + repeat);
    const result = await nativeRun(side.target, ctx, `${side.target.stem}${PROFILE_SUFFIX}`, warmup, repeat);
    side.profiles = result.runs.map((r) => r.files.profile);
    side.profiles.forEach((profile, i) => recordRunOrder(profile, { side: side.target.name, round: i + 1, sequence: i + 1, confirmation: false }));
    pushAll(side.failures, freezeFailures(result));
    return sides;
  }

  // Warm-ups of every side first, then one measured run per side per round.
  for (let w = 1; w <= config.warmup && !ctx.signal.aborted; w++) {
    if (
      ctx.budget &&
      !ctx.budget.take(
        sides.map((s) => s.target.name),
        `warm-up ${w}`,
      )
    )
      break;
    for (const side of sides) {
      const stem = `${side.target.stem}.warmup-${w}`;
      ctx.log(`[${side.target.label}] warm-up ${w} of ${config.warmup} (not measured)`);
      if (config.profileMode === 'native') {
        const result = await nativeRun(side.target, ctx, `${stem}${PROFILE_SUFFIX}`, 0, 1);
        pushAll(
          side.failures,
          freezeFailures(result).map((f) => `warm-up ${w}: ${f}`),
        );
      } else {
        const { failure } = await externalRun(side.target, ctx, stem);
        if (failure) side.failures.push(`warm-up ${w}: ${failure}`);
      }
      for (const suffix of RUN_FILE_SUFFIXES) rmSync(`${stem}${suffix}`, { force: true });
    }
  }
  await measureRounds(sides, ctx, 1, ctx.repeat);
  return sides;
}

/**
 * Measured rounds `from` … `to`: in each, one run of every side in turn (A B, A B …). Also used for
 * confirmation rounds after a first verdict; a run's files are `<stem>.run-K.*` (plain `<stem>.*`
 * when it is the only run).
 */
export async function measureRounds(sides: readonly MeasuredSide[], ctx: MeasureContext, from: number, to: number): Promise<void> {
  const { config } = ctx;
  for (let k = from; k <= to && !ctx.signal.aborted; k++) {
    // A round starts whole or not at all: the sides keep the same number of runs.
    if (
      ctx.budget &&
      !ctx.budget.take(
        sides.map((s) => s.target.name),
        k > ctx.repeat ? `confirmation round ${k - ctx.repeat}` : `measured round ${k}`,
      )
    )
      break;
    for (const [index, side] of sides.entries()) {
      if (ctx.signal.aborted) break;
      const stem = k === 1 && to === 1 ? side.target.stem : `${side.target.stem}.run-${k}`;
      ctx.log(`[${side.target.label}] measured run ${k} of ${Math.max(to, ctx.repeat)}${k > ctx.repeat ? ' (confirmation)' : ''}`);
      let profile: string | undefined;
      const startedAt = new Date();
      if (config.profileMode === 'native') {
        const result = await nativeRun(side.target, ctx, `${stem}${PROFILE_SUFFIX}`, 0, 1);
        profile = result.runs[0]?.files.profile;
        pushAll(
          side.failures,
          freezeFailures(result).map((f) => `run ${k}: ${f}`),
        );
      } else {
        const outcome = await externalRun(side.target, ctx, stem);
        profile = outcome.profile;
        if (outcome.failure) side.failures.push(`run ${k}: ${outcome.failure}`);
      }
      if (profile && existsSync(profile)) {
        side.profiles.push(profile);
        const order = { side: side.target.name, round: k, sequence: (k - 1) * sides.length + index + 1, confirmation: k > ctx.repeat };
        recordRunOrder(profile, order, { startedAt, endedAt: new Date() });
      }
    }
  }
}
