/** Steps of the promote tests (flow and security): a measuring run for issue 7, a command comment. */
import { issueCommentEvent, workflowDispatchEvent, type WorkflowRun } from '../../fakes/index.js';
import { INPUTS, type MainResult, type World } from './world.js';

export const DISPATCH = '.github/workflows/optimization-dispatch.yml';
export const COMMANDS = '.github/workflows/optimization-commands.yml';

/** A new comment on `issue` by `user`, answered by a run of the commands workflow. */
export async function command(w: World, issue: number, user: string, body: string, inputs: Record<string, string> = {}): Promise<MainResult> {
  const c = w.github.repo.addComment(issue, body, user);
  const run = w.model.addRun({ event: 'issue_comment', workflowPath: COMMANDS });
  return w.main({ eventName: 'issue_comment', event: issueCommentEvent(w.github, issue, c.id), inputs: { mode: 'command', ...INPUTS, ...inputs }, run });
}

/** A measuring run for issue 7 (the dispatch workflow), completed. */
export async function measured(w: World, workspace: string, inputs: Record<string, string> = { baseline: 'ref:main' }, complete = true, attempt?: WorkflowRun): Promise<MainResult> {
  const run = attempt ?? w.model.addRun({ event: 'workflow_dispatch', workflowPath: DISPATCH });
  const result = await w.main({ eventName: 'workflow_dispatch', event: workflowDispatchEvent(w.github, { 'issue-number': '7' }), workspace, inputs: { ...INPUTS, comment: 'issue', ...inputs }, run });
  if (complete) w.model.completeRun(run.id, 'success');
  return result;
}
