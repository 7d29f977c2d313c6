/**
 * GitHub-shaped JSON (ids, node ids, `url` / `html_url`, timestamps) of the fake repository, as
 * the REST API answers it. `author_association` depends on who asks: pass the viewer.
 */
import type { ArtifactRecord, WorkflowRun } from './actions-model.js';
import { isBot, type Actor, type Comment, type GitHubRepo, type Issue } from './github-model.js';
import { isoSeconds } from './http-kit.js';

/** The app every installation token of a workflow job belongs to. */
const ACTIONS_APP = { id: 15368, slug: 'github-actions', node_id: 'MDM6QXBwMTUzNjg=', name: 'GitHub Actions' };

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
      type: isBot(login) ? 'Bot' : 'User',
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

  issue(issue: Issue, viewer?: Actor): Record<string, unknown> {
    const json: Record<string, unknown> = {
      id: 900_000_000 + issue.number,
      node_id: nodeId('I', issue.number),
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      locked: issue.locked,
      active_lock_reason: issue.locked ? 'resolved' : null,
      user: this.user(issue.user),
      author_association: issue.authorAssociation ?? this.repo.associationOf(issue.user, viewer),
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

  pull(issue: Issue, viewer?: Actor): Record<string, unknown> {
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
      author_association: issue.authorAssociation ?? this.repo.associationOf(issue.user, viewer),
      url: `${this.repoApi}/pulls/${issue.number}`,
      html_url: `${this.repoHtml}/pull/${issue.number}`,
      issue_url: `${this.repoApi}/issues/${issue.number}`,
      head: ref(pull.head, pull.head.repo),
      base: ref(pull.base, this.repo.fullName),
      created_at: isoSeconds(issue.createdAt),
      updated_at: isoSeconds(issue.createdAt),
    };
  }

  comment(comment: Comment, viewer?: Actor): Record<string, unknown> {
    const issue = this.repo.issues.get(comment.issueNumber);
    const kind = issue?.pull === undefined ? 'issues' : 'pull';
    return {
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      body: comment.body,
      user: this.user(comment.user),
      author_association: comment.authorAssociation ?? this.repo.associationOf(comment.user, viewer),
      // Comments written with a job's token name the app they were performed through.
      performed_via_github_app: comment.user === 'github-actions[bot]' ? ACTIONS_APP : null,
      url: `${this.repoApi}/issues/comments/${comment.id}`,
      html_url: `${this.repoHtml}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.repoApi}/issues/${comment.issueNumber}`,
      created_at: isoSeconds(comment.createdAt),
      updated_at: isoSeconds(comment.updatedAt),
    };
  }

  label(name: string): Record<string, unknown> {
    const id = 600_000 + [...this.repo.labels].indexOf(name);
    return { id, node_id: nodeId('LA', id), url: `${this.repoApi}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null };
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
