/**
 * `optimization-gate status`: the history of an optimization issue, read from where the action
 * keeps it — the status comment's body (its hidden block, e.g. saved with
 * `gh api repos/O/R/issues/comments/ID --jq .body`) or the status-ledger.json a run wrote — checked
 * like the action checks it, and printed as the status comment renders it, or as JSON. Exit 0, 2 on
 * bad input (a missing or broken block included: asked for, it is an error here).
 */
import { readFileSync } from 'node:fs';
import { LEDGER_BLOCK_START, parseLedger, readLedgerBlock, type Ledger } from '../compare/history/ledger.js';
import { errorMessage, UserError } from '../errors.js';
import { parseCliArgs, usage } from '../inputs/cli-args.js';
import { renderStatusComment } from '../report/status.js';
import type { CliCommand } from './command.js';

const NAME = 'status';
const SYNOPSIS = '(--issue-comment-file BODY.md | --ledger status-ledger.json) [--issue N] [--json]';
const OPTIONS = {
  'issue-comment-file': { type: 'string', description: "the status comment's body (markdown with the hidden history block)" },
  ledger: { type: 'string', description: 'a status-ledger.json written by a run (in its output directory)' },
  issue: { type: 'string', description: 'the issue the history must belong to (default: the one it names)' },
  json: { type: 'boolean', description: 'print the checked ledger as JSON instead of the rendered comment' },
  help: { type: 'boolean', description: 'show this help' },
} as const;

function read(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${what} ${path}: ${errorMessage(error)}`);
  }
}

function issueOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^#?\d+$/.test(text.trim())) throw new UserError(`--issue: expected an issue number, got "${text}"`);
  return Number(text.trim().replace('#', ''));
}

function loadLedger(options: { 'issue-comment-file'?: string; ledger?: string; issue?: string }): Ledger {
  const issue = issueOf(options.issue);
  if (options['issue-comment-file'] !== undefined) {
    const path = options['issue-comment-file'];
    const body = read(path, 'the status comment');
    if (!body.includes(LEDGER_BLOCK_START)) throw new UserError(`${path} holds no optimization-gate history block (${LEDGER_BLOCK_START} … -->)`);
    const found = readLedgerBlock(body, issue);
    if (found.warning) throw new UserError(`${path}: ${found.warning.replace(': the history starts afresh', '')}`);
    return found.ledger;
  }
  const path = options.ledger as string;
  let data: unknown;
  try {
    data = JSON.parse(read(path, 'the ledger'));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path} is not JSON: ${errorMessage(error)}`);
  }
  const parsed = parseLedger(data, issue);
  if ('error' in parsed) throw new UserError(`${path}: ${parsed.error}`);
  return parsed.ledger;
}

export const statusCommand: CliCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    if (positionals.length > 0) throw new UserError(`unexpected argument "${positionals[0]}"`);
    if ((options['issue-comment-file'] === undefined) === (options.ledger === undefined)) {
      throw new UserError(`give one of --issue-comment-file or --ledger`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    }
    const ledger = loadLedger(options);
    console.log(options.json ? JSON.stringify(ledger, null, 2) : renderStatusComment(ledger).body);
    return Promise.resolve(0);
  },
};
