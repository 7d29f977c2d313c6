/**
 * Attack: measured code starts processes that leave its session (setsid after a double fork) to
 * escape measurement or to act after the run — e.g. rewrite a result once the decision is made.
 * Defended: the tree runs in its own cgroup, entered before the command starts (so every process it
 * ever starts is in it), measured through it, and ended through it before the freeze, the experiment
 * or the external freeze returns (measure/containment.ts). Needs a host that gives the tree a cgroup
 * (the development machines do: root, hybrid hierarchy); the report says which containment held.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../../src/action/experiment.js';
import { freeze } from '../../src/measure/freeze.js';
import { LinuxProcReader } from '../../src/measure/linux-proc.js';
import { LinuxTreeProbe } from '../../src/measure/linux-tree.js';
import { endStaleTreeGroups, processCommandRunner } from '../../src/measure/containment.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cgroupSupport } from '../helpers/containment.js';

const support = cgroupSupport();
const TIMEOUT = 60_000;

/** A daemon that detaches (fork, setsid, fork), records its pid, and writes `target` after `delay_s`. */
const DAEMON = String.raw`
import os, sys, time
target, pidfile, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        open(pidfile, "w").write(str(os.getpid()))
        time.sleep(delay)
        open(target, "w").write("rewritten after the run")
        os._exit(0)
    os._exit(0)
while not os.path.exists(pidfile):
    time.sleep(0.01)
`;

/** A worker that detaches the same way and holds 400 MiB for a while; the command waits, then exits. */
const WORKER = String.raw`
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        block = bytearray(400 * 1024 * 1024)
        for i in range(0, len(block), 4096):
            block[i] = 1
        time.sleep(1.5)
        os._exit(0)
    os._exit(0)
time.sleep(2.5)
`;

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(support.group)('nothing the measured command starts outlives its run', () => {
  it(
    'a setsid daemon started by the profiled command is ended before freeze returns, and never writes',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'og-daemon-'));
      const target = join(dir, 'gate.json');
      const pidfile = join(dir, 'daemon.pid');
      const result = await freeze({
        version: 'v',
        datasetId: 'd',
        output: join(dir, 'p.yaml'),
        command: ['python3', '-c', DAEMON, target, pidfile, '1.5'],
        warmup: 0,
        sampleIntervalS: 0.1,
        cwd: dir,
        commandOutput: 'ignore',
      });
      expect(result.status).toBe('ok');
      const daemon = Number(readFileSync(pidfile, 'utf8'));
      expect(alive(daemon)).toBe(false);
      expect(result.truth?.containment).toMatchObject({ tree_end: { leftover: 1, ended: true, problems: [] } });
      expect((result.truth?.containment as { cgroup: string }).cgroup).toMatch(/cgroup/);
      expect(result.truth?.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^1 process\(es\) of the tree were still running after the command exited: ended/)]));
      await settle(2000);
      expect(existsSync(target)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'the same daemon started by the experiment command is ended before its outputs are copied',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'og-daemon-exp-'));
      const target = join(dir, 'out', 'metrics.json');
      const pidfile = join(dir, 'daemon.pid');
      const lines: string[] = [];
      const command = `mkdir -p out && echo '{"intrinsic": {}}' > out/metrics.json && python3 -c '${DAEMON}' ${target}.late ${pidfile} 1.5`;
      const result = await runExperiment(
        { command, cwd: dir, outputDir: 'out', evalDir: join(dir, 'kept'), env: {}, timeoutS: 30, signal: new AbortController().signal, log: (l) => lines.push(l) },
        processCommandRunner,
      );
      expect(result.ok).toBe(true);
      expect(alive(Number(readFileSync(pidfile, 'utf8')))).toBe(false);
      expect(lines).toContain('experiment: ended 1 process(es) it left running');
      await settle(2000);
      expect(existsSync(`${target}.late`)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'a double-forked setsid worker of 400 MiB is measured (kernel accounting)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'og-worker-'));
      const result = await freeze({
        version: 'v',
        datasetId: 'd',
        output: join(dir, 'p.yaml'),
        command: ['python3', '-c', WORKER],
        warmup: 0,
        sampleIntervalS: 0.2,
        cwd: dir,
        commandOutput: 'ignore',
      });
      expect(result.status).toBe('ok');
      expect(result.profile?.totals.peak_rss_mb).toBeGreaterThanOrEqual(400);
      expect(result.profile?.totals.peak_rss_mb).toBeLessThan(400 + 40);
    },
    TIMEOUT,
  );

  it(
    'and through the PSS path too, with members from the cgroup (a host whose cgroup has no memory controller)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'og-worker-pss-'));
      const result = await freeze(
        { version: 'v', datasetId: 'd', output: join(dir, 'p.yaml'), command: ['python3', '-c', WORKER], warmup: 0, sampleIntervalS: 0.2, cwd: dir, commandOutput: 'ignore' },
        { probeFactory: (pid, settings) => new LinuxTreeProbe(new LinuxProcReader(), pid, { pssBudgetPct: settings.pssBudgetPct, ...(settings.group ? { group: settings.group } : {}) }) },
      );
      expect(result.profile?.totals.memory_metric).toBe('pss_sum');
      expect(result.profile?.totals.peak_rss_mb).toBeGreaterThanOrEqual(400);
      expect(result.profile?.totals.peak_rss_mb).toBeLessThan(400 + 40);
    },
    TIMEOUT,
  );

  it(
    'a run killed before it could clean up (a cancelled job): the post step ends what its cgroup still holds',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'og-killed-'));
      const pidfile = join(dir, 'daemon.pid');
      const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
      const freezeCli = spawn(
        process.execPath,
        [cli, 'freeze', '--version', 'v', '--dataset-id', 'd', '--output', join(dir, 'p.yaml'), '--warmup', '0', '--', 'python3', '-c', `${DAEMON}\ntime.sleep(30)`, join(dir, 'never'), pidfile, '30'],
        { stdio: 'ignore' },
      );
      for (let waited = 0; !existsSync(pidfile) && waited < 20_000; waited += 50) await settle(50);
      freezeCli.kill('SIGKILL'); // no chance to clean up
      await new Promise((resolve) => freezeCli.once('exit', resolve));
      const daemon = Number(readFileSync(pidfile, 'utf8'));
      expect(alive(daemon)).toBe(true);
      const ended = await endStaleTreeGroups();
      expect(ended.processes).toBeGreaterThanOrEqual(2); // the command and its daemon
      expect(ended.problems).toEqual([]);
      await settle(100);
      expect(alive(daemon)).toBe(false);
    },
    TIMEOUT,
  );
});
