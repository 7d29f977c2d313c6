/**
 * The state both fakes share: workflow runs, their artifacts and the actions cache. The results
 * service writes it (twirp calls of the toolkit clients); the GitHub fake reads it (the public REST
 * API another run uses to find and download an artifact). Blob bytes live in Azurite.
 */
import { randomUUID } from 'node:crypto';
import type { DispatchRecord } from './github-dispatch-routes.js';

export interface WorkflowRun {
  /** The public database id (`GITHUB_RUN_ID`, REST `run_id`). */
  id: number;
  /** The id inside the runtime token's `Actions.Results` scope. */
  backendId: string;
  runNumber: number;
  runAttempt: number;
  name: string;
  /** `.github/workflows/<file>.yml` */
  workflowPath: string;
  workflowId: number;
  event: string;
  headBranch: string;
  headSha: string;
  /** The ref the run is for (`refs/heads/main`, `refs/pull/7/merge`); caches are scoped to it. */
  ref: string;
  /** For pull requests: the base branch, whose caches the run may also read. */
  baseBranch?: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  actor: string;
  createdAt: Date;
  /**
   * The cache access the service grants the run (the runner exports it as ACTIONS_CACHE_MODE).
   * `read`: saves are refused ("cache write denied:"), e.g. for events the repository treats as untrusted.
   */
  cacheMode?: 'read' | 'write';
  /** `owner/name` the run's code came from: a fork's for a fork PR (default: the repository itself). */
  headRepository?: string;
  /** Reusable workflows the run called, as the API lists them (`owner/repo/.github/workflows/x.yml@ref`). */
  referencedWorkflows?: string[];
}

export type RunSpec = Partial<Omit<WorkflowRun, 'workflowId'>>;

export interface ArtifactRecord {
  id: number;
  name: string;
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  blobName: string;
  mimeType: string | undefined;
  state: 'uploading' | 'finalized';
  size: number;
  /** `sha256:<hex>` as the client sent it at finalize. */
  digest: string | undefined;
  createdAt: Date;
  expiresAt: Date | undefined;
}

export interface CacheEntryRecord {
  id: number;
  key: string;
  version: string;
  scope: string;
  blobName: string;
  state: 'uploading' | 'finalized';
  sizeBytes: number;
  createdAt: Date;
  runBackendId: string;
}

export interface ActionsModelOptions {
  defaultBranch?: string;
}

export class ActionsModel {
  readonly defaultBranch: string;
  /**
   * Every attempt of every run. GitHub keeps one run id across re-runs; each attempt gets its own
   * backend id (the runtime token's scope), so the results service sees only its own attempt's
   * artifacts while the public API by run id sees the artifacts of all attempts.
   */
  readonly attempts: WorkflowRun[] = [];
  readonly artifacts: ArtifactRecord[] = [];
  readonly cacheEntries: CacheEntryRecord[] = [];
  private readonly workflowIds = new Map<string, number>();
  private nextRunId = 14_000_000_001;
  private nextArtifactId = 3_000_000_001;
  private nextCacheId = 1;

  constructor(options: ActionsModelOptions = {}) {
    this.defaultBranch = options.defaultBranch ?? 'main';
  }

