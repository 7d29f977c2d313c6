/**
 * The in-memory repository the fake GitHub API serves, and who may do what in it: tokens and
 * their identities (an installation token of a workflow job with the job's `permissions:`, or a
 * user's token acting with the user's repository permission), org membership as GitHub shows it
 * to a given viewer, labels, locked conversations. The rules follow GitHub's REST documentation:
 * see test/fakes/README.md ("Semantics the fakes enforce") for each one and where it comes from.
 */

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'FIRST_TIMER' | 'NONE';
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** A workflow job's `permissions:` scopes, as the GITHUB_TOKEN of that job carries them. */
export type TokenScope = 'actions' | 'contents' | 'issues' | 'pull-requests' | 'metadata';
export type ScopeLevel = 'read' | 'write' | 'none';
export type TokenPermissions = Partial<Record<TokenScope, ScopeLevel>>;

export interface TokenSpec {
  login: string;
  /**
   * Installation tokens only (a login ending in `[bot]`): the scopes granted. Absent: every scope
   * `write`, as with a repository whose default workflow permissions are "read and write".
   */
  permissions?: TokenPermissions;
}

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
  /** Fixed association; by default it is computed for each viewer (see `associationOf`). */
  authorAssociation?: AuthorAssociation;
  labels?: string[];
  state?: 'open' | 'closed';
  /** A locked conversation: only actors with push access may comment. */
  locked?: boolean;
  comments?: CommentSpec[];
}

export interface PullSpec extends IssueSpec {
  /** `repo` is the head repository's full name; a name other than the base repo's makes a fork PR. */
  head: { ref: string; sha?: string; repo?: string };
  base?: { ref: string; sha?: string };
  draft?: boolean;
}

export interface OrgMemberSpec {
  /** Repository permission the member has through teams or the org's base permission (default `read`). */
  permission?: Permission;
  /** Public membership is visible to everyone; private (the default on GitHub) only to other members. */
  publicMembership?: boolean;
}

export interface RepoSpec {
  /** `owner/name` (the owner is an organization when `orgMembers` is given). */
  fullName: string;
  id?: number;
  defaultBranch?: string;
  private?: boolean;
  issues?: IssueSpec[];
  pulls?: PullSpec[];
  /** Direct collaborators → permission. The owner is `admin`. */
  collaborators?: Record<string, Permission>;
  /** Members of the owning organization. */
  orgMembers?: Record<string, OrgMemberSpec>;
  /** Logins with commits in the repository (association `CONTRIBUTOR` when nothing closer is visible). */
  contributors?: string[];
  /** Labels that exist in the repository. */
  labels?: string[];
  /**
   * Accepted tokens → the login they act as (or a TokenSpec). When given, any other token (not minted
   * with `mintToken`) gets 401; when absent, every token is accepted as `github-actions[bot]` with
   * every scope.
   */
  tokens?: Record<string, string | TokenSpec>;
}

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  authorAssociation?: AuthorAssociation;
  createdAt: Date;
  updatedAt: Date;
}

export interface Issue {
  number: number;
  title: string;
  body: string | null;
  user: string;
  authorAssociation?: AuthorAssociation;
  labels: string[];
  state: 'open' | 'closed';
  locked: boolean;
  createdAt: Date;
  pull?: { head: { ref: string; sha: string; repo: string }; base: { ref: string; sha: string }; draft: boolean };
}

/** Who a request acts as. Installation tokens carry scopes; users act with their repository permission. */
export interface Actor {
  login: string;
  kind: 'installation' | 'user';
  permissions?: TokenPermissions;
}

export const DEFAULT_ACTOR = 'github-actions[bot]';

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
const LEVEL_RANK: Record<ScopeLevel, number> = { none: 0, read: 1, write: 2 };

