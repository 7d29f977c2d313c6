/**
 * The harness as the action's integration tests will use it: a child step configured only by the
 * runner environment reaches every fake; and stopping the harness leaves no process or listener.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issuesEvent, runStep, startHarness } from '../fakes/index.js';

const PUBLISH = fileURLToPath(new URL('./scripts/stand-in-publish.mjs', import.meta.url));

/** Pids whose parent is `pid` (scans /proc: children of every thread). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('harness lifecycle', () => {
  it('serves a child step configured only by the runner env, then stops without leftovers', async () => {
    const before = childrenOf(process.pid);
    const h = await startHarness({ repo: { fullName: 'acme/podcast-pipeline', issues: [{ number: 7, body: 'thresholds' }] } });
    const ports = [h.azurite.port, h.results.port, h.github.port];
    let runnerRoot = '';
    try {
      expect(childrenOf(process.pid)).toContain(h.azurite.pid);
      const runner = h.runnerEnv({ eventName: 'issues', event: issuesEvent(h.github, 7), inputs: { 'issue-number': '7', 'dataset-id': 'smoke' } });
      runnerRoot = runner.root;
      const step = await runStep({ runner, entry: PUBLISH, timeoutMs: 150_000 });
      expect(step.exitCode, step.stderr + step.stdout).toBe(0);

      const artifact = h.model.artifacts.find((a) => a.runId === runner.run.id);
      expect(artifact).toMatchObject({ name: 'optimization-gate', state: 'finalized' });
      expect(step.outputs['artifact-id']).toBe(String(artifact!.id));
      expect(h.model.cacheEntries.map((e) => [e.key, e.state])).toEqual([[`og-baseline-smoke-${runner.run.id}`, 'finalized']]);
      const comment = h.github.comments(7).at(-1);
      expect(comment?.body).toBe(`decision: ship (artifact ${artifact!.id})`);
      expect(step.outputs['comment-url']).toBe(`https://github.com/acme/podcast-pipeline/issues/7#issuecomment-${comment!.id}`);
      expect(new Set(h.results.twirpCalls().map((c) => c.note?.runBackendId))).toEqual(new Set([runner.run.backendId]));
      expect(h.github.callsTo('POST /repos/acme/podcast-pipeline/issues/7/comments')[0]?.auth).toBe(runner.token);
      for (const port of ports) expect(await accepts(port)).toBe(true);
    } finally {
      await h.stop();
    }
    for (const port of ports) expect(await accepts(port), `port ${port} still open`).toBe(false);
    expect(() => process.kill(h.azurite.pid, 0)).toThrow(/ESRCH/);
    expect(childrenOf(process.pid).sort()).toEqual(before.sort());
    expect(existsSync(runnerRoot), 'runner temp dir removed').toBe(false);
  });
});
