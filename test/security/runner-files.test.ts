/**
 * Defended: the action harming the runner it runs on, or hiding why it stopped (issue 10.16, 10.17,
 * 10.18).
 * - `profile-output` made the action delete any file before each run, outside the workspace too
 *   (an absolute path, `../`, a link): now only a plain file inside the working directory.
 * - `profile-output` being a folder, or a full disk, read "internal error (please report it)" with a
 *   stack: now a plain statement of what to fix.
 * - The post step signalled whatever process had the pid of an interrupted run — even when that run
 *   had finished long ago and the pid was reused: now it checks the start time first, and never
 *   signals a finished run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPost } from '../../src/action/post.js';
import { noStores, recordingIO, runInProcess } from './in-process.js';

const EXTERNAL = { mode: 'measure', 'profile-mode': 'external', 'profile-command': 'true', comment: 'none' };

/** A file of the runner's user outside the workspace. */
function victim(): string {
  const dir = mkdtempSync(join(tmpdir(), 'og-victim-'));
  writeFileSync(join(dir, 'profile.yaml'), 'precious\n');
  writeFileSync(join(dir, 'profile.stage_truth.json'), '{}\n');
  return join(dir, 'profile.yaml');
}

describe('profile-output', () => {
  it('never deletes a file outside the working directory (absolute, ../, or through a link)', async () => {
    for (const target of [
      (_ws: string, file: string) => file,
      (ws: string, file: string) => relative(ws, file),
      (ws: string, file: string) => {
        symlinkSync(join(file, '..'), join(ws, 'out'));
        return 'out/profile.yaml';
      },
    ]) {
      const file = victim();
      const workspace = mkdtempSync(join(tmpdir(), 'og-sec-ws-'));
      const output = target(workspace, file);
      const { io } = await runInProcess({ ...EXTERNAL, 'profile-output': output }, { workspace });
      expect(existsSync(file), output).toBe(true);
      expect(existsSync(file.replace('.yaml', '.stage_truth.json'))).toBe(true);
      expect(io.failed).toEqual([expect.stringMatching(/^optimization-gate: input 'profile-output': .* is outside the working directory/)]);
    }
  });

  it('a folder is a clear input error, not an internal error with a stack', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'og-sec-ws-'));
    mkdirSync(join(workspace, 'out'));
    const { io } = await runInProcess({ ...EXTERNAL, 'profile-output': 'out' }, { workspace });
    expect(io.failed).toEqual(["optimization-gate: input 'profile-output': out is a directory: expected the path of the profile YAML the freeze writes (e.g. out/profile.yaml)"]);
  });
});

describe('a full disk', () => {
  it("is said to be the runner's, without a stack", async () => {
    let enospc: unknown;
    try {
      writeFileSync('/dev/full', 'x');
    } catch (error) {
      enospc = error;
    }
    expect((enospc as { code?: string }).code).toBe('ENOSPC');
    const { io } = await runInProcess(
      { mode: 'measure', 'profile-command': 'true', comment: 'none' },
      {
        deps: {
          artifacts: () => {
            throw enospc;
          },
        },
      },
    );
    expect(io.failed).toHaveLength(1);
    expect(io.failed[0]).toMatch(/^optimization-gate: the runner's environment failed: no space left on the device: free disk space on the runner \(ENOSPC/);
    expect(io.failed[0]).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('the post step and process ids', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  /** An unrelated process in its own group, like one that got a measured run's pid after it ended. */
  function bystander(): ChildProcess {
    const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    children.push(child);
    return child;
  }

  function outDirWithSamples(pid: number, startedAt: number, finished: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'og-post-'));
    const header = {
      type: 'header',
      format: 'optimization-gate-samples',
      version: 1,
      release: 'r',
      dataset_id: 'd',
      sample_interval_s: 0.5,
      started_at: startedAt,
      root_pid: pid,
      command: ['python3', 'pipeline.py'],
      cwd: dir,
      memory_metric: 'pss',
      stage_source: { kind: 'none' },
      events_path: null,
      status_file: null,
      metrics_file: null,
      episodes: null,
      environment: {},
    };
    const lines = [JSON.stringify(header), JSON.stringify({ t: startedAt + 0.5, mem_mb: 10, rss_mb: 10, cpu_pct: null, cpu_s: 0, procs: 1 })];
    if (finished) lines.push(JSON.stringify({ type: 'end', t: startedAt + 1, status: 'ok', exit_code: 0, signal: null }));
    writeFileSync(join(dir, 'candidate.samples.jsonl'), `${lines.join('\n')}\n`);
    return dir;
  }

  async function post(outDir: string) {
    const io = recordingIO({ 'output-dir': outDir, 'artifact-name': 'optimization-gate' });
    await runPost({ io, artifacts: noStores.artifacts });
    // Give a signal, had one been sent, the time to be delivered before looking.
    await new Promise((r) => setTimeout(r, 200));
    return io;
  }

  const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

  it('does not signal a process that got the pid of an interrupted run (it started after the run began)', async () => {
    const child = bystander();
    const io = await post(outDirWithSamples(child.pid!, Date.now() / 1000 - 3600, false));
    expect(alive(child)).toBe(true);
    expect(io.infos.join('\n')).toContain(`pid ${child.pid} now belongs to another process (started after the run); not signalled`);
  });

  it('never signals a run that finished', async () => {
    const child = bystander();
    await post(outDirWithSamples(child.pid!, Date.now() / 1000 + 5, true));
    expect(alive(child)).toBe(true);
  });

  it('still stops what is left of an interrupted run', async () => {
    const child = bystander();
    const gone = new Promise((resolve) => child.once('exit', resolve));
    const io = await post(outDirWithSamples(child.pid!, Date.now() / 1000 + 5, false));
    await gone;
    expect(alive(child)).toBe(false);
    expect(io.warnings.join('\n')).toContain(`stopping the measured process group ${child.pid}`);
  });
});
