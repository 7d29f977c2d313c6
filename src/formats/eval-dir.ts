/**
 * Where a run's eval results are when they are not beside its profile. Pipelines keep eval runs in
 * their own tree (`data/eval/runs/<run>/`, promoted ones in `data/eval/baselines/<name>/`, references
 * in `data/eval/references/{silver,gold}/<name>/`, experiment configs in `data/eval/issue-NNN/*.yaml`
 * whose `id` is the run's folder under `data/eval/runs/`). A name is tried in that order; a miss says
 * every place it looked. Reads files only (is it there, the config's `id`).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { EVAL_METRICS_FILE, PIPELINE_METRICS_FILE } from './eval-outputs.js';
import { readYaml } from './parse.js';
import { isObject } from './validate.js';

/** Folders of the pipeline layout a bare run id is looked for in, relative to the repository root. */
export const EVAL_RUN_FOLDERS = ['data/eval/runs', 'data/eval/baselines', 'data/eval/references/silver', 'data/eval/references/gold', 'data/eval/references'];

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface EvalDirOptions {
  /** Refuse anything outside `root` (names that come from the issue text). */
  insideCheckout?: boolean;
}

export interface ResolvedEvalDir {
  dir: string;
  /** How it was found, for logs and reports: `data/eval/runs/x (run id of data/eval/issue-477/x.yaml)`. */
  origin: string;
}

function holdsEvalOutputs(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && (existsSync(join(dir, EVAL_METRICS_FILE)) || existsSync(join(dir, PIPELINE_METRICS_FILE)));
}

function outside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** The `id:` of an experiment config (its run folder's name), when the file is one. */
export function experimentRunId(file: string): string | undefined {
  try {
    const doc = readYaml(file);
    const id = isObject(doc) ? doc.id : undefined;
    return typeof id === 'string' && RUN_ID.test(id) && !id.includes('..') ? id : undefined;
  } catch {
    return undefined;
  }
}

export function resolveEvalDir(name: string, root: string, { insideCheckout = true }: EvalDirOptions = {}): ResolvedEvalDir {
  const looked: string[] = [];
  const show = (p: string) => (outside(root, p) ? p : relative(root, p) || '.');
  const candidates: Array<{ path: string; why: string }> = [];
  const given = resolve(root, name);
  // A metrics.json named directly stands for its folder.
  const direct = basename(given) === EVAL_METRICS_FILE || basename(given) === PIPELINE_METRICS_FILE ? dirname(given) : given;
  candidates.push({ path: direct, why: '' });
  if (RUN_ID.test(name)) for (const folder of EVAL_RUN_FOLDERS) candidates.push({ path: resolve(root, folder, name), why: '' });
  if (/\.ya?ml$/i.test(name) && existsSync(given) && statSync(given).isFile()) {
    const id = experimentRunId(given);
    if (id !== undefined) candidates.push({ path: resolve(root, 'data/eval/runs', id), why: ` (run id "${id}" of the experiment config ${show(given)})` });
    else looked.push(`${show(given)} is not an experiment config with an \`id:\` (the run's folder name under data/eval/runs/)`);
  }
  for (const { path, why } of candidates) {
    if (insideCheckout && outside(root, path)) throw new UserError(`eval results "${name}": expected a path inside the repository checkout`);
    if (holdsEvalOutputs(path)) return { dir: path, origin: `${show(path)}${why}` };
    looked.push(`${show(path)}${why}: ${existsSync(path) ? `no ${EVAL_METRICS_FILE} or ${PIPELINE_METRICS_FILE} in it` : 'not found'}`);
  }
  throw new UserError(`eval results "${name}" not found`, looked);
}
