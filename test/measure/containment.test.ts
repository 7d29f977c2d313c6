/**
 * How a measured command is started and ended (containment.ts), with a fake host: which layers are
 * used in which mode, what the command's environment keeps, and that the tree's group is entered
 * before the command runs and removed after it.
 */
import { describe, expect, it } from 'vitest';
import { containedCommandRunner, endStaleTreeGroups, probeUserNamespace, type ContainmentHost } from '../../src/measure/containment.js';
import { isRemovedVariable, measuredEnvironment } from '../../src/measure/measured-env.js';
import type { SpawnSpec } from '../../src/measure/command.js';
import type { CommandExit, RunningCommand } from '../../src/measure/ports.js';
import { FakeCgroupFs } from './fake-cgroup.js';

const OURS = '/sys/fs/cgroup/system.slice/runner.service';
/** What a runner gives a JavaScript action, and what a pipeline needs. */
const RUNNER_ENV = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/pipeline',
  GITHUB_WORKSPACE: '/home/runner/work/pipeline/pipeline',
  GITHUB_SHA: 'a'.repeat(40),
  RUNNER_TEMP: '/home/runner/work/_temp',
  CUDA_VISIBLE_DEVICES: '0',
  OPENAI_API_KEY: 'sk-from-pipeline-env',
  INPUT_TOKEN: 'ghs_input_token',
  'INPUT_ISSUE-NUMBER': '7',
  ACTIONS_RUNTIME_TOKEN: 'eyJ.runtime.token',
  ACTIONS_RUNTIME_URL: 'https://pipelines.actions.githubusercontent.com/x/',
  ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/',
  ACTIONS_CACHE_URL: 'https://artifactcache.actions.githubusercontent.com/x/',
  ACTIONS_CACHE_SERVICE_V2: 'true',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.githubusercontent.com/x',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
  GITHUB_TOKEN: 'ghs_job_env_token',
  GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env_1',
  GITHUB_PATH: '/home/runner/work/_temp/_runner_file_commands/add_path_1',
  GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
  GITHUB_STATE: '/home/runner/work/_temp/_runner_file_commands/save_state_1',
  GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
  STATE_outputDir: '/tmp/og',
};

class FakeHost implements ContainmentHost {
  readonly cgroupFs = new FakeCgroupFs();
  readonly spawned: SpawnSpec[] = [];
  readonly signals: string[] = [];
  places = { unified: OURS } as { unified?: string };
  namespace: { prefix?: readonly string[]; why?: string } = { prefix: ['unshare', '--user', '--map-current-user', '--'] };
  /** The pids the fake kernel shows in the group once the command runs (it forked two). */
  treePids = '4242\n4243\n4244\n';
  exit: (e: CommandExit) => void = () => undefined;

  constructor() {
    this.cgroupFs.v2Root = '/sys/fs/cgroup';
    this.cgroupFs.dir('/sys/fs/cgroup').dir('/sys/fs/cgroup/system.slice').dir(OURS, { 'cgroup.procs': '100\n', 'cgroup.subtree_control': 'cpu memory pids\n' });
  }
  cgroupPlaces() {
    return { places: this.places, why: this.places.unified ? [] : ['cgroup v2: cannot create groups in /x (not delegated to this user)'] };
  }
  userNamespace() {
    return this.namespace;
  }
  spawn(spec: SpawnSpec): Promise<RunningCommand> {
    this.spawned.push(spec);
    spec.beforeRelease?.(4242);
    const dir = [...this.cgroupFs.dirs].find((d) => d.startsWith(`${OURS}/`));
    if (dir) this.cgroupFs.files.set(`${dir}/cgroup.procs`, this.treePids);
    return Promise.resolve({
      pid: 4242,
      startedAt: 0,
      exited: new Promise<CommandExit>((resolve) => (this.exit = resolve)),
      signalGroup: (signal) => this.signals.push(`group:${signal}`),
      signalProcess: (pid, signal) => this.signals.push(`${pid}:${signal}`),
    });
  }
  signal(pid: number, signal: NodeJS.Signals) {
    this.signals.push(`${pid}:${signal}`);
  }
  wait() {
    return Promise.resolve();
  }
}

const spec = (containment?: 'auto' | 'cgroup' | 'none') => ({
  argv: ['sh', '-c', 'python pipeline.py'],
  cwd: '/',
  env: RUNNER_ENV,
  output: 'ignore' as const,
  ...(containment ? { containment } : {}),
});

