/**
 * Everything an integration test of the action needs, started together: Azurite, the fake results
 * service and the fake GitHub API over one shared ActionsModel; a runner environment bound to
 * them (each one a new workflow run in the model); seeding of another run's artifact.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ActionsModel, type ArtifactRecord, type RunSpec, type WorkflowRun } from './actions-model.js';
import { startAzurite, type Azurite } from './azurite.js';
import { startGitHubFake, type GitHubFake } from './github-server.js';
import type { RepoSpec, TokenPermissions } from './github-model.js';
import { startResultsFake, type ResultsFake } from './results-service.js';
import { runnerEnv, type RunnerEnv, type RunnerEnvOptions } from './runner-env.js';
import { zipFiles } from './zip.js';

export interface HarnessOptions {
  repo: RepoSpec;
}

export type HarnessRunnerOptions = Omit<RunnerEnvOptions, 'githubApiUrl' | 'resultsUrl' | 'repository' | 'repositoryId' | 'run' | 'ref'> & {
  /** An existing run (or attempt) of the model, or the spec of a new one (default: derived from the event). */
  run?: WorkflowRun | RunSpec;
  /**
   * The job's `permissions:`: its GITHUB_TOKEN is a fresh installation token with exactly these
   * scopes (the `token` input's default). Absent: the default token, which has every scope.
   */
  permissions?: TokenPermissions;
};

export interface SeedArtifactOptions {
  run: WorkflowRun;
  name: string;
  files: Record<string, Buffer | string>;
  jobBackendId?: string;
}

export interface Harness {
  azurite: Azurite;
  results: ResultsFake;
  github: GitHubFake;
  model: ActionsModel;
  /** A runner environment for a new (or given) workflow run of the model. */
  runnerEnv(options: HarnessRunnerOptions): RunnerEnv & { run: WorkflowRun };
  /** An artifact another run uploaded earlier: zipped, in Azurite, finalized in the model. */
  seedArtifact(options: SeedArtifactOptions): Promise<ArtifactRecord>;
  stop(): Promise<void>;
}

function isRun(run: WorkflowRun | RunSpec): run is WorkflowRun {
  return 'workflowId' in run;
}

/** The run a runner environment stands for, derived from its event like GitHub would. */
function runSpecFor(options: HarnessRunnerOptions): RunSpec {
  const spec: RunSpec = { event: options.eventName, headSha: options.sha, actor: options.actor };
  const pull = options.event?.pull_request as { number?: number; head?: { ref?: string; sha?: string }; base?: { ref?: string } } | undefined;
  if (options.eventName.startsWith('pull_request') && pull?.number !== undefined) {
    spec.ref = `refs/pull/${pull.number}/merge`;
    spec.headBranch = options.headRef ?? pull.head?.ref;
    spec.baseBranch = options.baseRef ?? pull.base?.ref;
    spec.headSha = options.sha ?? pull.head?.sha;
    const headRepo = (pull.head as { repo?: { full_name?: string } } | undefined)?.repo?.full_name;
    if (headRepo !== undefined) spec.headRepository = headRepo;
  }
  return spec;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const model = new ActionsModel({ defaultBranch: options.repo.defaultBranch });
  const azurite = await startAzurite();
  let results: ResultsFake | undefined;
  let github: GitHubFake | undefined;
  try {
    results = await startResultsFake({ model, blobs: azurite });
    github = await startGitHubFake({ repo: options.repo, actions: model, blobs: azurite });
  } catch (error) {
    await results?.stop();
    await azurite.stop();
    throw error;
  }
  const envs: RunnerEnv[] = [];
  const gh = github;
  const rs = results;

  return {
    azurite,
    results,
    github,
    model,
    runnerEnv(runnerOptions) {
      const given = runnerOptions.run;
      const run = given !== undefined && isRun(given) ? given : model.addRun({ ...runSpecFor(runnerOptions), ...(given ?? {}) });
      // A run of a branch of this repository runs at the branch's tip: that commit is on the branch.
      if (run.ref.startsWith('refs/heads/') && (run.headRepository ?? gh.repo.fullName) === gh.repo.fullName) gh.repo.pushCommit(run.headBranch, run.headSha);
      const { permissions, ...rest } = runnerOptions;
      const env = runnerEnv({
        ...rest,
        ...(permissions !== undefined ? { token: gh.repo.mintToken(permissions) } : {}),
        extraEnv: { ...(run.cacheMode ? { ACTIONS_CACHE_MODE: run.cacheMode } : {}), ...(rest.extraEnv ?? {}) },
        githubApiUrl: gh.url,
        resultsUrl: rs.url,
        repository: gh.repo.fullName,
        repositoryId: gh.repo.id,
        run: { id: run.id, backendId: run.backendId, runNumber: run.runNumber, runAttempt: run.runAttempt, name: run.name, workflowPath: run.workflowPath },
        ref: run.ref,
        sha: runnerOptions.sha ?? run.headSha,
      });
      envs.push(env);
      return { ...env, run };
    },
    async seedArtifact({ run, name, files, jobBackendId }) {
      const zip = zipFiles(files);
      const record = model.createArtifact(run, jobBackendId ?? randomUUID(), name, 'application/zip', undefined);
      await azurite.write(record.blobName, zip, 'application/zip');
      record.size = zip.length;
      record.digest = `sha256:${createHash('sha256').update(zip).digest('hex')}`;
      record.state = 'finalized';
      return record;
    },
    async stop() {
      await gh.stop();
      await rs.stop();
      await azurite.stop();
      for (const env of envs) env.cleanup();
    },
  };
}
