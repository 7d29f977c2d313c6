/**
 * One repository's world for in-process flow tests of the action: the loopback GitHub API (with
 * its Actions model), recording artifacts and cache shared by every workflow run, and the
 * measuring side in virtual time. `main(...)` runs the action's `run()` as one workflow run with
 * the runner's env (action.yml defaults applied); `post(...)` runs `runPost()` with the state that
 * main saved. Nothing real is measured: every number is a fact of the scripts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type ActionDeps } from '../../../src/action/run.js';
import { runPost } from '../../../src/action/post.js';
import { createGitHubApi } from '../../../src/publish/github.js';
import { captureStdout } from '../../harness/in-process.js';
import { ActionsModel, inputEnvName, runnerEnv, startGitHubFake, type GitHubFake, type RepoSpec, type WorkflowRun } from '../../fakes/index.js';
import { BUNDLED_PROFILE, STAGED_PROFILE } from '../../helpers/fixtures.js';
import { OPTIMIZATION_REPO } from '../../helpers/optimization-repo.js';
import { RecordingArtifacts, RecordingCache, RecordingIO } from './recording-ports.js';
import { FLOW_HOST, VirtualClock, fixedEnvironment, pipelinePrograms, scriptedCommands, scriptedProbes, type Hooks, type PipelineScript, type ScriptedCommands } from './virtual-measure.js';

export const SLOW: PipelineScript = { stages: { fetch: 0.05, transcribe: 0.5, summarize: 0.4 }, memoryMb: { transcribe: 80 }, rougeL: 0.33, cost: 0.05 };
export const FAST: PipelineScript = { stages: { fetch: 0.05, transcribe: 0.25, summarize: 0.1 }, memoryMb: { transcribe: 80 }, rougeL: 0.335, cost: 0.03 };

/** One run per side unless a test asks for more (the action's defaults are repeat 5, confirm-runs 6). */
export const INPUTS = {
  repeat: '1',
  'confirm-runs': '0',
  'profile-command': 'pipeline',
  'experiment-command': 'experiment',
  'experiment-output': 'eval-out',
  'sample-interval': '0.1',
  warmup: '0',
  'dataset-id': 'tiny',
  // The same on every side: the baseline's cache key does not change with the scripts.
  'pipeline-config': 'requirements.txt',
};

export const REPO = OPTIMIZATION_REPO;

export interface MainOptions {
  eventName: string;
  event?: Record<string, unknown>;
  inputs?: Record<string, string>;
  workspace?: string;
  /** The step's log, outputs and state (default: a fresh one). */
  io?: RecordingIO;
  /** Swaps more ports (e.g. a GitHub API that throws). */
  deps?: Partial<ActionDeps>;
  /** Run of the model this main belongs to (default: a new run on main). */
  run?: WorkflowRun;
}

export interface MainResult {
  io: RecordingIO;
  run: WorkflowRun;
  outDir: string;
  workspace: string;
  /** Delays the GitHub API retries asked for, in ms (never actually waited). */
  sleeps: number[];
  /** What the toolkit printed straight to stdout (`::debug::` lines), kept out of the test log. */
  stdout: string;
}

export class World {
  readonly clock = new VirtualClock();
  readonly hooks: Hooks = {};
  readonly commands: ScriptedCommands = scriptedCommands(this.clock, pipelinePrograms(this.hooks, { staged: STAGED_PROFILE, bundled: BUNDLED_PROFILE }));
  readonly artifacts: RecordingArtifacts;
  readonly cache = new RecordingCache();
  /** The cancel of the main step running now (what SIGTERM would call). */
  cancel: (() => void) | undefined;

  private constructor(
    readonly github: GitHubFake,
    readonly model: ActionsModel,
  ) {
    this.artifacts = new RecordingArtifacts(model);
  }

  static async start(repo: RepoSpec = REPO): Promise<World> {
    const model = new ActionsModel();
    return new World(await startGitHubFake({ repo, actions: model }), model);
  }

  stop(): Promise<void> {
    return this.github.stop();
  }

  /** A checkout holding the pipeline's config.json (read by the programs) and requirements.txt. */
  workspace(script: PipelineScript): string {
    const dir = mkdtempSync(join(tmpdir(), 'og-flow-ws-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify(script));
    writeFileSync(join(dir, 'requirements.txt'), 'podcast-pipeline==1.0\n');
    return dir;
  }

  /** A git checkout on `feature` (the candidate's script) whose `main` holds the baseline's. */
  gitWorkspace(baseline: PipelineScript = SLOW, candidate: PipelineScript = FAST): string {
    const dir = this.workspace(baseline);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'baseline pipeline');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'config.json'), JSON.stringify(candidate));
    git('commit', '-q', '-am', 'faster transcription');
    return dir;
  }

  async main(options: MainOptions): Promise<MainResult> {
    // A refresh is started by the refresh workflow (the provenance check reads the run's workflow file).
    const refresh = options.inputs?.mode === 'baseline';
    const runRecord = options.run ?? this.model.addRun({ event: options.eventName, ...(refresh ? { workflowPath: '.github/workflows/optimization-baseline-refresh.yml' } : {}) });
    // A run of a branch of this repository runs at the branch's tip: that commit is on the branch (as the harness does).
    if (runRecord.ref.startsWith('refs/heads/') && (runRecord.headRepository ?? REPO.fullName) === REPO.fullName) this.github.repo.pushCommit(runRecord.headBranch, runRecord.headSha);
    const runner = runnerEnv({
      githubApiUrl: this.github.url,
      resultsUrl: 'http://127.0.0.1:9',
      repository: REPO.fullName,
      run: runRecord,
      eventName: options.eventName,
      event: options.event ?? {},
      inputs: options.inputs ?? {},
      ...(options.workspace ? { workspace: options.workspace } : {}),
      runnerName: 'flow-runner',
    });
    const io = options.io ?? new RecordingIO();
    const sleeps: number[] = [];
    const deps: Partial<ActionDeps> = {
      io,
      env: runner.env,
      readInput: (name) => (runner.env[inputEnvName(name)] ?? '').trim(),
      // The real API client against the loopback server; its retries sleep in no time.
      github: (config, context, log) =>
        config.token
          ? createGitHubApi({ token: config.token, owner: context.owner, repo: context.repo, baseUrl: context.apiUrl, log: (m) => log.warning(m), sleep: async (ms) => void sleeps.push(ms) })
          : undefined,
      artifacts: () => this.artifacts.forRun(runRecord),
      cache: () => this.cache,
      runner: this.commands,
      measure: { clock: this.clock, probeFactory: scriptedProbes(this.commands), environment: fixedEnvironment },
      hostname: () => FLOW_HOST,
      onCancel: (stop) => {
        this.cancel = () => stop('SIGTERM');
        return () => (this.cancel = undefined);
      },
      ...options.deps,
    };
    this.hooks.runsInJob = 0;
    const { log: stdout } = await captureStdout(() => run(deps));
    const outDir = join(runner.env.RUNNER_TEMP as string, 'optimization-gate', `${runRecord.id}-1-${(runner.env[inputEnvName('artifact-name')] ?? '').trim()}`);
    return { io, run: runRecord, outDir, workspace: runner.workspace, sleeps, stdout };
  }

  /** The post step of `main`'s run, with the state main saved (or `state` instead). */
  async post(main: MainResult, state?: ReadonlyMap<string, string>): Promise<RecordingIO> {
    const io = new RecordingIO(state ?? main.io.state);
    await captureStdout(() => runPost({ io, artifacts: () => this.artifacts.forRun(main.run) }));
    return io;
  }
}
