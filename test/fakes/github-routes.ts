/**
 * Routes of the fake GitHub REST API under `/repos/{owner}/{repo}`: issues (list, create, read),
 * issue comments, labels, pulls, collaborator permissions. Each route names the token scopes it
 * needs (any one of the alternatives); the server answers 403 "Resource not accessible by
 * integration" with `x-accepted-github-permissions` when the caller's token has none of them.
 * GitHub's documented rules are applied here: labels on a new issue are dropped silently unless
 * the caller has push access; a locked conversation takes comments only from actors with push
 * access; a comment body is at most 65,536 characters.
 */
import type { GitHubJson } from './github-json.js';
import { DEFAULT_ACTOR, type Actor, type Comment, type GitHubRepo, type Issue, type TokenScope } from './github-model.js';
import type { FakeRequest, FakeResponse } from './http-kit.js';

export type Params = Record<string, string>;
export interface Ctx {
  req: FakeRequest;
  params: Params;
  actor: Actor | undefined;
  note: Record<string, unknown>;
}
export type Handler = (ctx: Ctx) => FakeResponse | Promise<FakeResponse>;
export type Need = readonly [TokenScope, 'read' | 'write'];

export interface RouteSpec {
  method: string;
  /** Under `/repos/{owner}/{repo}`; `{name}` matches one path segment. */
  pattern: string;
  /** Scopes a token needs, any one of them; a function when it depends on the target (issue or PR). */
  needs?: readonly Need[] | ((ctx: Ctx) => readonly Need[]);
  handler: Handler;
}

/** GitHub's maximum comment (and issue body) length, in characters. */
export const MAX_BODY_CHARS = 65_536;
const DOCS = 'https://docs.github.com/rest';

export const notFound = (): FakeResponse => ({ status: 404, json: { message: 'Not Found', documentation_url: DOCS, status: '404' } });
export const unprocessable = (message: string, errors?: unknown[]): FakeResponse => ({
  status: 422,
  json: { message, ...(errors ? { errors } : {}), documentation_url: DOCS, status: '422' },
});

