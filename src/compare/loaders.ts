/**
 * Loads one measured run: a profile YAML, its stage_truth companion and the eval outputs
 * (metrics.json, eval_pipeline_metrics.json), each validated, from where they sit on disk.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { validateProfile } from '../formats/profile.js';
import { validateStageTruth } from '../formats/stage-truth.js';
import {
  EVAL_METRICS_FILE,
  PIPELINE_METRICS_FILE,
  validateEvalMetrics,
  validatePipelineMetrics,
} from '../formats/eval-outputs.js';
import { readJson, readYaml } from '../formats/parse.js';
import { UserError } from '../errors.js';
import type { MeasuredRun } from './types.js';

/** `a/b/run.yaml` → `a/b/run` (the stem its companions are named after). */
export function profileStem(profilePath: string): string {
  return profilePath.replace(/\.ya?ml$/i, '');
}

export function stageTruthPathFor(profilePath: string): string {
  return `${profileStem(profilePath)}.stage_truth.json`;
}

/** Where eval outputs of a profile are looked for when no directory is given: `<stem>.eval/`, then the profile's folder. */
export function evalDirCandidates(profilePath: string): string[] {
  return [`${profileStem(profilePath)}.eval`, dirname(profilePath)];
}

export interface LoadRunOptions {
  /** Directory holding metrics.json / eval_pipeline_metrics.json; it must exist when given. */
  evalDir?: string;
}

export function loadProfileFile(path: string) {
  return validateProfile(readYaml(path), path);
}

export function loadStageTruthFile(path: string) {
  return validateStageTruth(readJson(path), path);
}

export function loadMeasuredRun(profilePath: string, options: LoadRunOptions = {}): MeasuredRun {
  const profile = loadProfileFile(profilePath);
  const truthPath = stageTruthPathFor(profilePath);
  const truth = existsSync(truthPath) ? loadStageTruthFile(truthPath) : undefined;

  let evalDir: string | undefined;
  if (options.evalDir !== undefined) {
    if (!existsSync(options.evalDir) || !statSync(options.evalDir).isDirectory()) {
      throw new UserError(`eval output directory not found: ${options.evalDir}`);
    }
    evalDir = options.evalDir;
  } else {
    evalDir = evalDirCandidates(profilePath).find(
      (dir) => existsSync(join(dir, EVAL_METRICS_FILE)) || existsSync(join(dir, PIPELINE_METRICS_FILE)),
    );
  }
  const evalPath = evalDir !== undefined ? join(evalDir, EVAL_METRICS_FILE) : undefined;
  const costPath = evalDir !== undefined ? join(evalDir, PIPELINE_METRICS_FILE) : undefined;
  const evalMetrics = evalPath && existsSync(evalPath) ? validateEvalMetrics(readJson(evalPath), evalPath) : undefined;
  const costMetrics = costPath && existsSync(costPath) ? validatePipelineMetrics(readJson(costPath), costPath) : undefined;

  return {
    label: basename(profilePath),
    files: {
      profile: profilePath,
      ...(truth ? { truth: truthPath } : {}),
      ...(evalMetrics && evalPath ? { eval: evalPath } : {}),
      ...(costMetrics && costPath ? { cost: costPath } : {}),
    },
    profile,
    ...(truth ? { truth } : {}),
    ...(evalMetrics ? { eval: evalMetrics } : {}),
    ...(costMetrics ? { cost: costMetrics } : {}),
  };
}
