/**
 * Defended: a fork's code running on this repository's runner (issue 10.7). Refused in every mode
 * that runs commands, decided from the event payload — not from RUNNER_ENVIRONMENT, which an earlier
 * step can set — and for the events whose payload does not name the head repository: an
 * `issue_comment` on a fork's pull request (looked up through the API) and a `workflow_run`
 * triggered by a fork. Each test's commands would leave a marker file if anything ran.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingGitHub } from '../action/recording-github.js';
import { runInProcess } from './in-process.js';

const MARKER = 'fork-code-ran';
const COMMANDS = { 'profile-command': `touch ${MARKER}`, 'experiment-command': `touch ${MARKER}`, 'experiment-output': '.', comment: 'none', token: 'ghs_x' };

function forkPullRequest(headRepo: string | null = 'mallory/podcast-pipeline') {
  return {
    pull_request: {
      number: 23,
      body: 'Closes #7',
      head: { ref: 'main', sha: 'a'.repeat(40), repo: headRepo === null ? null : { full_name: headRepo } },
      base: { ref: 'main', sha: 'b'.repeat(40) },
    },
    repository: { default_branch: 'main' },
  };
}

const REFUSED = /^optimization-gate: refusing to measure .* from the fork /;

describe('fork code is refused before anything runs', () => {
  it.each(['gate', 'measure', 'baseline'])('in mode %s', async (mode) => {
    const { io, workspace } = await runInProcess({ ...COMMANDS, mode }, { eventName: 'pull_request', event: forkPullRequest() });
    expect(io.failed).toEqual([expect.stringMatching(REFUSED)]);
    expect(existsSync(join(workspace, MARKER))).toBe(false);
  });

  it('even when RUNNER_ENVIRONMENT claims a GitHub-hosted runner (an earlier step can set it)', async () => {
    const { io, workspace } = await runInProcess({ ...COMMANDS, mode: 'measure' }, { eventName: 'pull_request_target', event: forkPullRequest(), env: { RUNNER_ENVIRONMENT: 'github-hosted' } });
    expect(io.failed).toEqual([expect.stringContaining('refusing to measure pull request #23 from the fork mallory/podcast-pipeline')]);
    expect(existsSync(join(workspace, MARKER))).toBe(false);
  });

  it("for an issue_comment on a fork's pull request (the API says where its head is)", async () => {
    const github = recordingGitHub();
    github.pulls.set(23, { number: 23, headRepo: 'mallory/podcast-pipeline', headSha: 'a'.repeat(40), baseRef: 'main', baseSha: 'b'.repeat(40) });
    const event = { issue: { number: 23, pull_request: { url: 'https://api.github.com/repos/acme/podcast-pipeline/pulls/23' } }, comment: { body: '/measure' } };
    const { io, workspace } = await runInProcess({ ...COMMANDS, mode: 'measure' }, { eventName: 'issue_comment', event, github });
    expect(io.failed).toEqual([expect.stringContaining('refusing to measure pull request #23 from the fork mallory/podcast-pipeline')]);
    expect(github.calls).toContain('getPullRequest 23');
    expect(existsSync(join(workspace, MARKER))).toBe(false);
  });

  it("for a workflow_run triggered by a fork's workflow", async () => {
    const event = { workflow_run: { id: 555, event: 'pull_request', head_repository: { full_name: 'mallory/podcast-pipeline' } } };
    const { io, workspace } = await runInProcess({ ...COMMANDS, mode: 'measure' }, { eventName: 'workflow_run', event });
    expect(io.failed).toEqual([expect.stringContaining('refusing to measure the code of workflow run 555 (pull_request) from the fork mallory/podcast-pipeline')]);
    expect(existsSync(join(workspace, MARKER))).toBe(false);
  });

  it('a pull request of this repository, and an issue_comment on one, still run', async () => {
    const github = recordingGitHub();
    github.pulls.set(21, { number: 21, headRepo: 'acme/podcast-pipeline', headSha: 'a'.repeat(40), baseRef: 'main', baseSha: 'b'.repeat(40) });
    const event = { issue: { number: 21, pull_request: { url: 'x' } } };
    const commented = await runInProcess({ ...COMMANDS, mode: 'measure' }, { eventName: 'issue_comment', event, github });
    expect(existsSync(join(commented.workspace, MARKER))).toBe(true);
    const ours = await runInProcess({ ...COMMANDS, mode: 'measure' }, { eventName: 'pull_request', event: forkPullRequest('acme/podcast-pipeline') });
    expect(existsSync(join(ours.workspace, MARKER))).toBe(true);
  });
});
