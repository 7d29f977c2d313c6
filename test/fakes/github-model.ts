/**
 * The in-memory repository the fake GitHub API serves, and the JSON shapes GitHub answers with
 * (ids, node ids, `url` / `html_url`, timestamps), built from it.
 */
import type { ArtifactRecord, WorkflowRun } from './actions-model.js';
import { isoSeconds } from './http-kit.js';

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'FIRST_TIMER' | 'NONE';
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface CommentSpec {
  body: string;
  user?: string;
  authorAssociation?: AuthorAssociation;
  createdAt?: Date;
}

export interface IssueSpec {
  number: number;
  title?: string;
  body?: string | null;
  user?: string;
  authorAssociation?: AuthorAssociation;
  labels?: string[];
  state?: 'open' | 'closed';
  comments?: CommentSpec[];
}

export interface PullSpec extends IssueSpec {
  /** `repo` is the head repository's full name; a name other than the base repo's makes a fork PR. */
  head: { ref: string; sha?: string; repo?: string };
  base?: { ref: string; sha?: string };
  draft?: boolean;
}

export interface RepoSpec {
  /** `owner/name` */
  fullName: string;
  id?: number;
  defaultBranch?: string;
  private?: boolean;
  issues?: IssueSpec[];
  pulls?: PullSpec[];
  /** Collaborator logins → permission (anyone else: `none`). The owner is `admin`. */
  collaborators?: Record<string, Permission>;
  /**
   * Accepted tokens → the login they act as. When given, any other token gets 401; when absent,
   * every token is accepted and acts as `github-actions[bot]`.
   */
  tokens?: Record<string, string>;
}

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  authorAssociation: AuthorAssociation;
  createdAt: Date;
  updatedAt: Date;
}

export interface Issue {
  number: number;
  title: string;
  body: string | null;
  user: string;
  authorAssociation: AuthorAssociation;
  labels: string[];
  state: 'open' | 'closed';
  createdAt: Date;
  pull?: { head: { ref: string; sha: string; repo: string }; base: { ref: string; sha: string }; draft: boolean };
}

export const DEFAULT_ACTOR = 'github-actions[bot]';

export class GitHubRepo {
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly id: number;
  readonly defaultBranch: string;
  readonly private: boolean;
  readonly issues = new Map<number, Issue>();
  readonly comments: Comment[] = [];
  readonly collaborators: Record<string, Permission>;
  readonly tokens: Record<string, string> | undefined;
  private nextCommentId = 2_000_000_001;
  private readonly userIds = new Map<string, number>();

  constructor(spec: RepoSpec) {
    const [owner, name] = spec.fullName.split('/');
    if (owner === undefined || name === undefined || owner === '' || name === '') throw new Error(`repo fullName must be owner/name, got ${spec.fullName}`);
    this.owner = owner;
    this.name = name;
    this.fullName = spec.fullName;
    this.id = spec.id ?? 700_000_001;
    this.defaultBranch = spec.defaultBranch ?? 'main';
    this.private = spec.private ?? false;
    this.collaborators = { [owner]: 'admin', ...(spec.collaborators ?? {}) };
    this.tokens = spec.tokens;
    for (const issue of spec.issues ?? []) this.addIssue(issue);
    for (const pull of spec.pulls ?? []) this.addPull(pull);
  }

  addIssue(spec: IssueSpec): Issue {
    if (this.issues.has(spec.number)) throw new Error(`issue or PR #${spec.number} already exists`);
    const user = spec.user ?? this.owner;
    const issue: Issue = {
      number: spec.number,
      title: spec.title ?? `Issue ${spec.number}`,
      body: spec.body === undefined ? '' : spec.body,
      user,
      authorAssociation: spec.authorAssociation ?? this.associationOf(user),
      labels: spec.labels ?? [],
      state: spec.state ?? 'open',
      createdAt: new Date(),
    };
    this.issues.set(issue.number, issue);
    for (const comment of spec.comments ?? []) this.addComment(issue.number, comment.body, comment.user ?? DEFAULT_ACTOR, comment.authorAssociation, comment.createdAt);
    return issue;
  }

