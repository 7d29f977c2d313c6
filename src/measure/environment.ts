/**
 * The `environment` block of a profile: where the numbers were measured, so a baseline from another
 * host can be flagged. The host part is instant; python3 --version and git take a process each
 * (0.1–1.5 s through pyenv shims), so the freeze starts them after the command, never before it.
 */
import { execFile } from 'node:child_process';
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

/** A command's output, or undefined when it could not run or failed; never throws. */
function run(command: string, args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((done) => {
    execFile(command, args, { cwd, encoding: 'utf8', timeout: 10_000 }, (error, stdout, stderr) => {
      // Old Pythons print the version on stderr.
      done(error ? undefined : `${stdout}${stderr}`.trim());
    });
  });
}

export async function pythonVersion(cwd: string): Promise<string | null> {
  const out = await run('python3', ['--version'], cwd);
  const match = out?.match(/Python\s+(\S+)/);
  return match?.[1] ?? null;
}

export async function gitState(cwd: string): Promise<{ sha: string; dirty: boolean } | undefined> {
  // Untracked files do not count: outputs of earlier runs often sit in the checkout.
  const [sha, status] = await Promise.all([run('git', ['rev-parse', '--short', 'HEAD'], cwd), run('git', ['status', '--porcelain', '--untracked-files=no'], cwd)]);
  if (!sha) return undefined;
  return { sha, dirty: status !== undefined && status !== '' };
}

function readCpuinfo(): CpuInfo | undefined {
  try {
    return parseCpuinfo(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return undefined;
  }
}

/** What the host says without starting a process (a few ms). */
function hostFacts(): HostFacts {
  const cpus = os.cpus();
  const cpuinfo = process.platform === 'linux' ? readCpuinfo() : undefined;
  return {
    hostname: os.hostname(),
    arch: os.machine(),
    ...(cpuinfo ? { cpuinfo } : {}),
    ...(cpus[0]?.model ? { cpuModelFallback: cpus[0].model.trim() } : {}),
    logicalCores: os.availableParallelism(),
    totalMemBytes: os.totalmem(),
    osType: os.type(),
    osRelease: os.release(),
    nodeVersion: process.version,
    pythonVersion: null,
    ...(process.env.RUNNER_NAME ? { runnerName: process.env.RUNNER_NAME } : {}),
  };
}

export const hostEnvironment: EnvironmentProbe = {
  host: () => environmentFromFacts(hostFacts()),
  async full(cwd: string): Promise<ProfileEnvironment> {
    const [python, git] = await Promise.all([pythonVersion(cwd), gitState(cwd)]);
    return environmentFromFacts({ ...hostFacts(), pythonVersion: python, ...(git ? { git } : {}) });
  },
};

/**
 * One collection per directory for all the freezes of a job (the action measures each interleaved run
 * with a freeze of its own): the details are gathered once per side, not once per run.
 */
export function sharedEnvironment(probe: EnvironmentProbe = hostEnvironment): EnvironmentProbe {
  const collected = new Map<string, Promise<ProfileEnvironment>>();
  return {
    host: (cwd) => probe.host(cwd),
    full(cwd) {
      const known = collected.get(cwd) ?? probe.full(cwd);
      collected.set(cwd, known);
      return known;
    },
  };
}
