/**
 * Starting a command. It gets its own session and process group (`detached`): the sampler finds the
 * tree by session id, and a timeout or cancel can signal the whole group at once. The argv is passed
 * as is, never through a shell; a user who wants one passes `bash -c '…'`.
 *
 * `beforeRelease` holds the command at a gate until it returns: the child is a tiny `sh` that waits
 * on a pipe and then execs the command, so a caller can move it into a cgroup before it runs a single
 * instruction of its own (nothing it forks can start outside).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve as resolvePath } from 'node:path';
import type { Writable } from 'node:stream';
import { UserError, errorMessage } from '../errors.js';
import type { CommandExit, CommandRunner, CommandSpec, RunningCommand } from './ports.js';

/** The gate: read one line on fd 3, close it, become the command. Constant text; the argv follows as "$@". */
export const GATE_SCRIPT = 'read -r _ <&3; exec 3<&-; exec "$@"';

export function signalQuietly(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}

function executable(path: string): 'ok' | 'not found' | 'not executable' {
  try {
    if (!statSync(path).isFile()) return 'not executable';
    accessSync(path, constants.X_OK);
    return 'ok';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not executable';
  }
}

/**
 * The check spawn does for a direct start (ENOENT / EACCES), done up front when the command is
 * started through a wrapper (gate, unshare) that would otherwise only exit 126 / 127.
 */
export function checkExecutable(file: string, cwd: string, env: NodeJS.ProcessEnv): void {
  let why: string;
  if (file.includes('/')) why = executable(isAbsolute(file) ? file : resolvePath(cwd, file));
  else {
    const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
    const found = dirs.map((d) => executable(resolvePath(cwd, join(d, file))));
    why = found.includes('ok') ? 'ok' : found.includes('not executable') ? 'not executable' : 'not found';
  }
  if (why !== 'ok') throw new UserError(`cannot start the command "${file}": ${why}`, [`working directory: ${cwd}`]);
}

export interface SpawnSpec extends CommandSpec {
  /** Runs with the pid before the command may start; a throw stops the child and fails the start. */
  beforeRelease?: (pid: number) => void;
}

export function spawnCommand(spec: SpawnSpec): Promise<RunningCommand> {
  const [file, ...args] = spec.argv;
  if (file === undefined || file === '') return Promise.reject(new UserError('no command to run (give it after --)'));
  const gated = spec.beforeRelease !== undefined;
  const output = spec.output === 'inherit' ? 'inherit' : 'ignore';
  return new Promise((resolve, reject) => {
    const child = gated
      ? spawn('sh', ['-c', GATE_SCRIPT, 'optimization-gate-launch', file, ...args], { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', output, output, 'pipe'] })
      : spawn(file, args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', output, output] });
    let resolveExit: (exit: CommandExit) => void = () => undefined;
    const exited = new Promise<CommandExit>((done) => (resolveExit = done));
    let started = false;
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (!started) {
        const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : error.message;
        reject(new UserError(`cannot start the command "${file}": ${why}`, [`working directory: ${spec.cwd}`]));
      } else resolveExit({ exitCode: null, signal: null, endedAt: Date.now() / 1000, spawnError: error.message });
    });
    child.once('exit', (code, signal) => {
      // A gated command that sh could not exec exits 126 (not executable) or 127 (not found).
      resolveExit({ exitCode: code, signal, endedAt: Date.now() / 1000 });
    });
    child.once('spawn', () => {
      started = true;
      const pid = child.pid as number;
      if (gated) {
        const gate = child.stdio[3] as Writable;
        gate.on('error', () => undefined); // the child died before reading: its exit says why
        try {
          spec.beforeRelease?.(pid);
        } catch (error) {
          signalQuietly(-pid, 'SIGKILL');
          reject(error instanceof UserError ? error : new UserError(`cannot start the command "${file}": ${errorMessage(error)}`));
          return;
        }
        gate.end('go\n');
      }
      resolve({
        pid,
        startedAt: Date.now() / 1000,
        exited,
        // With detached, the child leads its own group: a negative pid addresses the group
        // (Windows has no groups: the root alone is signalled there).
        signalGroup: (signal) => (process.platform === 'win32' ? child.kill(signal) : signalQuietly(-pid, signal)),
        signalProcess: (target, signal) => signalQuietly(target, signal),
      });
    });
  });
}

/** Starts commands as they are: no cgroup, no namespace, the environment as given (tests, tools). */
export const plainCommandRunner: CommandRunner = { start: (spec) => spawnCommand(spec) };
