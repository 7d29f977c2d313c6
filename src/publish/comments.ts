/**
 * Where the report is posted: a new comment on the issue for each run (the record the optimization
 * workflow asks for), and on a PR one sticky comment, found by a hidden marker and edited in place —
 * only a comment this token wrote itself: anyone can paste the marker into a comment of their own.
 */
import { STICKY_MARKER_PREFIX } from '../inputs/constants.js';
import type { CommentInfo, GitHubApi } from './github.js';

/** GitHub refuses comment bodies over 65 536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export function stickyMarker(key: string): string {
  return `${STICKY_MARKER_PREFIX}:${key.replace(/-->/g, '')} -->`;
}

/** GitHub counts characters; a UTF-16 length is never less, so cutting by it is safe (never inside a surrogate pair). */
export function fitComment(body: string, tail = '\n\n_… report truncated to fit a GitHub comment; the full report is in the artifact._\n'): string {
  if (body.length <= MAX_COMMENT_CHARS) return body;
  let cut = MAX_COMMENT_CHARS - tail.length;
  if (/[\uD800-\uDBFF]/.test(body.charAt(cut - 1))) cut -= 1;
  return body.slice(0, cut) + tail;
}

/** The job token's own login when GitHub does not say (a job's GITHUB_TOKEN). */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface PostedComment extends CommentInfo {
  action: 'created' | 'updated';
}

export async function postIssueComment(api: GitHubApi, issueNumber: number, body: string): Promise<PostedComment> {
  return { ...(await api.createComment(issueNumber, fitComment(body))), action: 'created' };
}

/**
 * Edits the PR's comment carrying the marker for `key` that this token wrote, or creates it; never
 * makes a second one of its own, and never takes over someone else's comment that carries the marker.
 */
export async function upsertStickyComment(api: GitHubApi, prNumber: number, key: string, body: string): Promise<PostedComment> {
  const marker = stickyMarker(key);
  const text = fitComment(`${marker}\n${body}`);
  const self = (await api.whoAmI()) ?? ACTIONS_BOT;
  const existing = (await api.listComments(prNumber)).find((c) => c.body.startsWith(marker) && c.authorLogin === self);
  if (existing) return { ...(await api.updateComment(existing.id, text)), action: 'updated' };
  return { ...(await api.createComment(prNumber, text)), action: 'created' };
}
