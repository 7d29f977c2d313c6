/**
 * Defended: a verdict rewritten after the gate decided (issue 10.6, the part about where results are
 * written and what `mode: aggregate` trusts). The aggregate downloads each runner's artifact and
 * trusts its gate.json / report.md / run-info.json only when they match the seal the runner's action
 * uploaded beside them; an altered or unsealed verdict counts as missing (a rejection).
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArtifactStore } from '../../src/publish/store.js';
import { alteredFiles, sealDigest, sealName, writeResultFile } from '../../src/action/sealed-results.js';
import { publishVerdict } from '../../src/action/publish.js';
import type { ActionConfig } from '../../src/inputs/config.js';
import type { RunContext } from '../../src/action/context.js';
import { noStores, recordingIO, runInProcess } from './in-process.js';

type Files = Record<string, string>;

function verdict(decision: string, runner: string): Files {
  return {
    'gate.json': `${JSON.stringify({ schema: 'optimization-gate/gate@1', decision })}\n`,
    'report.md': `### ${decision === 'ship' ? '✅' : '❌'} ${decision} — ${runner}\n`,
    'run-info.json': `${JSON.stringify({ runner_key: runner, hostname: `${runner}.local`, decision })}\n`,
  };
}

const digestOf = (files: Files) => sealDigest(new Map(Object.entries(files).map(([n, t]) => [n, Buffer.from(t)])));

/** This run's artifacts as the results service lists them; download writes the files. */
function artifactsOf(artifacts: Array<{ name: string; files: Files }>): () => ArtifactStore {
  return () => ({
    upload: async () => ({ id: 99, size: 0 }),
    listThisRun: async () => artifacts.map((a, i) => ({ id: i + 1, name: a.name })),
    download: async (id, destination) => {
      mkdirSync(destination, { recursive: true });
      for (const [name, text] of Object.entries(artifacts[id - 1]!.files)) writeFileSync(join(destination, name), text);
    },
  });
}

async function aggregate(artifacts: Array<{ name: string; files: Files }>) {
  const { io } = await runInProcess({ mode: 'aggregate', comment: 'none', 'artifact-name': 'og' }, { deps: { artifacts: artifactsOf(artifacts) } });
  return { decision: io.outputs.get('decision'), report: readFileSync(io.outputs.get('report-path')!, 'utf8'), io };
}

describe('mode aggregate trusts only sealed verdicts', () => {
  it("a runner's gate.json rewritten to ship after its action sealed the reject: not trusted", async () => {
    const genuine = verdict('reject', 'gpu-a');
    const forged = verdict('ship', 'gpu-a');
    const { decision, report } = await aggregate([
      { name: 'og-gpu-a', files: forged },
      { name: sealName('og-gpu-a', digestOf(genuine)), files: { 'seal.json': '{}' } },
    ]);
    expect(decision).toBe('reject');
    expect(report).toContain('not verified: its files differ from the ones the action sealed: altered after the verdict');
    expect(report).not.toContain('✅ ship — gpu-a');
  });

  it('a verdict without a seal (uploaded by anything but a completed run of the action): not trusted', async () => {
    const { decision, report } = await aggregate([{ name: 'og-gpu-b', files: verdict('ship', 'gpu-b') }]);
    expect(decision).toBe('reject');
    expect(report).toContain('not verified: no seal');
  });

  it('sealed verdicts are read as before', async () => {
    const ship = verdict('ship', 'gpu-c');
    const { decision, report } = await aggregate([
      { name: 'og-gpu-c', files: ship },
      { name: sealName('og-gpu-c', digestOf(ship)), files: { 'seal.json': '{}' } },
    ]);
    expect(decision).toBe('ship');
    expect(report).toContain('✅ ship — gpu-c');
  });
});

describe('the verdict files on the runner', () => {
  it('are written fresh: a link planted at the name by the measured command is replaced, not written through', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'og-out-'));
    const target = join(mkdtempSync(join(tmpdir(), 'og-elsewhere-')), 'bashrc');
    writeFileSync(target, 'untouched\n');
    symlinkSync(target, join(outDir, 'gate.json'));
    const uploads: string[] = [];
    const deps = {
      config: { retentionDays: 0, comment: { issue: false, pr: false } } as ActionConfig,
      context: { serverUrl: 'https://github.com', owner: 'acme', repo: 'p', runId: '1' } as RunContext,
      io: recordingIO(),
      artifacts: { ...noStores.artifacts(), upload: async (name: string) => (uploads.push(name), { id: 7, size: 1 }) },
    };
    const verdict = { decision: 'reject', render: () => '### ❌ reject\n', gateJson: '{"decision":"reject"}\n', annotations: [] };
    const publication = await publishVerdict(verdict, { outDir, artifactName: 'og-a', files: [], runInfo: '{}\n' }, deps);
    expect(readFileSync(target, 'utf8')).toBe('untouched\n');
    expect(lstatSync(join(outDir, 'gate.json')).isFile()).toBe(true);
    expect(publication.faults).toEqual([]);
    // The seal names the digest of exactly what was written.
    const written = new Map(['gate.json', 'report.md', 'run-info.json'].map((n) => [n, readFileSync(join(outDir, n))]));
    expect(uploads).toEqual(['og-a', sealName('og-a', sealDigest(written))]);
  });

  it('a rewrite after the action wrote them is noticed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-out-'));
    const bytes = writeResultFile(dir, 'gate.json', '{"decision":"reject"}\n');
    expect(alteredFiles(dir, new Map([['gate.json', bytes]]))).toEqual([]);
    writeFileSync(join(dir, 'gate.json'), '{"decision":"ship"}\n');
    expect(alteredFiles(dir, new Map([['gate.json', bytes]]))).toEqual(['gate.json']);
  });
});
