/**
 * A stored baseline: the profile runs (with stage_truth and eval outputs) of one measured side plus
 * a manifest, kept in the Actions cache and as an artifact by `mode: baseline`, and read back by
 * `baseline: cache | artifact`. A repository path may also name a profile or a folder of profiles.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError, InputFileError } from '../errors.js';
import { readJson } from '../formats/parse.js';
import { isObject } from '../formats/validate.js';
import { profileStem } from '../compare/loaders.js';

export const BASELINE_MANIFEST = 'baseline.json';
export const BASELINE_SCHEMA = 'optimization-gate/baseline@1';

export interface BaselineManifest {
  schema: typeof BASELINE_SCHEMA;
  created_at: string;
  dataset_id: string;
  runner_key: string;
  /** The runner that measured (its name changes on ephemeral runners; not part of the key). */
  runner_name?: string;
  hostname: string;
  config_hash: string;
  git_sha: string;
  git_ref: string;
  workflow_run_id: string;
  /** Profile YAMLs, relative to the store. */
  runs: string[];
  /** Eval outputs (metrics.json …), relative to the store. */
  eval_dir?: string;
}

export interface BaselineFiles {
  /** Profile YAML of each run. */
  profiles: string[];
  evalDir?: string;
  /** Where it came from, for reports. */
  origin: string;
  manifest?: BaselineManifest;
}

const COMPANIONS = ['.stage_truth.json', '.samples.jsonl'];

/** Copies a measured side into `dir` and writes the manifest. */
export function writeBaselineStore(
  dir: string,
  side: { profiles: readonly string[]; evalDir?: string },
  meta: Omit<BaselineManifest, 'schema' | 'runs' | 'eval_dir'>,
): BaselineManifest {
  mkdirSync(dir, { recursive: true });
  const runs = side.profiles.map((profile, i) => {
    const stem = `run-${i + 1}`;
    cpSync(profile, join(dir, `${stem}.yaml`));
    for (const suffix of COMPANIONS) {
      const companion = `${profileStem(profile)}${suffix}`;
      if (existsSync(companion)) cpSync(companion, join(dir, `${stem}${suffix}`));
    }
    return `${stem}.yaml`;
  });
  if (side.evalDir && existsSync(side.evalDir)) cpSync(side.evalDir, join(dir, 'eval'), { recursive: true });
  const manifest: BaselineManifest = {
    schema: BASELINE_SCHEMA,
    ...meta,
    runs,
    ...(side.evalDir && existsSync(side.evalDir) ? { eval_dir: 'eval' } : {}),
  };
  writeFileSync(join(dir, BASELINE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads a store written by writeBaselineStore (after a cache restore or an artifact download). */
export function readBaselineStore(dir: string, origin: string): BaselineFiles {
  const path = join(dir, BASELINE_MANIFEST);
  const data = readJson(path);
  const problems: string[] = [];
  if (!isObject(data)) throw new InputFileError(path, ['(root): expected a mapping']);
  if (data.schema !== BASELINE_SCHEMA) problems.push(`schema: expected "${BASELINE_SCHEMA}", got ${JSON.stringify(data.schema)}`);
  const runs = Array.isArray(data.runs) ? data.runs.filter((r): r is string => typeof r === 'string') : [];
  if (runs.length === 0) problems.push('runs: expected a non-empty list of profile files');
  const missing = runs.filter((r) => !existsSync(join(dir, r)));
  if (missing.length > 0) problems.push(`runs: files not in the store: ${missing.join(', ')}`);
  if (problems.length > 0) throw new InputFileError(path, problems);
  const evalDir = typeof data.eval_dir === 'string' ? join(dir, data.eval_dir) : undefined;
  return {
    profiles: runs.map((r) => join(dir, r)),
    ...(evalDir && existsSync(evalDir) ? { evalDir } : {}),
    origin,
    manifest: data as unknown as BaselineManifest,
  };
}

function outside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function isProfileYaml(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.');
}

/**
 * A baseline named by a repository path: a profile YAML, a folder with a baseline.json, or a folder
 * of profile YAMLs (repeated runs). A bare name is also looked up under `data/profiles/`, where the
 * pipelines we serve keep their references (`baseline: references/v2.6.0-openai`).
 */
export function resolvePathBaseline(name: string, root: string, { insideCheckout = true }: { insideCheckout?: boolean } = {}): BaselineFiles {
  const candidates = [name, `${name}.yaml`, join('data/profiles', name), join('data/profiles', `${name}.yaml`)].map((p) => resolve(root, p));
  // A name from the issue must stay inside the checkout; the workflow's own input may point anywhere
  // (e.g. the `profile` output of an earlier step, under the runner's temp dir).
  if (insideCheckout && candidates.some((p) => outside(root, p))) {
    throw new UserError(`baseline "${name}": expected a path inside the repository checkout`);
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new UserError(`baseline "${name}" not found`, candidates.map((p) => `looked for ${relative(root, p) || '.'}`));
  }
  if (!statSync(found).isDirectory()) return { profiles: [found], origin: `repository file ${relative(root, found)}` };
  // A pipeline's promoted eval run also has a baseline.json (its own metadata): only ours is a store.
  if (isStoreManifest(join(found, BASELINE_MANIFEST))) return readBaselineStore(found, `repository folder ${relative(root, found)}`);
  const profiles = readdirSync(found)
    .filter(isProfileYaml)
    .sort()
    .map((f) => join(found, f))
    // A folder may also hold capture configs and such: keep the files with a profile's totals section.
    .filter(looksLikeProfile);
  if (profiles.length === 0) {
    const evalRun = existsSync(join(found, 'metrics.json')) ? '; it holds eval results: name them with `baseline: { profile: <profile YAML>, eval: <this folder> }`' : '';
    throw new UserError(`baseline folder ${relative(root, found)} holds no profile YAML (a file with a totals: section)${evalRun}`);
  }
  return { profiles, origin: `repository folder ${relative(root, found)} (${profiles.length} profiles: ${profiles.map((p) => basename(p)).join(', ')})` };
}

function isStoreManifest(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    const data = readJson(path);
    // A manifest that is ours but broken is still ours: readBaselineStore says what is wrong with it.
    return !isObject(data) || data.schema === BASELINE_SCHEMA || !('promoted_id' in data || 'run_id' in data);
  } catch {
    return true;
  }
}

function looksLikeProfile(path: string): boolean {
  try {
    return /^totals:/m.test(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}
