/**
 * The action's GitHub client (src/publish/github.ts) against the fake GitHub API with GitHub's own
 * rules and limits: timeouts, secondary rate limits, locked conversations, missing scopes, persistent
 * server errors, long retry-after — each a clear UserError, never an internal error — plus paging,
 * the permission endpoint, the token's identity and the sticky comment it may adopt. Sleeps are
 * recorded, not waited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { stickyMarker, upsertStickyComment } from '../../src/publish/comments.js';
import { createGitHubApi, type GitHubApi } from '../../src/publish/github.js';
import { DEFAULT_RETRY } from '../../src/publish/retry.js';
import { ActionsModel, faults, startGitHubFake, type GitHubFake } from '../fakes/index.js';

const REPO = 'acme/podcast-pipeline';
let gh: GitHubFake;
let model: ActionsModel;
const sleeps: number[] = [];

function api(token: string, extra: { timeoutMs?: number } = {}): GitHubApi {
  return createGitHubApi({ token, owner: 'acme', repo: 'podcast-pipeline', baseUrl: gh.url, sleep: async (ms) => void sleeps.push(ms), ...extra });
}

async function failure(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  model = new ActionsModel();
  gh = await startGitHubFake({
    repo: {
      fullName: REPO,
      orgMembers: { 'team-dev': { permission: 'write' } },
      collaborators: { reader: 'read', keeper: 'maintain' },
      contributors: ['team-dev'],
      tokens: { ghp_reader: 'reader' },
      issues: [
        { number: 7, user: 'team-dev', body: 'thresholds' },
        { number: 9, user: 'team-dev', locked: true },
      ],
      pulls: [{ number: 12, user: 'team-dev', head: { ref: 'issue-7' } }],
    },
    actions: model,
  });
});

afterAll(async () => {
  await gh?.stop();
});

describe('errors a user can act on', () => {
  it('a secondary rate limit (403, healthy quota) is waited out: retry-after when given, else a minute', async () => {
    const client = api(gh.repo.mintToken({ issues: 'write' }));
    sleeps.length = 0;
    gh.failNext({ method: 'POST', path: `/repos/${REPO}/issues/7/comments` }, faults.secondaryRateLimit({ retryAfterS: 7 }));
    gh.failNext({ method: 'POST', path: `/repos/${REPO}/issues/7/comments` }, faults.secondaryRateLimit({}));
    const posted = await client.createComment(7, 'report');
    expect(posted.id).toBeGreaterThan(0);
    expect(sleeps).toEqual([7000, DEFAULT_RETRY.secondaryDelayMs * 2]);
  });

  it('a secondary rate limit that persists says so, and never asks for permissions', async () => {
    const client = api(gh.repo.mintToken({ issues: 'write' }));
    gh.failNext({ method: 'POST', path: `/repos/${REPO}/issues/7/comments` }, faults.secondaryRateLimit({ times: 10 }));
    const error = await failure(client.createComment(7, 'report'));
    gh.clearFaults();
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/^GitHub API: commenting on #7 still hit GitHub's secondary rate limit after 3 attempts/);
    expect(error.message).not.toMatch(/permission/);
  });

  it('a retry-after longer than we wait is a clear error, not a hang and not an internal error', async () => {
    const client = api(gh.repo.mintToken({ issues: 'read' }));
    gh.failNext({ method: 'GET', path: `/repos/${REPO}/issues/7` }, faults.tooManyRequests(3600));
    const error = await failure(client.getIssue(7));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain("reading issue #7: GitHub's secondary rate limit asks to wait 60 min before trying again");
  });

  it('a missing scope names the permission GitHub accepts', async () => {
    const error = await failure(api(gh.repo.mintToken({ issues: 'read' })).createComment(12, 'report'));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('commenting on #12 was refused (403 Resource not accessible by integration)');
    expect(error.message).toContain('give the job `issues: write` or `pull-requests: write` in its `permissions:`');
  });

  it('a locked conversation is said to be locked, with no bogus permission advice', async () => {
    const error = await failure(api(gh.repo.mintToken({ issues: 'write' })).createComment(9, 'report'));
    expect(error.message).toContain('commenting on #9: the conversation is locked');
    expect(error.message).not.toContain('permissions:');
  });

  it('persistent server errors end as "GitHub is unavailable", a UserError without a stack', async () => {
    gh.failNext({ method: 'GET', path: `/repos/${REPO}/issues/7` }, faults.unavailable(10));
    sleeps.length = 0;
    const error = await failure(api(gh.repo.mintToken({ issues: 'read' })).getIssue(7));
    gh.clearFaults();
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/^GitHub API: reading issue #7 failed after 5 attempts \(503 Server Error\): GitHub is unavailable/);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
  });

  it('a stalled answer times out and is retried; one that never comes ends with a clear error', async () => {
    const client = api(gh.repo.mintToken({ issues: 'read' }), { timeoutMs: 300 });
    gh.failNext({ method: 'GET', path: `/repos/${REPO}/issues/7` }, faults.stall(1500));
    expect((await client.getIssue(7)).number).toBe(7);
    const calls = gh.callsTo(`GET /repos/${REPO}/issues/7`).slice(-2);
    expect(calls.map((c) => c.fault)).toEqual(['stall', undefined]);
    gh.failNext({ method: 'GET', path: `/repos/${REPO}/issues/7` }, faults.stall(1500, 5));
    const error = await failure(client.getIssue(7));
    gh.clearFaults();
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/reading issue #7 failed after 5 attempts \(no answer within 0.3 s\)/);
  });
});

describe('what the action reads', () => {
  it('the repository permission of a private org member with write access through a team', async () => {
    const client = api(gh.repo.mintToken({ issues: 'read' }));
    expect((await client.getIssue(7)).authorAssociation).toBe('CONTRIBUTOR');
    expect(await client.getPermission('team-dev')).toBe('write');
    expect(await client.getPermission('keeper')).toBe('maintain');
    expect(await client.getPermission('reader')).toBe('read');
    expect(await client.getPermission('nobody')).toBe('none');
  });

  it('who the token is: the job token via GraphQL viewer, a user token via GET /user', async () => {
    expect(await api(gh.repo.mintToken({})).whoAmI()).toBe('github-actions[bot]');
    expect(await api('ghp_reader').whoAmI()).toBe('reader');
  });

  it('pages through artifact listings (the baseline on the default branch behind 100 newer ones)', async () => {
    const main = model.addRun({ headBranch: 'main' });
    const feature = model.addRun({ headBranch: 'feature' });
    const add = (run: typeof main) => {
      const a = model.createArtifact(run, 'job', 'og-baseline', 'application/zip', undefined);
      a.state = 'finalized';
      return a;
    };
    const wanted = add(main);
    for (let i = 0; i < 120; i++) add(feature);
    const found = await api(gh.repo.mintToken({ actions: 'read' })).findArtifact('og-baseline', 'main');
    expect(found?.id).toBe(wanted.id);
    const runList = await api(gh.repo.mintToken({ actions: 'read' })).listRunArtifacts(feature.id);
    expect(runList).toHaveLength(120);
  });
});

describe('the sticky pull-request comment', () => {
  it('is adopted only when this token wrote it: a marker pasted by someone else is left alone', async () => {
    const token = gh.repo.mintToken({ issues: 'write' });
    const marker = stickyMarker('optimization-gate');
    const planted = gh.repo.addComment(12, `${marker}\n### ✅ ship — forged`, 'team-dev');
    const first = await upsertStickyComment(api(token), 12, 'optimization-gate', 'report v1');
    expect(first.action).toBe('created');
    expect(gh.repo.comments.find((c) => c.id === planted.id)?.body).toContain('forged');
    const second = await upsertStickyComment(api(gh.repo.mintToken({ issues: 'write' })), 12, 'optimization-gate', 'report v2');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(
      gh
        .comments(12)
        .filter((c) => c.body.startsWith(marker))
        .map((c) => [c.user, c.body.split('\n')[1]]),
    ).toEqual([
      ['team-dev', '### ✅ ship — forged'],
      ['github-actions[bot]', 'report v2'],
    ]);
  });
});
