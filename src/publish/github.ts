/**
 * The GitHub API as the action needs it, behind a small interface (tests use a loopback server or a
 * recording fake). Every request has a timeout; every call goes through the retry policy (GitHub's
 * rate-limit rules); a failure becomes a UserError that says what to do (api-errors.ts).
 */
import type { getOctokit } from '@actions/github';
import { explainApiError } from './api-errors.js';
import { RequestTimeoutError, statusOf, withRetry, type RetryPolicy, type Sleep } from './retry.js';
import { pushAll } from '../collections.js';
import { openFilesPullRequest, type FilesPullRequest, type OpenedPullRequest } from './pull-request.js';

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  authorLogin: string;
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE … as GitHub shows it to this token (not used for trust). */
  authorAssociation: string;
  htmlUrl: string;
  locked?: boolean;
}

export interface CommentInfo {
  id: number;
  body: string;
  htmlUrl: string;
  /** Login of the comment's author as REST shows it (`github-actions[bot]` for a job's token). */
  authorLogin?: string;
}

export interface ArtifactRef {
  id: number;
  name: string;
  workflowRunId: number;
  headBranch: string;
  createdAt: string;
}

/** A repository permission as `role_name` reports it. */
export type RepoPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface GitHubApi {
  getIssue(issueNumber: number): Promise<IssueInfo>;
  /** The user's permission on this repository (direct, through a team or the org): `role_name` of the permission endpoint. */
  getPermission(login: string): Promise<RepoPermission>;
  listComments(issueNumber: number): Promise<CommentInfo[]>;
  createComment(issueNumber: number, body: string): Promise<CommentInfo>;
  updateComment(commentId: number, body: string): Promise<CommentInfo>;
  /** The login this token writes comments as (REST spelling), or undefined when GitHub does not say. */
  whoAmI(): Promise<string | undefined>;
  createIssue(title: string, body: string, labels?: string[]): Promise<IssueInfo>;
  /** Creates the label when the repository lacks it. */
  ensureLabel(name: string, description: string): Promise<void>;
  addLabels(issueNumber: number, labels: string[]): Promise<void>;
  /** The newest open issue (not pull request) carrying `label`. */
  findOpenIssue(label: string): Promise<IssueInfo | undefined>;
  /** The newest open issue (not pull request) whose body contains `marker`, written by `author` when given. */
  findOpenIssueWithMarker(marker: string, author?: string): Promise<IssueInfo | undefined>;
  /** Newest non-expired artifact called `name`, made on `branch` (any branch when undefined). */
  findArtifact(name: string, branch: string | undefined): Promise<ArtifactRef | undefined>;
  /** Every artifact of a workflow run, of all its attempts (the public API by run id), non-expired, newest first. */
  listRunArtifacts(runId: number): Promise<ArtifactRef[]>;
  // --- provenance of stored baselines and of the code a run measures (issue 10) ---
  /** A workflow run as the API describes it: who triggered it, from where, at which commit. */
  getWorkflowRun(runId: number): Promise<WorkflowRunInfo>;
  /** `GET /compare/{base}...{head}`: `ahead`, `behind`, `identical`, `diverged`; undefined when a side is unknown (404). */
  compareCommits(base: string, head: string): Promise<string | undefined>;
  /** Every non-expired artifact called `name`, newest first (at most 100). */
  listArtifactsNamed(name: string): Promise<ArtifactRef[]>;
  getDefaultBranch(): Promise<string>;
  /** `GET /contents/{path}?ref=`: the blob sha of a file at a ref (git's, so equal shas are equal bytes); undefined when absent. */
  fileSha(path: string, ref: string): Promise<string | undefined>;
  /** The head and base of a pull request (an `issue_comment` event does not carry them). */
  getPullRequest(prNumber: number): Promise<PullRequestRef>;
  // --- comment commands (issue 12.3) ---
  /** `POST …/actions/workflows/{file}/dispatches`: runs `workflow` (its file at `ref`) with `inputs`. */
  dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>): Promise<void>;
  /** Commits `files` on a new branch from `base` (git data API) and opens a pull request (pull-request.ts). */
  openPullRequest(request: FilesPullRequest): Promise<OpenedPullRequest>;
}

