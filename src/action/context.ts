/**
 * What the runner tells the action about this run: the event, the repository, the pull request
 * (and whether it comes from a fork), the runner. Read once from env + the event payload file.
 */
import { readFileSync } from 'node:fs';
import { isObject, type JsonObject } from '../formats/validate.js';
import type { ActionConfig } from '../inputs/config.js';

export interface PullRequestInfo {
  number: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  /** The base branch's commit when the event fired: where a baseline named on the issue is read. */
  baseSha: string;
  /** `owner/name` of the head repository. */
  headRepo: string;
  isFork: boolean;
  /** Untrusted text: only ever searched for an issue number, never passed anywhere. */
  body: string;
}

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
  runAttempt: string;
  sha: string;
  ref: string;
  defaultBranch?: string;
  pullRequest?: PullRequestInfo;
  /** workflow_dispatch inputs. */
  dispatchInputs: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  runner: { name: string; os: string; arch: string; environment: string };
  /** An `issue_comment` on a pull request: its number (the payload does not say where its code is from). */
  commentedPullRequest?: number;
  /** A `workflow_run` event: the run that triggered this one, and the repository its code came from. */
  triggeringRun?: { id: number; event: string; headRepo: string };
  /** An `issue_comment` event: the comment (its body is untrusted text, only ever parsed) and its issue. */
  comment?: CommentEvent;
}

export interface CommentEvent {
  action: string;
  id: number;
  body: string;
  authorLogin: string;
  createdAt: string;
  htmlUrl: string;
  issueNumber: number;
  onPullRequest: boolean;
}

function commentEvent(payload: JsonObject, issue: JsonObject | undefined): CommentEvent | undefined {
  const c = isObject(payload.comment) ? payload.comment : undefined;
  if (!c || !issue) return undefined;
  return {
    action: str(payload.action),
    id: Number(c.id),
    body: str(c.body),
    authorLogin: isObject(c.user) ? str(c.user.login) : '',
    createdAt: str(c.created_at),
    htmlUrl: str(c.html_url),
    issueNumber: Number(issue.number),
    onPullRequest: isObject(issue.pull_request),
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function readPayload(path: string | undefined): JsonObject {
  if (!path) return {};
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return isObject(data) ? data : {};
  } catch {
    return {};
  }
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = isObject(payload.repository) ? payload.repository : {};
  const pr = isObject(payload.pull_request) ? payload.pull_request : undefined;
  const head = pr && isObject(pr.head) ? pr.head : {};
  const base = pr && isObject(pr.base) ? pr.base : {};
  const headRepo = isObject(head.repo) ? str(head.repo.full_name) : '';
  const dispatch = isObject(payload.inputs) ? payload.inputs : {};
  const issue = isObject(payload.issue) ? payload.issue : undefined;
  const workflowRun = isObject(payload.workflow_run) ? payload.workflow_run : undefined;

  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: env.GITHUB_RUN_ID ?? '0',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    defaultBranch: str(repository.default_branch) || undefined,
    pullRequest: pr
      ? {
          number: Number(pr.number),
          headRef: str(head.ref),
          headSha: str(head.sha),
          baseRef: str(base.ref),
          baseSha: str(base.sha),
          headRepo,
          // A deleted head repository (null) is treated as a fork: we cannot tell it is ours.
          isFork: headRepo === '' || headRepo.toLowerCase() !== (env.GITHUB_REPOSITORY ?? '').toLowerCase(),
          body: str(pr.body),
        }
      : undefined,
    dispatchInputs: Object.fromEntries(Object.entries(dispatch).map(([k, v]) => [k, str(v)])),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? '',
    runner: {
      name: env.RUNNER_NAME ?? '',
      os: env.RUNNER_OS ?? '',
      arch: env.RUNNER_ARCH ?? '',
      environment: env.RUNNER_ENVIRONMENT ?? '',
    },
    ...(!pr && issue && isObject(issue.pull_request) ? { commentedPullRequest: Number(issue.number) } : {}),
    ...(commentEvent(payload, issue) ? { comment: commentEvent(payload, issue) } : {}),
    ...(workflowRun
      ? {
          triggeringRun: {
            id: Number(workflowRun.id),
            event: str(workflowRun.event),
            headRepo: isObject(workflowRun.head_repository) ? str(workflowRun.head_repository.full_name) : '',
          },
        }
      : {}),
  };
}

export type IssueSource = 'input' | 'dispatch input' | 'pull request body' | 'branch name';

const CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/i;
const MENTION = /(?:^|[\s(])#(\d+)\b/;
const BRANCH = /(?:^|\/)issue[-_]?(\d+)(?:$|[-_/])/i;

/** The optimization issue of this run, and where it was found. */
export function resolveIssueNumber(config: Pick<ActionConfig, 'issueNumber'>, context: RunContext): { number: number; source: IssueSource } | undefined {
  if (config.issueNumber !== undefined) return { number: config.issueNumber, source: 'input' };
  const dispatched = context.dispatchInputs['issue-number'] ?? context.dispatchInputs.issue_number ?? context.dispatchInputs.issue;
  if (dispatched && /^#?\d+$/.test(dispatched.trim())) return { number: Number(dispatched.trim().replace('#', '')), source: 'dispatch input' };
  const body = context.pullRequest?.body ?? '';
  const fromBody = CLOSING.exec(body) ?? MENTION.exec(body);
  if (fromBody?.[1]) return { number: Number(fromBody[1]), source: 'pull request body' };
  const branch = context.pullRequest?.headRef || context.ref.replace(/^refs\/heads\//, '');
  const fromBranch = BRANCH.exec(branch);
  if (fromBranch?.[1]) return { number: Number(fromBranch[1]), source: 'branch name' };
  return undefined;
}

/**
 * Fork PR code must not run on this runner unless the workflow explicitly allows it. Decided from
 * the event payload (head repository ≠ this repository), in every mode that runs commands; never
 * waived by RUNNER_ENVIRONMENT, which any earlier step of the job can set. See fork-guard.ts for the
 * events whose payload does not say (issue_comment, workflow_run).
 */
export function forkRefusal(config: Pick<ActionConfig, 'allowForkPrs'>, context: RunContext): string | undefined {
  const pr = context.pullRequest;
  if (!pr?.isFork || config.allowForkPrs) return undefined;
  return refusalText(`pull request #${pr.number}`, pr.headRepo || '(deleted repository)');
}

export function refusalText(what: string, from: string): string {
  return (
    `refusing to measure ${what} from the fork ${from}: its code would run on this runner. ` +
    `Set allow-fork-prs: true only with ephemeral, isolated runners (RUNNER_ENVIRONMENT is not proof: an earlier step can set it).`
  );
}

/**
 * GitHub Enterprise Server: the artifact and cache clients this action stores baselines and results
 * with (@actions/artifact 2+, cache service v2) refuse it; they accept github.com and GHE.com
 * (`*.ghe.com`) only, the same test as the toolkit's `isGhes()`.
 */
export function enterpriseServerRefusal(serverUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost')) return undefined;
  return (
    `GitHub Enterprise Server (${host}) is not supported: the artifact and cache services this action keeps its results ` +
    'and baselines in are those of github.com and GHE.com only (the toolkit clients refuse other servers)'
  );
}
