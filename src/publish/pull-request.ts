/**
 * A pull request that adds files, through GitHub's git data API (no checkout, no push credentials):
 * the base branch's commit and tree, one blob per file, a tree on top of the base tree, a commit,
 * the branch ref, then the pull request. A re-run finds its branch already there ("Reference already
 * exists", 422): the branch is moved to the new commit and an open pull request from it is reused.
 */
import type { getOctokit } from '@actions/github';
import { statusOf } from './retry.js';

type Octokit = ReturnType<typeof getOctokit>;
type Call = <T>(what: string, fn: () => Promise<T>) => Promise<T>;

export interface FilesPullRequest {
  /** The branch to create (or move), without `refs/heads/`. */
  branch: string;
  /** The branch the pull request goes into (the default branch). */
  base: string;
  message: string;
  title: string;
  body: string;
  files: ReadonlyArray<{ path: string; content: Buffer }>;
}

export interface OpenedPullRequest {
  number: number;
  htmlUrl: string;
  branch: string;
  commitSha: string;
  /** An open pull request from the branch already existed (a re-run): it now shows the new commit. */
  reused: boolean;
}

/** Thrown when the branch exists but the pull request cannot be opened (e.g. the repository forbids Actions to). */
export class PullRequestRefused extends Error {
  constructor(
    message: string,
    readonly branch: string,
    readonly commitSha: string,
  ) {
    super(message);
    this.name = 'PullRequestRefused';
  }
}

export async function openFilesPullRequest(octokit: Octokit, call: Call, owner: string, repo: string, req: FilesPullRequest): Promise<OpenedPullRequest> {
  const base = await call(`reading branch ${req.base}`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${req.base}` }));
  const baseSha = base.data.object.sha;
  const baseCommit = await call(`reading commit ${baseSha.slice(0, 12)}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha }));
  const tree: Array<{ path: string; mode: '100644'; type: 'blob'; sha: string }> = [];
  for (const file of req.files) {
    const blob = await call(`creating the blob of ${file.path}`, () => octokit.rest.git.createBlob({ owner, repo, content: file.content.toString('base64'), encoding: 'base64' }));
    tree.push({ path: file.path, mode: '100644', type: 'blob', sha: blob.data.sha });
  }
  const newTree = await call('creating the tree', () => octokit.rest.git.createTree({ owner, repo, base_tree: baseCommit.data.tree.sha, tree }));
  const commit = await call('creating the commit', () => octokit.rest.git.createCommit({ owner, repo, message: req.message, tree: newTree.data.sha, parents: [baseSha] }));
  const sha = commit.data.sha;
  const created = await call(`creating branch ${req.branch}`, async () => {
    try {
      await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${req.branch}`, sha });
      return true;
    } catch (error) {
      // "Reference already exists": a re-run of the same promotion; the branch is ours, moved below.
      if (statusOf(error) === 422) return false;
      throw error;
    }
  });
  if (!created) await call(`moving branch ${req.branch}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${req.branch}`, sha, force: true }));
  const open = await call(`listing pull requests from ${req.branch}`, () => octokit.rest.pulls.list({ owner, repo, head: `${owner}:${req.branch}`, base: req.base, state: 'open', per_page: 1 }));
  const existing = open.data[0];
  if (existing) return { number: existing.number, htmlUrl: existing.html_url, branch: req.branch, commitSha: sha, reused: true };
  try {
    const pr = await call(`opening the pull request from ${req.branch}`, () => octokit.rest.pulls.create({ owner, repo, title: req.title, head: req.branch, base: req.base, body: req.body }));
    return { number: pr.data.number, htmlUrl: pr.data.html_url, branch: req.branch, commitSha: sha, reused: false };
  } catch (error) {
    throw new PullRequestRefused(error instanceof Error ? error.message : String(error), req.branch, sha);
  }
}
