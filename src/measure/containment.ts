/**
 * How a measured command is held. Measured code is untrusted, and what it starts must be measured
 * and must not outlive its run. Three layers, each used when the host allows it (detected, never
 * assumed; what was in force goes into stage_truth as `containment`):
 *
 * 1. A scrubbed environment (measured-env.ts): always.
 * 2. The tree's own cgroup (cgroup.ts): the command is started behind a gate and moved into the
 *    group before it runs, so everything it ever starts is in the group — setsid daemons and
 *    double-forked workers included. The kernel then counts its memory and CPU, lists its members,
 *    and ends all of them at once after the run (`finish`), before anything is decided.
 * 3. A user namespace (`unshare --user`, mapped to our own uid): a process in it cannot read the
 *    environment or memory of processes outside it through /proc (the kernel's ptrace check fails
 *    across the namespace boundary even for the same uid), so the tokens in the action's own
 *    environment stay out of reach. Verified at detection: the probe must fail to read our environ.
 */
import { pushAll } from '../collections.js';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { errorMessage } from '../errors.js';
import { findCgroupPlaces, TreeGroup, type CgroupFs, type CgroupPlaces } from './cgroup.js';
import { nodeCgroupFs } from './cgroup-fs.js';
import { checkExecutable, signalQuietly, spawnCommand, type SpawnSpec } from './command.js';
import { measuredEnvironment } from './measured-env.js';
import type { CommandRunner, CommandSpec, ContainmentInfo, RunningCommand, TreeEnd } from './ports.js';

/** What the host offers; the real one probes once per process (see `hostContainment`). */
export interface ContainmentHost {
  cgroupFs: CgroupFs;
  /** Where our own groups are, and why a hierarchy cannot be used. */
  cgroupPlaces(): { places: CgroupPlaces; why: string[] };
  /** The argv prefix that starts a command in its own user namespace, or why there is none. */
  userNamespace(): { prefix?: readonly string[]; why?: string };
  spawn(spec: SpawnSpec): Promise<RunningCommand>;
  signal(pid: number, signal: NodeJS.Signals): void;
  wait(ms: number): Promise<void>;
}

const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/**
 * Tries `unshare --user` the ways util-linux offers it while keeping our uid (2.38 `--map-current-user`,
 * older `--map-user`), and keeps a way only if, from inside, our own environment cannot be read.
 */
export function probeUserNamespace(run: (argv: readonly string[]) => { status: number | null; stderr: string } = runQuiet): { prefix?: readonly string[]; why?: string } {
  if (process.platform !== 'linux') return { why: 'not Linux' };
  const ids = `--map-user=${process.getuid?.() ?? 0}`;
  const candidates = [
    ['unshare', '--user', '--map-current-user', '--'],
    ['unshare', '--user', ids, `--map-group=${process.getgid?.() ?? 0}`, '--'],
  ] as const;
  let why = 'unshare not found';
  for (const prefix of candidates) {
    const started = run([...prefix, 'true']);
    if (started.status !== 0) {
      why = started.stderr.trim().split('\n')[0] || `unshare exited ${started.status}`;
      continue;
    }
    // $PPID inside is this process: the namespace is worth having only if it hides our environment.
    const peek = run([...prefix, 'sh', '-c', 'exec cat "/proc/$PPID/environ" >/dev/null 2>&1']);
    if (peek.status === 0) return { why: 'a user namespace here does not hide the parent environment' };
    return { prefix };
  }
  return { why: `no user namespace (${why})` };
}

function runQuiet(argv: readonly string[]): { status: number | null; stderr: string } {
  const [file, ...args] = argv;
  const result = spawnSync(file ?? 'true', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 5000 });
  return { status: result.error ? null : result.status, stderr: result.error ? result.error.message : result.stderr };
}

/** The real host: /proc/self for our groups, unshare for the namespace; both probed once, lazily. */
export function hostContainment(): ContainmentHost {
  return {
    cgroupFs: nodeCgroupFs,
    cgroupPlaces: once(() => {
      if (process.platform !== 'linux') return { places: {}, why: ['cgroups: not Linux'] };
      try {
        return findCgroupPlaces(nodeCgroupFs, readFileSync('/proc/self/cgroup', 'utf8'), readFileSync('/proc/self/mountinfo', 'utf8'));
      } catch (error) {
        return { places: {}, why: [`cgroups: ${errorMessage(error)}`] };
      }
    }),
    userNamespace: once(() => probeUserNamespace()),
    spawn: spawnCommand,
    signal: signalQuietly,
    wait,
  };
}

function creatorAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Ends what the groups of a run that died (killed, cancelled before it could clean up) still hold,
 * and removes them: nothing a measured command started may outlive its run, even when the run
 * itself did not get to the end. Called before the first command of a process and by the post step.
 */
export async function endStaleTreeGroups(host: ContainmentHost = defaultHost, alive: (pid: number) => boolean = creatorAlive): Promise<{ groups: number; processes: number; problems: string[] }> {
  const { places } = host.cgroupPlaces();
  const result = { groups: 0, processes: 0, problems: [] as string[] };
  for (const group of TreeGroup.stale(host.cgroupFs, places, alive)) {
    const killed = await group.killAll(
      (pid, sig) => host.signal(pid, sig),
      (ms) => host.wait(ms),
    );
    result.groups++;
    result.processes += killed.found;
    pushAll(result.problems, await group.remove((ms) => host.wait(ms)));
  }
  return result;
}

export function containedCommandRunner(host: ContainmentHost): CommandRunner {
  const signal = (pid: number, sig: NodeJS.Signals): void => host.signal(pid, sig);
  const pause = (ms: number): Promise<void> => host.wait(ms);
  let staleEnded: Promise<string[]> | undefined;
  const endStale = async (): Promise<string[]> => {
    const stale = await endStaleTreeGroups(host);
    return stale.processes > 0 ? [`ended ${stale.processes} process(es) still held by the cgroup(s) of an earlier run that was killed`] : [];
  };
  return {
    async start(spec: CommandSpec): Promise<RunningCommand> {
      const mode = spec.containment ?? 'auto';
      const { env, removed } = measuredEnvironment(spec.env);
      const notes: string[] = [];
      let group: TreeGroup | undefined;
      if (mode !== 'none') {
        const { places, why } = host.cgroupPlaces();
        pushAll(notes, why);
        if (places.unified !== undefined || places.v1Memory !== undefined || places.v1Cpuacct !== undefined) {
          pushAll(notes, await (staleEnded ??= endStale()));
          try {
            group = TreeGroup.create(host.cgroupFs, places);
          } catch (error) {
            notes.push(`cgroup: cannot create the tree's group (${errorMessage(error)})`);
          }
        }
      }
      const namespace = mode === 'auto' ? host.userNamespace() : {};
      if (namespace.why) notes.push(`user namespace: ${namespace.why}`);
      const prefix = namespace.prefix ?? [];
      const argv = [...prefix, ...spec.argv];
      let running: RunningCommand;
      try {
        // A wrapper would turn "not found" into an exit code: say it as plainly as a direct start.
        if (group || prefix.length > 0) checkExecutable(spec.argv[0] ?? '', spec.cwd, env);
        running = await host.spawn({ ...spec, argv, env, ...(group ? { beforeRelease: (pid: number) => group?.enter(pid) } : {}) });
      } catch (error) {
        await group?.remove(pause);
        throw error;
      }
      const containment: ContainmentInfo = { mode, cgroup: group?.describe() ?? null, namespace: prefix.length > 0 ? 'user' : null, env_removed: removed, notes };
      let finished: Promise<TreeEnd> | undefined;
      const end = async (): Promise<TreeEnd> => {
        if (!group) {
          // Without a cgroup only the process group can be reached; members that left it are the
          // caller's to signal (the sampler knows them).
          running.signalGroup('SIGKILL');
          return { leftover: null, ended: true, problems: [] };
        }
        const killed = await group.killAll(signal, pause);
        const problems = killed.emptied ? [] : [`processes of the tree were still in its cgroup after SIGKILL: ${group.pids().join(', ')}`];
        pushAll(
          problems,
          (await group.remove(pause)).map((p) => `cannot remove the tree's cgroup ${p}`),
        );
        return { leftover: killed.found, ended: killed.emptied, problems };
      };
      return {
        pid: running.pid,
        startedAt: running.startedAt,
        exited: running.exited,
        signalGroup: (sig) => running.signalGroup(sig),
        signalProcess: (pid, sig) => running.signalProcess(pid, sig),
        containment,
        ...(group ? { group } : {}),
        signalTree: (sig) => {
          running.signalGroup(sig);
          group?.signalAll(signal, sig);
        },
        finish: () => (finished ??= end()),
      };
    },
  };
}

const defaultHost = hostContainment();

/** The runner every measured command goes through (native freeze, external freeze, experiment). */
export const processCommandRunner: CommandRunner = containedCommandRunner(defaultHost);