  addRun(spec: RunSpec = {}): WorkflowRun {
    const workflowPath = spec.workflowPath ?? '.github/workflows/optimization-gate.yml';
    let workflowId = this.workflowIds.get(workflowPath);
    if (workflowId === undefined) {
      workflowId = 161_000_001 + this.workflowIds.size;
      this.workflowIds.set(workflowPath, workflowId);
    }
    const headBranch = spec.headBranch ?? this.defaultBranch;
    const run: WorkflowRun = {
      id: spec.id ?? this.nextRunId++,
      backendId: spec.backendId ?? randomUUID(),
      runNumber: spec.runNumber ?? this.runs.filter((r) => r.workflowId === workflowId).length + 1,
      runAttempt: spec.runAttempt ?? 1,
      name: spec.name ?? 'optimization-gate',
      workflowPath,
      workflowId,
      event: spec.event ?? 'workflow_dispatch',
      headBranch,
      headSha: spec.headSha ?? randomUUID().replace(/-/g, '').padEnd(40, '0').slice(0, 40),
      ref: spec.ref ?? `refs/heads/${headBranch}`,
      baseBranch: spec.baseBranch,
      status: spec.status ?? 'in_progress',
      conclusion: spec.conclusion ?? null,
      actor: spec.actor ?? 'octocat',
      createdAt: spec.createdAt ?? new Date(),
      ...(spec.cacheMode ? { cacheMode: spec.cacheMode } : {}),
      ...(spec.headRepository !== undefined ? { headRepository: spec.headRepository } : {}),
      ...(spec.referencedWorkflows !== undefined ? { referencedWorkflows: spec.referencedWorkflows } : {}),
    };
    if (this.attempts.some((r) => r.id === run.id || r.backendId === run.backendId)) {
      throw new Error(`run ${run.id} / ${run.backendId} already exists in the model`);
    }
    this.attempts.push(run);
    return run;
  }

  /** The latest attempt of each run (what the REST run listings show). */
  get runs(): WorkflowRun[] {
    return this.attempts.filter((r) => this.runById(r.id) === r);
  }

  /**
   * "Re-run jobs": a new attempt of the run, same id and number, attempt + 1, a new backend id. Its
   * jobs get runtime tokens of the new attempt; artifacts of earlier attempts stay with their attempt.
   */
  rerun(runId: number): WorkflowRun {
    const latest = this.runById(runId);
    if (latest === undefined) throw new Error(`no run ${runId}`);
    const attempt: WorkflowRun = {
      ...latest,
      backendId: randomUUID(),
      runAttempt: latest.runAttempt + 1,
      status: 'in_progress',
      conclusion: null,
      createdAt: new Date(),
    };
    this.attempts.push(attempt);
    return attempt;
  }

  /** Ends a run the way GitHub does when its jobs finish (artifact lookups often filter on it). */
  completeRun(runId: number, conclusion: 'success' | 'failure' | 'cancelled' = 'success'): WorkflowRun {
    const run = this.runById(runId);
    if (run === undefined) throw new Error(`no run ${runId}`);
    run.status = 'completed';
    run.conclusion = conclusion;
    return run;
  }

  /** The latest attempt of run `id`. */
  runById(id: number): WorkflowRun | undefined {
    return this.attempts.filter((r) => r.id === id).sort((a, b) => b.runAttempt - a.runAttempt)[0];
  }

  runByBackendId(backendId: string): WorkflowRun | undefined {
    return this.attempts.find((r) => r.backendId === backendId);
  }

  /** Workflow dispatches accepted by the REST API (github-dispatch-routes.ts), oldest first. */
  readonly dispatches: DispatchRecord[] = [];

  /** A workflow file the repository has, before any run of it (the dispatch API needs it to exist). */
  addWorkflow(path: string): void {
    if (!this.workflowIds.has(path)) this.workflowIds.set(path, 161_000_001 + this.workflowIds.size);
  }

  /** The workflow file of an id or file name, if the repository has it. */
  workflowPathOf(fileOrId: string): string | undefined {
    for (const [path, id] of this.workflowIds) if (String(id) === fileOrId || path.endsWith(`/${fileOrId}`)) return path;
    return undefined;
  }

  workflowIdOf(fileOrId: string): number | undefined {
    if (/^\d+$/.test(fileOrId)) return Number(fileOrId);
    for (const [path, id] of this.workflowIds) if (path.endsWith(`/${fileOrId}`)) return id;
    return undefined;
  }

  // ---- artifacts ----

