/**
 * GitHub's own rules as the fake GitHub API enforces them, checked with the real @actions/github
 * Octokit: a job token's scopes (403 "Resource not accessible by integration" with the permissions
 * that would do), `author_association` as the viewer sees it (private org members), the permission
 * endpoint, locked conversations, the comment length limit, labels dropped on a new issue without
 * push access, and who the token is (`GET /user`, GraphQL `viewer`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionsModel, startGitHubFake, type GitHubFake } from '../fakes/index.js';
import { overlayEnv } from './in-process.js';

type GitHubModule = typeof import('@actions/github');

async function failure(call: Promise<unknown>): Promise<{ status: number; message: string; headers: Record<string, string | undefined> }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status: number; message: string; response?: { headers: Record<string, string | undefined> } };
    return { status: e.status, message: e.message, headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the call to fail');
}

describe('GitHub rules in the fake API', () => {
  let gh: GitHubFake;
  let github: GitHubModule;
  let restoreEnv: () => void;
  const repo = { owner: 'acme', repo: 'podcast-pipeline' };
  const as = (token: string) => github.getOctokit(token, { baseUrl: gh.url });

  beforeAll(async () => {
    gh = await startGitHubFake({
      repo: {
        fullName: 'acme/podcast-pipeline',
        collaborators: { reader: 'read', outside: 'write' },
        orgMembers: { 'team-dev': { permission: 'write' }, 'public-dev': { permission: 'write', publicMembership: true }, 'org-reader': {} },
        contributors: ['team-dev', 'drive-by'],
        tokens: { ghp_teamdev: 'team-dev', ghp_outside: 'outside' },
        issues: [
          { number: 7, user: 'team-dev', body: 'thresholds' },
          { number: 8, user: 'public-dev' },
          { number: 9, user: 'drive-by', locked: true },
          { number: 10, user: 'outside' },
        ],
        pulls: [{ number: 12, user: 'team-dev', head: { ref: 'issue-7-faster' } }],
      },
      actions: new ActionsModel(),
    });
    restoreEnv = overlayEnv({ GITHUB_API_URL: gh.url });
    github = await import('@actions/github');
  });

  afterAll(async () => {
    restoreEnv?.();
    await gh?.stop();
  });

  it('a job token without the scope gets 403 "Resource not accessible by integration" naming the permissions that would do', async () => {
    const readOnly = as(gh.repo.mintToken({ contents: 'read', issues: 'read' }));
    expect((await readOnly.rest.issues.get({ ...repo, issue_number: 7 })).status).toBe(200);
    const refused = await failure(readOnly.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x' }));
    expect(refused).toMatchObject({ status: 403, message: expect.stringContaining('Resource not accessible by integration') as unknown });
    expect(refused.headers['x-accepted-github-permissions']).toBe('issues=write');
    // On a pull request either scope writes its conversation.
    const onPr = await failure(readOnly.rest.issues.createComment({ ...repo, issue_number: 12, body: 'x' }));
    expect(onPr.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write');
    const prWriter = as(gh.repo.mintToken({ 'pull-requests': 'write' }));
    expect((await prWriter.rest.issues.createComment({ ...repo, issue_number: 12, body: 'ok' })).status).toBe(201);
    expect((await failure(prWriter.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x' }))).status).toBe(403);
    // Artifacts of other runs need actions: read.
    expect((await failure(readOnly.rest.actions.listArtifactsForRepo(repo))).status).toBe(403);
  });

  it('author_association depends on the viewer: a private member with write access reads as CONTRIBUTOR to the job token', async () => {
    const jobToken = as(gh.repo.mintToken({ issues: 'read' }));
    const association = async (client: ReturnType<typeof as>, n: number) => (await client.rest.issues.get({ ...repo, issue_number: n })).data.author_association;
    expect(await association(jobToken, 7)).toBe('CONTRIBUTOR');
    expect(await association(jobToken, 8)).toBe('MEMBER');
    expect(await association(jobToken, 9)).toBe('CONTRIBUTOR');
    expect(await association(jobToken, 10)).toBe('COLLABORATOR');
    // A member's own token sees the membership.
    expect(await association(as('ghp_teamdev'), 7)).toBe('MEMBER');
    expect(await association(as('ghp_outside'), 7)).toBe('CONTRIBUTOR');
    // The permission endpoint tells the truth to any token (metadata: read).
    const level = async (username: string) => (await jobToken.rest.repos.getCollaboratorPermissionLevel({ ...repo, username })).data;
    expect(await level('team-dev')).toMatchObject({ permission: 'write', role_name: 'write' });
    expect(await level('org-reader')).toMatchObject({ permission: 'read' });
    expect(await level('reader')).toMatchObject({ permission: 'read' });
    expect(await level('drive-by')).toMatchObject({ permission: 'none' });
  });

  it('a locked conversation takes comments only with push access', async () => {
    const issuesWriter = as(gh.repo.mintToken({ issues: 'write', contents: 'read' }));
    const locked = await failure(issuesWriter.rest.issues.createComment({ ...repo, issue_number: 9, body: 'report' }));
    expect(locked).toMatchObject({ status: 403, message: expect.stringContaining('Unable to create comment because issue is locked') as unknown });
    expect(locked.headers['x-accepted-github-permissions']).toBeUndefined();
    const pusher = as(gh.repo.mintToken({ issues: 'write', contents: 'write' }));
    expect((await pusher.rest.issues.createComment({ ...repo, issue_number: 9, body: 'report' })).status).toBe(201);
  });

  it('refuses a comment body over 65,536 characters (422) and takes one of exactly that length', async () => {
    const client = as(gh.repo.mintToken({ issues: 'write' }));
    const tooLong = await failure(client.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x'.repeat(65_537) }));
    expect(tooLong).toMatchObject({ status: 422, message: expect.stringContaining('body is too long (maximum is 65536 characters)') as unknown });
    // Counted in characters: 65,536 astral characters are 131,072 UTF-16 units and still fit.
    expect((await client.rest.issues.createComment({ ...repo, issue_number: 7, body: '😀'.repeat(65_536) })).status).toBe(201);
  });

  it('drops the labels of a new issue silently without push access; labels can be created and added with issues: write', async () => {
    const client = as(gh.repo.mintToken({ issues: 'write', contents: 'read' }));
    const { data: created } = await client.rest.issues.create({ ...repo, title: 'Baseline drift', labels: ['optimization-gate-drift'] });
    expect(created.labels).toEqual([]);
    expect(gh.repo.labels.has('optimization-gate-drift')).toBe(false);
    expect((await failure(client.rest.issues.getLabel({ ...repo, name: 'optimization-gate-drift' }))).status).toBe(404);
    await client.rest.issues.createLabel({ ...repo, name: 'optimization-gate-drift' });
    expect((await failure(client.rest.issues.createLabel({ ...repo, name: 'optimization-gate-drift' }))).status).toBe(422);
    const { data: labels } = await client.rest.issues.addLabels({ ...repo, issue_number: created.number, labels: ['optimization-gate-drift'] });
    expect(labels.map((l) => l.name)).toEqual(['optimization-gate-drift']);
    const pusher = as(gh.repo.mintToken({ issues: 'write', contents: 'write' }));
    const { data: kept } = await pusher.rest.issues.create({ ...repo, title: 'with push', labels: ['optimization-gate-drift'] });
    expect(kept.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['optimization-gate-drift']);
  });

  it('an installation token cannot read GET /user; GraphQL viewer names the bot without [bot]', async () => {
    const jobToken = as(gh.repo.mintToken({}));
    expect(await failure(jobToken.rest.users.getAuthenticated())).toMatchObject({ status: 403, message: expect.stringContaining('Resource not accessible by integration') as unknown });
    expect(await jobToken.graphql<{ viewer: { login: string; __typename: string } }>('query { viewer { login __typename } }')).toEqual({
      viewer: { login: 'github-actions', __typename: 'Bot' },
    });
    expect((await as('ghp_teamdev').rest.users.getAuthenticated()).data.login).toBe('team-dev');
    const { data: comment } = await as(gh.repo.mintToken({ issues: 'write' })).rest.issues.createComment({ ...repo, issue_number: 7, body: 'x' });
    expect(comment.performed_via_github_app?.slug).toBe('github-actions');
  });
});