  addPull(spec: PullSpec): Issue {
    const issue = this.addIssue({ ...spec, comments: [] });
    issue.pull = {
      head: { ref: spec.head.ref, sha: spec.head.sha ?? 'a'.repeat(40), repo: spec.head.repo ?? this.fullName },
      base: { ref: spec.base?.ref ?? this.defaultBranch, sha: spec.base?.sha ?? 'b'.repeat(40) },
      draft: spec.draft ?? false,
    };
    for (const comment of spec.comments ?? []) this.addComment(issue.number, comment.body, comment.user ?? DEFAULT_ACTOR, comment.authorAssociation, comment.createdAt);
    return issue;
  }

  addComment(issueNumber: number, body: string, user: string, association?: AuthorAssociation, createdAt = new Date()): Comment {
    const comment: Comment = {
      id: this.nextCommentId++,
      issueNumber,
      body,
      user,
      authorAssociation: association ?? this.associationOf(user),
      createdAt,
      updatedAt: createdAt,
    };
    this.comments.push(comment);
    return comment;
  }

  commentsOf(issueNumber: number): Comment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber);
  }

  permissionOf(login: string): Permission {
    return this.collaborators[login] ?? 'none';
  }

  associationOf(login: string): AuthorAssociation {
    if (login === this.owner) return 'OWNER';
    const permission = this.permissionOf(login);
    return permission === 'none' || login.endsWith('[bot]') ? 'NONE' : 'COLLABORATOR';
  }

  /** Commits of each branch of the base repository, oldest first (a linear history is enough here). */
  readonly branches = new Map<string, string[]>();

  /** A commit on top of `branch` (a run of a branch runs at its tip); known commits are not repeated. */
  pushCommit(branch: string, sha: string): void {
    const history = this.branches.get(branch) ?? [];
    if (!history.includes(sha)) history.push(sha);
    this.branches.set(branch, history);
  }

  /** A branch's history, or a commit's (its branch up to it); undefined for an unknown ref. */
  historyOf(ref: string): string[] | undefined {
    const branch = this.branches.get(ref);
    if (branch !== undefined && branch.length > 0) return branch;
    for (const list of this.branches.values()) if (list.includes(ref)) return list.slice(0, list.indexOf(ref) + 1);
    return undefined;
  }

  userId(login: string): number {
    let id = this.userIds.get(login);
    if (id === undefined) {
      id = 5_000_001 + this.userIds.size;
      this.userIds.set(login, id);
    }
    return id;
  }
}

const nodeId = (kind: string, id: number): string => Buffer.from(`0${kind}${id}`).toString('base64');

/** Builds GitHub-shaped JSON for one repo; `api` is the fake's base URL. */
export class GitHubJson {
  /** `baseUrl` is a function: the fake's port is known only once it listens. */
  constructor(
    private readonly repo: GitHubRepo,
    private readonly baseUrl: () => string,
  ) {}

  private get api(): string {
    return this.baseUrl();
  }

  private get repoApi(): string {
    return `${this.api}/repos/${this.repo.fullName}`;
  }

  private get repoHtml(): string {
    return `https://github.com/${this.repo.fullName}`;
  }

  user(login: string): Record<string, unknown> {
    const id = this.repo.userId(login);
    return {
      login,
      id,
      node_id: nodeId('U', id),
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
      url: `${this.api}/users/${encodeURIComponent(login)}`,
      html_url: `https://github.com/${login.replace(/\[bot\]$/, '')}`,
    };
  }

  repository(fullName = this.repo.fullName): Record<string, unknown> {
    const same = fullName === this.repo.fullName;
    const id = same ? this.repo.id : this.repo.id + 1_000 + (fullName.length % 997);
    const owner = fullName.split('/')[0]!;
    return {
      id,
      node_id: nodeId('R', id),
      name: fullName.split('/')[1],
      full_name: fullName,
      private: this.repo.private,
      fork: !same,
      owner: this.user(owner),
      html_url: `https://github.com/${fullName}`,
      url: `${this.api}/repos/${fullName}`,
      default_branch: this.repo.defaultBranch,
    };
  }

  issue(issue: Issue): Record<string, unknown> {
    const json: Record<string, unknown> = {
      id: 900_000_000 + issue.number,
      node_id: nodeId('I', issue.number),
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      locked: false,
      user: this.user(issue.user),
      author_association: issue.authorAssociation,
      labels: issue.labels.map((name, i) => ({ id: 100 + i, name, color: 'ededed', default: false })),
      comments: this.repo.commentsOf(issue.number).length,
      url: `${this.repoApi}/issues/${issue.number}`,
      html_url: `${this.repoHtml}/${issue.pull === undefined ? 'issues' : 'pull'}/${issue.number}`,
      comments_url: `${this.repoApi}/issues/${issue.number}/comments`,
      repository_url: this.repoApi,
      created_at: isoSeconds(issue.createdAt),
      updated_at: isoSeconds(issue.createdAt),
      closed_at: null,
    };
    if (issue.pull !== undefined) {
      json.pull_request = { url: `${this.repoApi}/pulls/${issue.number}`, html_url: `${this.repoHtml}/pull/${issue.number}` };
    }
    return json;
  }

