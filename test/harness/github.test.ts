/**
 * The real @actions/github Octokit against the fake GitHub API: issues, paginated comments,
 * create / edit / delete, pulls (fork or not), permissions, recorded calls, injected faults, and
 * GITHUB_API_URL as the base URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startGitHubFake, type GitHubFake } from '../fakes/index.js';
import { overlayEnv } from './in-process.js';

type GitHubModule = typeof import('@actions/github');
type Octokit = ReturnType<GitHubModule['getOctokit']>;

const ISSUE_BODY = '## Objective\nCut wall time.\n\n```optimization-gate\nthresholds:\n  profile.totals.wall_time_s: "<= -20%"\n```\n';

/** The status and headers of a failed Octokit call (a RequestError). */
async function failure(call: Promise<unknown>): Promise<{ status: number; headers: Record<string, string | undefined> }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status: number; response?: { headers: Record<string, string | undefined> } };
    return { status: e.status, headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the call to fail');
}

describe('Octokit against the fake GitHub API', () => {
  let gh: GitHubFake;
  let github: GitHubModule;
  let octokit: Octokit;
  let restoreEnv: () => void;
  const repo = { owner: 'acme', repo: 'podcast-pipeline' };

  beforeAll(async () => {
    gh = await startGitHubFake({
      repo: {
        fullName: 'acme/podcast-pipeline',
        collaborators: { maintainer: 'maintain', reader: 'read' },
        tokens: { ghs_job: 'github-actions[bot]', ghp_maint: 'maintainer' },
        issues: [
          {
            number: 7,
            title: 'Faster transcription',
            body: ISSUE_BODY,
            user: 'maintainer',
            labels: ['optimization'],
            comments: Array.from({ length: 5 }, (_, i) => ({ body: `run ${i + 1}`, user: 'github-actions[bot]' })),
          },
        ],
        pulls: [
          { number: 12, title: 'Batch ASR', user: 'maintainer', head: { ref: 'opt/batch-asr' }, base: { ref: 'main' }, body: 'Closes #7' },
          { number: 13, title: 'Fork PR', user: 'stranger', head: { ref: 'patch-1', repo: 'stranger/podcast-pipeline' } },
        ],
      },
    });
    // @actions/github reads GITHUB_API_URL once, when first imported: set it before.
    restoreEnv = overlayEnv({ GITHUB_API_URL: gh.url });
    github = await import('@actions/github');
    octokit = github.getOctokit('ghs_job');
  });

  afterAll(async () => {
    restoreEnv?.();
    await gh?.stop();
  });

  it('serves an issue with its author association and labels, via GITHUB_API_URL', async () => {
    const { data } = await octokit.rest.issues.get({ ...repo, issue_number: 7 });
    expect(data).toMatchObject({
      number: 7,
      title: 'Faster transcription',
      body: ISSUE_BODY,
      user: { login: 'maintainer', type: 'User' },
      author_association: 'COLLABORATOR',
      html_url: 'https://github.com/acme/podcast-pipeline/issues/7',
    });
    expect(data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['optimization']);
    const [call] = gh.callsTo('GET /repos/acme/podcast-pipeline/issues/7');
    expect(call).toMatchObject({ status: 200, auth: 'ghs_job' });
    expect(call?.headers.authorization).toBe('token ghs_job');
  });

  it('paginates comments with Link headers, then creates, edits and deletes one', async () => {
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 7, per_page: 2 });
    expect(all.map((c) => c.body)).toEqual(['run 1', 'run 2', 'run 3', 'run 4', 'run 5']);
    const pages = gh.callsTo('GET /repos/acme/podcast-pipeline/issues/7/comments');
    expect(pages.map((c) => c.query.page ?? '1')).toEqual(['1', '2', '3']);

    const { data: created, status } = await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: '<!-- og -->\nship' });
    expect(status).toBe(201);
    expect(created).toMatchObject({ body: '<!-- og -->\nship', user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(created.html_url).toBe(`https://github.com/acme/podcast-pipeline/issues/7#issuecomment-${created.id}`);

    const { data: edited } = await octokit.rest.issues.updateComment({ ...repo, comment_id: created.id, body: '<!-- og -->\niterate' });
    expect(edited.body).toBe('<!-- og -->\niterate');
    expect(gh.comments(7).at(-1)?.body).toBe('<!-- og -->\niterate');
    expect(gh.callsTo(`PATCH /repos/acme/podcast-pipeline/issues/comments/${created.id}`)[0]?.body).toEqual({ body: '<!-- og -->\niterate' });

    await octokit.rest.issues.deleteComment({ ...repo, comment_id: created.id });
    expect(gh.comments(7)).toHaveLength(5);
  });

  it('serves pulls with head/base refs, telling fork PRs from same-repo ones', async () => {
    const { data: same } = await octokit.rest.pulls.get({ ...repo, pull_number: 12 });
    expect(same).toMatchObject({ head: { ref: 'opt/batch-asr', repo: { full_name: 'acme/podcast-pipeline', fork: false } }, base: { ref: 'main' } });
    const { data: fork } = await octokit.rest.pulls.get({ ...repo, pull_number: 13 });
    expect(fork).toMatchObject({ head: { repo: { full_name: 'stranger/podcast-pipeline', fork: true } }, author_association: 'NONE' });
    const { data: asIssue } = await octokit.rest.issues.get({ ...repo, issue_number: 12 });
    expect(asIssue.pull_request?.html_url).toBe('https://github.com/acme/podcast-pipeline/pull/12');
  });

  it('answers collaborator permissions and a recorded 404 for anything else', async () => {
    const permission = async (username: string) => (await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username })).data;
    expect(await permission('maintainer')).toMatchObject({ permission: 'write', role_name: 'maintain' });
    expect((await permission('acme')).permission).toBe('admin');
    expect((await permission('stranger')).permission).toBe('none');
    expect((await failure(octokit.rest.repos.listBranches(repo))).status).toBe(404);
    expect(gh.callsTo('GET /repos/acme/podcast-pipeline/branches')[0]?.status).toBe(404);
  });

  it('refuses unknown tokens and unauthenticated writes', async () => {
    const stranger = github.getOctokit('ghp_unknown', { baseUrl: gh.url });
    expect((await failure(stranger.rest.issues.get({ ...repo, issue_number: 7 }))).status).toBe(401);
    const asMaintainer = github.getOctokit('ghp_maint', { baseUrl: gh.url });
    const { data } = await asMaintainer.rest.issues.createComment({ ...repo, issue_number: 7, body: 'by hand' });
    expect(data).toMatchObject({ user: { login: 'maintainer' }, author_association: 'COLLABORATOR' });
  });

  it('injects 500 then success, 429 with retry-after, 403 primary rate limits and dropped connections, all recorded', async () => {
    const route = { method: 'GET', path: '/repos/acme/podcast-pipeline/issues/*' };
    gh.failNext(route, faults.serverError());
    expect((await failure(octokit.rest.issues.get({ ...repo, issue_number: 7 }))).status).toBe(500);
    expect((await octokit.rest.issues.get({ ...repo, issue_number: 7 })).status).toBe(200);

    gh.failNext(route, faults.tooManyRequests(2));
    const limited = await failure(octokit.rest.issues.get({ ...repo, issue_number: 7 }));
    expect(limited).toMatchObject({ status: 429, headers: { 'retry-after': '2' } });

    gh.failNext(route, faults.rateLimited(60));
    const primary = await failure(octokit.rest.issues.get({ ...repo, issue_number: 7 }));
    expect(primary.status).toBe(403);
    expect(primary.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(primary.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);

    gh.failNext(route, faults.drop());
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 7 })).rejects.toThrow();

    expect((await octokit.rest.issues.get({ ...repo, issue_number: 7 })).status).toBe(200);
    const recorded = gh.callsTo('GET /repos/acme/podcast-pipeline/issues/7').slice(-6);
    expect(recorded.map((c) => [c.status, c.fault])).toEqual([
      [500, '500'],
      [200, undefined],
      [429, '429'],
      [403, '403'],
      [0, 'drop'],
      [200, undefined],
    ]);
  });
});