  createArtifact(run: WorkflowRun, jobBackendId: string, name: string, mimeType: string | undefined, expiresAt: Date | undefined): ArtifactRecord {
    const id = this.nextArtifactId++;
    const record: ArtifactRecord = {
      id,
      name,
      runId: run.id,
      runBackendId: run.backendId,
      jobBackendId,
      blobName: `artifacts/${run.backendId}/${id}${mimeType === 'application/zip' ? '.zip' : ''}`,
      mimeType,
      state: 'uploading',
      size: 0,
      digest: undefined,
      createdAt: new Date(),
      expiresAt,
    };
    this.artifacts.push(record);
    return record;
  }

  /** Artifacts of a run by name (newest first), including unfinished ones only when asked. */
  artifactsOfRun(runBackendId: string, options: { name?: string; includeUploading?: boolean } = {}): ArtifactRecord[] {
    return this.artifacts
      .filter((a) => a.runBackendId === runBackendId)
      .filter((a) => options.includeUploading === true || a.state === 'finalized')
      .filter((a) => options.name === undefined || a.name === options.name)
      .sort((a, b) => b.id - a.id);
  }

  artifactById(id: number): ArtifactRecord | undefined {
    return this.artifacts.find((a) => a.id === id && a.state === 'finalized');
  }

  /** Retention ran out: listed with `expired: true`, the download answers 410 Gone. */
  expireArtifact(id: number): void {
    const artifact = this.artifactById(id);
    if (artifact === undefined) throw new Error(`no artifact ${id}`);
    artifact.expiresAt = new Date(Date.now() - 1000);
  }

  deleteArtifact(id: number): void {
    const index = this.artifacts.findIndex((a) => a.id === id);
    if (index >= 0) this.artifacts.splice(index, 1);
  }

  // ---- cache ----

  /** The scopes a run may read caches from: its own ref, its PR's base branch, the default branch. */
  readableScopes(run: WorkflowRun): string[] {
    const scopes = [run.ref];
    if (run.baseBranch !== undefined) scopes.push(`refs/heads/${run.baseBranch}`);
    scopes.push(`refs/heads/${this.defaultBranch}`);
    return [...new Set(scopes)];
  }

  reserveCacheEntry(run: WorkflowRun, key: string, version: string): CacheEntryRecord | undefined {
    const taken = this.cacheEntries.some((e) => e.key === key && e.version === version && e.scope === run.ref);
    if (taken) return undefined;
    const id = this.nextCacheId++;
    const entry: CacheEntryRecord = {
      id,
      key,
      version,
      scope: run.ref,
      blobName: `caches/${id}`,
      state: 'uploading',
      sizeBytes: 0,
      createdAt: new Date(),
      runBackendId: run.backendId,
    };
    this.cacheEntries.push(entry);
    return entry;
  }

  uploadingCacheEntry(run: WorkflowRun, key: string, version: string): CacheEntryRecord | undefined {
    return this.cacheEntries.find((e) => e.key === key && e.version === version && e.scope === run.ref && e.state === 'uploading');
  }

  /**
   * The cache a restore finds, as GitHub documents it: for the key, then each restore key in order,
   * an exact key match first, else the newest entry whose key starts with it; the version (paths +
   * compression) must match, and only the run's readable scopes are searched, nearest scope first.
   */
  findCacheEntry(run: WorkflowRun, key: string, restoreKeys: readonly string[], version: string): CacheEntryRecord | undefined {
    const candidates = this.cacheEntries.filter((e) => e.state === 'finalized' && e.version === version);
    for (const scope of this.readableScopes(run)) {
      const inScope = candidates.filter((e) => e.scope === scope);
      for (const wanted of [key, ...restoreKeys]) {
        const exact = inScope.find((e) => e.key === wanted);
        if (exact !== undefined) return exact;
        const newest = inScope.filter((e) => e.key.startsWith(wanted)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0];
        if (newest !== undefined) return newest;
      }
    }
    return undefined;
  }
}
