/** The off-Linux probe (pidusage + a periodic `ps` listing): its pure parts, and a real run where `ps` exists. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { descendantsOf, parsePsTable, PortableTreeProbe } from '../../src/measure/portable-tree.js';
import { freeze } from '../../src/measure/freeze.js';
import { loadMeasuredRun } from '../../src/formats/loaders.js';

const WORKLOAD = fileURLToPath(new URL('./workloads/forking.py', import.meta.url));

describe('portable probe, pure parts', () => {
  it('parses `ps -A -o pid=,ppid=` and walks the descendants of the root', () => {
    const table = parsePsTable('    1     0\n  100     1\n  101   100\n  102   101\n  103     1\n garbage\n');
    expect(descendantsOf(100, table)).toEqual([100, 101, 102]);
    expect(descendantsOf(999, table)).toEqual([999]);
  });

  it('sums RSS over the tree, lists it only every few seconds, and keeps the CPU of members that left', async () => {
    let now = 0;
    let listings = 0;
    const usage: Record<number, { memory: number; ctime: number; ppid: number }> = {
      100: { memory: 10 * 1024 * 1024, ctime: 500, ppid: 1 },
      101: { memory: 20 * 1024 * 1024, ctime: 300, ppid: 100 },
    };
    const probe = new PortableTreeProbe(100, {
      now: () => now,
      listProcesses: () => {
        listings++;
        return Promise.resolve('100 1\n101 100\n');
      },
      usage: (pids) => Promise.resolve(Object.fromEntries(pids.filter((p) => usage[p]).map((p) => [p, usage[p] as { memory: number; ctime: number; ppid: number }]))),
    });
    const first = await probe.read();
    expect(first).toMatchObject({ memoryKb: 30 * 1024, processes: 2, cpuSeconds: 0.8 });
    now = 1;
    delete usage[101]; // the child exits
    const second = await probe.read();
    expect(second).toMatchObject({ memoryKb: 10 * 1024, processes: 1, cpuSeconds: 0.8 });
    expect(listings).toBe(1);
    now = 4;
    await probe.read();
    expect(listings).toBe(2);
    expect(probe.memoryMetric).toBe('rss_sum');
  });
});

describe.runIf(process.platform !== 'win32')('portable probe on a real tree', () => {
  it('freezes a forking command with the RSS sum and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-portable-'));
    const result = await freeze(
      {
        version: 'portable',
        datasetId: 'd',
        output: join(dir, 'p.yaml'),
        command: ['python3', WORKLOAD, 'parent_mb=30', 'child_mb=20', 'children=2', 'hold_s=0.8', 'cpu_s=0.2'],
        cwd: dir,
        warmup: 0,
        sampleIntervalS: 0.1,
        commandOutput: 'ignore',
      },
      { probeFactory: (rootPid) => new PortableTreeProbe(rootPid, { rediscoverEveryS: 0.2 }) },
    );
    const run = loadMeasuredRun(result.profilePath);
    expect(run.profile.totals.memory_metric).toBe('rss_sum');
    expect(run.profile.totals.sampling_note).toMatch(/RSS sum .* count more than once/);
    // The parent's 30 MiB are counted again in each forked child: at least 30 + 2 × (30 + 20).
    expect(run.profile.totals.peak_rss_mb).toBeGreaterThan(120);
    expect(Object.keys(run.profile.stages)).toEqual(['load', 'workers', 'compute']);
  });
});
