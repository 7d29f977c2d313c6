/**
 * Attack: measured code looks for the tokens the runner gave the action — in its own environment,
 * in every process's /proc/<pid>/environ and cmdline (its ancestors first: the action's own node
 * process holds INPUT_TOKEN and ACTIONS_RUNTIME_TOKEN in its environment), and in its parent's memory.
 * Defended: the measured environment is scrubbed (measure/measured-env.ts), and where the host allows
 * a user namespace, the command runs in one: /proc/<pid>/environ and /proc/<pid>/mem of the action
 * are refused across the namespace boundary, though the uid is the same (measure/containment.ts).
 * Run the way an attacker would: the profile command, the experiment command (through dist/main.js
 * on the loopback harness) and an external freeze command (through dist/cli.js) are all the attacker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction, startHarness, type Harness } from '../fakes/index.js';
import { userNamespaceSupport } from '../helpers/containment.js';

const ATTACKER = fileURLToPath(new URL('./measured/attacker.py', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const linux = process.platform === 'linux';
const namespace = linux && userNamespaceSupport();
const TIMEOUT = 120_000;

interface Found {
  env: Record<string, string>;
  environ: Record<string, string>;
  cmdline: Record<string, string>;
  refused: Record<string, string>;
  ancestors: number[];
  parent_mem: string;
}

function read(path: string): Found {
  return JSON.parse(readFileSync(path, 'utf8')) as Found;
}

/** Every place a secret was found: `env:NAME`, `environ:<pid>`, `cmdline:<pid>`. */
function leaks(found: Found, secrets: readonly string[]): string[] {
  const places: string[] = [];
  for (const [name, value] of Object.entries(found.env)) if (secrets.some((s) => value.includes(s))) places.push(`env:${name}`);
  for (const kind of ['environ', 'cmdline'] as const) {
    for (const [pid, text] of Object.entries(found[kind])) if (secrets.some((s) => text.includes(s))) places.push(`${kind}:${pid}`);
  }
  return places;
}

const ACTION_ONLY = /^(ACTIONS_|INPUT_|STATE_)|^(GITHUB_TOKEN|GH_TOKEN|GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT|GITHUB_STATE|GITHUB_STEP_SUMMARY)$/i;

describe.runIf(linux)("measured code cannot reach the action's tokens", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ repo: { fullName: 'acme/podcast-pipeline', collaborators: { maintainer: 'write' } } });
  }, TIMEOUT);
  afterAll(async () => {
    await h?.stop();
  });

  it(
    'profile and experiment commands run by dist/main.js find no token in their environment, nor (user namespace) in /proc',
    async () => {
      const workspace = mkdtempSync(join(tmpdir(), 'og-attack-'));
      copyFileSync(ATTACKER, join(workspace, 'attacker.py'));
      const runner = h.runnerEnv({
        eventName: 'push',
        event: {},
        workspace,
        inputs: {
          mode: 'measure',
          'profile-command': 'python3 attacker.py profile found-profile.json',
          'experiment-command': 'python3 attacker.py experiment found-experiment.json metrics',
          'experiment-output': 'eval-out',
          'sample-interval': '0.1',
          warmup: '0',
          'dataset-id': 'attack',
        },
        // A token the job put in its env for other steps: the runner hands it to the action too.
        extraEnv: { GITHUB_TOKEN: 'ghs_jobEnvToken000000000000000000000000' },
      });
      const { main } = await runAction({ runner });
      expect(main.exitCode, main.stdout).toBe(0);
      const secrets = [runner.token, runner.runtimeToken, 'ghs_jobEnvToken000000000000000000000000'];

      for (const file of ['found-profile.json', 'found-experiment.json']) {
        const found = read(join(workspace, file));
        expect(
          Object.keys(found.env).filter((name) => ACTION_ONLY.test(name)),
          file,
        ).toEqual([]);
        expect(found.env.GITHUB_REPOSITORY).toBe('acme/podcast-pipeline'); // ordinary runner variables stay
        expect(found.ancestors.length, file).toBeGreaterThan(0);
        if (namespace) {
          expect(leaks(found, secrets), file).toEqual([]);
          // The action's own process (the command's parent) was there to read, and refused.
          const parent = found.ancestors[0];
          expect(found.refused[`/proc/${parent}/environ`], file).toBe('EACCES');
          expect(found.parent_mem, file).toMatch(/^(EACCES|EPERM)$/);
        } else {
          expect(
            leaks(found, secrets).filter((place) => place.startsWith('env:')),
            file,
          ).toEqual([]);
        }
      }
    },
    TIMEOUT,
  );

  it(
    'an external freeze command run by dist/cli.js (tokens in its environment) finds none of them',
    async () => {
      if (!existsSync(CLI)) throw new Error('dist/cli.js missing: run npm run build');
      const dir = mkdtempSync(join(tmpdir(), 'og-attack-cli-'));
      copyFileSync(ATTACKER, join(dir, 'attacker.py'));
      const secrets = ['ghs_cliVictimToken00000000000000000000000', 'eyJhbGciOiJub25lIn0.cli-victim.runtime'];
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', INPUT_TOKEN: secrets[0], ACTIONS_RUNTIME_TOKEN: secrets[1] };
      await new Promise<void>((resolve) => {
        // The command writes no profile, so the freeze fails: what matters is what the attacker saw.
        execFile(process.execPath, [CLI, 'freeze', '--external', '--output', join(dir, 'p.yaml'), '--', 'python3', 'attacker.py', 'external', 'found.json'], { cwd: dir, env }, () => resolve());
      });
      const found = read(join(dir, 'found.json'));
      expect(found.env.INPUT_TOKEN).toBeUndefined();
      expect(found.env.ACTIONS_RUNTIME_TOKEN).toBeUndefined();
      if (namespace) {
        expect(leaks(found, secrets)).toEqual([]);
        expect(found.refused[`/proc/${found.ancestors[0]}/environ`]).toBe('EACCES');
      }
    },
    TIMEOUT,
  );
});
