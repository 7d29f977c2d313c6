/**
 * A loopback fake of the Actions results service as the toolkit's v2 artifact and cache clients
 * call it: twirp JSON over POST. Requests carry proto field names (the clients' generated code
 * writes `toJson(…, { useProtoFieldName: true })`); int64 values are JSON strings, wrappers plain
 * values, timestamps RFC 3339. Signed URLs point at Azurite blobs.
 */
import { createHash } from 'node:crypto';
import type { ActionsModel, WorkflowRun } from './actions-model.js';
import type { BlobStore } from './azurite.js';
import { startRecordingServer, type Fault, type FaultMatch, type FakeRequest, type FakeResponse, type RecordedCall, type RecordingServer } from './http-kit.js';
import { decodeRuntimeToken, type BackendIds } from './runtime-token.js';

export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';

const ARTIFACT_METHODS = ['CreateArtifact', 'FinalizeArtifact', 'ListArtifacts', 'GetSignedArtifactURL', 'DeleteArtifact'] as const;
const CACHE_METHODS = ['CreateCacheEntry', 'FinalizeCacheEntryUpload', 'GetCacheEntryDownloadURL'] as const;
export type ArtifactMethod = (typeof ARTIFACT_METHODS)[number];
export type CacheMethod = (typeof CACHE_METHODS)[number];
export type TwirpMethod = ArtifactMethod | CacheMethod;

export function twirpPath(method: TwirpMethod): string {
  if ((ARTIFACT_METHODS as readonly string[]).includes(method)) return `/twirp/${ARTIFACT_SERVICE}/${method}`;
  if ((CACHE_METHODS as readonly string[]).includes(method)) return `/twirp/${CACHE_SERVICE}/${method}`;
  throw new Error(`unknown twirp method ${String(method)}`);
}

const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
} as const;
type TwirpCode = keyof typeof TWIRP_STATUS;

function twirpError(code: TwirpCode, msg: string): FakeResponse {
  return { status: TWIRP_STATUS[code], json: { code, msg } };
}

function codeForStatus(status: number): TwirpCode {
  const found = (Object.entries(TWIRP_STATUS) as [TwirpCode, number][]).find(([, s]) => s === status);
  return found?.[0] ?? 'internal';
}

export interface ResultsFake extends Omit<RecordingServer, 'failNext'> {
  readonly model: ActionsModel;
  /** Recorded calls of one twirp method (all twirp calls when omitted). */
  twirpCalls(method?: TwirpMethod): RecordedCall[];
  /** Queue a fault for the next call(s) of a twirp method, or of any matching path. */
  failNext(target: TwirpMethod | FaultMatch, fault: Fault): void;
}

export interface StartResultsFakeOptions {
  model: ActionsModel;
  blobs: BlobStore;
}

