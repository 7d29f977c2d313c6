/**
 * A loopback fake of the GitHub REST API for one repository: issues, issue comments, pulls,
 * collaborator permissions, and the Actions endpoints (runs, artifacts, artifact download
 * redirect) over the shared ActionsModel. Every call is recorded; unknown routes answer 404 and
 * are recorded too. Works with `getOctokit(token, { baseUrl })` and with `GITHUB_API_URL`.
 */
import type { ActionsModel } from './actions-model.js';
import type { BlobStore } from './azurite.js';
import { GitHubJson, GitHubRepo, DEFAULT_ACTOR, type Comment, type Issue, type RepoSpec } from './github-model.js';
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
  /** Recorded calls whose `METHOD path` matches (e.g. `'POST /repos/o/r/issues/1/comments'`, or a RegExp). */
  callsTo(route: string | RegExp): RecordedCall[];
}

type Params = Record<string, string>;
interface Ctx {
  req: FakeRequest;
  params: Params;
  actor: string | undefined;
  note: Record<string, unknown>;
}
type Handler = (ctx: Ctx) => FakeResponse | Promise<FakeResponse>;

const notFound = (): FakeResponse => ({
  status: 404,
  json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
});
const unprocessable = (message: string): FakeResponse => ({
  status: 422,
  json: { message, documentation_url: 'https://docs.github.com/rest', status: '422' },
});

