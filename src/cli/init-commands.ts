/**
 * `init`'s commands workflow: answers `/optimization-gate …` comments on an optimization issue
 * (docs/commands.md). It runs no pipeline code, so it needs no self-hosted runner. Pure text.
 */
import type { WorkflowOptions } from './init-render.js';
import { usesLine } from './release-info.js';

const HEAD = `on:
  issue_comment:
    types: [created]

permissions: {}

# Commands on one issue run one after the other: each answer and record is written in order.
concurrency:
  group: optimization-gate-commands-\${{ github.event.issue.number }}
  cancel-in-progress: false
`;

const PERMISSIONS = `    permissions:
      issues: write # read the issue and its records; answer the command and write the record
      actions: write # \`measure\` dispatches the measurement workflow`;

const IF = `    # The action parses the comment strictly; this only skips the comments that are no command at all
    # (and \`promote\`, answered by the job below with the scopes only it needs).
    if: \${{ startsWith(github.event.comment.body, '/optimization-gate') && !startsWith(github.event.comment.body, '/optimization-gate promote') }}`;

const PROMOTE_IF = `    if: \${{ startsWith(github.event.comment.body, '/optimization-gate promote') }}`;

const PROMOTE_PERMISSIONS = `    permissions:
      issues: write # read the issue and its records; answer, write the promote record, tick the status comment
      actions: read # read the promoted run and download its verdict artifact
      contents: write # the branch with the promoted files (git data API: blobs, tree, commit, ref)
      pull-requests: write # open the pull request with them`;

/** What the caller of the reusable form grants: the union, which each of its jobs narrows again. */
const CALLER_PERMISSIONS = `    permissions:
      issues: write
      actions: write # the command job dispatches; the promote job only reads
      contents: write # the promote job only
      pull-requests: write # the promote job only`;

const pinned = (o: WorkflowOptions): string => (/^[0-9a-f]{40}$/.test(o.pin.ref) ? `pinned to commit ${o.pin.ref}${o.pin.version ? ` (${o.pin.version})` : ''}` : `at ${o.pin.ref}`);

export function renderCommands(o: WorkflowOptions): string {
  return `# Optimization commands: answer \`/optimization-gate measure [ref]\`,
# \`/optimization-gate accept <metric> "<reason>"\` and \`/optimization-gate promote [run id]\` written in a
# comment on an optimization issue.
# Written by \`optimization-gate init\`: runs the optimization-gate action (${pinned(o)}). Only commenters with
# write permission on the repository are served; others get a polite refusal. See docs/commands.md.
name: Optimization commands

${HEAD}
jobs:
  command:
    name: command
${IF}
    # No pipeline code runs here, only API calls: a hosted runner is enough.
    runs-on: ubuntu-latest
    timeout-minutes: 10
${PERMISSIONS}
    steps:
      - name: Answer the command
        uses: ${usesLine('', o.pin)}
        with:
          mode: command
          dispatch-workflow: optimization-dispatch.yml # the measurement workflow \`init\` writes

  promote:
    name: promote
${PROMOTE_IF}
    runs-on: ubuntu-latest
    timeout-minutes: 15
${PROMOTE_PERMISSIONS}
    steps:
      - name: Promote the measured run
        uses: ${usesLine('', o.pin)}
        with:
          mode: command
          # Where the pull request writes the promoted files (\`{issue}\`: the issue number).
          promote-profiles-dir: data/profiles/issue-{issue}
          promote-eval-dir: data/eval/issue-{issue}
`;
}

export function callerCommands(copy: string): string {
  return `# Optimization commands: calls ./.github/workflows/${copy} (written by \`optimization-gate init --reusable\`).
name: Optimization commands

${HEAD}
jobs:
  command:
    # The called workflow answers every command (\`promote\` in a job of its own).
    if: \${{ startsWith(github.event.comment.body, '/optimization-gate') }}
${CALLER_PERMISSIONS}
    uses: ./.github/workflows/${copy}
`;
}
