/**
 * Everything a mode needs, set up once by run(): config, run context, side-effect ports, the output
 * directory, the cancel signal, and the names baselines are stored under.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as glob from '@actions/glob';
import { loadMeasuredRun } from '../formats/loaders.js';
import type { MeasuredRun, Side } from '../compare/types.js';
import type { ActionConfig } from '../inputs/config.js';
import type { CommandRunner, MeasureDeps } from '../measure/index.js';
import type { GitHubApi } from '../publish/github.js';
import type { ActionIO } from '../publish/io.js';
import type { ArtifactStore, CacheStore } from '../publish/store.js';
import { configHash, runnerKey, type BaselineKeyParts } from './baseline-key.js';
import type { RunContext } from './context.js';

export interface Session {
  config: ActionConfig;
  context: RunContext;
  io: ActionIO;
  api?: GitHubApi;
  artifacts: ArtifactStore;
  cache: CacheStore;
  runner: CommandRunner;
  /** The freeze's ports (the real ones unless a test swaps them in). */
  measureDeps?: Partial<MeasureDeps>;
  /** Everything this run produces (uploaded as the artifact). */
  outDir: string;
  /** `working-directory` resolved against the workspace. */
  workingDir: string;
  signal: AbortSignal;
  keyParts: BaselineKeyParts;
  /** Fixed path of the baseline store for the cache (its path is part of the cache version). */
  storePath: string;
  hostname: string;
}

/** Content hash of the pipeline config files (globs relative to the working directory). */
export async function hashPipelineConfig(patterns: readonly string[], workingDir: string): Promise<{ hash: string; files: string[] }> {
  if (patterns.length === 0) return { hash: configHash([]), files: [] };
  const globber = await glob.create(patterns.map((p) => resolve(workingDir, p)).join('\n'), { matchDirectories: false });
  const files = (await globber.glob()).filter((f) => existsSync(f) && statSync(f).isFile()).sort();
  return {
    hash: configHash(files.map((f) => ({ path: relative(workingDir, f), content: readFileSync(f) }))),
    files: files.map((f) => relative(workingDir, f)),
  };
}

export async function baselineKeyParts(config: ActionConfig, context: RunContext, workingDir: string): Promise<BaselineKeyParts & { configFiles: string[] }> {
  const { hash, files } = await hashPipelineConfig(config.pipelineConfig, workingDir);
  return { datasetId: config.datasetId, configHash: hash, runnerKey: runnerKey(config.runnerKey, context.runner), configFiles: files };
}

/** In the workspace (the cache client's root); moved out right after a restore, removed after a save. */
export function storePathFor(context: RunContext): string {
  return join(context.workspace, '.optimization-gate-baseline');
}

/** Loads the runs of a side; a run that cannot be read becomes a failure line, not a crash. */
export function loadSide(name: Side['name'], profiles: readonly string[], evalDir: string | undefined, failures: string[]): Side {
  const runs: MeasuredRun[] = [];
  for (const profile of profiles) {
    try {
      runs.push(loadMeasuredRun(profile, evalDir !== undefined ? { evalDir } : {}));
    } catch (error) {
      failures.push(`${name} ${profile}: ${(error as Error).message}`);
    }
  }
  return { name, runs };
}
