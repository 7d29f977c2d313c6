/**
 * `mode: command`: answers a `/optimization-gate …` comment of an `issue_comment` event. Acts only
 * for a commenter with write permission on the repository (the permission API, not the association),
 * only on an issue (not a pull request) whose thresholds are trusted; every command is answered with
 * a comment (done, or refused and why). Nothing from the comment is run: it is parsed, validated and
 * passed to the API as data (docs/commands.md).
 */
import type { Acceptance } from '../compare/verdicts/acceptance.js';
import { parseIssueThresholds } from '../compare/grammar/thresholds/index.js';
import { errorMessage, UserError } from '../errors.js';
import { COMMAND_USAGE, parseCommentCommand, type CommentCommand } from '../inputs/comment-command.js';
import type { GitHubApi } from '../publish/github.js';
import { acceptanceRecordText, doneAnswer, refusedAnswer, type AnswerContext } from '../report/commands.js';
import { codeSpan, escapeInline } from '../report/escape.js';
import { recordMarker } from './command-records.js';
import { promote } from './promote-flow.js';
import type { CommentEvent } from './context.js';
import type { Session } from './session.js';
import { TRUSTED_PERMISSIONS, trustRefusal } from './thresholds.js';

export interface CommandOutcome {
  result: 'ignored' | 'done' | 'refused';
  commentUrl?: string;
}

/** Whether a threshold pattern (`*` = one segment) names this metric. */
export function patternCovers(pattern: string, metric: string): boolean {
  const p = pattern.split('.');
  const m = metric.split('.');
  return p.length === m.length && p.every((segment, i) => segment === '*' || segment === m[i]);
}

export async function runCommand(session: Session): Promise<CommandOutcome> {
  const { context, io } = session;
  const event = context.comment;
  if (context.eventName !== 'issue_comment' || !event) {
    throw new UserError(`mode command answers issue_comment events; this run is a ${context.eventName || 'unknown'} event`);
  }
  if (event.action !== 'created') {
    io.info(`comment ${event.id} was ${event.action || 'changed'}, not created: only new comments are commands`);
    return { result: 'ignored' };
  }
  const parsed = parseCommentCommand(event.body);
  if (parsed.kind === 'none') {
    io.info(`comment ${event.id} is no /optimization-gate command`);
    return { result: 'ignored' };
  }
  const api = session.api;
  if (!api) throw new UserError("input 'token': expected a token to answer the command");
  const ctx: AnswerContext = { line: (event.body.split(/\r\n|\r|\n/)[0] ?? '').trim(), login: event.authorLogin };
  const answer = async (result: CommandOutcome['result'], body: string): Promise<CommandOutcome> => {
    const comment = await api.createComment(event.issueNumber, body);
    io.info(`command ${result}: ${comment.htmlUrl}`);
    return { result, commentUrl: comment.htmlUrl };
  };
  const refuse = (why: string, usage = false) => answer('refused', refusedAnswer(ctx, why, usage ? COMMAND_USAGE : []));

  const permission = event.authorLogin ? await api.getPermission(event.authorLogin) : 'none';
  io.info(`command from ${event.authorLogin || '(unknown)'} (${permission} permission) on #${event.issueNumber}`);
  if (!TRUSTED_PERMISSIONS.includes(permission)) {
    return refuse(
      `Thank you for the suggestion! Commands are carried out only for people with write, maintain or admin permission on this repository ` +
        `(${escapeInline(event.authorLogin || 'the commenter')} has ${permission}); a maintainer can run it for you.`,
    );
  }
  if (event.onPullRequest) return refuse('Commands work on the optimization issue, not on a pull request: comment on the issue that holds the thresholds.');
  const issue = await api.getIssue(event.issueNumber);
  const authorPermission = issue.authorLogin ? await api.getPermission(issue.authorLogin) : 'none';
  const untrusted = trustRefusal(issue, authorPermission);
  if (untrusted) return refuse(`${escapeInline(untrusted)}.`);
  const spec = parseIssueThresholds(issue.body);
  if (spec.thresholds.length === 0) return refuse('This issue carries no `optimization-gate` threshold block, so there is nothing to measure, accept or promote.');
  if (parsed.kind === 'invalid') return refuse(`The command could not be read: ${escapeInline(parsed.reason)}.`, true);

  const command: CommentCommand = parsed.command;
  switch (command.name) {
    case 'measure':
      return measure(session, api, event, command.ref, answer);
    case 'accept': {
      const covered = spec.thresholds.some((t) => t.metric === command.metric || patternCovers(t.metric, command.metric));
      if (!covered) {
        const names = spec.thresholds.map((t) => codeSpan(t.metric)).join(', ');
        return refuse(`${codeSpan(command.metric)} is not a threshold of this issue (its thresholds: ${names}).`);
      }
      const acceptance: Acceptance = { metric: command.metric, by: event.authorLogin, at: event.createdAt || new Date().toISOString(), reason: command.reason };
      // The record and the answer are one comment, written by this token's identity (command-records.ts).
      const body = `${recordMarker('accept', { ...acceptance, command_comment: event.id })}\n${acceptanceRecordText(acceptance, ctx.line)}`;
      return answer('done', body);
    }
    case 'promote':
      // A failure before the record is written leaves no trusted baseline: said on the issue, and the job fails.
      return promote(session, api, event, spec, command.runId, ctx, answer).catch(async (error: unknown) => {
        await answer('refused', refusedAnswer(ctx, `Promoting failed: ${escapeInline(errorMessage(error))}. The baseline stays as it is.`));
        throw new UserError(`promote failed: ${errorMessage(error)}`);
      });
  }
}

async function measure(
  session: Session,
  api: GitHubApi,
  event: CommentEvent,
  ref: string | undefined,
  answer: (result: CommandOutcome['result'], body: string) => Promise<CommandOutcome>,
): Promise<CommandOutcome> {
  const { config, context } = session;
  const ctx: AnswerContext = { line: (event.body.split(/\r\n|\r|\n/)[0] ?? '').trim(), login: event.authorLogin };
  // The workflow file runs from the default branch (reviewed code); the ref to measure is its input.
  const branch = context.defaultBranch ?? (await api.getDefaultBranch());
  const inputs: Record<string, string> = { 'issue-number': String(event.issueNumber), ...(ref ? { 'candidate-ref': ref } : {}) };
  try {
    await api.dispatchWorkflow(config.dispatchWorkflow, branch, inputs);
  } catch (error) {
    await answer('refused', refusedAnswer(ctx, `Dispatching ${codeSpan(config.dispatchWorkflow)} failed: ${escapeInline(errorMessage(error))}.`));
    throw new UserError(`dispatching ${config.dispatchWorkflow} failed: ${errorMessage(error)}`);
  }
  const what = ref ? codeSpan(ref) : 'the default branch';
  return answer(
    'done',
    doneAnswer(ctx, `Dispatched ${codeSpan(config.dispatchWorkflow)} on ${codeSpan(branch)} for #${event.issueNumber}, measuring ${what}; its report is posted here when it finishes.`),
  );
}
