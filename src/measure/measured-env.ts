/**
 * The environment a measured command gets. Measured code is untrusted: it keeps what a pipeline
 * needs (the runner's ordinary variables, the job's `env:`, what an earlier step exported such as
 * the `pipeline-env` secret) and loses what the runner gives only to actions — the runtime token
 * and the URLs it opens (artifacts, cache, results, OIDC), the action's inputs (`INPUT_TOKEN`),
 * its saved state, the GitHub token under its usual names, and the file commands through which a
 * step's output, environment and PATH for later steps are written.
 */

/** Removed whatever their value: every name starting with one of these (case-insensitive). */
export const REMOVED_PREFIXES = ['ACTIONS_', 'INPUT_', 'STATE_'] as const;

/** Removed by exact name (case-insensitive). */
export const REMOVED_NAMES = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  // File commands: writing them sets the step's outputs, or the env / PATH of every later step.
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
] as const;

export function isRemovedVariable(name: string): boolean {
  const upper = name.toUpperCase();
  return REMOVED_PREFIXES.some((prefix) => upper.startsWith(prefix)) || (REMOVED_NAMES as readonly string[]).includes(upper);
}

/** `base` without the removed variables; `removed` lists their names (never their values). */
export function measuredEnvironment(base: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; removed: string[] } {
  const env: NodeJS.ProcessEnv = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    if (isRemovedVariable(name)) removed.push(name);
    else env[name] = value;
  }
  return { env, removed: removed.sort() };
}
