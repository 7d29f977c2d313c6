/**
 * The GitHub API as the action needs it, behind a small interface (tests use a loopback server or a
 * recording fake). Every call goes through the retry policy; permission errors become UserErrors
 * that say which `permissions:` entry is missing.
 */
import { getOctokit } from '@actions/github';
import { UserError } from '../errors.js';
import { withRetry, type RetryPolicy, type Sleep } from './retry.js';

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  authorLogin: string;
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE … as GitHub reports it. */
  authorAssociation: string;
  htmlUrl: string;
}

export interface CommentInfo {
  id: number;
  body: string;
  htmlUrl: string;
}

export interface ArtifactRef {
  id: number;
  name: string;
  workflowRunId: number;
  headBranch: string;
  createdAt: string;
}

export interface GitHubApi {
  getIssue(issueNumber: number): Promise<IssueInfo>;
  listComments(issueNumber: number): Promise<CommentInfo[]>;
  createComment(issueNumber: number, body: string): Promise<CommentInfo>;
  updateComment(commentId: number, body: string): Promise<CommentInfo>;
  createIssue(title: string, body: string, labels?: string[]): Promise<IssueInfo>;
  /** The newest open issue (not pull request) carrying `label`. */
  findOpenIssue(label: string): Promise<IssueInfo | undefined>;
  /** Newest non-expired artifact called `name`, made on `branch` (any branch when undefined). */
  findArtifact(name: string, branch: string | undefined): Promise<ArtifactRef | undefined>;
  // --- provenance of stored baselines and of the code a run measures (issue 10) ---
  /** A workflow run as the API describes it: who triggered it, from where, at which commit. */
  getWorkflowRun(runId: number): Promise<WorkflowRunInfo>;
  /** `GET /compare/{base}...{head}`: `ahead`, `behind`, `identical`, `diverged`; undefined when a side is unknown (404). */
  compareCommits(base: string, head: string): Promise<string | undefined>;
  /** Every non-expired artifact called `name`, newest first (at most 100). */
  listArtifactsNamed(name: string): Promise<ArtifactRef[]>;
  getDefaultBranch(): Promise<string>;
  /** The head and base of a pull request (an `issue_comment` event does not carry them). */
  getPullRequest(prNumber: number): Promise<PullRequestRef>;
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
  log?: (message: string) => void;
}

function explain(error: unknown, what: string): unknown {
  const status = (error as { status?: unknown }).status;
  if (status === 401) return new UserError(`GitHub API: ${what} was refused (401): the token is invalid or expired`);
  if (status === 403) {
    return new UserError(`GitHub API: ${what} was refused (403): the token lacks a permission`, [
      'give the job `issues: write` (comments on issues), `pull-requests: write` (PR comments), `actions: read` (artifacts of other runs)',
    ]);
  }
  if (status === 404) return new UserError(`GitHub API: ${what}: not found (404)`);
  return error;
}

export function createGitHubApi({ token, owner, repo, baseUrl, retry, sleep, log }: Options): GitHubApi {
  const octokit = getOctokit(token, baseUrl ? { baseUrl } : {});
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await withRetry(fn, {
        ...(retry ? { policy: retry } : {}),
        ...(sleep ? { sleep } : {}),
        onRetry: (error, attempt, delay) =>
          log?.(`GitHub API: ${what} answered ${(error as { status?: number }).status}; retry ${attempt} in ${(delay / 1000).toFixed(1)} s`),
      });
    } catch (error) {
      throw explain(error, what);
    }
  };
  const toComment = (c: { id: number; body?: string | null; html_url: string }): CommentInfo => ({
    id: c.id,
    body: c.body ?? '',
    htmlUrl: c.html_url,
  });
  const toIssue = (i: {
    number: number;
    title: string;
    body?: string | null;
    user?: { login: string } | null;
    author_association?: string;
    html_url: string;
  }): IssueInfo => ({
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    authorLogin: i.user?.login ?? '',
    // Absent association is treated as untrusted.
    authorAssociation: i.author_association ?? 'NONE',
    htmlUrl: i.html_url,
  });

  return {
    async getIssue(issueNumber) {
      const { data } = await call(`reading issue #${issueNumber}`, () =>
        octokit.rest.issues.get({ owner, repo, issue_number: issueNumber }),
      );
      return toIssue(data);
    },
    async listComments(issueNumber) {
      const comments: CommentInfo[] = [];
      for (let page = 1; page <= 50; page++) {
        const { data } = await call(`listing comments of #${issueNumber}`, () =>
          octokit.rest.issues.listComments({ owner, repo, issue_number: issueNumber, per_page: 100, page }),
        );
        comments.push(...data.map(toComment));
        if (data.length < 100) break;
      }
      return comments;
    },
    async createComment(issueNumber, body) {
      const { data } = await call(`commenting on #${issueNumber}`, () =>
        octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
      );
      return toComment(data);
    },
    async updateComment(commentId, body) {
      const { data } = await call(`editing comment ${commentId}`, () =>
        octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }),
      );
      return toComment(data);
    },
    async createIssue(title, body, labels) {
      const { data } = await call('opening an issue', () => octokit.rest.issues.create({ owner, repo, title, body, ...(labels ? { labels } : {}) }));
      return toIssue(data);
    },
    async findOpenIssue(label) {
      const { data } = await call(`listing open issues labelled ${label}`, () =>
        octokit.rest.issues.listForRepo({ owner, repo, labels: label, state: 'open', sort: 'created', direction: 'desc', per_page: 30 }),
      );
      const issue = data.find((i) => !i.pull_request);
      return issue ? toIssue(issue) : undefined;
    },
    async findArtifact(name, branch) {
      const { data } = await call(`listing artifacts named ${name}`, () =>
        octokit.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100 }),
      );
      const found = data.artifacts
        .filter((a) => !a.expired && (branch === undefined || a.workflow_run?.head_branch === branch))
        .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''))[0];
      if (!found) return undefined;
      return {
        id: found.id,
        name: found.name,
        workflowRunId: found.workflow_run?.id ?? 0,
        headBranch: found.workflow_run?.head_branch ?? '',
        createdAt: found.created_at ?? '',
      };
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
    async listArtifactsNamed(name) {
      const { data } = await call(`listing artifacts named ${name}`, () =>
        octokit.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100 }),
      );
      return data.artifacts
        .filter((a) => !a.expired)
        .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id)
        .map((a) => ({ id: a.id, name: a.name, workflowRunId: a.workflow_run?.id ?? 0, headBranch: a.workflow_run?.head_branch ?? '', createdAt: a.created_at ?? '' }));
    },
    async getDefaultBranch() {
      const { data } = await call('reading the repository', () => octokit.rest.repos.get({ owner, repo }));
      return data.default_branch;
    },
    async getPullRequest(prNumber) {
      const { data } = await call(`reading pull request #${prNumber}`, () => octokit.rest.pulls.get({ owner, repo, pull_number: prNumber }));
      return { number: data.number, headRepo: data.head.repo?.full_name ?? '', headSha: data.head.sha, baseRef: data.base.ref, baseSha: data.base.sha };
    },
  };
}
