/**
 * Where the report is posted: a new comment on the issue for each run (the record the optimization
 * workflow asks for), and on a PR one sticky comment, found by a hidden marker and edited in place.
 */
import { STICKY_MARKER_PREFIX } from '../inputs/constants.js';
import type { CommentInfo, GitHubApi } from './github.js';

/** GitHub refuses comment bodies over 65 536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export function stickyMarker(key: string): string {
  return `${STICKY_MARKER_PREFIX}:${key.replace(/-->/g, '')} -->`;
}

export function fitComment(body: string, tail = '\n\n_… report truncated to fit a GitHub comment; the full report is in the artifact._\n'): string {
  if (body.length <= MAX_COMMENT_CHARS) return body;
  return body.slice(0, MAX_COMMENT_CHARS - tail.length) + tail;
}

export interface PostedComment extends CommentInfo {
  action: 'created' | 'updated';
}

export async function postIssueComment(api: GitHubApi, issueNumber: number, body: string): Promise<PostedComment> {
  return { ...(await api.createComment(issueNumber, fitComment(body))), action: 'created' };
}

/** Edits the PR's comment carrying the marker for `key`, or creates it; never makes a second one. */
export async function upsertStickyComment(api: GitHubApi, prNumber: number, key: string, body: string): Promise<PostedComment> {
  const marker = stickyMarker(key);
  const text = fitComment(`${marker}\n${body}`);
  const existing = (await api.listComments(prNumber)).find((c) => c.body.startsWith(marker));
  if (existing) return { ...(await api.updateComment(existing.id, text)), action: 'updated' };
  return { ...(await api.createComment(prNumber, text)), action: 'created' };
}
