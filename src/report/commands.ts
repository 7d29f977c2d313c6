/**
 * The comments that answer a `/optimization-gate …` command: done or refused, and why. Everything
 * the commenter typed is shown only inside a code span or escaped; an answer never starts with a
 * record marker (records are written by recordComment alone). Pure.
 */
import type { Acceptance } from '../compare/verdicts/acceptance.js';
import { codeSpan, escapeInline } from './escape.js';

/** Hidden first line of every answer (tells our comments apart; never read as a record). */
export const ANSWER_MARKER = '<!-- optimization-gate:answer -->';
const MAX_ECHO = 200;

export interface AnswerContext {
  /** The command line as typed (untrusted). */
  line: string;
  /** The commenter's login (as GitHub gave it). */
  login: string;
}

function echo(ctx: AnswerContext): string {
  const line = [...ctx.line].length > MAX_ECHO ? `${[...ctx.line].slice(0, MAX_ECHO).join('')}…` : ctx.line;
  return `${codeSpan(line)} from ${escapeInline(ctx.login)}`;
}

/** `usage`: the command lines to list (the parser's COMMAND_USAGE) when the comment was not understood. */
export function refusedAnswer(ctx: AnswerContext, why: string, usage: readonly string[] = []): string {
  const list = usage.length > 0 ? `\n\nCommands:\n${usage.map((u) => `- ${u}`).join('\n')}` : '';
  return `${ANSWER_MARKER}\n🚫 **optimization-gate: refused** ${echo(ctx)}\n\n${why} Nothing was run or recorded.${list}\n`;
}

export function doneAnswer(ctx: AnswerContext, what: string): string {
  return `${ANSWER_MARKER}\n✅ **optimization-gate: done** ${echo(ctx)}\n\n${what}\n`;
}

/** The words under an acceptance record's marker. */
export function acceptanceRecordText(a: Acceptance, line: string): string {
  return [
    `☑️ **optimization-gate: regression accepted** — ${codeSpan(a.metric)} by ${escapeInline(a.by)} on ${a.at.slice(0, 10)}`,
    '',
    `> ${escapeInline(a.reason)}`,
    '',
    `Later gates on this issue show this threshold as \`accepted\` instead of failing it, until the next baseline is refreshed or promoted. (Command: ${codeSpan(line)})`,
    '',
  ].join('\n');
}
