/**
 * The issue's status comment: found by its marker among the comments this token wrote itself (anyone
 * can paste the marker into a comment of their own: such a comment is never read or edited), then
 * edited in place, or created once.
 */
import { ACTIONS_BOT, type PostedComment } from './comments.js';
import type { CommentInfo, GitHubApi } from './github.js';

/** Our status comment on the issue (its body starts with `marker`), if there is one (the oldest, should there ever be two). */
export async function findStatusComment(api: GitHubApi, issueNumber: number, marker: string): Promise<CommentInfo | undefined> {
  const self = (await api.whoAmI()) ?? ACTIONS_BOT;
  return (await api.listComments(issueNumber)).find((c) => c.body.startsWith(marker) && c.authorLogin === self);
}

export async function writeStatusComment(api: GitHubApi, issueNumber: number, existing: CommentInfo | undefined, body: string): Promise<PostedComment> {
  if (existing) return { ...(await api.updateComment(existing.id, body)), action: 'updated' };
  return { ...(await api.createComment(issueNumber, body)), action: 'created' };
}