describe('the environment of a measured command', () => {
  it('keeps what a pipeline needs and loses what the runner gives only to actions', () => {
    const { env, removed } = measuredEnvironment(RUNNER_ENV);
    expect(Object.keys(env).sort()).toEqual(['CI', 'CUDA_VISIBLE_DEVICES', 'GITHUB_ACTIONS', 'GITHUB_REPOSITORY', 'GITHUB_SHA', 'GITHUB_WORKSPACE', 'HOME', 'OPENAI_API_KEY', 'PATH', 'RUNNER_TEMP']);
    expect(removed).toContain('ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    expect(removed).toHaveLength(Object.keys(RUNNER_ENV).length - 10);
    // No token survives under any name.
    const values = new Set(Object.values(env));
    for (const token of ['ghs_input_token', 'eyJ.runtime.token', 'oidc-request-token', 'ghs_job_env_token']) expect(values.has(token)).toBe(false);
  });

  it('matches names whatever their case (Windows keeps env names case-insensitive)', () => {
    expect(isRemovedVariable('actions_runtime_token')).toBe(true);
    expect(isRemovedVariable('Github_Token')).toBe(true);
    expect(isRemovedVariable('GITHUB_TOKENIZER_PATH')).toBe(false);
  });
});

describe('containedCommandRunner', () => {
  it('auto: the command starts in its own cgroup (entered before it runs) and user namespace, with a scrubbed environment', async () => {
    const host = new FakeHost();
    const running = await containedCommandRunner(host).start(spec());
    const started = host.spawned[0];
    expect(started?.argv).toEqual(['unshare', '--user', '--map-current-user', '--', 'sh', '-c', 'python pipeline.py']);
    expect(started?.env.INPUT_TOKEN).toBeUndefined();
    expect(started?.env.OPENAI_API_KEY).toBe('sk-from-pipeline-env');
    const groupDir = [...host.cgroupFs.dirs].find((d) => d.startsWith(`${OURS}/`));
    expect(host.cgroupFs.writes[0]).toEqual({ path: `${groupDir}/cgroup.procs`, text: '4242' });
    expect(running.containment).toMatchObject({ mode: 'auto', cgroup: 'cgroup v2 (memory, cpu)', namespace: 'user', notes: [] });
    expect(running.containment?.env_removed).toContain('ACTIONS_RUNTIME_TOKEN');
    expect(running.group?.memory).toBe('v2');

    // After the command exits: everything it left is killed through the group, and the group removed.
    host.exit({ exitCode: 0, signal: null, endedAt: 1 });
    await running.exited;
    expect(await running.finish?.()).toEqual({ leftover: 3, ended: true, problems: [] });
    expect(host.cgroupFs.writes.at(-1)?.path).toBe(`${groupDir}/cgroup.kill`);
    expect(host.cgroupFs.exists(groupDir ?? '')).toBe(false);
    // finish is idempotent.
    expect(await running.finish?.()).toEqual({ leftover: 3, ended: true, problems: [] });
  });

  it('signals the whole tree through its group (members that left the process group included)', async () => {
    const host = new FakeHost();
    const running = await containedCommandRunner(host).start(spec());
    running.signalTree?.('SIGTERM');
    expect(host.signals).toEqual(['group:SIGTERM', '4242:SIGTERM', '4243:SIGTERM', '4244:SIGTERM']);
  });

  it('cgroup: no user namespace; none: neither, and the environment is still scrubbed', async () => {
    const host = new FakeHost();
    const cgroupOnly = await containedCommandRunner(host).start(spec('cgroup'));
    expect(host.spawned[0]?.argv).toEqual(['sh', '-c', 'python pipeline.py']);
    expect(cgroupOnly.containment).toMatchObject({ cgroup: 'cgroup v2 (memory, cpu)', namespace: null });
    const bare = await containedCommandRunner(host).start(spec('none'));
    expect(host.spawned[1]?.beforeRelease).toBeUndefined();
    expect(host.spawned[1]?.env.ACTIONS_RUNTIME_TOKEN).toBeUndefined();
    expect(bare.containment).toMatchObject({ mode: 'none', cgroup: null, namespace: null });
    expect(bare.group).toBeUndefined();
    // Without a group, the end reaches the process group only, and cannot count what was left.
    expect(await bare.finish?.()).toEqual({ leftover: null, ended: true, problems: [] });
    expect(host.signals).toEqual(['group:SIGKILL']);
  });

  it('says why a layer is missing (not delegated, no user namespace), and runs anyway', async () => {
    const host = new FakeHost();
    host.places = {};
    host.namespace = { why: 'no user namespace (unshare: write failed /proc/self/uid_map: Operation not permitted)' };
    const running = await containedCommandRunner(host).start(spec());
    expect(host.spawned[0]?.argv).toEqual(['sh', '-c', 'python pipeline.py']);
    expect(running.containment?.notes).toEqual([
      'cgroup v2: cannot create groups in /x (not delegated to this user)',
      'user namespace: no user namespace (unshare: write failed /proc/self/uid_map: Operation not permitted)',
    ]);
  });

  it('reports a missing command as plainly as a direct start would, and leaves no group behind', async () => {
    const host = new FakeHost();
    await expect(containedCommandRunner(host).start({ ...spec(), argv: ['no-such-pipeline-binary'] })).rejects.toThrow('cannot start the command "no-such-pipeline-binary": not found');
    expect([...host.cgroupFs.dirs].filter((d) => d.startsWith(`${OURS}/`))).toEqual([]);
  });
});

describe('groups of a run that died', () => {
  it("are found by their dead creator, emptied and removed; a live creator's and our own are left alone", async () => {
    const host = new FakeHost();
    const dead = `${OURS}/optimization-gate-7001-3-a1b2c3`;
    const live = `${OURS}/optimization-gate-7002-1-d4e5f6`;
    const mine = `${OURS}/optimization-gate-${process.pid}-9-abcdef`;
    for (const dir of [dead, live, mine]) host.cgroupFs.dir(dir, { 'cgroup.procs': '', 'cgroup.kill': '' });
    host.cgroupFs.dir(`${OURS}/someone-elses-group`, { 'cgroup.procs': '55\n' });
    host.cgroupFs.files.set(`${dead}/cgroup.procs`, '8100\n8101\n');
    const result = await endStaleTreeGroups(host, (pid) => pid === 7002);
    expect(result).toEqual({ groups: 1, processes: 2, problems: [] });
    expect(host.cgroupFs.exists(dead)).toBe(false);
    expect([live, mine, `${OURS}/someone-elses-group`].every((d) => host.cgroupFs.exists(d))).toBe(true);
    expect(host.cgroupFs.writes.filter((w) => !w.path.startsWith(`${dead}/`))).toEqual([]);
  });

  it('are ended before the first command of a process starts, and the report says so', async () => {
    const host = new FakeHost();
    const dead = `${OURS}/optimization-gate-7001-3-a1b2c3`;
    host.cgroupFs.dir(dead, { 'cgroup.procs': '8100\n', 'cgroup.kill': '' });
    const running = await containedCommandRunner(host).start(spec());
    expect(host.cgroupFs.exists(dead)).toBe(false);
    expect(running.containment?.notes).toEqual(['ended 1 process(es) still held by the cgroup(s) of an earlier run that was killed']);
  });
});

describe('probeUserNamespace', () => {
  it('keeps the first way that works and hides our environment from inside', () => {
    const calls: string[] = [];
    const found = probeUserNamespace((argv) => {
      calls.push(argv.join(' '));
      if (argv.includes('--map-current-user')) return { status: 1, stderr: "unshare: unrecognized option '--map-current-user'\n" };
      return { status: argv.includes('sh') ? 1 : 0, stderr: '' };
    });
    expect(found.prefix).toEqual(['unshare', '--user', `--map-user=${process.getuid?.()}`, `--map-group=${process.getgid?.()}`, '--']);
    expect(calls).toHaveLength(3);
  });

  it('refuses a namespace from which our environment can still be read', () => {
    expect(probeUserNamespace(() => ({ status: 0, stderr: '' }))).toEqual({ why: 'a user namespace here does not hide the parent environment' });
  });

  it('says why when unshare is missing or refused', () => {
    expect(probeUserNamespace(() => ({ status: 1, stderr: 'unshare: unshare failed: Operation not permitted\n' }))).toEqual({
      why: 'no user namespace (unshare: unshare failed: Operation not permitted)',
    });
  });
});