export interface WorkflowRunInfo {
  id: number;
  runNumber: number;
  runAttempt: number;
  event: string;
  /** `owner/name` of the repository the run belongs to, and of the one its code came from (a fork's for a fork PR). */
  repository: string;
  headRepository: string;
  headBranch: string;
  headSha: string;
  /** The workflow file (`.github/workflows/x.yml`) and the reusable workflows it called (`owner/repo/.github/workflows/y.yml@ref`). */
  path: string;
  referencedWorkflows: string[];
  createdAt: string;
  htmlUrl: string;
  /** `queued`, `in_progress`, `completed` …; and, once completed, `success`, `failure` … */
  status?: string;
  conclusion?: string | null;
}

export interface PullRequestRef {
  number: number;
  /** `owner/name`; '' when the head repository was deleted. */
  headRepo: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
}

interface Options {
  token: string;
  owner: string;
  repo: string;
  baseUrl?: string;
  retry?: RetryPolicy;
  sleep?: Sleep;
  /** Per request (each page of a listing is one). */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export const DEFAULT_API_TIMEOUT_MS = 30_000;
/** Listings stop after this many pages (100 items each): enough for any repository we serve. */
const MAX_PAGES = 50;

type Octokit = ReturnType<typeof getOctokit>;

/** Each request is aborted after `timeoutMs` (a stalled response would otherwise hang the job). */
function addTimeout(octokit: Octokit, timeoutMs: number): void {
  octokit.hook.wrap('request', async (request, options) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
    // Every wrapper of the hook is bound to this same options object: set the signal on it in place
    // (options passed to `request` would be ignored by the auth wrapper inside).
    options.request = { ...options.request, signal: controller.signal };
    try {
      return await request(options);
    } catch (error) {
      if (controller.signal.aborted) throw new RequestTimeoutError(timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  });
}

type RawArtifact = { id: number; name: string; expired?: boolean; created_at?: string | null; workflow_run?: { id?: number; head_branch?: string | null } | null };
const toArtifact = (a: RawArtifact): ArtifactRef => ({
  id: a.id,
  name: a.name,
  workflowRunId: a.workflow_run?.id ?? 0,
  headBranch: a.workflow_run?.head_branch ?? '',
  createdAt: a.created_at ?? '',
});
const newestFirst = (a: ArtifactRef, b: ArtifactRef): number => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;

export function createGitHubApi({ token, owner, repo, baseUrl, retry, sleep, timeoutMs = DEFAULT_API_TIMEOUT_MS, log }: Options): GitHubApi {
  // The REST client is imported on the first call: a step that makes none does not load it. The
  // request closures below read `octokit` only after `ready()` has set it.
  let octokit!: Octokit;
  let loaded: Promise<void> | undefined;
  const ready = (): Promise<void> =>
    (loaded ??= import('@actions/github').then((m) => {
      octokit = m.getOctokit(token, baseUrl ? { baseUrl } : {});
      addTimeout(octokit, timeoutMs);
    }));
  /** One API call with retries; `ifNotFound` answers a 404 instead of failing. */
  const call = async <T, F = never>(what: string, fn: () => Promise<T>, ifNotFound?: () => F): Promise<T | F> => {
    await ready();
    try {
      return await withRetry(fn, {
        ...(retry ? { policy: retry } : {}),
        ...(sleep ? { sleep } : {}),
        onRetry: (error, attempt, delay) =>
          log?.(`GitHub API: ${what} ${error instanceof RequestTimeoutError ? 'timed out' : `answered ${statusOf(error) ?? 'nothing'}`}; retry ${attempt} in ${(delay / 1000).toFixed(1)} s`),
      });
    } catch (error) {
      if (ifNotFound && statusOf(error) === 404) return ifNotFound();
      throw explainApiError(error, what);
    }
  };
  /** Pages of 100 until a short page (or MAX_PAGES). */
  const pages = async <T>(what: string, page: (n: number) => Promise<T[]>): Promise<T[]> => {
    const all: T[] = [];
    for (let n = 1; n <= MAX_PAGES; n++) {
      const items = await call(`${what} (page ${n})`, () => page(n));
      pushAll(all, items);
      if (items.length < 100) break;
    }
    return all;
  };
  const toComment = (c: { id: number; body?: string | null; html_url: string; user?: { login: string } | null }): CommentInfo => ({
    id: c.id,
    body: c.body ?? '',
    htmlUrl: c.html_url,
    ...(c.user ? { authorLogin: c.user.login } : {}),
  });
  const toIssue = (i: { number: number; title: string; body?: string | null; user?: { login: string } | null; author_association?: string; html_url: string; locked?: boolean }): IssueInfo => ({
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    authorLogin: i.user?.login ?? '',
    authorAssociation: i.author_association ?? 'NONE',
    htmlUrl: i.html_url,
    ...(i.locked !== undefined ? { locked: i.locked } : {}),
  });
  const openIssues = (what: string, query: { labels?: string; creator?: string }) =>
    pages(what, async (page) => (await octokit.rest.issues.listForRepo({ owner, repo, state: 'open', sort: 'created', direction: 'desc', per_page: 100, page, ...query })).data).then((list) =>
      list.filter((i) => !i.pull_request).map(toIssue),
    );

  return {
    async getIssue(issueNumber) {
      const { data } = await call(`reading issue #${issueNumber}`, () => octokit.rest.issues.get({ owner, repo, issue_number: issueNumber }));
      return toIssue(data);
    },
    async getPermission(login) {
      // A login GitHub does not know here (a deleted account, an app's bot) has no permission.
      const found = await call(
        `reading the repository permission of ${login}`,
        () => octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login }),
        () => undefined,
      );
      if (!found) return 'none';
      const role = (found.data as { role_name?: string }).role_name ?? found.data.permission;
      return (['admin', 'maintain', 'write', 'triage', 'read'].includes(role) ? role : 'none') as RepoPermission;
    },
    async listComments(issueNumber) {
      const list = await pages(`listing comments of #${issueNumber}`, async (page) => (await octokit.rest.issues.listComments({ owner, repo, issue_number: issueNumber, per_page: 100, page })).data);
      return list.map(toComment);
    },
    async createComment(issueNumber, body) {
      const { data } = await call(`commenting on #${issueNumber}`, () => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }));
      return toComment(data);
    },
    async updateComment(commentId, body) {
      const { data } = await call(`editing comment ${commentId}`, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }));
      return toComment(data);
    },
    async whoAmI() {
      // A user's token: GET /user. An installation token (a job's GITHUB_TOKEN, an app) is refused
      // there; GraphQL's viewer names its bot, without the `[bot]` REST shows.
      await ready();
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        if (statusOf(error) !== 403 && statusOf(error) !== 401) throw explainApiError(error, "reading the token's user");
      }
      try {
        const { viewer } = await octokit.graphql<{ viewer: { login: string; __typename?: string } }>('query { viewer { login __typename } }');
        return viewer.__typename === 'Bot' ? `${viewer.login}[bot]` : viewer.login;
      } catch {
        return undefined;
      }
    },
    async createIssue(title, body, labels) {
      const { data } = await call('opening an issue', () => octokit.rest.issues.create({ owner, repo, title, body, ...(labels ? { labels } : {}) }));
      return toIssue(data);
    },
    async ensureLabel(name, description) {
      const found = await call(
        `reading label ${name}`,
        () => octokit.rest.issues.getLabel({ owner, repo, name }),
        () => undefined,
      );
      if (found) return;
      await call(`creating label ${name}`, () => octokit.rest.issues.createLabel({ owner, repo, name, description, color: 'd93f0b' }));
    },
    async addLabels(issueNumber, labels) {
      await call(`labelling #${issueNumber}`, () => octokit.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels }));
    },
    async findOpenIssue(label) {
      return (await openIssues(`listing open issues labelled ${label}`, { labels: label }))[0];
    },
    async findOpenIssueWithMarker(marker, author) {
      const issues = await openIssues('listing open issues', author ? { creator: author } : {});
      return issues.find((i) => i.body.includes(marker));
    },
    async findArtifact(name, branch) {
      const list = await pages(`listing artifacts named ${name}`, async (page) => (await octokit.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100, page })).data.artifacts);
      return list
        .filter((a) => !a.expired && (branch === undefined || a.workflow_run?.head_branch === branch))
        .map(toArtifact)
        .sort(newestFirst)[0];
    },
    async listRunArtifacts(runId) {
      const list = await pages(
        `listing the artifacts of run ${runId}`,
        async (page) => (await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: runId, per_page: 100, page })).data.artifacts,
      );
      return list
        .filter((a) => !a.expired)
        .map(toArtifact)
        .sort(newestFirst);
    },
    async getWorkflowRun(runId) {
      const { data } = await call(`reading workflow run ${runId}`, () => octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }));
      const referenced = (data as { referenced_workflows?: Array<{ path?: string }> | null }).referenced_workflows ?? [];
      return {
        id: data.id,
        runNumber: data.run_number,
        runAttempt: data.run_attempt ?? 1,
        event: data.event,
        repository: data.repository?.full_name ?? '',
        headRepository: data.head_repository?.full_name ?? '',
        headBranch: data.head_branch ?? '',
        headSha: data.head_sha,
        path: data.path ?? '',
        referencedWorkflows: referenced.map((w) => w.path ?? '').filter((p) => p !== ''),
        createdAt: data.created_at,
        htmlUrl: data.html_url,
        status: data.status ?? '',
        conclusion: data.conclusion ?? null,
      };
    },
    async compareCommits(base, head) {
      return call(`comparing ${base.slice(0, 12)}...${head}`, async () => {
        try {
          const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 });
          return data.status;
        } catch (error) {
          // A commit or branch the repository does not have: an answer, not a failed call.
          if ((error as { status?: unknown }).status === 404) return undefined;
          throw error;
        }
      });
    },
    async fileSha(path, ref) {
      return call(
        `reading ${path} at ${ref.slice(0, 12)}`,
        async () => {
          const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref });
          return !Array.isArray(data) && data.type === 'file' ? data.sha : undefined;
        },
        () => undefined,
      );
    },
    async listArtifactsNamed(name) {
      const { data } = await call(`listing artifacts named ${name}`, () => octokit.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100 }));
      return data.artifacts
        .filter((a) => !a.expired)
        .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id)
        .map((a) => ({ id: a.id, name: a.name, workflowRunId: a.workflow_run?.id ?? 0, headBranch: a.workflow_run?.head_branch ?? '', createdAt: a.created_at ?? '' }));
    },
    async getDefaultBranch() {
      const { data } = await call('reading the repository', () => octokit.rest.repos.get({ owner, repo }));
      return data.default_branch;
    },
    async dispatchWorkflow(workflow, ref, inputs) {
      await call(`dispatching ${workflow} on ${ref}`, () => octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs }));
    },
    async openPullRequest(request) {
      await ready();
      return openFilesPullRequest(octokit, (what, fn) => call(what, fn), owner, repo, request);
    },
    async getPullRequest(prNumber) {
      const { data } = await call(`reading pull request #${prNumber}`, () => octokit.rest.pulls.get({ owner, repo, pull_number: prNumber }));
      return { number: data.number, headRepo: data.head.repo?.full_name ?? '', headSha: data.head.sha, baseRef: data.base.ref, baseSha: data.base.sha };
    },
  };
}
