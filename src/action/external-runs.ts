/**
 * A side's runs by the project's own freeze command (`profile-mode: external`): the executor of a
 * schedule slot (src/measure/schedule.ts). Its profile and stage_truth are copied to the run's
 * place (`<stem>.run-K.*`); a warm-up's files are removed after it.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { runExternalFreeze, type MeasureDeps, type RunSlot, type SlotResult } from '../measure/index.js';
import type { ActionConfig } from '../inputs/config.js';
import { repeatStem, RUN_FILE_SUFFIXES, runFilesOf, stageTruthPathFor } from '../formats/run-files.js';
import { PROFILE_OUTPUT_ENV } from '../inputs/constants.js';
import { profileOutputPath, removeStaleOutputs } from './profile-output.js';

/** What an external run needs of the measuring context (measure-sides.ts's MeasureContext has it all). */
export interface ExternalRunContext {
  config: ActionConfig;
  repeat: number;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Extra env for the commands (never issue text). */
  env: Record<string, string>;
  externalImpl?: typeof runExternalFreeze;
  /** The freeze's ports; the real ones when absent. */
  measureDeps?: Partial<MeasureDeps>;
}

/** Where and as whom a side runs: measure-sides.ts's SideTarget. */
interface Target {
  cwd: string;
  stem: string;
  label: string;
}

export function shellCommand(command: string): string[] {
  // The command is the workflow author's own input (like a `run:` step), not event text.
  return ['bash', '-c', command];
}

async function externalRun(target: Target, ctx: ExternalRunContext, stem: string): Promise<{ profile?: string; failure?: string }> {
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

/** One slot by the project's own freeze command; a warm-up's files are removed after it. */
export async function externalSlot(target: Target, ctx: ExternalRunContext, slot: RunSlot): Promise<SlotResult> {
  if (slot.kind === 'warm-up') {
    const stem = `${target.stem}.warmup-${slot.round}`;
    const { failure } = await externalRun(target, ctx, stem);
    for (const suffix of RUN_FILE_SUFFIXES) rmSync(`${stem}${suffix}`, { force: true });
    return failure ? { failed: `warm-up ${slot.round}: ${failure}` } : {};
  }
  const outcome = await externalRun(target, ctx, repeatStem(target.stem, slot.round, Math.max(ctx.repeat, slot.round)));
  return { ...(outcome.profile ? { profile: outcome.profile } : {}), ...(outcome.failure ? { failed: `run ${slot.round}: ${outcome.failure}` } : {}) };
}
