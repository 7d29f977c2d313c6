/**
 * Names under which baselines are stored: per dataset, pipeline config and runner, so a baseline
 * is never compared with a run from another host or another configuration.
 */
import { createHash } from 'node:crypto';

const CACHE_PREFIX = 'optimization-gate-baseline-v1';

function slug(text: string, max = 40): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (cleaned || 'default').slice(0, max);
}

/**
 * The kind of machine a measurement comes from: the job's runner labels (`runner-key`), else the
 * runner's environment (self-hosted / github-hosted); plus OS and architecture when the labels do not
 * already say them. Never the runner's name or the hostname: ephemeral, autoscaled (ARC) and
 * GitHub-hosted runners get new ones for every job, and the refresh and the gate would never meet.
 * The host itself is kept apart (run-info, baseline manifest, profile) for the comparability check.
 */
export function runnerKey(input: string | undefined, runner: { os: string; arch: string; environment: string }): string {
  const parts = (input ?? '')
    .split(/[\s,-]+/)
    .map((p) => p.toLowerCase())
    .filter((p) => p !== '');
  if (parts.length === 0) parts.push(runner.environment || 'self-hosted');
  for (const extra of [runner.os, runner.arch].map((p) => p.toLowerCase()).filter((p) => p !== '')) {
    if (!parts.includes(extra)) parts.push(extra);
  }
  return slug(parts.join('-'), 80);
}

/** Hash of the pipeline config files' names and contents (sorted, so the order of patterns does not matter). */
export function configHash(files: ReadonlyArray<{ path: string; content: Buffer | string }>): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export interface BaselineKeyParts {
  datasetId: string;
  configHash: string;
  runnerKey: string;
}

/** Prefix shared by every stored baseline of this dataset/config/runner; restore picks the newest. */
export function baselineCachePrefix(parts: BaselineKeyParts): string {
  return `${CACHE_PREFIX}-${slug(parts.datasetId)}-${parts.configHash}-${parts.runnerKey}-`;
}

/** Cache keys are immutable, so each refresh saves under a key unique to its run. */
export function baselineCacheKey(parts: BaselineKeyParts, runId: string, runAttempt: string): string {
  return `${baselineCachePrefix(parts)}${runId}-${runAttempt}`;
}

/**
 * Name of the artifact a baseline refresh uploads, looked up by `baseline: artifact`. The config hash
 * is part of it, so a changed pipeline config never finds the baseline of the old one.
 */
export function baselineArtifactName(artifactName: string, datasetId: string, configHash: string, runner: string): string {
  return `${artifactName}-baseline-${slug(datasetId)}-${configHash}-${runner}`.slice(0, 200);
}
