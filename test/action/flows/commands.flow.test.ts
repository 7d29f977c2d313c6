/**
 * `mode: command` in process, through `run()`: a writer's `measure` dispatches the measurement, a
 * writer's `accept` turns a failed guardrail into `accepted` on the next gate, a reader is refused
 * politely and nothing runs. Decisions come from the scripts' declared stage times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueCommentEvent, workflowDispatchEvent } from '../../fakes/index.js';
import { INPUTS, SLOW, World, type MainResult } from './world.js';
import type { PipelineScript } from './virtual-measure.js';

/** Faster transcription (the target) but summarization 25 % slower: the `<= +10%` guardrail fails. */
const SLOWER_SUMMARY: PipelineScript = { ...SLOW, stages: { fetch: 0.05, transcribe: 0.25, summarize: 0.5 }, rougeL: 0.335, cost: 0.05 };
const SUMMARY = 'profile.stages.summarize.wall_time_s';

let world: World;
beforeAll(async () => {
  world = await World.start();
  world.model.addWorkflow('.github/workflows/optimization-dispatch.yml');
});
afterAll(() => world?.stop());

async function comment(issue: number, user: string, body: string): Promise<MainResult> {
  const c = world.github.repo.addComment(issue, body, user);
  return world.main({ eventName: 'issue_comment', event: issueCommentEvent(world.github, issue, c.id), inputs: { mode: 'command' } });
}

function gate(workspace: string) {
  return world.main({ eventName: 'workflow_dispatch', event: workflowDispatchEvent(world.github, { 'issue-number': '7' }), workspace, inputs: { ...INPUTS, baseline: 'ref:main', comment: 'issue' } });
}

interface Threshold {
  metric: string;
  verdict: string;
  accepted: { by: string; reason: string } | null;
}
const verdicts = (outDir: string) => Object.fromEntries((JSON.parse(readFileSync(join(outDir, 'gate.json'), 'utf8')) as { thresholds: Threshold[] }).thresholds.map((t) => [t.metric, t.verdict]));

describe('commands from comments', () => {
  it('measure by a writer dispatches the measurement workflow on the default branch with the issue and the ref', async () => {
    const { io } = await comment(7, 'maintainer', '/optimization-gate measure faster-transcribe');
    expect(io.failed, io.text()).toEqual([]);
    expect(world.model.dispatches.at(-1)).toMatchObject({
      workflowPath: '.github/workflows/optimization-dispatch.yml',
      ref: 'main',
      inputs: { 'issue-number': '7', 'candidate-ref': 'faster-transcribe' },
      actor: 'github-actions[bot]',
    });
    const answer = world.github.comments(7).at(-1);
    expect(answer?.body).toContain('✅ **optimization-gate: done**');
    expect(answer?.body).toContain('Dispatched `optimization-dispatch.yml` on `main` for #7, measuring `faster-transcribe`');
    expect(io.outputs.get('comment-url')).toContain(`#issuecomment-${answer?.id}`);
  });

  it('a reader is refused politely: nothing dispatched, nothing recorded', async () => {
    const before = world.model.dispatches.length;
    const { io } = await comment(7, 'drive-by', '/optimization-gate measure');
    expect(io.failed, io.text()).toEqual([]);
    expect(world.model.dispatches.length).toBe(before);
    const answer = world.github.comments(7).at(-1)?.body ?? '';
    expect(answer).toContain('🚫 **optimization-gate: refused**');
    expect(answer).toContain('drive-by has none');
    expect(answer).toContain('Nothing was run or recorded.');
  });

  it('refuses on an issue whose thresholds are not trusted, and says why a malformed command was not read', async () => {
    await comment(8, 'maintainer', '/optimization-gate measure');
    expect(world.github.comments(8).at(-1)?.body).toContain('are not trusted: its author drive-by has none permission');
    await comment(7, 'maintainer', '/optimization-gate accept summarize because');
    const answer = world.github.comments(7).at(-1)?.body ?? '';
    expect(answer).toContain('The command could not be read: the metric must be a threshold metric path');
    expect(answer).toContain('`/optimization-gate accept <metric> "<reason>"`');
    await comment(7, 'maintainer', '/optimization-gate accept profile.totals.peak_rss_mb "not ours"');
    expect(world.github.comments(7).at(-1)?.body).toContain('`profile.totals.peak_rss_mb` is not a threshold of this issue');
  });

  it("accept by a writer turns the failed guardrail into `accepted` on the next gate; a reader's accept changes nothing", async () => {
    const workspace = world.gitWorkspace(SLOW, SLOWER_SUMMARY);
    const first = await gate(workspace);
    expect(first.io.outputs.get('decision')).toBe('reject');
    expect(verdicts(first.outDir)[SUMMARY]).toBe('fail');

    await comment(7, 'drive-by', `/optimization-gate accept ${SUMMARY} "please"`);
    const refused = await gate(workspace);
    expect(refused.io.outputs.get('decision')).toBe('reject');

    const accepted = await comment(7, 'maintainer', `/optimization-gate accept ${SUMMARY} "bigger summarization model, agreed in review"`);
    expect(accepted.io.failed, accepted.io.text()).toEqual([]);
    const record = world.github.comments(7).at(-1);
    expect(record?.user).toBe('github-actions[bot]');
    expect(record?.body).toMatch(
      /^<!-- optimization-gate:record accept v1 [A-Za-z0-9_-]+ -->\n☑️ \*\*optimization-gate: regression accepted\*\* — `profile\.stages\.summarize\.wall_time_s` by maintainer/,
    );

    const next = await gate(workspace);
    expect(next.io.failed, next.io.text()).toEqual([]);
    expect(next.io.outputs.get('decision')).toBe('ship');
    const json = JSON.parse(readFileSync(join(next.outDir, 'gate.json'), 'utf8')) as { verdicts: Record<string, number>; thresholds: Threshold[] };
    expect(json.verdicts).toMatchObject({ accepted: 1, fail: 0 });
    expect(json.thresholds.find((t) => t.metric === SUMMARY)).toMatchObject({
      verdict: 'accepted',
      accepted: { by: 'maintainer', reason: 'bigger summarization model, agreed in review' },
    });
    const report = world.github.comments(7).at(-1)?.body ?? '';
    expect(report.split('\n')[0]).toMatch(/^### ✅ ship — 1 accepted regression: `profile\.stages\.summarize\.wall_time_s` \+25\.0 ?%/);
    expect(report).toContain('accepted by maintainer on ');
  });
});
