/** Shared pieces of the action's end-to-end tests (run dist/ against the loopback harness). */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Harness } from '../fakes/index.js';
import { runAction, unzipArtifact } from '../fakes/index.js';
import { sealDigest, sealName } from '../../src/action/sealed-results.js';

/** The files of the artifact a run uploaded, by name inside the zip. */
export async function artifactFiles(h: Harness, runId: number, name: string): Promise<Map<string, Buffer>> {
  const record = h.model.artifacts.find((a) => a.runId === runId && a.name === name && a.state === 'finalized');
  if (!record) throw new Error(`no finalized artifact ${name} in run ${runId}: ${h.model.artifacts.map((a) => `${a.runId}/${a.name}`).join(', ')}`);
  return unzipArtifact(await h.azurite.read(record.blobName));
}

/** Asserts each uploaded file equals the file on disk under `dir`. */
export function sameAsDisk(files: Map<string, Buffer>, dir: string): string[] {
  const differing: string[] = [];
  for (const [name, bytes] of files) {
    if (!readFileSync(join(dir, name)).equals(bytes)) differing.push(relative(dir, join(dir, name)));
  }
  return differing;
}

/**
 * A busy machine stretches every step; no assertion here depends on it, so steps get minutes rather
 * than the harness's 150 s (the timeouts only catch a hang).
 */
export const STEP_TIMEOUT_MS = 240_000;
export const TEST_TIMEOUT = 600_000;

/** runAction with the e2e step timeout for main and post. */
export function runSteps(options: Parameters<typeof runAction>[0]): ReturnType<typeof runAction> {
  return runAction({ timeoutMs: STEP_TIMEOUT_MS, ...options, postOptions: { timeoutMs: STEP_TIMEOUT_MS, ...options.postOptions } });
}

/** A refresh run as the provenance check accepts it: started from the refresh workflow's own file. */
export const REFRESH_WORKFLOW_RUN = { workflowPath: '.github/workflows/optimization-baseline-refresh.yml' } as const;

/** Seeds a runner's verdict artifact with the seal its action uploads beside it (mode aggregate trusts only sealed verdicts). */
export async function seedSealedVerdict(h: Harness, run: Parameters<Harness['seedArtifact']>[0]['run'], name: string, files: Record<string, string>): Promise<void> {
  await h.seedArtifact({ run, name, files });
  const digest = sealDigest(new Map(Object.entries(files).map(([file, text]) => [file, Buffer.from(text)])));
  await h.seedArtifact({ run, name: sealName(name, digest), files: { 'seal.json': '{}' } });
}
