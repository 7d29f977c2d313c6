/**
 * External mode: run the project's own freeze command (e.g. `freeze_profile.py … --output OUT`) and
 * check the profile YAML and stage_truth it wrote, so a broken freeze fails here, with the file and
 * key named, and not later in the diff. The stage_truth companion is optional (freeze scripts can be
 * told not to write it): without it the run's `truth.*` metrics are missing, and a note says why.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputFileError, UserError } from '../errors.js';
import { loadProfileFile, loadStageTruthFile } from '../formats/loaders.js';
import { stageTruthPathFor } from '../formats/run-files.js';
import type { Profile } from '../formats/profile.js';
import type { StageTruth } from '../formats/stage-truth.js';
import { defaultMeasureDeps } from './deps.js';
import type { ContainmentMode, MeasureDeps } from './ports.js';

export const PROFILE_OUTPUT_ENV = 'OPTIMIZATION_GATE_PROFILE';

export interface ExternalFreezeOptions {
  command: readonly string[];
  /** Where the command writes its profile YAML (its stage_truth beside it); also given to it in OPTIMIZATION_GATE_PROFILE. */
  output: string;
  cwd?: string;
  env?: Record<string, string>;
  /** When given, a profile with another release / dataset_id is reported as a warning. */
  version?: string;
  datasetId?: string;
  timeoutS?: number;
  signal?: AbortSignal;
  commandOutput?: 'inherit' | 'ignore';
  /** How the command is held (default `auto`, see containment.ts). */
  containment?: ContainmentMode;
}

export interface ExternalFreezeResult {
  profilePath: string;
  /** Set when the companion exists (it was then validated too). */
  stageTruthPath?: string;
  profile: Profile;
  truth?: StageTruth;
  warnings: string[];
  /** What was checked, and what is absent by design (no stage_truth). */
  notes: string[];
}

/** Validates a profile and its stage_truth companion when there is one; throws InputFileError naming the file and each bad key. */
export function checkFrozenProfile(profilePath: string, expect: { version?: string; datasetId?: string } = {}): ExternalFreezeResult {
  const truthPath = stageTruthPathFor(profilePath);
  const profile = loadProfileFile(profilePath);
  const truth = existsSync(truthPath) ? loadStageTruthFile(truthPath) : undefined;
  const notes = truth ? [`checked: ${profilePath} and ${truthPath}`] : [`checked: ${profilePath}`, `no stage_truth beside it (${truthPath} not found): its truth.* metrics are missing`];
  const warnings: string[] = [];
  if (expect.version !== undefined && profile.release !== expect.version) {
    warnings.push(`${profilePath}: release is "${profile.release}", expected "${expect.version}"`);
  }
  if (expect.datasetId !== undefined && profile.dataset_id !== expect.datasetId) {
    warnings.push(`${profilePath}: dataset_id is "${profile.dataset_id}", expected "${expect.datasetId}"`);
  }
  if (truth && truth.release !== profile.release) warnings.push(`${truthPath}: release "${truth.release}" differs from the profile's "${profile.release}"`);
  return { profilePath, ...(truth ? { stageTruthPath: truthPath, truth } : {}), profile, warnings, notes };
}

export async function runExternalFreeze(options: ExternalFreezeOptions, deps: Partial<MeasureDeps> = {}): Promise<ExternalFreezeResult> {
  const d = { ...defaultMeasureDeps(), ...deps };
  const cwd = resolve(options.cwd ?? '.');
  const profilePath = resolve(options.output);
  if (!/\.ya?ml$/i.test(profilePath)) throw new UserError(`freeze --external: --output must end in .yaml or .yml, got "${options.output}"`);
  const startedAt = d.clock.nowEpoch();
  const command = await d.commands.start({
    argv: options.command,
    cwd,
    // The runner removes what only the action may hold (tokens, runtime URLs: measured-env.ts).
    env: { ...process.env, ...options.env, [PROFILE_OUTPUT_ENV]: profilePath },
    output: options.commandOutput ?? 'inherit',
    containment: options.containment ?? 'auto',
  });
  const signalTree = (sig: NodeJS.Signals): void => (command.signalTree ? command.signalTree(sig) : command.signalGroup(sig));
  let stopped: string | undefined;
  let killTimer: { cancel(): void } | undefined;
  const stop = (why: string): void => {
    if (stopped) return;
    stopped = why;
    signalTree('SIGTERM');
    killTimer = d.clock.setTimer(() => signalTree('SIGKILL'), 5000);
  };
  const timer = options.timeoutS !== undefined ? d.clock.setTimer(() => stop(`timed out after ${options.timeoutS} s`), options.timeoutS * 1000) : undefined;
  const onAbort = (): void => stop('cancelled');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const exit = await command.exited;
  timer?.cancel();
  killTimer?.cancel();
  options.signal?.removeEventListener('abort', onAbort);
  // Whatever the command left running ends now, before its files are read (nothing rewrites them later).
  await command.finish?.();
  if (stopped) throw new UserError(`freeze command ${stopped}: ${options.command.join(' ')}`);
  if (exit.exitCode !== 0) {
    throw new UserError(`freeze command failed (${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.exitCode ?? '?'}`}): ${options.command.join(' ')}`);
  }
  if (!existsSync(profilePath)) throw new InputFileError(profilePath, ['the freeze command exited 0 but did not write it'], { missing: true });
  if (statSync(profilePath).mtimeMs / 1000 < startedAt - 1) {
    throw new InputFileError(profilePath, ['not written by this run (older than the command): is --output where the command writes?']);
  }
  return checkFrozenProfile(profilePath, options);
}
