/**
 * A loopback fake of the GitHub REST API for one repository: issues, issue comments, labels, pulls,
 * collaborator permissions, the authenticated user and GraphQL `viewer`, and the Actions endpoints
 * (runs, artifacts, artifact download redirect) over the shared ActionsModel. Every call is
 * recorded; unknown routes answer 404 and are recorded too. Works with `getOctokit(token, { baseUrl })`
 * and with `GITHUB_API_URL`. Who may call what follows GitHub's rules (github-model.ts, github-routes.ts).
 */
import type { ActionsModel } from './actions-model.js';
import type { BlobStore } from './azurite.js';
import { actionsRoutes } from './github-actions-routes.js';
import { dispatchRoutes } from './github-dispatch-routes.js';
import { GitData, gitRoutes } from './github-git-routes.js';
import { GitHubJson } from './github-json.js';
import { GitHubRepo, isBot, type Actor, type Comment, type RepoSpec } from './github-model.js';
import { notFound, repoRoutes, type Ctx, type Need } from './github-routes.js';
import { startRecordingServer, type FakeRequest, type FakeResponse, type RecordedCall, type RecordingServer } from './http-kit.js';

export interface StartGitHubFakeOptions {
  repo: RepoSpec;
  /** Shared with the results fake; without it the Actions endpoints answer 404. */
  actions?: ActionsModel;
  /** Needed for the artifact download redirect (a SAS URL of the artifact's blob). */
  blobs?: BlobStore;
}

export interface GitHubFake extends RecordingServer {
  readonly repo: GitHubRepo;
  /** GitHub-shaped JSON of the model (for event payloads that match what the API serves). */
  readonly json: GitHubJson;
  /** Current comments of an issue or PR, oldest first. */
  comments(issueNumber: number): Comment[];
  /** Branches, commits, trees and the pull requests opened through the git data API (github-git-routes.ts). */
  readonly git: GitData;
  /** Recorded calls whose `METHOD path` matches (e.g. `'POST /repos/o/r/issues/1/comments'`, or a RegExp). */
  callsTo(route: string | RegExp): RecordedCall[];
}

const DOCS = 'https://docs.github.com/rest';

