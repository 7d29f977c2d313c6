/**
 * A stored baseline: the profile runs (with stage_truth and eval outputs) of one measured side plus
 * a manifest, kept in the Actions cache and as an artifact by `mode: baseline`, and read back by
 * `baseline: cache | artifact`. A repository path may also name a profile or a folder of profiles.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { pushAll } from '../collections.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError, InputFileError } from '../errors.js';
import { readJson } from '../formats/parse.js';
import { isObject } from '../formats/validate.js';
import { evalDirFor, PROFILE_SUFFIX, profileStem, SAMPLES_SUFFIX, STAGE_TRUTH_SUFFIX } from '../formats/run-files.js';

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
  /** Stored by `/optimization-gate promote`: the issue and the measuring run whose candidate this is. */
  promoted?: { issue: number; source_run_id: number; source_run_url: string; by: string };
}

export interface BaselineFiles {
  /** Profile YAML of each run. */
  profiles: string[];
  evalDir?: string;
  /** Where it came from, for reports. */
  origin: string;
  manifest?: BaselineManifest;
}

const COMPANIONS = [STAGE_TRUTH_SUFFIX, SAMPLES_SUFFIX];

/** Copies a measured side into `dir` and writes the manifest. */
export function writeBaselineStore(dir: string, side: { profiles: readonly string[]; evalDir?: string }, meta: Omit<BaselineManifest, 'schema' | 'runs' | 'eval_dir'>): BaselineManifest {
  mkdirSync(dir, { recursive: true });
  const runs = side.profiles.map((profile, i) => {
    const stem = `run-${i + 1}`;
    cpSync(profile, join(dir, `${stem}${PROFILE_SUFFIX}`));
    for (const suffix of COMPANIONS) {
      const companion = `${profileStem(profile)}${suffix}`;
      if (existsSync(companion)) cpSync(companion, join(dir, `${stem}${suffix}`));
    }
    return `${stem}${PROFILE_SUFFIX}`;
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

/** Every symbolic link under `dir` (a store never holds one: writeBaselineStore copies files). */
function symlinksUnder(dir: string, rel = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel === '' ? entry.name : join(rel, entry.name);
    if (entry.isSymbolicLink()) found.push(path);
    else if (entry.isDirectory()) pushAll(found, symlinksUnder(dir, path));
  }
  return found;
}

function outside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * A path named in a manifest, resolved inside the store: relative, and still inside once every
 * symbolic link is followed. A manifest comes from a cache entry or an artifact, so it may be forged
 * to point at the runner's files; those are refused unread (and never quoted anywhere).
 */
function inStore(root: string, realRoot: string, entry: string, key: string, problems: string[]): string | undefined {
  if (entry === '' || entry.includes('\0') || isAbsolute(entry) || outside(root, resolve(root, entry))) {
    problems.push(`${key}: ${JSON.stringify(entry)} is not a path inside the store`);
    return undefined;
  }
  const path = resolve(root, entry);
  if (!existsSync(path)) {
    problems.push(`${key}: ${JSON.stringify(entry)} is not in the store`);
    return undefined;
  }
  if (outside(realRoot, realpathSync(path))) {
    problems.push(`${key}: ${JSON.stringify(entry)} leads outside the store`);
    return undefined;
  }
  return path;
}

/** Reads a store written by writeBaselineStore (after a cache restore or an artifact download). */
export function readBaselineStore(dir: string, origin: string): BaselineFiles {
  const path = join(dir, BASELINE_MANIFEST);
  const realRoot = realpathSync(dir);
  const links = symlinksUnder(dir);
  // Checked before anything is read: the manifest itself could be a link to a file of the runner.
  if (links.length > 0)
    throw new InputFileError(
      path,
      links.map((l) => `${l}: a symbolic link; a stored baseline holds only plain files`),
    );
  const data = readJson(path);
  const problems: string[] = [];
  if (!isObject(data)) throw new InputFileError(path, ['(root): expected a mapping']);
  if (data.schema !== BASELINE_SCHEMA) problems.push(`schema: expected "${BASELINE_SCHEMA}", got ${JSON.stringify(data.schema)}`);
  const runs = Array.isArray(data.runs) ? data.runs.filter((r): r is string => typeof r === 'string') : [];
  if (runs.length === 0) problems.push('runs: expected a non-empty list of profile files');
  const profiles = runs.map((r, i) => inStore(dir, realRoot, r, `runs[${i}]`, problems));
  const evalDir = typeof data.eval_dir === 'string' ? inStore(dir, realRoot, data.eval_dir, 'eval_dir', problems) : undefined;
  if (problems.length > 0) throw new InputFileError(path, problems);
  return {
    profiles: profiles as string[],
    ...(evalDir && statSync(evalDir).isDirectory() ? { evalDir } : {}),
    origin,
    manifest: data as unknown as BaselineManifest,
  };
}

/**
 * The lexical check above is not enough: a committed symbolic link inside the checkout can lead
 * anywhere. Whatever the baseline reads — the named file or folder, the files beside a named
 * profile (its stage_truth, eval outputs) — must still be inside the checkout once links are followed.
 */
function refuseEscapes(root: string, found: string): void {
  const realRoot = realpathSync(root);
  const entries = (dir: string, deep: boolean): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      return deep && e.isDirectory() ? [path, ...entries(path, true)] : [path];
    });
  const evalDir = evalDirFor(found);
  const read = statSync(found).isDirectory()
    ? [found, ...entries(found, true)]
    : [found, ...entries(dirname(found), false), ...(existsSync(evalDir) && statSync(evalDir).isDirectory() ? entries(evalDir, true) : [])];
  const escaping = read.filter((p) => {
    try {
      return outside(realRoot, realpathSync(p));
    } catch {
      return true; // a dangling link
    }
  });
  if (escaping.length > 0) {
    throw new UserError(
      `baseline "${relative(root, found)}": a symbolic link leads outside the repository checkout`,
      escaping.map((p) => relative(root, p)),
    );
  }
}

function isProfileYaml(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.');
}

/** The paths a baseline name may mean, relative to the working directory, in the order they are tried. */
export function baselinePathNames(name: string): string[] {
  return [name, `${name}.yaml`, join('data/profiles', name), join('data/profiles', `${name}.yaml`)];
}

/**
 * A baseline named by a repository path: a profile YAML, a folder with a baseline.json, or a folder
 * of profile YAMLs (repeated runs). A bare name is also looked up under `data/profiles/`, where the
 * pipelines we serve keep their references (`baseline: references/v2.6.0-openai`).
 */
export function resolvePathBaseline(name: string, root: string, { insideCheckout = true }: { insideCheckout?: boolean } = {}): BaselineFiles {
  const candidates = baselinePathNames(name).map((p) => resolve(root, p));
  // A name from the issue must stay inside the checkout; the workflow's own input may point anywhere
  // (e.g. the `profile` output of an earlier step, under the runner's temp dir).
  if (insideCheckout && candidates.some((p) => outside(root, p))) {
    throw new UserError(`baseline "${name}": expected a path inside the repository checkout`);
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new UserError(
      `baseline "${name}" not found`,
      candidates.map((p) => `looked for ${relative(root, p) || '.'}`),
    );
  }
  if (insideCheckout) refuseEscapes(root, found);
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
