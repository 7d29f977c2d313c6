/**
 * The `environment` block of a profile: where the numbers were measured, so a baseline from another
 * host can be flagged. A few spawns per freeze (python3 --version, git), never per sample.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import type { ProfileEnvironment } from '../formats/profile.js';
import type { EnvironmentProbe } from './ports.js';
import { parseCpuinfo, type CpuInfo } from './proc-parse.js';

export interface HostFacts {
  hostname: string;
  arch: string;
  cpuinfo?: CpuInfo;
  cpuModelFallback?: string;
  logicalCores: number;
  totalMemBytes: number;
  osType: string;
  osRelease: string;
  nodeVersion: string;
  pythonVersion: string | null;
  git?: { sha: string; dirty: boolean };
  runnerName?: string;
}

/** Shapes host facts into the fixtures' key order (pure). */
export function environmentFromFacts(facts: HostFacts): ProfileEnvironment {
  const cpuModel = facts.cpuinfo?.model ?? facts.cpuModelFallback;
  return {
    hostname: facts.hostname,
    cpu: facts.arch,
    ...(cpuModel !== undefined ? { cpu_model: cpuModel } : {}),
    cpu_cores_physical: facts.cpuinfo?.physicalCores ?? null,
    cpu_cores_logical: facts.logicalCores,
    ram_total_gb: Math.round((facts.totalMemBytes / 1024 ** 3) * 10) / 10,
    os: `${facts.osType} ${facts.osRelease}`,
    python: facts.pythonVersion,
    node: facts.nodeVersion.replace(/^v/, ''),
    ...(facts.git ? { git_sha: facts.git.sha, git_dirty: facts.git.dirty } : {}),
    ...(facts.runnerName ? { runner_name: facts.runnerName } : {}),
  };
}

function run(command: string, args: string[], cwd: string): string | undefined {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status !== 0) return undefined;
  // Old Pythons print the version on stderr.
  return `${result.stdout}${result.stderr}`.trim();
}

export function pythonVersion(cwd: string): string | null {
  const out = run('python3', ['--version'], cwd);
  const match = out?.match(/Python\s+(\S+)/);
  return match?.[1] ?? null;
}

export function gitState(cwd: string): { sha: string; dirty: boolean } | undefined {
  const sha = run('git', ['rev-parse', '--short', 'HEAD'], cwd);
  if (!sha) return undefined;
  // Untracked files do not count: outputs of earlier runs often sit in the checkout.
  const status = run('git', ['status', '--porcelain', '--untracked-files=no'], cwd);
  return { sha, dirty: status !== undefined && status !== '' };
}

function readCpuinfo(): CpuInfo | undefined {
  try {
    return parseCpuinfo(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return undefined;
  }
}

export const hostEnvironment: EnvironmentProbe = {
  collect(cwd: string): ProfileEnvironment {
    const cpus = os.cpus();
    const cpuinfo = process.platform === 'linux' ? readCpuinfo() : undefined;
    const git = gitState(cwd);
    return environmentFromFacts({
      hostname: os.hostname(),
      arch: os.machine(),
      ...(cpuinfo ? { cpuinfo } : {}),
      ...(cpus[0]?.model ? { cpuModelFallback: cpus[0].model.trim() } : {}),
      logicalCores: os.availableParallelism(),
      totalMemBytes: os.totalmem(),
      osType: os.type(),
      osRelease: os.release(),
      nodeVersion: process.version,
      pythonVersion: pythonVersion(cwd),
      ...(git ? { git } : {}),
      ...(process.env.RUNNER_NAME ? { runnerName: process.env.RUNNER_NAME } : {}),
    });
  },
};
