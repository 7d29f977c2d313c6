/** A recording in-memory GitHubApi for unit tests of the publish logic (no HTTP). */
import type { ArtifactRef, CommentInfo, GitHubApi, IssueInfo, RepoPermission } from '../../src/publish/github.js';

export interface RecordingGitHub extends GitHubApi {
  calls: string[];
  comments: Map<number, CommentInfo[]>;
  issues: Map<number, IssueInfo>;
  artifacts: ArtifactRef[];
  /** Repository permission by login (others: none). */
  permissions: Map<string, RepoPermission>;
  /** Who the token writes as. */
  identity: string | undefined;
  labels: Map<number, string[]>;
}

export function recordingGitHub(issues: IssueInfo[] = []): RecordingGitHub {
  let nextId = 1000;
  const comments = new Map<number, CommentInfo[]>();
  const issueMap = new Map(issues.map((i) => [i.number, i]));
  const calls: string[] = [];
  const artifacts: ArtifactRef[] = [];
  const labels = new Map<number, string[]>();
  const permissions = new Map<string, RepoPermission>();
  const repoLabels = new Set<string>();
  const api: RecordingGitHub = {
    calls,
    comments,
    issues: issueMap,
    artifacts,
    permissions,
    identity: 'github-actions[bot]',
    labels,
    async getIssue(n) {
      calls.push(`getIssue ${n}`);
      const issue = issueMap.get(n);
      if (!issue) throw Object.assign(new Error('Not Found'), { status: 404 });
      return issue;
    },
    async listComments(n) {
      calls.push(`listComments ${n}`);
      return [...(comments.get(n) ?? [])];
    },
    async getPermission(login) {
      calls.push(`getPermission ${login}`);
      return permissions.get(login) ?? 'none';
    },
    async whoAmI() {
      calls.push('whoAmI');
      return api.identity;
    },
    async createComment(n, body) {
      calls.push(`createComment ${n}`);
      const comment = { id: nextId++, body, htmlUrl: `https://github.com/acme/p/issues/${n}#issuecomment-${nextId}`, authorLogin: api.identity ?? 'github-actions[bot]' };
      comments.set(n, [...(comments.get(n) ?? []), comment]);
      return comment;
    },
    async updateComment(id, body) {
      calls.push(`updateComment ${id}`);
      for (const list of comments.values()) {
        const found = list.find((c) => c.id === id);
        if (found) {
          found.body = body;
          return { ...found };
        }
      }
      throw Object.assign(new Error('Not Found'), { status: 404 });
    },
    async findOpenIssue(label) {
      calls.push(`findOpenIssue ${label}`);
      return [...issueMap.values()].reverse().find((i) => labels.get(i.number)?.includes(label));
    },
    async createIssue(title, body, issueLabels) {
      calls.push(`createIssue ${title}`);
      const number = Math.max(0, ...issueMap.keys()) + 1;
      const issue = { number, title, body, authorLogin: 'github-actions[bot]', authorAssociation: 'NONE', htmlUrl: `https://github.com/acme/p/issues/${number}` };
      issueMap.set(number, issue);
      labels.set(number, issueLabels ?? []);
      return issue;
    },
    async ensureLabel(name) {
      calls.push(`ensureLabel ${name}`);
      repoLabels.add(name);
    },
    async addLabels(n, added) {
      calls.push(`addLabels ${n} ${added.join(',')}`);
      labels.set(n, [...new Set([...(labels.get(n) ?? []), ...added])]);
    },
    async findOpenIssueWithMarker(marker, author) {
      calls.push(`findOpenIssueWithMarker ${marker}`);
      return [...issueMap.values()].reverse().find((i) => i.body.includes(marker) && (author === undefined || i.authorLogin === author));
    },
    async listRunArtifacts(runId) {
      calls.push(`listRunArtifacts ${runId}`);
      return artifacts.filter((a) => a.workflowRunId === runId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async findArtifact(name, branch) {
      calls.push(`findArtifact ${name} ${branch ?? '*'}`);
      return artifacts
        .filter((a) => a.name === name && (branch === undefined || a.headBranch === branch))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    },
  };
  return api;
}
