/**
 * Recording fakes of the action's runner-facing ports for in-process flow tests: the log /
 * outputs / state / summary (ActionIO), artifacts and the Actions cache. They keep what was handed
 * to them (file contents included) and can be told to fail, as the services can.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ActionIO, AnnotationLocation } from '../../../src/publish/io.js';
import type { ArtifactStore, CacheStore } from '../../../src/publish/store.js';
import { filesUnder } from '../../../src/action/run-files.js';
import type { ActionsModel, WorkflowRun } from '../../fakes/index.js';

export interface LogLine {
  level: 'info' | 'warning' | 'error';
  message: string;
  title?: string;
}

export class RecordingIO implements ActionIO {
  readonly log: LogLine[] = [];
  readonly groups: string[] = [];
  readonly outputs = new Map<string, string>();
  readonly state: Map<string, string>;
  readonly secrets: string[] = [];
  readonly failed: string[] = [];
  summary = '';
  /** Set to make appendSummary throw (a full disk, a missing GITHUB_STEP_SUMMARY file …). */
  summaryError: Error | undefined;

  /** `state`: what the main step saved, for the post step. */
  constructor(state: ReadonlyMap<string, string> = new Map()) {
    this.state = new Map(state);
  }

  info(message: string): void {
    this.log.push({ level: 'info', message });
  }
  warning(message: string, location?: AnnotationLocation): void {
    this.log.push({ level: 'warning', message, ...(location?.title ? { title: location.title } : {}) });
  }
  error(message: string, location?: AnnotationLocation): void {
    this.log.push({ level: 'error', message, ...(location?.title ? { title: location.title } : {}) });
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.groups.push(name);
    return fn();
  }
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }
  getState(name: string): string {
    return this.state.get(name) ?? '';
  }
  setSecret(value: string): void {
    this.secrets.push(value);
  }
  async appendSummary(markdown: string): Promise<void> {
    if (this.summaryError) throw this.summaryError;
    this.summary += markdown;
  }
  setFailed(message: string): void {
    this.failed.push(message);
  }

  messages(level: LogLine['level']): string[] {
    return this.log.filter((l) => l.level === level).map((l) => l.message);
  }
  /** Every line of the log, for failure messages. */
  text(): string {
    return this.log.map((l) => `${l.level}: ${l.message}`).join('\n');
  }
}

/** Files under `root` by their path relative to it (what an artifact zip or cache archive holds). */
function snapshot(files: readonly string[], root: string): Map<string, string> {
  return new Map(files.map((f) => [relative(root, f), readFileSync(f, 'utf8')]));
}

