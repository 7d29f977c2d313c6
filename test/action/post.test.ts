/**
 * The post step's decisions, with a recording IO and artifact store: nothing to do (decided without
 * loading the keep path), a completed main whose upload failed, an interrupted run rebuilt from its
 * samples. The bundled post.js runs for real in test/action-e2e.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticRun, writeRunFiles } from '../../scripts/bench/long-run.mjs';
import { runPost } from '../../src/action/post.js';
import { State } from '../../src/inputs/constants.js';
import type { ActionIO } from '../../src/publish/io.js';
import type { ArtifactStore } from '../../src/publish/store.js';
import { captureStdout, overlayEnv } from '../harness/in-process.js';

function recorder(state: Record<string, string>) {
  const log: string[] = [];
  const uploads: Array<{ name: string; files: string[] }> = [];
  const io: ActionIO = {
    info: (m) => void log.push(`info: ${m}`),
    warning: (m) => void log.push(`warning: ${m}`),
    error: (m) => void log.push(`error: ${m}`),
    group: (_name, fn) => fn(),
    setOutput: () => undefined,
    saveState: () => undefined,
    getState: (name) => state[name] ?? '',
    setSecret: () => undefined,
    appendSummary: (markdown) => Promise.resolve(void log.push(`summary: ${markdown.split('\n')[0]}`)),
    setFailed: (m) => void log.push(`failed: ${m}`),
  };
  const store: ArtifactStore = {
    upload: (name, files) => Promise.resolve(void uploads.push({ name, files: files.map((f) => f.split('/').pop() as string).sort() })).then(() => ({ id: 7, size: 1 })),
    download: () => Promise.reject(new Error('not used')),
    listThisRun: () => Promise.resolve([]),
  };
  return { io, artifacts: () => store, log, uploads };
}

describe('the post step', () => {
  it('with nothing measured, says so through the runner protocol alone', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'og-post-'));
    const restore = overlayEnv({ [`STATE_${State.OutputDir}`]: empty, [`STATE_${State.Completed}`]: '' });
    try {
      const { log } = await captureStdout(() => runPost());
      expect(log.trim()).toBe('optimization-gate post: the main step measured nothing; nothing to keep');
    } finally {
      restore();
    }
  });

  it('does nothing when main completed and uploaded', async () => {
    const r = recorder({ [State.OutputDir]: tmpdir(), [State.Completed]: 'true', [State.ArtifactUploaded]: 'true' });
    await runPost(r);
    expect(r.log).toEqual([]);
    expect(r.uploads).toEqual([]);
  });

  it('retries the upload of a completed main whose upload failed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'og-post-'));
    writeRunFiles(join(out, 'run'), syntheticRun({ durationS: 5, seed: 1 }));
    const r = recorder({ [State.OutputDir]: out, [State.Completed]: 'true', [State.ArtifactName]: 'gate' });
    await runPost(r);
    expect(r.uploads).toEqual([{ name: 'gate', files: ['run.events.jsonl', 'run.samples.jsonl'] }]);
    expect(r.log).toEqual(['info: optimization-gate post: uploaded gate (id 7) with what was measured']);
  });

  it('rebuilds an interrupted run from its samples, leaves a finished one alone, reports and uploads', async () => {
    const out = mkdtempSync(join(tmpdir(), 'og-post-'));
    writeRunFiles(join(out, 'finished'), syntheticRun({ durationS: 5, seed: 1 }));
    writeRunFiles(join(out, 'cut'), syntheticRun({ durationS: 60, seed: 2 }), { end: false });
    const r = recorder({ [State.OutputDir]: out });
    await runPost(r);
    expect(existsSync(join(out, 'finished.yaml'))).toBe(false);
    expect(readFileSync(join(out, 'cut.yaml'), 'utf8')).toMatch(/status: cancelled/);
    expect(r.log[0]).toBe('warning: optimization-gate post: the main step did not complete; keeping what was measured');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/Partial profiles rebuilt from the samples on disk:\n- .*cut\.yaml \(status cancelled, 60\.\d+ s measured\)/);
    expect(r.uploads[0]?.files).toEqual(['cut.events.jsonl', 'cut.samples.jsonl', 'cut.stage_truth.json', 'cut.yaml', 'finished.events.jsonl', 'finished.samples.jsonl', 'report.md']);
  });
});
