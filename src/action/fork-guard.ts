/**
 * Refusing fork code before anything of it runs, in every mode that runs commands (gate, measure,
 * baseline). The pull_request family of events names the head repository in its payload; an
 * `issue_comment` on a pull request does not (the PR is looked up through the API, and an unknown
 * origin counts as a fork); a `workflow_run` names the triggering run's head repository.
 */
import type { ActionConfig } from '../inputs/config.js';
import type { GitHubApi } from '../publish/github.js';
import { forkRefusal, refusalText, type RunContext } from './context.js';

export async function forkGuard(config: Pick<ActionConfig, 'allowForkPrs' | 'mode'>, context: RunContext, api: GitHubApi | undefined): Promise<string | undefined> {
  // The aggregate only downloads this run's artifacts, and a command only calls the API (it answers on
  // the issue, pull requests included): no code of anyone runs.
  if (config.mode === 'aggregate' || config.mode === 'command' || config.allowForkPrs) return undefined;
  const fromPayload = forkRefusal(config, context);
  if (fromPayload) return fromPayload;
  const ours = `${context.owner}/${context.repo}`.toLowerCase();
  const run = context.triggeringRun;
  if (run && run.headRepo.toLowerCase() !== ours) {
    return refusalText(`the code of workflow run ${run.id} (${run.event || 'unknown event'})`, run.headRepo || '(deleted repository)');
  }
  const commented = context.commentedPullRequest;
  if (commented !== undefined) {
    if (!api) return refusalText(`pull request #${commented} (an issue_comment run; without a token its origin cannot be checked)`, '(unknown)');
    const pull = await api.getPullRequest(commented);
    if (pull.headRepo.toLowerCase() !== ours) return refusalText(`pull request #${commented}`, pull.headRepo || '(deleted repository)');
  }
  return undefined;
}
