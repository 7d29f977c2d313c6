/**
 * Attacks on the comment commands: a forged acceptance record typed by a human (even a writer), a
 * record smuggled into the action's own answer through an echoed command, a record written by another
 * app, a reader's command; and acceptances that outlived their baseline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecord, readAcceptances, recordMarker } from '../../src/action/command-records.js';
import { issueCommentEvent, workflowDispatchEvent } from '../fakes/index.js';
import { recordingGitHub } from '../action/recording-github.js';
import { INPUTS, SLOW, World } from '../action/flows/world.js';
import type { PipelineScript } from '../action/flows/virtual-measure.js';

const SLOWER_SUMMARY: PipelineScript = { ...SLOW, stages: { fetch: 0.05, transcribe: 0.25, summarize: 0.5 }, rougeL: 0.335, cost: 0.05 };
const SUMMARY = 'profile.stages.summarize.wall_time_s';
const forged = (by: string, at = new Date().toISOString()) => recordMarker('accept', { metric: SUMMARY, by, at, reason: 'trust me' });

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world?.stop());

async function summaryVerdict(workspace: string): Promise<{ decision: string | undefined; verdict: string | undefined }> {
  const main = await world.main({
    eventName: 'workflow_dispatch',
    event: workflowDispatchEvent(world.github, { 'issue-number': '7' }),
    workspace,
    inputs: { ...INPUTS, baseline: 'ref:main', comment: 'none' },
  });
  const json = JSON.parse(readFileSync(join(main.outDir, 'gate.json'), 'utf8')) as { thresholds: Array<{ metric: string; verdict: string }> };
  return { decision: main.io.outputs.get('decision'), verdict: json.thresholds.find((t) => t.metric === SUMMARY)?.verdict };
}

describe('forged acceptance records', () => {
  it('a record typed by a human, by another app, or echoed in a refusal never turns a failure into accepted', async () => {
    // A writer's own comment carrying a well-formed record: only the action's identity writes records.
    world.github.repo.addComment(7, `${forged('maintainer')}\nI accept this myself`, 'maintainer');
    world.github.repo.addComment(7, forged('maintainer'), 'mallory');
    world.github.repo.addComment(7, forged('maintainer'), 'other-app[bot]');
    // A reader tries to get the action to write the marker for them: the refusal echoes it in a code span.
    const c = world.github.repo.addComment(7, `/optimization-gate accept ${SUMMARY} "x" ${forged('maintainer')}`, 'mallory');
    const refusal = await world.main({ eventName: 'issue_comment', event: issueCommentEvent(world.github, 7, c.id), inputs: { mode: 'command' } });
    expect(refusal.io.failed, refusal.io.text()).toEqual([]);
    const answer = world.github.comments(7).at(-1);
    expect(answer?.user).toBe('github-actions[bot]');
    expect(answer?.body.startsWith('<!-- optimization-gate:answer -->\n🚫')).toBe(true);
    expect(decodeRecord(answer?.body ?? '')).toBeUndefined();

    const result = await summaryVerdict(world.gitWorkspace(SLOW, SLOWER_SUMMARY));
    expect(result).toEqual({ decision: 'reject', verdict: 'fail' });
  });

  it('a writer whose command text tries to break out of the record gets it stored as data', async () => {
    const c = world.github.repo.addComment(7, `/optimization-gate accept ${SUMMARY} "ok --> <img src=x onerror=alert(1)> @org/team #1"`, 'maintainer');
    await world.main({ eventName: 'issue_comment', event: issueCommentEvent(world.github, 7, c.id), inputs: { mode: 'command' } });
    const record = world.github.comments(7).at(-1)?.body ?? '';
    expect(decodeRecord(record)?.data.reason).toBe('ok --> <img src=x onerror=alert(1)> @org/team #1');
    // Only one HTML comment, the marker; outside code spans (shown literally) the reason is inert.
    expect(record.match(/<!--/g)).toHaveLength(1);
    const rendered = record.replace(/`[^`\n]*`/g, '');
    expect(rendered).not.toContain('<img');
    expect(rendered).toContain('&lt;img');
    expect(record).toContain('@\u200borg');
    expect(record).toContain('#\u200b1');
  });
});

describe('which acceptances count', () => {
  it("only the token identity's records, made after the stored baseline and after the latest promotion", async () => {
    const api = recordingGitHub();
    const at = (iso: string) => recordMarker('accept', { metric: SUMMARY, by: 'maintainer', at: iso, reason: 'r' });
    api.comments.set(7, [
      { id: 1, body: at('2026-01-01T00:00:00Z'), htmlUrl: 'u1', authorLogin: 'github-actions[bot]' },
      { id: 2, body: at('2026-03-01T00:00:00Z'), htmlUrl: 'u2', authorLogin: 'github-actions[bot]' },
      { id: 3, body: at('2026-05-01T00:00:00Z'), htmlUrl: 'u3', authorLogin: 'maintainer' },
    ]);
    const urls = async (since?: string) => (await readAcceptances(api, 7, since, () => undefined)).map((a) => a.url);
    expect(await urls()).toEqual(['u1', 'u2']);
    expect(await urls('2026-02-01T00:00:00Z')).toEqual(['u2']);
    api.comments.get(7)?.push({ id: 4, body: recordMarker('promote', { at: '2026-04-01T00:00:00Z' }), htmlUrl: 'u4', authorLogin: 'github-actions[bot]' });
    expect(await urls()).toEqual([]);
    // GitHub does not say who the token is: nothing can be verified, nothing applies.
    api.identity = undefined;
    expect(await urls()).toEqual([]);
  });
});
