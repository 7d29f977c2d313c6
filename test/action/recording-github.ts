/** A recording in-memory GitHubApi for unit tests of the publish logic (no HTTP). */
import type { ArtifactRef, CommentInfo, GitHubApi, IssueInfo, PullRequestRef, RepoPermission, WorkflowRunInfo } from '../../src/publish/github.js';

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
  /** Workflow runs by id, branch histories (oldest commit first), pull requests by number. */
  runs: Map<number, WorkflowRunInfo>;
  branches: Map<string, string[]>;
  pulls: Map<number, PullRequestRef>;
  defaultBranch: string;
}

export function recordingGitHub(issues: IssueInfo[] = []): RecordingGitHub {
  let nextId = 1000;
  const comments = new Map<number, CommentInfo[]>();
  const issueMap = new Map(issues.map((i) => [i.number, i]));
  const calls: string[] = [];
  const artifacts: ArtifactRef[] = [];
  const labels = new Map<number, string[]>();
  const runs = new Map<number, WorkflowRunInfo>();
  const branches = new Map<string, string[]>();
  const pulls = new Map<number, PullRequestRef>();
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
      return artifacts.filter((a) => a.name === name && (branch === undefined || a.headBranch === branch)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    },
    runs,
    branches,
    pulls,
    defaultBranch: 'main',
    async getWorkflowRun(id) {
      calls.push(`getWorkflowRun ${id}`);
      const run = runs.get(id);
      if (!run) throw Object.assign(new Error('Not Found'), { status: 404 });
      return run;
    },
    async compareCommits(base, head) {
      calls.push(`compareCommits ${base}...${head}`);
      // Linear branch histories: a commit's history is its branch's list up to it.
      const history = (ref: string): string[] | undefined => {
        if (branches.has(ref)) return branches.get(ref);
        for (const list of branches.values()) if (list.includes(ref)) return list.slice(0, list.indexOf(ref) + 1);
        return undefined;
      };
      const b = history(base);
      const h = history(head);
      if (!b || !h) return undefined;
      if (b.at(-1) === h.at(-1)) return 'identical';
      if (h.includes(b.at(-1)!)) return 'ahead';
      if (b.includes(h.at(-1)!)) return 'behind';
      return 'diverged';
    },
    async listArtifactsNamed(name) {
      calls.push(`listArtifactsNamed ${name}`);
      return artifacts.filter((a) => a.name === name).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async getDefaultBranch() {
      calls.push('getDefaultBranch');
      return api.defaultBranch;
    },
    async fileSha(path, ref) {
      calls.push(`fileSha ${path} ${ref}`);
      return undefined;
    },
    async getPullRequest(n) {
      calls.push(`getPullRequest ${n}`);
      const pull = pulls.get(n);
      if (!pull) throw Object.assign(new Error('Not Found'), { status: 404 });
      return pull;
    },
    async dispatchWorkflow(workflow, ref, inputs) {
      calls.push(`dispatchWorkflow ${workflow} ${ref} ${JSON.stringify(inputs)}`);
    },
    async openPullRequest(request) {
      calls.push(`openPullRequest ${request.branch}`);
      // Pull requests are modelled by the loopback fake (test/fakes/github-git-routes.ts), not here.
      throw Object.assign(new Error('Not Found'), { status: 404 });
    },
  };
  return api;
}
