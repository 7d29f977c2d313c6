import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkRefusal, readRunContext, resolveIssueNumber } from '../../src/action/context.js';

function contextFor(eventName: string, payload: object, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'og-ctx-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  return readRunContext({
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/pipeline',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_ENVIRONMENT: 'self-hosted',
    ...extra,
  });
}

function prPayload(body: string, headRepo: string | null, headRef = 'feature') {
  return {
    pull_request: {
      number: 7,
      body,
      head: { ref: headRef, sha: 'abc', repo: headRepo === null ? null : { full_name: headRepo } },
      base: { ref: 'main' },
    },
    repository: { default_branch: 'main' },
  };
}

describe('resolveIssueNumber', () => {
  it('prefers the input, then the dispatch input', () => {
    const ctx = contextFor('workflow_dispatch', { inputs: { 'issue-number': '42' } });
    expect(resolveIssueNumber({ issueNumber: 5 }, ctx)).toEqual({ number: 5, source: 'input' });
    expect(resolveIssueNumber({}, ctx)).toEqual({ number: 42, source: 'dispatch input' });
  });

  it('reads closing keywords before plain mentions in the PR body', () => {
    const ctx = contextFor('pull_request', prPayload('See #3 for context.\n\nCloses #477', 'acme/pipeline'));
    expect(resolveIssueNumber({}, ctx)).toEqual({ number: 477, source: 'pull request body' });
    const mention = contextFor('pull_request', prPayload('Part of (#12).', 'acme/pipeline'));
    expect(resolveIssueNumber({}, mention)?.number).toBe(12);
  });

  it('falls back to an issue-123 branch name, else finds nothing', () => {
    expect(resolveIssueNumber({}, contextFor('pull_request', prPayload('', 'acme/pipeline', 'issue-88-bundle')))).toEqual({
      number: 88,
      source: 'branch name',
    });
    expect(resolveIssueNumber({}, contextFor('push', {}, { GITHUB_REF: 'refs/heads/perf/issue_9' }))?.number).toBe(9);
    expect(resolveIssueNumber({}, contextFor('push', {}))).toBeUndefined();
  });
});

describe('forkRefusal', () => {
  it('refuses fork PRs on self-hosted runners unless allowed', () => {
    const fork = contextFor('pull_request', prPayload('', 'mallory/pipeline'));
    expect(fork.pullRequest?.isFork).toBe(true);
    expect(forkRefusal({ allowForkPrs: false }, fork)).toMatch(/refusing to measure pull request #7 from the fork mallory\/pipeline/);
    expect(forkRefusal({ allowForkPrs: true }, fork)).toBeUndefined();
  });

  it('treats a deleted head repository as a fork and same-repo PRs as safe', () => {
    expect(forkRefusal({ allowForkPrs: false }, contextFor('pull_request', prPayload('', null)))).toMatch(/deleted repository/);
    expect(forkRefusal({ allowForkPrs: false }, contextFor('pull_request', prPayload('', 'ACME/pipeline')))).toBeUndefined();
  });
});
