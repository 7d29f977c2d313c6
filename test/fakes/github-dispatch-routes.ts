/**
 * "Create a workflow dispatch event" of the fake GitHub REST API, as GitHub documents it:
 * `POST /repos/{o}/{r}/actions/workflows/{workflow_id}/dispatches` with `{ ref, inputs? }`, where
 * `workflow_id` is the id or the file name; a token needs `actions: write`. Answers 204 with no body
 * and queues a `workflow_dispatch` run of that workflow on the ref; an unknown workflow is 404, a
 * ref the repository does not have 422 "No ref found for: …", more than 25 inputs 422.
 * Every accepted dispatch is kept in `ActionsModel.dispatches`.
 */
import type { ActionsModel } from './actions-model.js';
import type { GitHubRepo } from './github-model.js';
import { notFound, unprocessable, type RouteSpec } from './github-routes.js';

export interface DispatchRecord {
  workflowPath: string;
  /** As the caller sent it (a branch or tag name, or `refs/heads/…`). */
  ref: string;
  inputs: Record<string, unknown>;
  actor: string;
  runId: number;
}

const MAX_INPUTS = 25;

export function dispatchRoutes(model: ActionsModel, repo: GitHubRepo): RouteSpec[] {
  return [
    {
      method: 'POST',
      pattern: '/actions/workflows/{workflow}/dispatches',
      needs: [['actions', 'write']],
      handler: ({ req, params, actor }) => {
        const path = model.workflowPathOf(decodeURIComponent(params.workflow ?? ''));
        if (path === undefined) return notFound();
        const body = (req.json ?? {}) as { ref?: unknown; inputs?: unknown };
        if (typeof body.ref !== 'string' || body.ref === '') return unprocessable('Invalid request.\n\n"ref" wasn\'t supplied.');
        const branch = body.ref.replace(/^refs\/heads\//, '');
        if (branch !== model.defaultBranch && repo.historyOf(branch) === undefined) return unprocessable(`No ref found for: ${body.ref}`);
        const inputs = body.inputs ?? {};
        if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) return unprocessable("Invalid request.\n\nFor 'properties/inputs', is not an object.");
        if (Object.keys(inputs).length > MAX_INPUTS) return unprocessable(`you may only define up to ${MAX_INPUTS} \`inputs\` for a \`workflow_dispatch\` event`);
        const run = model.addRun({ event: 'workflow_dispatch', workflowPath: path, headBranch: branch, status: 'queued', actor: actor?.login ?? 'github-actions[bot]' });
        model.dispatches.push({ workflowPath: path, ref: body.ref, inputs: { ...(inputs as Record<string, unknown>) }, actor: actor?.login ?? '', runId: run.id });
        return { status: 204 };
      },
    },
  ];
}