/** `/repos/o/r/issues/{number}` → a RegExp with named groups (literal parts escaped). */
function compile(pattern: string): RegExp {
  const source = pattern
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

export async function startGitHubFake(options: StartGitHubFakeOptions): Promise<GitHubFake> {
  const repo = new GitHubRepo(options.repo);
  const { actions, blobs } = options;
  const json = new GitHubJson(repo, () => server.url);
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

  function issueOf(params: Params): Issue | undefined {
    return repo.issues.get(Number(params.number));
  }

  function commentOf(params: Params): Comment | undefined {
    return repo.comments.find((c) => c.id === Number(params.id));
  }

  function bodyText(req: FakeRequest): string | undefined {
    const body = (req.json as { body?: unknown } | undefined)?.body;
    return typeof body === 'string' ? body : undefined;
  }

  const repoRoutes: [string, string, Handler][] = [
    ['GET', '', () => ({ status: 200, json: json.repository() })],
    ['GET', '/issues', ({ req }) => {
      // List issues and PRs: state (default open), labels (all must match), newest first.
      const state = req.query.get('state') ?? 'open';
      const labels = (req.query.get('labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean);
      const found = [...repo.issues.values()]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number);
      const { page, link } = paginate(req, found);
      return { status: 200, headers: link, json: page.map((i) => json.issue(i)) };
    }],
    ['POST', '/issues', ({ req, actor }) => {
      const spec = req.json as { title?: unknown; body?: unknown; labels?: unknown } | undefined;
      if (typeof spec?.title !== 'string') return unprocessable('Invalid request.\n\n"title" wasn\'t supplied.');
      const number = Math.max(0, ...repo.issues.keys()) + 1;
      const issue = repo.addIssue({
        number,
        title: spec.title,
        body: typeof spec.body === 'string' ? spec.body : null,
        user: actor ?? DEFAULT_ACTOR,
        labels: Array.isArray(spec.labels) ? spec.labels.filter((l): l is string => typeof l === 'string') : [],
      });
      return { status: 201, json: json.issue(issue) };
    }],
    ['GET', '/issues/{number}', ({ params }) => {
      const issue = issueOf(params);
      return issue === undefined ? notFound() : { status: 200, json: json.issue(issue) };
    }],
    ['GET', '/issues/{number}/comments', ({ req, params }) => {
      if (issueOf(params) === undefined) return notFound();
      const { page, link } = paginate(req, repo.commentsOf(Number(params.number)));
      return { status: 200, headers: link, json: page.map((c) => json.comment(c)) };
    }],
    ['POST', '/issues/{number}/comments', ({ req, params, actor }) => {
      if (issueOf(params) === undefined) return notFound();
      const body = bodyText(req);
      if (body === undefined) return unprocessable('Invalid request.\n\n"body" wasn\'t supplied.');
      return { status: 201, json: json.comment(repo.addComment(Number(params.number), body, actor ?? DEFAULT_ACTOR)) };
    }],
    ['GET', '/issues/comments/{id}', ({ params }) => {
      const comment = commentOf(params);
      return comment === undefined ? notFound() : { status: 200, json: json.comment(comment) };
    }],
    ['PATCH', '/issues/comments/{id}', ({ req, params }) => {
      const comment = commentOf(params);
      if (comment === undefined) return notFound();
      const body = bodyText(req);
      if (body === undefined) return unprocessable('Invalid request.\n\n"body" wasn\'t supplied.');
      comment.body = body;
      comment.updatedAt = new Date();
      return { status: 200, json: json.comment(comment) };
    }],
    ['DELETE', '/issues/comments/{id}', ({ params }) => {
      const comment = commentOf(params);
      if (comment === undefined) return notFound();
      repo.comments.splice(repo.comments.indexOf(comment), 1);
      return { status: 204 };
    }],
    ['GET', '/pulls/{number}', ({ params }) => {
      const issue = issueOf(params);
      return issue?.pull === undefined ? notFound() : { status: 200, json: json.pull(issue) };
    }],
    ['GET', '/pulls', ({ req }) => {
      const state = req.query.get('state') ?? 'open';
      const head = req.query.get('head');
      const base = req.query.get('base');
      const pulls = [...repo.issues.values()]
        .filter((i) => i.pull !== undefined)
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => head === null || `${i.pull!.head.repo.split('/')[0]}:${i.pull!.head.ref}` === head)
        .filter((i) => base === null || i.pull!.base.ref === base)
        .sort((a, b) => b.number - a.number);
      const { page, link } = paginate(req, pulls);
      return { status: 200, headers: link, json: page.map((i) => json.pull(i)) };
    }],
    ['GET', '/collaborators/{user}/permission', ({ params }) => {
      const login = decodeURIComponent(params.user!);
      const permission = repo.permissionOf(login);
      const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
      return { status: 200, json: { permission: legacy, role_name: permission, user: json.user(login) } };
    }],
    ['GET', '/compare/{basehead}', ({ params }) => {
      // `BASE...HEAD`: how HEAD relates to BASE, as GitHub answers (404 when either is unknown).
      const [base = '', head = ''] = decodeURIComponent(params.basehead!).split('...');
      const b = repo.historyOf(base);
      const h = repo.historyOf(head);
      if (b === undefined || h === undefined) return notFound();
      const tipB = b.at(-1)!;
      const tipH = h.at(-1)!;
      const ahead = h.includes(tipB) ? h.length - 1 - h.indexOf(tipB) : h.filter((c) => !b.includes(c)).length;
      const behind = b.includes(tipH) ? b.length - 1 - b.indexOf(tipH) : b.filter((c) => !h.includes(c)).length;
      const status = tipB === tipH ? 'identical' : behind === 0 ? 'ahead' : ahead === 0 ? 'behind' : 'diverged';
      return { status: 200, json: { status, ahead_by: ahead, behind_by: behind, total_commits: ahead, commits: [], files: [] } };
    }],
    ...actionsRoutes(),
  ];

  function actionsRoutes(): [string, string, Handler][] {
    if (actions === undefined) return [];
    const model = actions;
    const runsResponse = (req: FakeRequest, workflowId?: number): FakeResponse => {
      const q = (name: string): string | null => req.query.get(name);
      const status = q('status');
      const runs = model.runs
        .filter((r) => workflowId === undefined || r.workflowId === workflowId)
        .filter((r) => q('branch') === null || r.headBranch === q('branch'))
        .filter((r) => q('event') === null || r.event === q('event'))
        .filter((r) => q('actor') === null || r.actor === q('actor'))
        .filter((r) => q('head_sha') === null || r.headSha === q('head_sha'))
        .filter((r) => status === null || r.status === status || r.conclusion === status)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
      const { page, link } = paginate(req, runs);
      return { status: 200, headers: link, json: { total_count: runs.length, workflow_runs: page.map((r) => json.run(r)) } };
    };
    const artifactsResponse = (req: FakeRequest, runId?: number): FakeResponse => {
      const name = req.query.get('name');
      const list = model.artifacts
        .filter((a) => a.state === 'finalized')
        .filter((a) => runId === undefined || a.runId === runId)
        .filter((a) => name === null || a.name === name)
        .sort((a, b) => b.id - a.id);
      const { page, link } = paginate(req, list);
      return {
        status: 200,
        headers: link,
        json: { total_count: list.length, artifacts: page.map((a) => json.artifact(a, model.runById(a.runId))) },
      };
    };
    return [
      ['GET', '/actions/runs', ({ req }) => runsResponse(req)],
      ['GET', '/actions/workflows/{workflow}/runs', ({ req, params }) => {
        const id = model.workflowIdOf(decodeURIComponent(params.workflow!));
        return id === undefined ? notFound() : runsResponse(req, id);
      }],
      ['GET', '/actions/runs/{run}', ({ params }) => {
        const run = model.runById(Number(params.run));
        return run === undefined ? notFound() : { status: 200, json: json.run(run) };
      }],
      ['GET', '/actions/runs/{run}/artifacts', ({ req, params }) =>
        model.runById(Number(params.run)) === undefined ? notFound() : artifactsResponse(req, Number(params.run))],
      ['GET', '/actions/artifacts', ({ req }) => artifactsResponse(req)],
      ['GET', '/actions/artifacts/{id}', ({ params }) => {
        const artifact = model.artifactById(Number(params.id));
        return artifact === undefined ? notFound() : { status: 200, json: json.artifact(artifact, model.runById(artifact.runId)) };
      }],
      ['GET', '/actions/artifacts/{id}/{format}', ({ params, note }) => {
        const artifact = model.artifactById(Number(params.id));
        if (artifact === undefined || params.format !== 'zip' || blobs === undefined) return notFound();
        note.artifactId = artifact.id;
        return { status: 302, headers: { location: blobs.signedUrl(artifact.blobName, 'r', 60) } };
      }],
      ['DELETE', '/actions/artifacts/{id}', async ({ params }) => {
        const artifact = model.artifactById(Number(params.id));
        if (artifact === undefined) return notFound();
        await blobs?.delete(artifact.blobName);
        model.deleteArtifact(artifact.id);
        return { status: 204 };
      }],
    ];
  }

  const routes = repoRoutes.map(([method, pattern, handler]) => ({
    method,
    regex: compile(`/repos/${repo.owner}/${repo.name}${pattern}`),
    handler,
  }));

  function handle(req: FakeRequest, note: Record<string, unknown>): FakeResponse | Promise<FakeResponse> {
    requestCount += 1;
    let actor: string | undefined;
    if (req.auth !== undefined) {
      actor = repo.tokens === undefined ? DEFAULT_ACTOR : repo.tokens[req.auth];
      if (actor === undefined) return { status: 401, json: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
      note.actor = actor;
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { status: 401, json: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' } };
    } else if (repo.private) {
      return notFound();
    }
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const match = route.regex.exec(req.path);
      if (match === null) continue;
      note.route = `${route.method} ${route.regex.source}`;
      return route.handler({ req, params: { ...(match.groups ?? {}) }, actor, note });
    }
    return notFound();
  }

  const server = await startRecordingServer({
    name: 'github',
    handle,
    faultBody: (status) => ({ message: status >= 500 ? 'Server Error' : `Error ${status}`, documentation_url: 'https://docs.github.com/rest' }),
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
    comments: (issueNumber) => repo.commentsOf(issueNumber),
    callsTo(route) {
      return server.calls.filter((c) => (typeof route === 'string' ? `${c.method} ${c.path}` === route : route.test(`${c.method} ${c.path}`)));
    },
  };
}
