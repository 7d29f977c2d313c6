/**
 * The post step's work when there is some (loaded only then: it pulls in the toolkit): stop any
 * measured process tree still running, rebuild the profile of every run that was being sampled from
 * its samples file, and upload everything in the output directory. Nothing measured is lost.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { readLines } from '../formats/parse.js';
import { State } from '../inputs/constants.js';
import { endStaleTreeGroups, rebuildFromSamples, SAMPLES_SUFFIX, samplesFileEnded } from '../measure/index.js';
import { coreIO, type ActionIO } from '../publish/io.js';
import { createArtifactStore, type ArtifactStore } from '../publish/store.js';
import { filesUnder } from './output-files.js';
import { groupAlive, rootState } from './process-identity.js';

export interface PostDeps {
  io: ActionIO;
  artifacts: () => ArtifactStore;
}

export const defaultPostDeps: PostDeps = { io: coreIO, artifacts: createArtifactStore };

/** The measured root process a samples file names: its pid and when it was started (epoch seconds). */
function rootOf(samplesPath: string): { pid: number; startedAt: number } | undefined {
  // The header is the first line: read that, not the whole (possibly hours-long) file.
  const first = readLines(samplesPath, 64 * 1024).next().value ?? '';
  try {
    const header = JSON.parse(first) as { root_pid?: unknown; started_at?: unknown };
    const pid = header.root_pid;
    const startedAt = header.started_at;
    return typeof pid === 'number' && pid > 1 && typeof startedAt === 'number' ? { pid, startedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** SIGTERM to the process group, SIGKILL after a grace period if it is still there. */
async function stopGroup(pid: number, io: ActionIO): Promise<void> {
  if (!groupAlive(pid)) return;
  io.warning(`stopping the measured process group ${pid} left running by the main step`);
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; waited < 5000 && groupAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** Stops what is left of an interrupted run, after checking the pid is still the run's (10.18). */
async function stopRoot(samples: string, io: ActionIO): Promise<void> {
  const root = rootOf(samples);
  if (!root) return;
  const state = rootState(root.pid, root.startedAt);
  if (state === 'ours') await stopGroup(root.pid, io);
  else if (state === 'reused') io.info(`optimization-gate post: pid ${root.pid} now belongs to another process (started after the run); not signalled`);
  else if (state === 'unknown') io.warning(`optimization-gate post: cannot tell whether pid ${root.pid} is still the measured run (no /proc); not signalled`);
}

async function upload(io: ActionIO, artifacts: () => ArtifactStore, outDir: string): Promise<void> {
  const name = io.getState(State.ArtifactName) || 'optimization-gate';
  const retention = Number(io.getState(State.RetentionDays) || '0');
  const uploaded = await artifacts().upload(name, filesUnder(outDir), outDir, Number.isFinite(retention) ? retention : 0);
  io.info(`optimization-gate post: uploaded ${name} (id ${uploaded.id}) with what was measured`);
}

/** `completed`: main finished (only its upload is missing); else main was cancelled or crashed mid-way. */
export async function keepWhatWasMeasured(outDir: string, completed: boolean, { io, artifacts }: PostDeps): Promise<void> {
  if (completed) {
    // Main finished but its upload failed: one more try, now that some time has passed.
    await upload(io, artifacts, outDir);
    return;
  }
  io.warning('optimization-gate post: the main step did not complete; keeping what was measured');
  // Main is gone: whatever its measured trees' cgroups still hold is ended now.
  const stale = await endStaleTreeGroups();
  if (stale.processes > 0) io.warning(`ended ${stale.processes} measured process(es) the main step left in ${stale.groups} cgroup(s)`);
  const rebuilt: string[] = [];
  for (const samples of filesUnder(outDir).filter((f) => f.endsWith(SAMPLES_SUFFIX))) {
    try {
      // A run whose sampler finished has its profile already, and nothing of it is signalled: its
      // pid may belong to another process by now. Only interrupted runs are stopped and rebuilt.
      if (samplesFileEnded(samples)) continue;
      await stopRoot(samples, io);
      const result = rebuildFromSamples(samples, { statusIfUnfinished: 'cancelled' });
      rebuilt.push(`${result.profilePath} (status ${result.profile.status ?? 'cancelled'}, ${result.profile.totals.wall_time_s} s measured)`);
    } catch (error) {
      io.warning(`cannot rebuild a profile from ${samples}: ${errorMessage(error)}`);
    }
  }
  const reportPath = join(outDir, 'report.md');
  if (!existsSync(reportPath)) {
    const lines = [
      '### ❌ optimization-gate: no verdict — the job was cancelled or failed before the gate',
      '',
      rebuilt.length > 0 ? 'Partial profiles rebuilt from the samples on disk:' : 'No run was interrupted mid-measurement.',
      ...rebuilt.map((r) => `- ${r}`),
      '',
      'Everything measured is in the artifact.',
    ];
    writeFileSync(reportPath, `${lines.join('\n')}\n`);
    await io.appendSummary(`${lines.join('\n')}\n`).catch(() => undefined);
  }
  if (io.getState(State.ArtifactUploaded) === 'true') return;
  await upload(io, artifacts, outDir);
}
