/** The comment command parser: strict, first line only, every argument checked. */
import { describe, expect, it } from 'vitest';
import { isSafeRef, parseCommentCommand } from '../../src/inputs/comment-command.js';
import { decodeRecord, recordMarker, toAcceptance } from '../../src/action/command-records.js';
import { patternCovers } from '../../src/action/command-flow.js';

function reasonOf(body: string): string {
  const parsed = parseCommentCommand(body);
  return parsed.kind === 'invalid' ? parsed.reason : `not refused: ${parsed.kind}`;
}

describe('parseCommentCommand', () => {
  it('ignores comments that are no command', () => {
    expect(parseCommentCommand('Looks good to me')).toEqual({ kind: 'none' });
    expect(parseCommentCommand('see /optimization-gate measure')).toEqual({ kind: 'none' });
    expect(parseCommentCommand('/optimization-gatex measure')).toEqual({ kind: 'none' });
  });

  it('reads measure with and without a ref', () => {
    expect(parseCommentCommand('/optimization-gate measure')).toEqual({ kind: 'command', command: { name: 'measure' } });
    expect(parseCommentCommand('/optimization-gate measure feature/faster-asr\nthanks!')).toEqual({ kind: 'command', command: { name: 'measure', ref: 'feature/faster-asr' } });
    expect(parseCommentCommand('/optimization-gate measure refs/pull/21/head')).toEqual({ kind: 'command', command: { name: 'measure', ref: 'refs/pull/21/head' } });
  });

  it('refuses refs that are options, traversals or shell text', () => {
    for (const ref of ['-f', '--upload-pack=x', 'a..b', 'main;rm', '$(id)', 'a b', 'x.lock', '/abs', 'trail/', 'a//b', '.hidden', 'a/.b', '`id`']) {
      expect(isSafeRef(ref), ref).toBe(false);
    }
    expect(parseCommentCommand('/optimization-gate measure $(curl evil)')).toMatchObject({ kind: 'invalid' });
    expect(reasonOf('/optimization-gate measure --upload-pack=touch')).toContain('branch or tag');
    expect(isSafeRef('a'.repeat(40).replace(/a/g, 'f'))).toBe(true);
    expect(isSafeRef('v2.6.0')).toBe(true);
  });

  it('reads accept with a metric and a quoted reason (straight or curly quotes)', () => {
    expect(parseCommentCommand('/optimization-gate accept profile.stages.summarize.wall_time_s "bigger model, agreed in review"')).toEqual({
      kind: 'command',
      command: { name: 'accept', metric: 'profile.stages.summarize.wall_time_s', reason: 'bigger model, agreed in review' },
    });
    expect(parseCommentCommand('/optimization-gate accept cost.total_stage_cost_usd “worth it”')).toMatchObject({ command: { reason: 'worth it' } });
  });

  it('refuses accept without a metric path, without quotes, with an empty, long or control-laden reason', () => {
    expect(reasonOf('/optimization-gate accept summarize "x"')).toContain('metric path');
    expect(reasonOf('/optimization-gate accept profile.totals.wall_time_s because')).toContain('double quotes');
    expect(reasonOf('/optimization-gate accept profile.totals.wall_time_s ""')).toContain('empty');
    expect(reasonOf(`/optimization-gate accept profile.totals.wall_time_s "${'x'.repeat(301)}"`)).toContain('300');
    expect(parseCommentCommand('/optimization-gate accept profile.totals.wall_time_s "a\u202eb"')).toMatchObject({ kind: 'invalid' });
    expect(parseCommentCommand('/optimization-gate accept profile.totals.wall_time_s "a" "b"')).toMatchObject({ kind: 'invalid' });
  });

  it('reads promote with an optional run id, and refuses anything else', () => {
    expect(parseCommentCommand('/optimization-gate promote')).toEqual({ kind: 'command', command: { name: 'promote' } });
    expect(parseCommentCommand('/optimization-gate promote 14000000001')).toEqual({ kind: 'command', command: { name: 'promote', runId: 14000000001 } });
    expect(parseCommentCommand('/optimization-gate promote latest')).toMatchObject({ kind: 'invalid' });
    expect(parseCommentCommand('/optimization-gate deploy')).toEqual({ kind: 'invalid', reason: 'unknown command' });
    expect(parseCommentCommand('/optimization-gate')).toEqual({ kind: 'invalid', reason: 'no command given' });
  });
});

describe('records', () => {
  it('round-trips a record through its marker and reads only a marker at the very start', () => {
    const data = { metric: 'profile.totals.wall_time_s', by: 'maintainer', at: '2026-11-27T19:00:00Z', reason: 'ok --> <!-- x' };
    const body = `${recordMarker('accept', data)}\ntext`;
    expect(decodeRecord(body)).toEqual({ kind: 'accept', data });
    expect(toAcceptance(decodeRecord(body)?.data ?? {}, 'u')).toEqual({ ...data, url: 'u' });
    expect(decodeRecord(` ${body}`)).toBeUndefined();
    expect(decodeRecord(`hello\n${body}`)).toBeUndefined();
    expect(decodeRecord('<!-- optimization-gate:record accept v1 !!! -->')).toBeUndefined();
  });

  it('refuses records whose fields are not what the command writes', () => {
    expect(toAcceptance({ metric: 'rm -rf', by: 'a', at: '2026-01-01', reason: 'r' }, '')).toBeUndefined();
    expect(toAcceptance({ metric: 'profile.totals.wall_time_s', by: 'a b', at: '2026-01-01', reason: 'r' }, '')).toBeUndefined();
    expect(toAcceptance({ metric: 'profile.totals.wall_time_s', by: 'a', at: 'yesterday', reason: 'r' }, '')).toBeUndefined();
  });

  it('matches threshold patterns one segment per star', () => {
    expect(patternCovers('profile.stages.*.peak_rss_mb', 'profile.stages.summarize.peak_rss_mb')).toBe(true);
    expect(patternCovers('profile.stages.*.peak_rss_mb', 'profile.stages.a.b.peak_rss_mb')).toBe(false);
    expect(patternCovers('profile.totals.wall_time_s', 'profile.totals.peak_rss_mb')).toBe(false);
  });
});

describe('the space after /optimization-gate', () => {
  it('is exactly one, as the workflow routes `/optimization-gate promote` to the job with its scopes', () => {
    expect(parseCommentCommand('/optimization-gate promote 12')).toEqual({ kind: 'command', command: { name: 'promote', runId: 12 } });
    expect(parseCommentCommand('/optimization-gate  promote 12')).toEqual({ kind: 'invalid', reason: 'write exactly one space between /optimization-gate and the command' });
    expect(parseCommentCommand('/optimization-gate\tpromote')).toEqual({ kind: 'none' });
  });
});
