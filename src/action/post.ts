/**
 * The post step (`post-if: always()`): when main did not complete — cancelled, crashed, killed —
 * stop any measured process tree still running, rebuild the profile of every run that was being
 * sampled from its samples file, and upload everything in the output directory. Nothing measured
 * is lost.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { State } from '../inputs/constants.js';
import { endStaleTreeGroups, rebuildFromSamples, SAMPLES_SUFFIX } from '../measure/index.js';
import { coreIO, type ActionIO } from '../publish/io.js';
import { createArtifactStore, type ArtifactStore } from '../publish/store.js';
import { filesUnder } from './run-files.js';

function rootPid(samplesPath: string): number | undefined {
  const first = readFileSync(samplesPath, 'utf8').split('\n', 1)[0] ?? '';
  try {
    const header = JSON.parse(first) as { root_pid?: unknown };
    return typeof header.root_pid === 'number' && header.root_pid > 1 ? header.root_pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group, SIGKILL after a grace period if it is still there. */
async function stopGroup(pid: number, io: ActionIO): Promise<void> {
  if (!alive(pid)) return;
  io.warning(`stopping the measured process group ${pid} left running by the main step`);
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; waited < 5000 && alive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

async function upload(io: ActionIO, artifacts: () => ArtifactStore, outDir: string): Promise<void> {
  const name = io.getState(State.ArtifactName) || 'optimization-gate';
  const retention = Number(io.getState(State.RetentionDays) || '0');
  const uploaded = await artifacts().upload(name, filesUnder(outDir), outDir, Number.isFinite(retention) ? retention : 0);
  io.info(`optimization-gate post: uploaded ${name} (id ${uploaded.id}) with what was measured`);
}

export interface PostDeps {
  io: ActionIO;
  artifacts: () => ArtifactStore;
}

export async function runPost(overrides: Partial<PostDeps> = {}): Promise<void> {
  const { io, artifacts } = { io: coreIO, artifacts: createArtifactStore, ...overrides };
  try {
    const outDir = io.getState(State.OutputDir);
    const completed = io.getState(State.Completed) === 'true';
    if (completed && io.getState(State.ArtifactUploaded) === 'true') return;
    if (!outDir || !existsSync(outDir) || filesUnder(outDir).length === 0) {
      io.info('optimization-gate post: the main step measured nothing; nothing to keep');
      return;
    }
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
      const pid = rootPid(samples);
      if (pid !== undefined) await stopGroup(pid, io);
      try {
        // A run whose sampler finished has its profile already; only interrupted runs are rebuilt.
        if (rebuildFromSamples(samples, { write: false }).finished) continue;
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
  } catch (error) {
    // The post step reports but does not hide the main step's own failure.
    io.setFailed(`optimization-gate post: ${errorMessage(error)}`);
  }
}