export const isBot = (login: string): boolean => login.endsWith('[bot]');

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
  readonly orgMembers: Record<string, OrgMemberSpec>;
  readonly contributors: Set<string>;
  readonly labels: Set<string>;
  readonly tokens: Record<string, string | TokenSpec> | undefined;
  private readonly minted = new Map<string, TokenSpec>();
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
    this.orgMembers = spec.orgMembers ?? {};
    this.contributors = new Set(spec.contributors ?? []);
    this.labels = new Set(spec.labels ?? []);
    this.tokens = spec.tokens;
    for (const issue of spec.issues ?? []) this.addIssue(issue);
    for (const pull of spec.pulls ?? []) this.addPull(pull);
  }

  addIssue(spec: IssueSpec): Issue {
    if (this.issues.has(spec.number)) throw new Error(`issue or PR #${spec.number} already exists`);
    const issue: Issue = {
      number: spec.number,
      title: spec.title ?? `Issue ${spec.number}`,
      body: spec.body === undefined ? '' : spec.body,
      user: spec.user ?? this.owner,
      ...(spec.authorAssociation ? { authorAssociation: spec.authorAssociation } : {}),
      labels: spec.labels ?? [],
      state: spec.state ?? 'open',
      locked: spec.locked ?? false,
      createdAt: new Date(),
    };
    for (const label of issue.labels) this.labels.add(label);
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
      ...(association ? { authorAssociation: association } : {}),
      createdAt,
      updatedAt: createdAt,
    };
    this.comments.push(comment);
    return comment;
  }

  commentsOf(issueNumber: number): Comment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber);
  }

  // ---- identities ----

  /** A job's GITHUB_TOKEN: a fresh installation token with exactly these scopes. */
  mintToken(permissions: TokenPermissions, login = DEFAULT_ACTOR): string {
    const token = `ghs_${Math.random().toString(36).slice(2)}${this.minted.size}`.padEnd(40, '0');
    this.minted.set(token, { login, permissions });
    return token;
  }

  /** The actor of a credential, or undefined when it is not accepted (401). */
  actorOf(credential: string): Actor | undefined {
    const known = this.minted.get(credential) ?? (this.tokens === undefined ? { login: DEFAULT_ACTOR } : this.tokens[credential]);
    if (known === undefined) return undefined;
    const spec = typeof known === 'string' ? { login: known } : known;
    return isBot(spec.login) ? { login: spec.login, kind: 'installation', ...(spec.permissions ? { permissions: spec.permissions } : {}) } : { login: spec.login, kind: 'user' };
  }

  // ---- permissions ----

  /** Repository permission of a user: direct collaborator, else through the org, else none. */
  permissionOf(login: string): Permission {
    return this.collaborators[login] ?? (login in this.orgMembers ? (this.orgMembers[login]?.permission ?? 'read') : 'none');
  }

  /** Whether an actor may use a scope at a level (installation tokens: their scopes; users: their permission). */
  allows(actor: Actor | undefined, scope: TokenScope, level: 'read' | 'write'): boolean {
    if (actor === undefined) return level === 'read' && !this.private;
    if (actor.kind === 'installation') {
      if (scope === 'metadata') return level === 'read';
      const granted = actor.permissions === undefined ? 'write' : (actor.permissions[scope] ?? 'none');
      return LEVEL_RANK[granted] >= LEVEL_RANK[level];
    }
    const rank = RANK[this.permissionOf(actor.login)];
    if (level === 'read') return !this.private || rank >= RANK.read;
    if (scope === 'issues' || scope === 'pull-requests') return !this.private || rank >= RANK.triage;
    return rank >= RANK.write;
  }

  /** "Push access": contents: write for a job's token, write or more for a user. */
  hasPush(actor: Actor | undefined): boolean {
    return this.allows(actor, 'contents', 'write') && actor !== undefined;
  }

  /**
   * `author_association` as `viewer` sees it. A private org membership is visible only to org members
   * (an installation token is not one), so a private member reads as CONTRIBUTOR or NONE to the
   * Actions token even when a team gives them write access.
   */
  associationOf(login: string, viewer?: Actor): AuthorAssociation {
    if (login === this.owner) return 'OWNER';
    if (isBot(login)) return 'NONE';
    const member = this.orgMembers[login];
    const viewerIsMember = viewer !== undefined && viewer.kind === 'user' && (viewer.login === this.owner || viewer.login in this.orgMembers);
    if (member !== undefined && (member.publicMembership === true || viewerIsMember)) return 'MEMBER';
    if (login in this.collaborators) return 'COLLABORATOR';
    if (this.contributors.has(login)) return 'CONTRIBUTOR';
    return 'NONE';
  }

  /** Files at a ref (a branch name or a commit sha): path → content (`GET /contents/{path}?ref=`). */
  readonly files = new Map<string, Map<string, string>>();

  setFile(ref: string, path: string, content: string): void {
    this.files.set(ref, (this.files.get(ref) ?? new Map<string, string>()).set(path, content));
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
