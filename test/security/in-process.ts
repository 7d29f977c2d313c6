/** The action's run() / runPost() in the test process, with recording IO and stores (for test/security). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type ActionDeps } from '../../src/action/run.js';
import type { ActionIO } from '../../src/publish/io.js';
import type { ArtifactStore, CacheStore } from '../../src/publish/store.js';
import type { GitHubApi } from '../../src/publish/github.js';

export interface RecordingIO extends ActionIO {
  failed: string[];
  warnings: string[];
  infos: string[];
  outputs: Map<string, string>;
  state: Map<string, string>;
}

export function recordingIO(state: Record<string, string> = {}): RecordingIO {
  const io: RecordingIO = {
    failed: [],
    warnings: [],
    infos: [],
    outputs: new Map(),
    state: new Map(Object.entries(state)),
    info: (m) => void io.infos.push(m),
    warning: (m) => void io.warnings.push(m),
    error: (m) => void io.warnings.push(m),
    group: (_name, fn) => fn(),
    setOutput: (n, v) => void io.outputs.set(n, v),
    saveState: (n, v) => void io.state.set(n, v),
    getState: (n) => io.state.get(n) ?? '',
    setSecret: () => {},
    appendSummary: async () => {},
    setFailed: (m) => void io.failed.push(m),
  };
  return io;
}

export const noStores = {
  artifacts: (): ArtifactStore => ({
    upload: async () => ({ id: 1, size: 0 }),
    download: () => Promise.reject(new Error('no artifacts here')),
    listThisRun: async () => [],
  }),
  cache: (): CacheStore => ({ writable: () => true, save: async () => false, restore: async () => undefined }),
};

export interface InProcessRun {
  io: RecordingIO;
  workspace: string;
  runnerTemp: string;
}

/**
 * run() with these inputs, as a `push` on main would start it; `event` is the payload (a
 * pull_request one makes a PR run), `env` adds or overrides runner variables.
 */
export async function runInProcess(
  inputs: Record<string, string>,
  options: { workspace?: string; event?: object; eventName?: string; env?: Record<string, string>; deps?: Partial<ActionDeps>; github?: GitHubApi } = {},
): Promise<InProcessRun> {
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'og-sec-ws-'));
  const runnerTemp = mkdtempSync(join(tmpdir(), 'og-sec-temp-'));
  mkdirSync(workspace, { recursive: true });
  const eventPath = join(runnerTemp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event ?? { repository: { default_branch: 'main' } }));
  const io = recordingIO();
  await run({
    io,
    env: {
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      GITHUB_REPOSITORY: 'acme/podcast-pipeline',
      GITHUB_EVENT_NAME: options.eventName ?? 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ID: '1',
      RUNNER_ENVIRONMENT: 'self-hosted',
      ...options.env,
    },
    readInput: (name) => inputs[name] ?? '',
    github: () => options.github,
    ...noStores,
    ...options.deps,
  });
  return { io, workspace, runnerTemp };
}
