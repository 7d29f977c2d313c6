/**
 * Commands written in an issue comment (`/optimization-gate measure|accept|promote …`), parsed
 * strictly. The comment is untrusted text: only its first line is read, every argument is matched
 * against a narrow pattern, and nothing of it is ever run or passed to a shell. Pure.
 */

export const COMMAND_PREFIX = '/optimization-gate';

export type CommentCommand = { name: 'measure'; ref?: string } | { name: 'accept'; metric: string; reason: string } | { name: 'promote'; runId?: number };

export type ParsedComment =
  /** The comment is no command for us (it does not start with the prefix): nothing to answer. */
  | { kind: 'none' }
  | { kind: 'command'; command: CommentCommand }
  /** It starts with the prefix but is malformed: answered with this reason and the usage. */
  | { kind: 'invalid'; reason: string };

export const COMMAND_USAGE = [
  '`/optimization-gate measure [ref]` — measure the issue again (optionally the branch, tag or commit `ref`)',
  '`/optimization-gate accept <metric> "<reason>"` — accept a regression of one threshold metric until the next baseline',
  '`/optimization-gate promote [run id]` — promote a measured candidate (default: the latest ship) to the baseline',
];

/** Longest reason kept (it is echoed in every later report). */
export const MAX_REASON_CHARS = 300;

/** A threshold metric path: document prefix, dotted segments of word characters and `-`, `*` for one segment. */
const METRIC = /^(?:profile|truth|eval|cost)(?:\.(?:[A-Za-z0-9_-]+|\*)){1,8}$/;

/**
 * A branch, tag or commit as git and GitHub accept it, narrowed further: letters, digits and `. _ / -`,
 * no leading `-` (an option) or `/`, no `..`, `//`, `@{`, trailing `/`, `.` or `.lock`; or a full
 * commit SHA; or `refs/pull/<n>/head`.
 */
export function isSafeRef(ref: string): boolean {
  if (ref.length === 0 || ref.length > 200) return false;
  if (/^[0-9a-f]{40}$/.test(ref) || /^refs\/pull\/\d{1,9}\/head$/.test(ref)) return true;
  if (!/^[A-Za-z0-9._/-]+$/.test(ref)) return false;
  if (/^[-/.]/.test(ref) || /(?:\.\.|\/\/|\/\.|[/.]$|\.lock$|\.lock\/)/.test(ref)) return false;
  return true;
}

export function isMetricPath(metric: string): boolean {
  return METRIC.test(metric);
}

function invalid(reason: string): ParsedComment {
  return { kind: 'invalid', reason };
}

/** `"reason"` (straight or curly quotes, as GitHub's editor may turn them): one line, printable, bounded. */
function parseReason(rest: string): string | ParsedComment {
  const quoted = /^(?:"([^"]*)"|“([^”]*)”)$/.exec(rest.trim());
  if (!quoted) return invalid('the reason must follow the metric in double quotes, on the same line');
  const reason = (quoted[1] ?? quoted[2] ?? '').trim();
  if (reason === '') return invalid('the reason is empty: say why this regression is acceptable');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(reason)) return invalid('the reason contains control or direction-override characters');
  if ([...reason].length > MAX_REASON_CHARS) return invalid(`the reason is longer than ${MAX_REASON_CHARS} characters`);
  return reason;
}

/** Reads the first line of a comment body. */
export function parseCommentCommand(body: string): ParsedComment {
  const first = (body.split(/\r\n|\r|\n/)[0] ?? '').trim();
  if (first !== COMMAND_PREFIX && !first.startsWith(`${COMMAND_PREFIX} `)) return { kind: 'none' };
  // One space, exactly as the workflow's `if:` matches `/optimization-gate promote` to give that job its scopes.
  if (first !== COMMAND_PREFIX && !/^ \S/.test(first.slice(COMMAND_PREFIX.length))) return invalid('write exactly one space between /optimization-gate and the command');
  const rest = first.slice(COMMAND_PREFIX.length).trim();
  const match = /^(\S+)\s*(.*)$/.exec(rest);
  if (!match) return invalid('no command given');
  const [, name = '', args = ''] = match;
  switch (name) {
    case 'measure': {
      if (args === '') return { kind: 'command', command: { name: 'measure' } };
      if (/\s/.test(args)) return invalid('measure takes at most one argument, the ref to measure');
      if (!isSafeRef(args)) return invalid('the ref must be a branch or tag name (letters, digits, `. _ / -`), a full commit SHA or refs/pull/N/head');
      return { kind: 'command', command: { name: 'measure', ref: args } };
    }
    case 'accept': {
      const parts = /^(\S+)\s+(.+)$/.exec(args);
      if (!parts) return invalid('accept needs a threshold metric and a quoted reason');
      const [, metric = '', reasonText = ''] = parts;
      if (!isMetricPath(metric)) return invalid('the metric must be a threshold metric path such as profile.stages.summarize.wall_time_s');
      const reason = parseReason(reasonText);
      if (typeof reason !== 'string') return reason;
      return { kind: 'command', command: { name: 'accept', metric, reason } };
    }
    case 'promote': {
      if (args === '') return { kind: 'command', command: { name: 'promote' } };
      if (!/^\d{1,15}$/.test(args)) return invalid('promote takes at most one argument, the id of a workflow run (digits only)');
      return { kind: 'command', command: { name: 'promote', runId: Number(args) } };
    }
    default:
      return invalid('unknown command');
  }
}
