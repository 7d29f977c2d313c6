/**
 * The git data API and "Create a pull request" of the fake GitHub REST API, as GitHub documents them
 * (docs.github.com/rest/git/…, /rest/pulls/pulls#create-a-pull-request):
 * - `GET /git/ref/heads/{branch}`, `GET /git/commits/{sha}`; `POST /git/blobs` ({content, encoding
 *   utf-8|base64}, 201 {sha}), `POST /git/trees` ({base_tree?, tree[{path, mode, type, sha}]}, 201),
 *   `POST /git/commits` ({message, tree, parents}, 201), `POST /git/refs` ({ref: refs/heads/…, sha},
 *   201; 422 "Reference already exists" for an existing ref), `PATCH /git/refs/heads/{branch}` ({sha,
 *   force}; 422 "Update is not a fast forward" without force): `contents: write` (reads: `contents: read`);
 * - `POST /pulls` ({title, head, base, body}): `pull-requests: write`; 403 "GitHub Actions is not permitted
 *   to create or approve pull requests." for a job's token when the repository setting "Allow GitHub Actions
 *   to create and approve pull requests" is off (the default of a new personal repository); 422 "A pull
 *   request already exists for owner:branch." for an open one from the same head.
 * - `GET /contents/{path}?ref=` (`contents: read`): a file at a ref (branch or commit) with its git
 *   blob sha, 404 when absent; the files are what a test sets (`repo.setFile`).
 * Objects are content-addressed like git (sha1 of the object), so a re-run creates the same blob shas.
 * `GitData` keeps the branches (tip and each commit's full tree) and the pull requests it opened.
 */
import { createHash } from 'node:crypto';
import type { GitHubJson } from './github-json.js';
import type { GitHubRepo } from './github-model.js';
import { notFound, unprocessable, type RouteSpec } from './github-routes.js';

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export interface OpenedPull {
  number: number;
  title: string;
  head: string;
  base: string;
  body: string;
  actor: string;
}

export class GitData {
  readonly blobs = new Map<string, Buffer>();
  /** Tree sha → every file path of the tree (flattened) → blob sha. */
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, Commit>();
  /** Branch → tip commit sha. */
  readonly refs = new Map<string, string>();
  readonly pulls: OpenedPull[] = [];
  /** "Allow GitHub Actions to create and approve pull requests" (Settings → Actions → General). */
  actionsMayOpenPullRequests = true;

  constructor(defaultBranch: string) {
    const tree = this.hash('tree', '');
    this.trees.set(tree, new Map());
    const root: Commit = { sha: this.hash('commit', `root\n${tree}`), tree, parents: [], message: 'initial commit' };
    this.commits.set(root.sha, root);
    this.refs.set(defaultBranch, root.sha);
  }

  hash(kind: string, content: string | Buffer): string {
    return createHash('sha1').update(`${kind} ${content.length}\0`).update(content).digest('hex');
  }

  /** The files of a branch's tip: path → content. */
  filesOf(branch: string): Map<string, string> {
    const tip = this.commits.get(this.refs.get(branch) ?? '');
    const tree = tip ? this.trees.get(tip.tree) : undefined;
    return new Map([...(tree ?? new Map<string, string>())].map(([path, blob]) => [path, this.blobs.get(blob)?.toString('utf8') ?? '']));
  }
}

/** `heads%2Fa%2Fb` or `heads/a/b` → `a/b`. */
const branchOf = (ref: string): string | undefined => {
  const decoded = decodeURIComponent(ref);
  return decoded.startsWith('heads/') ? decoded.slice('heads/'.length) : undefined;
};

const created = (json: Record<string, unknown>) => ({ status: 201, json });

