/**
 * Loads one measured run: a profile YAML, its stage_truth companion and the eval outputs
 * (metrics.json, eval_pipeline_metrics.json, fingerprint.json), each validated, from where they sit
 * on disk. Every companion is optional: a missing one is recorded with where it was looked for (so
 * a missing metric can say which file it lacks); a present but broken one is an error.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { validateProfile } from './profile.js';
import { validateStageTruth } from './stage-truth.js';
import { EVAL_METRICS_FILE, FINGERPRINT_FILE, PIPELINE_METRICS_FILE, validateEvalMetrics, validateFingerprint, validatePipelineMetrics } from './eval-outputs.js';
import { readJson, readYaml } from './parse.js';
import { UserError } from '../errors.js';
import type { MeasuredRun, MetricSource } from './measured-run.js';
import { evalDirFor, stageTruthPathFor } from './run-files.js';

/** Where eval outputs of a profile are looked for when no directory is given: `<stem>.eval/`, then the profile's folder. */
export function evalDirCandidates(profilePath: string): string[] {
  return [evalDirFor(profilePath), dirname(profilePath)];
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

/** The eval directory to read: the one given (it must exist), else the first candidate holding an eval output. */
function pickEvalDir(profilePath: string, given: string | undefined): { dir?: string; candidates: string[] } {
  if (given !== undefined) {
    if (!existsSync(given) || !statSync(given).isDirectory()) throw new UserError(`eval output directory not found: ${given}`);
    return { dir: given, candidates: [given] };
  }
  const candidates = evalDirCandidates(profilePath);
  const dir = candidates.find((d) => existsSync(join(d, EVAL_METRICS_FILE)) || existsSync(join(d, PIPELINE_METRICS_FILE)));
  return { ...(dir !== undefined ? { dir } : {}), candidates };
}

function optionalJson<T>(path: string, validate: (data: unknown, file: string) => T): T | undefined {
  return existsSync(path) ? validate(readJson(path), path) : undefined;
}

export function loadMeasuredRun(profilePath: string, options: LoadRunOptions = {}): MeasuredRun {
  const profile = loadProfileFile(profilePath);
  const truthPath = stageTruthPathFor(profilePath);
  const truth = optionalJson(truthPath, validateStageTruth);

  const { dir, candidates } = pickEvalDir(profilePath, options.evalDir);
  const dirs = dir !== undefined ? [dir] : candidates;
  const evalPath = dir !== undefined ? join(dir, EVAL_METRICS_FILE) : undefined;
  const costPath = dir !== undefined ? join(dir, PIPELINE_METRICS_FILE) : undefined;
  const fingerprintPath = dir !== undefined ? join(dir, FINGERPRINT_FILE) : undefined;
  const evalMetrics = evalPath !== undefined ? optionalJson(evalPath, validateEvalMetrics) : undefined;
  const costMetrics = costPath !== undefined ? optionalJson(costPath, validatePipelineMetrics) : undefined;
  const fingerprint = fingerprintPath !== undefined ? optionalJson(fingerprintPath, validateFingerprint) : undefined;

  const looked: Partial<Record<MetricSource, string[]>> = {};
  if (!truth) looked.truth = [truthPath];
  if (!evalMetrics) looked.eval = dirs.map((d) => join(d, EVAL_METRICS_FILE));
  if (!costMetrics) looked.cost = dirs.map((d) => join(d, PIPELINE_METRICS_FILE));

  return {
    label: basename(profilePath),
    files: {
      profile: profilePath,
      ...(truth ? { truth: truthPath } : {}),
      ...(evalMetrics && evalPath ? { eval: evalPath } : {}),
      ...(costMetrics && costPath ? { cost: costPath } : {}),
      ...(fingerprint && fingerprintPath ? { fingerprint: fingerprintPath } : {}),
    },
    looked,
    profile,
    ...(truth ? { truth } : {}),
    ...(evalMetrics ? { eval: evalMetrics } : {}),
    ...(costMetrics ? { cost: costMetrics } : {}),
    ...(fingerprint ? { fingerprint } : {}),
  };
}