type Body = Record<string, unknown>;
interface Call {
  body: Body;
  ids: BackendIds;
  run: WorkflowRun;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const int64 = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

export async function startResultsFake(options: StartResultsFakeOptions): Promise<ResultsFake> {
  const { model, blobs } = options;

  async function sha256Of(blobName: string): Promise<string> {
    return createHash('sha256')
      .update(await blobs.read(blobName))
      .digest('hex');
  }

  /**
   * Artifact calls must name the run of their own token. Uploads and listings also name the token's
   * job; a download names the job that uploaded the artifact (the client sends the listed artifact's
   * ids), which may be another job of the same run — as download-artifact does across jobs.
   */
  function checkArtifactScope(call: Call, method: string): FakeResponse | undefined {
    const run = str(call.body.workflow_run_backend_id);
    const job = str(call.body.workflow_job_run_backend_id);
    const anyJobOfRun = method === 'GetSignedArtifactURL';
    if (run !== call.ids.runBackendId || (!anyJobOfRun && job !== call.ids.jobBackendId)) {
      return twirpError('permission_denied', `backend ids ${run}:${job} are not those of the token (${call.ids.runBackendId}:${call.ids.jobBackendId})`);
    }
    return undefined;
  }

  const artifactHandlers: Record<ArtifactMethod, (call: Call) => FakeResponse | Promise<FakeResponse>> = {
    CreateArtifact({ body, ids, run }) {
      const name = str(body.name);
      if (name === undefined || name === '') return twirpError('invalid_argument', 'name is required');
      if (model.artifactsOfRun(run.backendId, { name }).length > 0) {
        return twirpError('already_exists', `an artifact with this name already exists on the workflow run: ${name}`);
      }
      // An unfinished upload of the same name is replaced (assumed: the real service's rule for it is not documented).
      for (const stale of model.artifactsOfRun(run.backendId, { name, includeUploading: true })) model.deleteArtifact(stale.id);
      const expires = str(body.expires_at);
      const record = model.createArtifact(run, ids.jobBackendId, name, str(body.mime_type), expires === undefined ? undefined : new Date(expires));
      return { status: 200, json: { ok: true, signed_upload_url: blobs.signedUrl(record.blobName, 'cw') } };
    },
    async FinalizeArtifact({ body, run }) {
      const name = str(body.name);
      const record = model.artifactsOfRun(run.backendId, { name, includeUploading: true }).find((a) => a.state === 'uploading');
      if (record === undefined) return twirpError('not_found', `no artifact upload in progress named ${name}`);
      const size = int64(body.size);
      const blob = await blobs.properties(record.blobName);
      if (blob === undefined) return twirpError('failed_precondition', `artifact ${name} has no uploaded blob`);
      if (size !== blob.size) return twirpError('invalid_argument', `size ${body.size as string} does not match the uploaded ${blob.size} bytes`);
      const hash = str(body.hash);
      if (hash !== undefined && hash !== `sha256:${await sha256Of(record.blobName)}`) {
        return twirpError('invalid_argument', `hash ${hash} does not match the uploaded blob`);
      }
      record.state = 'finalized';
      record.size = size;
      record.digest = hash;
      return { status: 200, json: { ok: true, artifact_id: String(record.id) } };
    },
    ListArtifacts({ body, run }) {
      const idFilter = int64(body.id_filter);
      const artifacts = model
        .artifactsOfRun(run.backendId, { name: str(body.name_filter) })
        .filter((a) => idFilter === undefined || a.id === idFilter)
        .map((a) => ({
          workflow_run_backend_id: a.runBackendId,
          workflow_job_run_backend_id: a.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt.toISOString(),
          ...(a.digest === undefined ? {} : { digest: a.digest }),
        }));
      return { status: 200, json: { artifacts } };
    },
    GetSignedArtifactURL({ body, run }) {
      const record = model.artifactsOfRun(run.backendId, { name: str(body.name) })[0];
      if (record === undefined) return twirpError('not_found', `artifact not found: ${str(body.name)}`);
      return { status: 200, json: { signed_url: blobs.signedUrl(record.blobName, 'r') } };
    },
    async DeleteArtifact({ body, run }) {
      const record = model.artifactsOfRun(run.backendId, { name: str(body.name) })[0];
      if (record === undefined) return twirpError('not_found', `artifact not found: ${str(body.name)}`);
      await blobs.delete(record.blobName);
      model.deleteArtifact(record.id);
      return { status: 200, json: { ok: true, artifact_id: String(record.id) } };
    },
  };

  const cacheHandlers: Record<CacheMethod, (call: Call) => FakeResponse | Promise<FakeResponse>> = {
    CreateCacheEntry({ body, run }) {
      const key = str(body.key);
      const version = str(body.version);
      if (key === undefined || key === '' || version === undefined || version === '') {
        return twirpError('invalid_argument', 'key and version are required');
      }
      // The service's own refusal for a read-only token (@actions/cache CACHE_WRITE_DENIED_PREFIX).
      if (run.cacheMode === 'read') return { status: 200, json: { ok: false, signed_upload_url: '', message: `cache write denied: the token of run ${run.id} may only read caches` } };
      const entry = model.reserveCacheEntry(run, key, version);
      if (entry === undefined) return twirpError('already_exists', 'cache entry with the same key, version, and scope already exists');
      return { status: 200, json: { ok: true, signed_upload_url: blobs.signedUrl(entry.blobName, 'cw') } };
    },
    async FinalizeCacheEntryUpload({ body, run }) {
      const entry = model.uploadingCacheEntry(run, str(body.key) ?? '', str(body.version) ?? '');
      if (entry === undefined) return twirpError('not_found', 'cache entry not found');
      const blob = await blobs.properties(entry.blobName);
      if (blob === undefined) return twirpError('failed_precondition', 'cache archive was not uploaded');
      const size = int64(body.size_bytes);
      if (size !== blob.size) return twirpError('invalid_argument', `size_bytes ${String(body.size_bytes)} does not match the uploaded ${blob.size} bytes`);
      entry.state = 'finalized';
      entry.sizeBytes = size;
      return { status: 200, json: { ok: true, entry_id: String(entry.id) } };
    },
    GetCacheEntryDownloadURL({ body, run }) {
      const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.filter((k): k is string => typeof k === 'string') : [];
      const entry = model.findCacheEntry(run, str(body.key) ?? '', restoreKeys, str(body.version) ?? '');
      if (entry === undefined) return { status: 200, json: { ok: false } };
      return { status: 200, json: { ok: true, signed_download_url: blobs.signedUrl(entry.blobName, 'r'), matched_key: entry.key } };
    },
  };

  function handle(req: FakeRequest, note: Record<string, unknown>): FakeResponse | Promise<FakeResponse> {
    const match = /^\/twirp\/([\w.]+)\/(\w+)$/.exec(req.path);
    if (req.method !== 'POST' || match === null) return twirpError('bad_route', `no route for ${req.method} ${req.path}`);
    const [, service, method] = match as unknown as [string, string, string];
    note.rpc = method;
    const handler = service === ARTIFACT_SERVICE ? artifactHandlers[method as ArtifactMethod] : service === CACHE_SERVICE ? cacheHandlers[method as CacheMethod] : undefined;
    if (handler === undefined) return twirpError('bad_route', `unknown method ${service}/${method}`);

    const ids = decodeRuntimeToken(req.auth);
    if (ids === undefined) return twirpError('unauthenticated', 'missing or invalid runtime token');
    note.runBackendId = ids.runBackendId;
    note.jobBackendId = ids.jobBackendId;
    const run = model.runByBackendId(ids.runBackendId);
    if (run === undefined) return twirpError('permission_denied', `unknown workflow run backend id ${ids.runBackendId}`);
    if (typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) return twirpError('malformed', 'body is not a JSON object');
    const call: Call = { body: req.json as Body, ids, run };
    if (service === ARTIFACT_SERVICE) {
      const denied = checkArtifactScope(call, method);
      if (denied !== undefined) return denied;
    }
    return handler(call);
  }

  const server = await startRecordingServer({
    name: 'results-service',
    handle,
    faultBody: (status) => ({ code: codeForStatus(status), msg: `injected fault (${status})` }),
  });

  return {
    ...server,
    model,
    twirpCalls(method) {
      return server.calls.filter((c) => c.path.startsWith('/twirp/') && (method === undefined || c.path === twirpPath(method)));
    },
    failNext(target, fault) {
      server.failNext(typeof target === 'string' ? { method: 'POST', path: twirpPath(target) } : target, fault);
    },
  };
}