export function gitRoutes(git: GitData, repo: GitHubRepo, json: GitHubJson): RouteSpec[] {
  const api = `/repos/${repo.fullName}`;
  const commitJson = (c: Commit) => ({ sha: c.sha, url: `${api}/git/commits/${c.sha}`, message: c.message, tree: { sha: c.tree }, parents: c.parents.map((sha) => ({ sha })) });
  const refJson = (branch: string) => ({ ref: `refs/heads/${branch}`, object: { type: 'commit', sha: git.refs.get(branch), url: `${api}/git/commits/${git.refs.get(branch)}` } });
  const body = (raw: unknown): Record<string, unknown> => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {});
  return [
    // Octokit escapes the path's slashes (%2F); a client may also send them as they are.
    ...['/contents/{path}', '/contents/.github/workflows/{file}'].map((pattern): RouteSpec => ({
      method: 'GET',
      pattern,
      needs: [['contents', 'read']],
      handler: ({ params, req }) => {
        const path = params.path !== undefined ? decodeURIComponent(params.path) : `.github/workflows/${decodeURIComponent(params.file!)}`;
        const content = repo.files.get(req.query.get('ref') ?? repo.defaultBranch)?.get(path);
        if (content === undefined) return notFound();
        const bytes = Buffer.from(content);
        return { status: 200, json: { type: 'file', name: path.split('/').at(-1), path, sha: git.hash('blob', bytes), size: bytes.length, encoding: 'base64', content: bytes.toString('base64') } };
      },
    })),
    {
      method: 'GET',
      // Clients send `heads/<branch>` with its slash escaped (%2F) or not.
      pattern: '/git/ref/{ref}',
      needs: [['contents', 'read']],
      handler: ({ params }) => {
        const branch = branchOf(params.ref!);
        return branch !== undefined && git.refs.has(branch) ? { status: 200, json: refJson(branch) } : notFound();
      },
    },
    {
      method: 'GET',
      pattern: '/git/commits/{sha}',
      needs: [['contents', 'read']],
      handler: ({ params }) => {
        const commit = git.commits.get(params.sha!);
        return commit ? { status: 200, json: commitJson(commit) } : notFound();
      },
    },
    {
      method: 'POST',
      pattern: '/git/blobs',
      needs: [['contents', 'write']],
      handler: ({ req }) => {
        const { content, encoding = 'utf-8' } = body(req.json);
        if (typeof content !== 'string') return unprocessable('Invalid request.\n\n"content" wasn\'t supplied.');
        if (encoding !== 'utf-8' && encoding !== 'base64') return unprocessable(`encoding must be utf-8 or base64`);
        const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
        const sha = git.hash('blob', bytes);
        git.blobs.set(sha, bytes);
        return created({ sha, url: `${api}/git/blobs/${sha}` });
      },
    },
    {
      method: 'POST',
      pattern: '/git/trees',
      needs: [['contents', 'write']],
      handler: ({ req }) => {
        const { base_tree: baseTree, tree } = body(req.json);
        if (!Array.isArray(tree)) return unprocessable('Invalid request.\n\n"tree" wasn\'t supplied.');
        const files = new Map(typeof baseTree === 'string' ? (git.trees.get(baseTree) ?? []) : []);
        if (typeof baseTree === 'string' && !git.trees.has(baseTree)) return unprocessable('base_tree is not a valid tree oid');
        for (const entry of tree as Array<Record<string, unknown>>) {
          const { path, mode, type, sha } = entry;
          if (typeof path !== 'string' || path.startsWith('/') || path.split('/').some((s) => s === '' || s === '.' || s === '..'))
            return unprocessable(`tree.path contains a malformed path component`);
          if (type !== 'blob' || mode !== '100644' || typeof sha !== 'string' || !git.blobs.has(sha)) return unprocessable('tree.sha is not a valid blob');
          files.set(path, sha);
        }
        const sha = git.hash(
          'tree',
          [...files]
            .sort()
            .map(([p, s]) => `${p} ${s}`)
            .join('\n'),
        );
        git.trees.set(sha, files);
        return created({ sha, url: `${api}/git/trees/${sha}`, tree: [...files].map(([path, blob]) => ({ path, mode: '100644', type: 'blob', sha: blob })), truncated: false });
      },
    },
    {
      method: 'POST',
      pattern: '/git/commits',
      needs: [['contents', 'write']],
      handler: ({ req }) => {
        const { message, tree, parents } = body(req.json);
        if (typeof message !== 'string' || typeof tree !== 'string' || !git.trees.has(tree)) return unprocessable('Invalid request.\n\n"tree" or "message" is not valid.');
        const list = Array.isArray(parents) ? parents.filter((p): p is string => typeof p === 'string') : [];
        if (list.some((p) => !git.commits.has(p))) return unprocessable('Parent SHA does not exist or is not a commit object');
        const commit: Commit = { sha: git.hash('commit', `${tree}\n${list.join(' ')}\n${message}\n${git.commits.size}`), tree, parents: list, message };
        git.commits.set(commit.sha, commit);
        return created(commitJson(commit));
      },
    },
    {
      method: 'POST',
      pattern: '/git/refs',
      needs: [['contents', 'write']],
      handler: ({ req }) => {
        const { ref, sha } = body(req.json);
        if (typeof ref !== 'string' || !/^refs\/heads\/.+/.test(ref) || typeof sha !== 'string') return unprocessable('Invalid request.');
        if (!git.commits.has(sha)) return unprocessable('Object does not exist');
        const branch = ref.slice('refs/heads/'.length);
        if (git.refs.has(branch)) return unprocessable('Reference already exists');
        git.refs.set(branch, sha);
        return created(refJson(branch));
      },
    },
    {
      method: 'PATCH',
      pattern: '/git/refs/{ref}',
      needs: [['contents', 'write']],
      handler: ({ req, params }) => {
        const branch = branchOf(params.ref!) ?? '';
        const { sha, force } = body(req.json);
        if (!git.refs.has(branch)) return unprocessable('Reference does not exist');
        if (typeof sha !== 'string' || !git.commits.has(sha)) return unprocessable('Object does not exist');
        if (force !== true && !git.commits.get(sha)!.parents.includes(git.refs.get(branch)!)) return unprocessable('Update is not a fast forward');
        git.refs.set(branch, sha);
        return { status: 200, json: refJson(branch) };
      },
    },
    {
      method: 'POST',
      pattern: '/pulls',
      needs: [['pull-requests', 'write']],
      handler: ({ req, actor }) => {
        const { title, head, base, body: text } = body(req.json);
        if (actor?.kind === 'installation' && !git.actionsMayOpenPullRequests) {
          return {
            status: 403,
            json: {
              message: 'GitHub Actions is not permitted to create or approve pull requests.',
              documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
              status: '403',
            },
          };
        }
        if (typeof title !== 'string' || typeof head !== 'string' || typeof base !== 'string') return unprocessable('Validation Failed', [{ resource: 'PullRequest', code: 'missing_field' }]);
        const branch = head.includes(':') ? head.split(':')[1]! : head;
        if (!git.refs.has(branch)) return unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
        if ([...repo.issues.values()].some((i) => i.pull?.head.ref === branch && i.state === 'open')) {
          return unprocessable('Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${branch}.` }]);
        }
        const number = Math.max(0, ...repo.issues.keys()) + 1;
        const issue = repo.addPull({
          number,
          title,
          body: typeof text === 'string' ? text : '',
          user: actor?.login ?? 'github-actions[bot]',
          head: { ref: branch, sha: git.refs.get(branch)! },
          base: { ref: base, sha: git.refs.get(base) ?? '' },
        });
        git.pulls.push({ number, title, head: branch, base, body: typeof text === 'string' ? text : '', actor: actor?.login ?? '' });
        return created(json.pull(issue, actor));
      },
    },
  ];
}
