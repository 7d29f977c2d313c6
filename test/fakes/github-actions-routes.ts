/**
 * The Actions part of the fake GitHub REST API: workflow runs, their artifacts (the artifacts of
 * every attempt of a run, as the public API lists them by run id), the artifact download redirect
 * (410 Gone once the artifact expired) and deletion, over the shared ActionsModel.
 */
import type { ActionsModel } from './actions-model.js';
import type { BlobStore } from './azurite.js';
import type { GitHubJson } from './github-json.js';
import type { RouteSpec } from './github-routes.js';
import { notFound } from './github-routes.js';
import type { FakeRequest, FakeResponse } from './http-kit.js';

export type Paginate = <T>(req: FakeRequest, items: readonly T[]) => { page: T[]; link: Record<string, string> };

export function actionsRoutes(model: ActionsModel, json: GitHubJson, paginate: Paginate, blobs: BlobStore | undefined): RouteSpec[] {
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
  const read = { needs: [['actions', 'read']] } as const;
  return [
    { method: 'GET', pattern: '/actions/runs', ...read, handler: ({ req }) => runsResponse(req) },
    {
      method: 'GET',
      pattern: '/actions/workflows/{workflow}/runs',
      ...read,
      handler: ({ req, params }) => {
        const id = model.workflowIdOf(decodeURIComponent(params.workflow!));
        return id === undefined ? notFound() : runsResponse(req, id);
      },
    },
    {
      method: 'GET',
      pattern: '/actions/runs/{run}',
      ...read,
      handler: ({ params }) => {
        const run = model.runById(Number(params.run));
        return run === undefined ? notFound() : { status: 200, json: json.run(run) };
      },
    },
    {
      method: 'GET',
      pattern: '/actions/runs/{run}/artifacts',
      ...read,
      handler: ({ req, params }) => (model.runById(Number(params.run)) === undefined ? notFound() : artifactsResponse(req, Number(params.run))),
    },
    { method: 'GET', pattern: '/actions/artifacts', ...read, handler: ({ req }) => artifactsResponse(req) },
    {
      method: 'GET',
      pattern: '/actions/artifacts/{id}',
      ...read,
      handler: ({ params }) => {
        const artifact = model.artifactById(Number(params.id));
        return artifact === undefined ? notFound() : { status: 200, json: json.artifact(artifact, model.runById(artifact.runId)) };
      },
    },
    {
      method: 'GET',
      pattern: '/actions/artifacts/{id}/{format}',
      ...read,
      handler: ({ params, note }) => {
        const artifact = model.artifactById(Number(params.id));
        if (artifact === undefined || params.format !== 'zip' || blobs === undefined) return notFound();
        note.artifactId = artifact.id;
        if (artifact.expiresAt !== undefined && artifact.expiresAt.getTime() < Date.now()) {
          return { status: 410, json: { message: 'Artifact has expired', documentation_url: 'https://docs.github.com/rest/actions/artifacts#download-an-artifact', status: '410' } };
        }
        return { status: 302, headers: { location: blobs.signedUrl(artifact.blobName, 'r', 60) } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/actions/artifacts/{id}',
      needs: [['actions', 'write']],
      handler: async ({ params }) => {
        const artifact = model.artifactById(Number(params.id));
        if (artifact === undefined) return notFound();
        await blobs?.delete(artifact.blobName);
        model.deleteArtifact(artifact.id);
        return { status: 204 };
      },
    },
  ];
}
