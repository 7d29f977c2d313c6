/**
 * What a failed GitHub API call means for the user, in words: a missing `permissions:` scope (named
 * from GitHub's `x-accepted-github-permissions` header), a locked conversation, a rate limit that
 * outlasted our waiting, GitHub unavailable, an expired artifact. These are the user's or the
 * environment's problems, never "internal error (please report it)" with a stack.
 */
import { UserError } from '../errors.js';
import { apiMessage, duration, header, RequestTimeoutError, RetryGaveUp, statusOf, transience } from './retry.js';

/** `issues=write; pull_requests=write` → "`issues: write` or `pull-requests: write`" (sets separated by `;`, scopes of a set by `,`). */
export function acceptedPermissions(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const sets = value
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => {
          const [scope = '', level = ''] = p.split('=');
          return `\`${scope.replace(/_/g, '-')}: ${level}\``;
        })
        .join(' and '),
    )
    .filter((s) => s !== '');
  return sets.length === 0 ? undefined : sets.join(' or ');
}

function isHttpError(error: unknown): boolean {
  return statusOf(error) !== undefined || (error instanceof Error && error.name === 'HttpError');
}

const RERUN = 're-run the job later (Re-run failed jobs keeps the runners that succeeded)';

/** A UserError for an API failure; anything that is not an HTTP failure is returned unchanged (a bug). */
export function explainApiError(error: unknown, what: string): unknown {
  if (error instanceof RetryGaveUp) return explainGaveUp(error, what);
  if (error instanceof RequestTimeoutError) return new UserError(`GitHub API: ${what} got no answer within ${duration(error.timeoutMs)}`, [RERUN]);
  if (!isHttpError(error)) return error;
  const status = statusOf(error);
  const message = apiMessage(error);
  if (status === undefined) return new UserError(`GitHub API: ${what} failed: ${message}`, [RERUN]);
  switch (status) {
    case 401:
      return new UserError(`GitHub API: ${what} was refused (401 ${message}): the token is invalid or expired`);
    case 403:
      return explainForbidden(error, what, message);
    case 404:
      return new UserError(`GitHub API: ${what}: not found (404)`, ['check the number or name; a token of another repository cannot see this one']);
    case 410:
      return new UserError(`GitHub API: ${what}: gone (410 ${message})`, ['artifacts expire after their retention period (retention-days, or the repository default)']);
    case 422:
      return new UserError(`GitHub API: ${what} was rejected (422 ${message})`);
    default:
      if (status >= 500) return new UserError(`GitHub API: ${what} failed (${status} ${message}): GitHub is having trouble`, [RERUN]);
      return new UserError(`GitHub API: ${what} failed (${status} ${message})`);
  }
}

function explainForbidden(error: unknown, what: string, message: string): UserError {
  if (/issue is locked|conversation is locked/i.test(message)) {
    return new UserError(`GitHub API: ${what}: the conversation is locked (${message})`, [
      'unlock it, or give the job `contents: write` (only actors with push access may comment on a locked conversation)',
    ]);
  }
  const kind = transience(error);
  if (kind === 'primary-rate-limit' || kind === 'secondary-rate-limit') {
    return new UserError(`GitHub API: ${what} hit GitHub's ${kind === 'primary-rate-limit' ? '' : 'secondary '}rate limit (${message})`, [RERUN]);
  }
  const accepted = acceptedPermissions(header(error, 'x-accepted-github-permissions'));
  return new UserError(`GitHub API: ${what} was refused (403 ${message})`, [
    accepted
      ? `the token lacks the permission: give the job ${accepted} in its \`permissions:\` (the caller of a reusable workflow must grant it too)`
      : 'the token lacks a permission: give the job `issues: write` (issue comments), `pull-requests: write` (PR comments), `actions: read` (artifacts of other runs)',
    'a pull request from a fork gets a read-only token whatever the workflow asks for',
  ]);
}

function explainGaveUp(error: RetryGaveUp, what: string): UserError {
  const status = statusOf(error.last);
  const kind = transience(error.last);
  const answer = error.last instanceof RequestTimeoutError ? error.last.message : `${status ?? 'no answer'} ${apiMessage(error.last)}`.trim();
  const limit = kind === 'primary-rate-limit' ? "GitHub's rate limit" : kind === 'secondary-rate-limit' ? "GitHub's secondary rate limit" : undefined;
  if (error.why === 'wait-too-long') {
    return new UserError(`GitHub API: ${what}: ${limit ?? 'GitHub'} asks to wait ${duration(error.waitMs ?? 0)} before trying again, longer than this action waits (${answer})`, [RERUN]);
  }
  const tries = `${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`;
  if (limit) return new UserError(`GitHub API: ${what} still hit ${limit} after ${tries} (${answer})`, [RERUN]);
  return new UserError(`GitHub API: ${what} failed after ${tries} (${answer}): GitHub is unavailable or unreachable from this runner`, [RERUN]);
}
