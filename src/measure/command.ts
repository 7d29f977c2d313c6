/**
 * Starting the measured command. It gets its own session and process group (`detached`): the
 * sampler finds the tree by session id, and a timeout or cancel can signal the whole group at once.
 * The argv is passed as is, never through a shell; a user who wants one passes `bash -c '…'`.
 */
import { spawn } from 'node:child_process';
import { UserError } from '../errors.js';
import type { CommandExit, CommandRunner, CommandSpec, RunningCommand } from './ports.js';

function signalQuietly(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}

export const processCommandRunner: CommandRunner = {
  start(spec: CommandSpec): Promise<RunningCommand> {
    const [file, ...args] = spec.argv;
    if (file === undefined || file === '') return Promise.reject(new UserError('no command to run (give it after --)'));
    return new Promise((resolve, reject) => {
      const child = spawn(file, args, {
        cwd: spec.cwd,
        env: spec.env,
        detached: true,
        stdio: spec.output === 'inherit' ? ['ignore', 'inherit', 'inherit'] : 'ignore',
      });
      let resolveExit: (exit: CommandExit) => void = () => undefined;
      const exited = new Promise<CommandExit>((done) => (resolveExit = done));
      let started = false;
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (!started) {
          const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : error.message;
          reject(new UserError(`cannot start the command "${file}": ${why}`, [`working directory: ${spec.cwd}`]));
        } else resolveExit({ exitCode: null, signal: null, endedAt: Date.now() / 1000, spawnError: error.message });
      });
      child.once('exit', (code, signal) => resolveExit({ exitCode: code, signal, endedAt: Date.now() / 1000 }));
      child.once('spawn', () => {
        started = true;
        const pid = child.pid as number;
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
  },
};