const bodyTooLong = (resource: string): FakeResponse =>
  unprocessable('Validation Failed', [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)` }]);

/** Characters as GitHub counts them (code points, not UTF-16 units). */
const characters = (text: string): number => [...text].length;

export function repoRoutes(repo: GitHubRepo, json: GitHubJson, paginate: <T>(req: FakeRequest, items: readonly T[]) => { page: T[]; link: Record<string, string> }): RouteSpec[] {
  const issueOf = (params: Params): Issue | undefined => repo.issues.get(Number(params.number));
  const commentOf = (params: Params): Comment | undefined => repo.comments.find((c) => c.id === Number(params.id));
  const bodyText = (req: FakeRequest): string | undefined => {
    const body = (req.json as { body?: unknown } | undefined)?.body;
    return typeof body === 'string' ? body : undefined;
  };
  /** Issues need the issues scope; a pull request's conversation takes either. */
  const onConversation = (issue: Issue | undefined, level: 'read' | 'write'): readonly Need[] =>
    issue?.pull === undefined
      ? [['issues', level]]
      : [
          ['issues', level],
          ['pull-requests', level],
        ];
  const locked = (): FakeResponse => ({
    status: 403,
    json: { message: 'Unable to create comment because issue is locked.', documentation_url: 'https://docs.github.com/articles/locking-conversations/', status: '403' },
  });
  const labelsOf = (req: FakeRequest): string[] => {
    const labels = (req.json as { labels?: unknown } | undefined)?.labels;
    return Array.isArray(labels) ? labels.map((l) => (typeof l === 'string' ? l : (l as { name?: string })?.name)).filter((l): l is string => typeof l === 'string') : [];
  };

  return [
    { method: 'GET', pattern: '', needs: [['metadata', 'read']], handler: () => ({ status: 200, json: json.repository() }) },
    {
      method: 'GET',
      pattern: '/issues',
      needs: [['issues', 'read']],
      handler: ({ req, actor }) => {
        // List issues and PRs: state (default open), labels (all must match), creator, newest first.
        const state = req.query.get('state') ?? 'open';
        const labels = (req.query.get('labels') ?? '')
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean);
        const creator = req.query.get('creator');
        const found = [...repo.issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => labels.every((l) => i.labels.includes(l)))
          .filter((i) => creator === null || i.user === creator)
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number);
        const { page, link } = paginate(req, found);
        return { status: 200, headers: link, json: page.map((i) => json.issue(i, actor)) };
      },
    },
    {
      method: 'POST',
      pattern: '/issues',
      needs: [['issues', 'write']],
      handler: ({ req, actor }) => {
        const spec = req.json as { title?: unknown; body?: unknown } | undefined;
        if (typeof spec?.title !== 'string') return unprocessable('Invalid request.\n\n"title" wasn\'t supplied.');
        if (typeof spec.body === 'string' && characters(spec.body) > MAX_BODY_CHARS) return bodyTooLong('Issue');
        const number = Math.max(0, ...repo.issues.keys()) + 1;
        const issue = repo.addIssue({
          number,
          title: spec.title,
          body: typeof spec.body === 'string' ? spec.body : null,
          user: actor?.login ?? DEFAULT_ACTOR,
          // "Only users with push access can set labels for new issues. Labels are silently dropped otherwise."
          labels: repo.hasPush(actor) ? labelsOf(req) : [],
        });
        return { status: 201, json: json.issue(issue, actor) };
      },
    },
    {
      method: 'GET',
      pattern: '/issues/{number}',
      needs: (ctx) => onConversation(issueOf(ctx.params), 'read'),
      handler: ({ params, actor }) => {
        const issue = issueOf(params);
        return issue === undefined ? notFound() : { status: 200, json: json.issue(issue, actor) };
      },
    },
    {
      method: 'GET',
      pattern: '/issues/{number}/comments',
      needs: (ctx) => onConversation(issueOf(ctx.params), 'read'),
      handler: ({ req, params, actor }) => {
        if (issueOf(params) === undefined) return notFound();
        const { page, link } = paginate(req, repo.commentsOf(Number(params.number)));
        return { status: 200, headers: link, json: page.map((c) => json.comment(c, actor)) };
      },
    },
    {
      method: 'POST',
      pattern: '/issues/{number}/comments',
      needs: (ctx) => onConversation(issueOf(ctx.params), 'write'),
      handler: ({ req, params, actor }) => {
        const issue = issueOf(params);
        if (issue === undefined) return notFound();
        const body = bodyText(req);
        if (body === undefined) return unprocessable('Invalid request.\n\n"body" wasn\'t supplied.');
        if (characters(body) > MAX_BODY_CHARS) return bodyTooLong('IssueComment');
        if (issue.locked && !repo.hasPush(actor)) return locked();
        return { status: 201, json: json.comment(repo.addComment(issue.number, body, actor?.login ?? DEFAULT_ACTOR), actor) };
      },
    },
    {
      method: 'POST',
      pattern: '/issues/{number}/labels',
      needs: (ctx) => onConversation(issueOf(ctx.params), 'write'),
      handler: ({ req, params }) => {
        const issue = issueOf(params);
        if (issue === undefined) return notFound();
        const wanted = labelsOf(req);
        if (wanted.length === 0) return unprocessable('Invalid request.\n\n"labels" wasn\'t supplied.');
        for (const label of wanted) {
          repo.labels.add(label);
          if (!issue.labels.includes(label)) issue.labels.push(label);
        }
        return { status: 200, json: issue.labels.map((l) => json.label(l)) };
      },
    },
    {
      method: 'GET',
      pattern: '/issues/comments/{id}',
      needs: (ctx) => onConversation(repo.issues.get(commentOf(ctx.params)?.issueNumber ?? -1), 'read'),
      handler: ({ params, actor }) => {
        const comment = commentOf(params);
        return comment === undefined ? notFound() : { status: 200, json: json.comment(comment, actor) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/issues/comments/{id}',
      needs: (ctx) => onConversation(repo.issues.get(commentOf(ctx.params)?.issueNumber ?? -1), 'write'),
      handler: ({ req, params, actor }) => {
        const comment = commentOf(params);
        if (comment === undefined) return notFound();
        const body = bodyText(req);
        if (body === undefined) return unprocessable('Invalid request.\n\n"body" wasn\'t supplied.');
        if (characters(body) > MAX_BODY_CHARS) return bodyTooLong('IssueComment');
        comment.body = body;
        comment.updatedAt = new Date();
        return { status: 200, json: json.comment(comment, actor) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/issues/comments/{id}',
      needs: (ctx) => onConversation(repo.issues.get(commentOf(ctx.params)?.issueNumber ?? -1), 'write'),
      handler: ({ params }) => {
        const comment = commentOf(params);
        if (comment === undefined) return notFound();
        repo.comments.splice(repo.comments.indexOf(comment), 1);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/labels/{name}',
      needs: [
        ['issues', 'read'],
        ['pull-requests', 'read'],
      ],
      handler: ({ params }) => {
        const name = decodeURIComponent(params.name!);
        return repo.labels.has(name) ? { status: 200, json: json.label(name) } : notFound();
      },
    },
    {
      method: 'POST',
      pattern: '/labels',
      needs: [['issues', 'write']],
      handler: ({ req }) => {
        const name = (req.json as { name?: unknown } | undefined)?.name;
        if (typeof name !== 'string' || name === '') return unprocessable('Invalid request.\n\n"name" wasn\'t supplied.');
        if (repo.labels.has(name)) return unprocessable('Validation Failed', [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
        repo.labels.add(name);
        return { status: 201, json: json.label(name) };
      },
    },
    {
      method: 'GET',
      pattern: '/pulls/{number}',
      needs: [['pull-requests', 'read']],
      handler: ({ params, actor }) => {
        const issue = issueOf(params);
        return issue?.pull === undefined ? notFound() : { status: 200, json: json.pull(issue, actor) };
      },
    },
    {
      method: 'GET',
      pattern: '/pulls',
      needs: [['pull-requests', 'read']],
      handler: ({ req, actor }) => {
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
        return { status: 200, headers: link, json: page.map((i) => json.pull(i, actor)) };
      },
    },
    {
      // "Get repository permissions for a user": metadata read, which every job token has.
      method: 'GET',
      pattern: '/collaborators/{user}/permission',
      needs: [['metadata', 'read']],
      handler: ({ params }) => {
        const login = decodeURIComponent(params.user!);
        const permission = repo.permissionOf(login);
        const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
        return { status: 200, json: { permission: legacy, role_name: permission, user: json.user(login) } };
      },
    },
    {
      method: 'GET',
      pattern: '/compare/{basehead}',
      needs: [['contents', 'read']],
      handler: ({ params }) => {
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
      },
    },
  ];
}