  pull(issue: Issue): Record<string, unknown> {
    const pull = issue.pull!;
    const ref = (side: { ref: string; sha: string }, repo: string): Record<string, unknown> => ({
      label: `${repo.split('/')[0]}:${side.ref}`,
      ref: side.ref,
      sha: side.sha,
      user: this.user(repo.split('/')[0]!),
      repo: this.repository(repo),
    });
    return {
      id: 800_000_000 + issue.number,
      node_id: nodeId('PR', issue.number),
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      draft: pull.draft,
      merged: false,
      user: this.user(issue.user),
      author_association: issue.authorAssociation,
      url: `${this.repoApi}/pulls/${issue.number}`,
      html_url: `${this.repoHtml}/pull/${issue.number}`,
      issue_url: `${this.repoApi}/issues/${issue.number}`,
      head: ref(pull.head, pull.head.repo),
      base: ref(pull.base, this.repo.fullName),
      created_at: isoSeconds(issue.createdAt),
      updated_at: isoSeconds(issue.createdAt),
    };
  }

  comment(comment: Comment): Record<string, unknown> {
    const issue = this.repo.issues.get(comment.issueNumber);
    const kind = issue?.pull === undefined ? 'issues' : 'pull';
    return {
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      body: comment.body,
      user: this.user(comment.user),
      author_association: comment.authorAssociation,
      url: `${this.repoApi}/issues/comments/${comment.id}`,
      html_url: `${this.repoHtml}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.repoApi}/issues/${comment.issueNumber}`,
      created_at: isoSeconds(comment.createdAt),
      updated_at: isoSeconds(comment.updatedAt),
    };
  }

  run(run: WorkflowRun): Record<string, unknown> {
    return {
      id: run.id,
      name: run.name,
      node_id: nodeId('WFR', run.id),
      head_branch: run.headBranch,
      head_sha: run.headSha,
      path: run.workflowPath,
      display_title: run.name,
      run_number: run.runNumber,
      run_attempt: run.runAttempt,
      event: run.event,
      status: run.status,
      conclusion: run.conclusion,
      workflow_id: run.workflowId,
      url: `${this.repoApi}/actions/runs/${run.id}`,
      html_url: `${this.repoHtml}/actions/runs/${run.id}`,
      artifacts_url: `${this.repoApi}/actions/runs/${run.id}/artifacts`,
      created_at: isoSeconds(run.createdAt),
      updated_at: isoSeconds(run.createdAt),
      run_started_at: isoSeconds(run.createdAt),
      actor: this.user(run.actor),
      triggering_actor: this.user(run.actor),
      repository: this.repository(),
      head_repository: this.repository(run.headRepository ?? this.repo.fullName),
      referenced_workflows: (run.referencedWorkflows ?? []).map((path) => ({ path, sha: run.headSha, ref: path.split('@')[1] ?? null })),
    };
  }

  artifact(artifact: ArtifactRecord, run: WorkflowRun | undefined): Record<string, unknown> {
    const expiresAt = artifact.expiresAt ?? new Date(artifact.createdAt.getTime() + 90 * 86_400_000);
    return {
      id: artifact.id,
      node_id: nodeId('A', artifact.id),
      name: artifact.name,
      size_in_bytes: artifact.size,
      url: `${this.repoApi}/actions/artifacts/${artifact.id}`,
      archive_download_url: `${this.repoApi}/actions/artifacts/${artifact.id}/zip`,
      expired: expiresAt.getTime() < Date.now(),
      digest: artifact.digest ?? null,
      created_at: isoSeconds(artifact.createdAt),
      updated_at: isoSeconds(artifact.createdAt),
      expires_at: isoSeconds(expiresAt),
      workflow_run:
        run === undefined
          ? null
          : { id: run.id, repository_id: this.repo.id, head_repository_id: this.repository(run.headRepository ?? this.repo.fullName).id, head_branch: run.headBranch, head_sha: run.headSha },
    };
  }
}