/** `/repos/o/r/issues/{number}` → a RegExp with named groups (literal parts escaped). */
function compile(pattern: string): RegExp {
  const source = pattern
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** `x-accepted-github-permissions` names scopes as the REST API does (`pull_requests`). */
const acceptedHeader = (needs: readonly Need[]): string => needs.map(([scope, level]) => `${scope.replace('-', '_')}=${level}`).join('; ');

export async function startGitHubFake(options: StartGitHubFakeOptions): Promise<GitHubFake> {
  const repo = new GitHubRepo(options.repo);
  const { actions, blobs } = options;
  const json = new GitHubJson(repo, () => server.url);
  const git = new GitData(repo.defaultBranch);
  let requestCount = 0;
  const resetAt = Math.floor(Date.now() / 1000) + 3600;

  function paginate<T>(req: FakeRequest, items: readonly T[]): { page: T[]; link: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
    const pageNumber = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const pageUrl = (n: number): string => {
      const query = new URLSearchParams(req.query);
      query.set('per_page', String(perPage));
      query.set('page', String(n));
      return `<${server.url}${req.path}?${query.toString()}>`;
    };
    const links: string[] = [];
    if (pageNumber > 1) links.push(`${pageUrl(pageNumber - 1)}; rel="prev"`);
    if (pageNumber < last) links.push(`${pageUrl(pageNumber + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`);
    if (pageNumber > 1) links.push(`${pageUrl(1)}; rel="first"`);
    return { page: items.slice((pageNumber - 1) * perPage, pageNumber * perPage), link: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  const routes = [...repoRoutes(repo, json, paginate), ...gitRoutes(git, repo, json), ...(actions ? [...actionsRoutes(actions, json, paginate, blobs), ...dispatchRoutes(actions, repo)] : [])].map(
    (route) => ({
      ...route,
      regex: compile(`/repos/${repo.owner}/${repo.name}${route.pattern}`),
    }),
  );

  /** Routes outside the repository: the authenticated user and GraphQL's `viewer`. */
  function rootRoute(req: FakeRequest, actor: Actor | undefined): FakeResponse | undefined {
    if (req.method === 'GET' && req.path === '/user') {
      if (actor === undefined) return { status: 401, json: { message: 'Requires authentication', documentation_url: DOCS, status: '401' } };
      // An installation token (a job's GITHUB_TOKEN, a GitHub App) has no user to show.
      if (actor.kind === 'installation') {
        return { status: 403, json: { message: 'Resource not accessible by integration', documentation_url: `${DOCS}/users/users#get-the-authenticated-user`, status: '403' } };
      }
      return { status: 200, json: json.user(actor.login) };
    }
    if (req.method === 'POST' && req.path === '/graphql') {
      const query = (req.json as { query?: unknown } | undefined)?.query;
      if (actor === undefined) return { status: 401, json: { message: 'This endpoint requires you to be authenticated.', documentation_url: DOCS } };
      if (typeof query !== 'string' || !/\bviewer\b/.test(query)) return { status: 200, json: { errors: [{ message: 'only `viewer { login }` is modelled by the fake' }] } };
      // GraphQL names a bot without the `[bot]` suffix REST adds.
      return { status: 200, json: { data: { viewer: { login: actor.login.replace(/\[bot\]$/, ''), __typename: isBot(actor.login) ? 'Bot' : 'User' } } } };
    }
    return undefined;
  }

  function handle(req: FakeRequest, note: Record<string, unknown>): FakeResponse | Promise<FakeResponse> {
    requestCount += 1;
    let actor: Actor | undefined;
    if (req.auth !== undefined) {
      actor = repo.actorOf(req.auth);
      if (actor === undefined) return { status: 401, json: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
      note.actor = actor.login;
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { status: 401, json: { message: 'Requires authentication', documentation_url: DOCS, status: '401' } };
    } else if (repo.private) {
      return notFound();
    }
    const root = rootRoute(req, actor);
    if (root !== undefined) return root;
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const match = route.regex.exec(req.path);
      if (match === null) continue;
      note.route = `${route.method} ${route.regex.source}`;
      const ctx: Ctx = { req, params: { ...(match.groups ?? {}) }, actor, note };
      const needs = typeof route.needs === 'function' ? route.needs(ctx) : (route.needs ?? []);
      if (needs.length > 0 && !needs.some(([scope, level]) => repo.allows(actor, scope, level))) {
        // What GitHub answers a token without the scope (a job whose `permissions:` left it out).
        return {
          status: 403,
          headers: actor?.kind === 'installation' ? { 'x-accepted-github-permissions': acceptedHeader(needs) } : {},
          json: { message: actor?.kind === 'installation' ? 'Resource not accessible by integration' : 'Must have admin rights to Repository.', documentation_url: DOCS, status: '403' },
        };
      }
      return route.handler(ctx);
    }
    return notFound();
  }

  const server = await startRecordingServer({
    name: 'github',
    handle,
    faultBody: (status) => ({ message: status >= 500 ? 'Server Error' : `Error ${status}`, documentation_url: DOCS }),
    commonHeaders: () => ({
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `FAKE:${requestCount}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - requestCount)),
      'x-ratelimit-used': String(requestCount),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': 'core',
    }),
  });

  return {
    ...server,
    repo,
    json,
    git,
    comments: (issueNumber) => repo.commentsOf(issueNumber),
    callsTo(route) {
      return server.calls.filter((c) => (typeof route === 'string' ? `${c.method} ${c.path}` === route : route.test(`${c.method} ${c.path}`)));
    },
  };
}
