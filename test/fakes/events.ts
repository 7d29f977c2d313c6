/**
 * Event payloads (the file at GITHUB_EVENT_PATH) built from the fake's repository, so that what the
 * action reads from the event and what it reads from the API agree.
 */
import type { GitHubFake } from './github-server.js';

type Payload = Record<string, unknown>;

function issueOrThrow(github: GitHubFake, number: number) {
  const issue = github.repo.issues.get(number);
  if (issue === undefined) throw new Error(`events: no issue or PR #${number} in the fake repo`);
  return issue;
}

export function issuesEvent(github: GitHubFake, number: number, action = 'opened'): Payload {
  const issue = issueOrThrow(github, number);
  return { action, issue: github.json.issue(issue), repository: github.json.repository(), sender: github.json.user(issue.user) };
}

export function issueCommentEvent(github: GitHubFake, number: number, commentId: number): Payload {
  const issue = issueOrThrow(github, number);
  const comment = github.repo.comments.find((c) => c.id === commentId);
  if (comment === undefined) throw new Error(`events: no comment ${commentId}`);
  return {
    action: 'created',
    issue: github.json.issue(issue),
    comment: github.json.comment(comment),
    repository: github.json.repository(),
    sender: github.json.user(comment.user),
  };
}

export function pullRequestEvent(github: GitHubFake, number: number, action = 'synchronize'): Payload {
  const issue = issueOrThrow(github, number);
  if (issue.pull === undefined) throw new Error(`events: #${number} is an issue, not a pull request`);
  return {
    action,
    number,
    pull_request: github.json.pull(issue),
    repository: github.json.repository(),
    sender: github.json.user(issue.user),
  };
}

export function workflowDispatchEvent(github: GitHubFake, inputs: Record<string, string>, workflowPath = '.github/workflows/optimization-gate.yml'): Payload {
  return {
    inputs,
    ref: `refs/heads/${github.repo.defaultBranch}`,
    repository: github.json.repository(),
    sender: github.json.user(github.repo.owner),
    workflow: workflowPath,
  };
}

export function scheduleEvent(cron = '0 3 * * *', workflowPath = '.github/workflows/optimization-gate-refresh.yml'): Payload {
  return { schedule: cron, workflow: workflowPath };
}
