import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_CHARS, fitComment, postIssueComment, stickyMarker, upsertStickyComment } from '../../src/publish/comments.js';
import { recordingGitHub } from './recording-github.js';

describe('comments', () => {
  it('creates the sticky PR comment once, then edits it in place', async () => {
    const gh = recordingGitHub();
    await gh.createComment(7, 'an unrelated review comment');
    const first = await upsertStickyComment(gh, 7, 'optimization-gate', 'report v1');
    const second = await upsertStickyComment(gh, 7, 'optimization-gate', 'report v2');
    expect(first.action).toBe('created');
    expect(second.action).toBe('updated');
    expect(second.id).toBe(first.id);
    const bodies = gh.comments.get(7)?.map((c) => c.body);
    expect(bodies).toEqual(['an unrelated review comment', `${stickyMarker('optimization-gate')}\nreport v2`]);
  });

  it('keeps one sticky comment per key (e.g. per artifact name)', async () => {
    const gh = recordingGitHub();
    await upsertStickyComment(gh, 7, 'gpu-a', 'a');
    await upsertStickyComment(gh, 7, 'gpu-b', 'b');
    await upsertStickyComment(gh, 7, 'gpu-a', 'a2');
    expect(gh.comments.get(7)?.map((c) => c.body.split('\n')[1])).toEqual(['a2', 'b']);
  });

  it('adds a new issue comment on every run (a record per run)', async () => {
    const gh = recordingGitHub();
    await postIssueComment(gh, 3, 'run 1');
    await postIssueComment(gh, 3, 'run 2');
    expect(gh.comments.get(3)?.map((c) => c.body)).toEqual(['run 1', 'run 2']);
  });

  it('truncates bodies over the GitHub limit with a note', () => {
    const long = 'x'.repeat(MAX_COMMENT_CHARS + 10);
    const fitted = fitComment(long);
    expect(fitted.length).toBe(MAX_COMMENT_CHARS);
    expect(fitted).toMatch(/report truncated/);
    expect(fitComment('short')).toBe('short');
  });
});