function restoreInto(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [name, content] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

export interface StoredArtifact {
  id: number;
  name: string;
  runId: number;
  runAttempt: number;
  files: Map<string, string>;
  retentionDays: number;
}

/**
 * Artifacts of every run of the repository. Each upload is also recorded, finalized, in the
 * ActionsModel the loopback GitHub API serves, so `GET /actions/artifacts?name=` finds it by the
 * same id. `forRun(run)` is the store one workflow run sees.
 */
export class RecordingArtifacts {
  readonly artifacts: StoredArtifact[] = [];
  readonly calls: string[] = [];
  /** Errors the next calls throw, per method, in order. */
  readonly failures: { upload: Error[]; download: Error[]; listThisRun: Error[] } = { upload: [], download: [], listThisRun: [] };
  /** Errors every download of one artifact throws, by id (whatever order the client tries them in). */
  readonly downloadFailures = new Map<number, Error>();

  constructor(private readonly model: ActionsModel) {}

  private store(run: WorkflowRun, name: string, files: Map<string, string>, retentionDays: number): StoredArtifact {
    const record = this.model.createArtifact(run, 'job', name, 'application/zip', undefined);
    record.state = 'finalized';
    record.size = [...files.values()].reduce((n, c) => n + c.length, 0);
    const artifact = { id: record.id, name, runId: run.id, runAttempt: run.runAttempt, files, retentionDays };
    this.artifacts.push(artifact);
    return artifact;
  }

  /** An artifact uploaded by `run` (e.g. another job of a runner matrix). */
  seed(run: WorkflowRun, name: string, files: Record<string, string>): StoredArtifact {
    return this.store(run, name, new Map(Object.entries(files)), 0);
  }

  forRun(run: WorkflowRun): ArtifactStore {
    return {
      upload: async (name, files, rootDir, retentionDays) => {
        this.calls.push(`upload ${name}`);
        const failure = this.failures.upload.shift();
        if (failure) throw failure;
        // Names are unique per run attempt (a re-run's job uploads its own), as the results service has them.
        if (this.artifacts.some((a) => a.runId === run.id && a.runAttempt === run.runAttempt && a.name === name)) {
          throw new Error(`Conflict: an artifact with this name already exists on the workflow run (${name})`);
        }
        const artifact = this.store(run, name, snapshot(files, rootDir), retentionDays);
        return { id: artifact.id, size: [...artifact.files.values()].reduce((n, c) => n + c.length, 0) };
      },
      download: async (id, destination, fromRun) => {
        this.calls.push(`download ${id}${fromRun ? ` from run ${fromRun.workflowRunId}` : ''}`);
        const failure = this.failures.download.shift() ?? this.downloadFailures.get(id);
        if (failure) throw failure;
        const artifact = this.artifacts.find((a) => a.id === id && (fromRun === undefined ? a.runId === run.id && a.runAttempt === run.runAttempt : a.runId === fromRun.workflowRunId));
        if (!artifact) throw new Error(`Artifact not found: ${id}`);
        restoreInto(destination, artifact.files);
      },
      listThisRun: async () => {
        this.calls.push('listThisRun');
        const failure = this.failures.listThisRun.shift();
        if (failure) throw failure;
        // The runtime token sees its own attempt's artifacts only.
        return this.artifacts.filter((a) => a.runId === run.id && a.runAttempt === run.runAttempt).map((a) => ({ id: a.id, name: a.name }));
      },
    };
  }

  of(run: WorkflowRun, name: string): StoredArtifact | undefined {
    return this.artifacts.find((a) => a.runId === run.id && a.name === name);
  }
}

/** The Actions cache: immutable keys; restore by exact key, else the newest entry with a restore key as prefix. */
export class RecordingCache implements CacheStore {
  readonly entries: Array<{ key: string; files: Map<string, string> }> = [];
  readonly calls: string[] = [];
  readonly failures: { save: Error[]; restore: Error[] } = { save: [], restore: [] };
  /** False models a job whose cache is read-only (ACTIONS_CACHE_MODE read). */
  saves = true;

  writable(): boolean {
    return this.saves;
  }

  async save(paths: string[], key: string): Promise<boolean> {
    this.calls.push(`save ${key}`);
    const failure = this.failures.save.shift();
    if (failure) throw failure;
    if (this.entries.some((e) => e.key === key)) return false;
    const [dir] = paths as [string];
    this.entries.push({ key, files: snapshot(filesUnder(dir), dir) });
    return true;
  }

  async restore(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined> {
    this.calls.push(`restore ${primaryKey}`);
    const failure = this.failures.restore.shift();
    if (failure) throw failure;
    const newest = [...this.entries].reverse();
    const hit = newest.find((e) => e.key === primaryKey) ?? restoreKeys.map((k) => newest.find((e) => e.key.startsWith(k))).find((e) => e !== undefined);
    if (!hit) return undefined;
    const [dir] = paths as [string];
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    restoreInto(dir, hit.files);
    return hit.key;
  }
}

/** Copies a directory's files into memory (e.g. an output directory before the post step). */
export function filesOf(dir: string): Map<string, string> {
  return snapshot(filesUnder(dir), dir);
}
