/**
 * The freeze starts the command first: environment details that take a process each (python3
 * --version, git) are asked for once per freeze, alongside the warm-up run or after the first measured
 * run (never overlapping a measured run's start), and still end up in the profile and the samples file. (How long the start takes is measured by `npm run bench:startup`.)
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMeasuredRun } from '../../src/formats/loaders.js';
import type { ProfileEnvironment } from '../../src/formats/profile.js';
import { plainCommandRunner } from '../../src/measure/command.js';
import { hostEnvironment } from '../../src/measure/environment.js';
import { freeze } from '../../src/measure/freeze.js';
import type { CommandRunner, EnvironmentProbe } from '../../src/measure/ports.js';
import { parseSamplesFile } from '../../src/measure/samples-file.js';

function recording(): { order: string[]; commands: CommandRunner; environment: EnvironmentProbe } {
  const order: string[] = [];
  return {
    order,
    commands: {
      async start(spec) {
        const running = await plainCommandRunner.start(spec);
        order.push('command started');
        return { ...running, exited: running.exited.then((exit) => (order.push('command exited'), exit)) };
      },
    },
    environment: {
      host: (cwd) => hostEnvironment.host(cwd),
      full: async (cwd) => {
        order.push('environment asked');
        const full = await hostEnvironment.full(cwd);
        const details: ProfileEnvironment = { ...full, python: '3.99.0-test', git_sha: 'feedbee', git_dirty: false };
        return details;
      },
    },
  };
}

describe.runIf(process.platform === 'linux')('the freeze at start-up', () => {
  it('without a warm-up, asks for the environment once the measured run is over, and keeps every detail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-start-'));
    const deps = recording();
    const result = await freeze({ version: 'v', datasetId: 'd', output: join(dir, 'p.yaml'), command: ['sleep', '0.3'], cwd: dir, warmup: 0, sampleIntervalS: 0.1, commandOutput: 'ignore' }, deps);
    expect(result.status).toBe('ok');
    expect(deps.order).toEqual(['command started', 'command exited', 'environment asked']);
    const samples = parseSamplesFile(readFileSync(join(dir, 'p.samples.jsonl'), 'utf8'), 's');
    // The header, written at spawn, has what needs no process; the rest follows in its own record.
    expect(samples.header.environment.python).toBeNull();
    expect(samples.header.environment.hostname).toBe(result.profile?.environment.hostname);
    expect(samples.environment).toMatchObject({ python: '3.99.0-test', git_sha: 'feedbee' });
    expect(loadMeasuredRun(result.profilePath).profile.environment).toMatchObject({ python: '3.99.0-test', git_sha: 'feedbee', git_dirty: false });
  });

  it('with a warm-up, collects the details once, while the warm-up run goes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-start-'));
    const deps = recording();
    const result = await freeze({ version: 'v', datasetId: 'd', output: join(dir, 'p.yaml'), command: ['true'], cwd: dir, warmup: 1, repeat: 2, sampleIntervalS: 0.1, commandOutput: 'ignore' }, deps);
    expect(result.status).toBe('ok');
    expect(deps.order).toEqual(['command started', 'environment asked', 'command exited', 'command started', 'command exited', 'command started', 'command exited']);
    for (const run of result.runs) expect(run.profile.environment.python).toBe('3.99.0-test');
  });
});
