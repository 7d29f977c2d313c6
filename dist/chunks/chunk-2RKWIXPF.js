import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-LDP73T3D.js";

// src/publish/store.ts
import { isAbsolute, relative } from "node:path";

// src/publish/retry.ts
var DEFAULT_RETRY = { retries: 4, baseDelayMs: 1e3, maxDelayMs: 12e4, secondaryDelayMs: 6e4, maxTotalDelayMs: 3e5 };
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function duration(ms) {
  if (ms >= 12e4) return `${Math.round(ms / 6e4)} min`;
  return ms < 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms / 1e3)} s`;
}
var RequestTimeoutError = class extends Error {
  constructor(timeoutMs) {
    super(`no answer within ${duration(timeoutMs)}`);
    this.timeoutMs = timeoutMs;
  }
  timeoutMs;
  name = "RequestTimeoutError";
};
function header(error, name) {
  const value = error?.response?.headers?.[name];
  return value === void 0 ? void 0 : String(value);
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function apiMessage(error) {
  const data = error?.response?.data;
  const fromBody = typeof data === "object" && data !== null && typeof data.message === "string" ? data.message : void 0;
  return fromBody ?? error?.message ?? String(error);
}
function transience(error) {
  if (error instanceof RequestTimeoutError) return "timeout";
  const status = statusOf(error);
  if (status === void 0) return error instanceof Error ? "network" : void 0;
  if (status === 403 || status === 429) {
    if (header(error, "x-ratelimit-remaining") === "0") return "primary-rate-limit";
    if (status === 429 || header(error, "retry-after") !== void 0 || /secondary rate limit|abuse detection/i.test(apiMessage(error))) return "secondary-rate-limit";
    return void 0;
  }
  if (status >= 500) return error.cause !== void 0 ? "network" : "server";
  return void 0;
}
function retryDecision(error, attempt, policy, nowMs) {
  const kind = transience(error);
  if (kind === void 0) return { retry: false, why: "not-transient" };
  const hinted = () => {
    const retryAfter = header(error, "retry-after");
    if (retryAfter !== void 0) {
      const seconds = Number(retryAfter);
      const ms = Number.isFinite(seconds) ? seconds * 1e3 : Date.parse(retryAfter) - nowMs;
      if (Number.isFinite(ms)) return Math.max(0, ms);
    }
    const reset = header(error, "x-ratelimit-reset");
    if (kind === "primary-rate-limit" && reset !== void 0 && Number.isFinite(Number(reset))) return Math.max(0, Number(reset) * 1e3 - nowMs);
    return void 0;
  };
  const hint = hinted();
  if (hint !== void 0) return hint > policy.maxDelayMs ? { retry: false, why: "wait-too-long", waitMs: hint } : { retry: true, delayMs: hint };
  if (kind === "secondary-rate-limit" || kind === "primary-rate-limit") return { retry: true, delayMs: policy.secondaryDelayMs * 2 ** attempt };
  return { retry: true, delayMs: policy.baseDelayMs * 2 ** attempt };
}
var RetryGaveUp = class extends Error {
  constructor(last, attempts, why, waitMs) {
    super(apiMessage(last));
    this.last = last;
    this.attempts = attempts;
    this.why = why;
    this.waitMs = waitMs;
  }
  last;
  attempts;
  why;
  waitMs;
  name = "RetryGaveUp";
};
async function withRetry(call, {
  policy = DEFAULT_RETRY,
  sleep = realSleep,
  now = Date.now,
  onRetry
} = {}) {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const decision = retryDecision(error, attempt, policy, now());
      if (!decision.retry) {
        if (decision.why === "not-transient") throw error;
        throw new RetryGaveUp(error, attempt + 1, "wait-too-long", decision.waitMs);
      }
      if (attempt >= policy.retries) throw new RetryGaveUp(error, attempt + 1, "exhausted");
      if (waited + decision.delayMs > policy.maxTotalDelayMs) throw new RetryGaveUp(error, attempt + 1, "budget", decision.delayMs);
      onRetry?.(error, attempt + 1, decision.delayMs);
      waited += decision.delayMs;
      await sleep(decision.delayMs);
    }
  }
}
async function withDeadline(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

// src/publish/api-errors.ts
function acceptedPermissions(value) {
  if (value === void 0 || value.trim() === "") return void 0;
  const sets = value.split(";").map(
    (set) => set.split(",").map((p) => p.trim()).filter((p) => p !== "").map((p) => {
      const [scope = "", level = ""] = p.split("=");
      return `\`${scope.replace(/_/g, "-")}: ${level}\``;
    }).join(" and ")
  ).filter((s) => s !== "");
  return sets.length === 0 ? void 0 : sets.join(" or ");
}
function isHttpError(error) {
  return statusOf(error) !== void 0 || error instanceof Error && error.name === "HttpError";
}
var RERUN = "re-run the job later (Re-run failed jobs keeps the runners that succeeded)";
function explainApiError(error, what) {
  if (error instanceof RetryGaveUp) return explainGaveUp(error, what);
  if (error instanceof RequestTimeoutError) return new UserError(`GitHub API: ${what} got no answer within ${duration(error.timeoutMs)}`, [RERUN]);
  if (!isHttpError(error)) return error;
  const status = statusOf(error);
  const message = apiMessage(error);
  if (status === void 0) return new UserError(`GitHub API: ${what} failed: ${message}`, [RERUN]);
  switch (status) {
    case 401:
      return new UserError(`GitHub API: ${what} was refused (401 ${message}): the token is invalid or expired`);
    case 403:
      return explainForbidden(error, what, message);
    case 404:
      return new UserError(`GitHub API: ${what}: not found (404)`, ["check the number or name; a token of another repository cannot see this one"]);
    case 410:
      return new UserError(`GitHub API: ${what}: gone (410 ${message})`, ["artifacts expire after their retention period (retention-days, or the repository default)"]);
    case 422:
      return new UserError(`GitHub API: ${what} was rejected (422 ${message})`);
    default:
      if (status >= 500) return new UserError(`GitHub API: ${what} failed (${status} ${message}): GitHub is having trouble`, [RERUN]);
      return new UserError(`GitHub API: ${what} failed (${status} ${message})`);
  }
}
function explainForbidden(error, what, message) {
  if (/issue is locked|conversation is locked/i.test(message)) {
    return new UserError(`GitHub API: ${what}: the conversation is locked (${message})`, [
      "unlock it, or give the job `contents: write` (only actors with push access may comment on a locked conversation)"
    ]);
  }
  const kind = transience(error);
  if (kind === "primary-rate-limit" || kind === "secondary-rate-limit") {
    return new UserError(`GitHub API: ${what} hit GitHub's ${kind === "primary-rate-limit" ? "" : "secondary "}rate limit (${message})`, [RERUN]);
  }
  const accepted = acceptedPermissions(header(error, "x-accepted-github-permissions"));
  return new UserError(`GitHub API: ${what} was refused (403 ${message})`, [
    accepted ? `the token lacks the permission: give the job ${accepted} in its \`permissions:\` (the caller of a reusable workflow must grant it too)` : "the token lacks a permission: give the job `issues: write` (issue comments), `pull-requests: write` (PR comments), `actions: read` (artifacts of other runs)",
    "a pull request from a fork gets a read-only token whatever the workflow asks for"
  ]);
}
function explainGaveUp(error, what) {
  const status = statusOf(error.last);
  const kind = transience(error.last);
  const answer = error.last instanceof RequestTimeoutError ? error.last.message : `${status ?? "no answer"} ${apiMessage(error.last)}`.trim();
  const limit = kind === "primary-rate-limit" ? "GitHub's rate limit" : kind === "secondary-rate-limit" ? "GitHub's secondary rate limit" : void 0;
  if (error.why === "wait-too-long") {
    return new UserError(`GitHub API: ${what}: ${limit ?? "GitHub"} asks to wait ${duration(error.waitMs ?? 0)} before trying again, longer than this action waits (${answer})`, [RERUN]);
  }
  const tries = `${error.attempts} attempt${error.attempts === 1 ? "" : "s"}`;
  if (limit) return new UserError(`GitHub API: ${what} still hit ${limit} after ${tries} (${answer})`, [RERUN]);
  return new UserError(`GitHub API: ${what} failed after ${tries} (${answer}): GitHub is unavailable or unreachable from this runner`, [RERUN]);
}

// src/publish/store.ts
var DOWNLOAD_RETRY = { retries: 2, baseDelayMs: 2e3, maxDelayMs: 6e4, secondaryDelayMs: 6e4, maxTotalDelayMs: 12e4 };
var TRANSFER_DEADLINE_MS = 10 * 6e4;
function createArtifactStore(options = {}) {
  let loaded;
  const artifactClient = () => loaded ??= import("./artifact-KOWUJUMD.js").then((m) => new m.DefaultArtifactClient());
  const deadline = options.deadlineMs ?? TRANSFER_DEADLINE_MS;
  return {
    async upload(name, files, rootDir, retentionDays) {
      const client = await artifactClient();
      const result = await withDeadline(client.uploadArtifact(name, files, rootDir, retentionDays > 0 ? { retentionDays } : {}), deadline);
      return { id: result.id ?? 0, size: result.size ?? 0 };
    },
    async download(id, destination, fromRun) {
      const client = await artifactClient();
      const what = `downloading artifact ${id}${fromRun ? ` of run ${fromRun.workflowRunId}` : ""}`;
      const once = () => withDeadline(
        client.downloadArtifact(id, {
          path: destination,
          ...fromRun ? { findBy: { token: fromRun.token, repositoryOwner: fromRun.owner, repositoryName: fromRun.repo, workflowRunId: fromRun.workflowRunId } } : {}
        }),
        deadline
      );
      try {
        await withRetry(once, {
          policy: options.retry ?? DOWNLOAD_RETRY,
          onRetry: (error, attempt, delay) => options.log?.(`${what} failed (${error.message}); retry ${attempt} in ${(delay / 1e3).toFixed(1)} s`)
        });
      } catch (error) {
        throw explainApiError(error, what);
      }
    },
    async listThisRun() {
      const client = await artifactClient();
      const { artifacts } = await withDeadline(client.listArtifacts({ latest: true }), deadline);
      return artifacts.map((a) => ({ id: a.id, name: a.name }));
    }
  };
}
function cachePaths(paths) {
  return paths.map((p) => isAbsolute(p) ? relative(process.cwd(), p) || "." : p);
}
function cacheWritable(env = process.env) {
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  return !(mode === "read" || mode === "none");
}
function createCacheStore() {
  return {
    writable: () => cacheWritable(),
    async save(paths, key) {
      const cache = await import("./cache-UKIBEZC4.js");
      const id = await withDeadline(cache.saveCache(cachePaths(paths), key), TRANSFER_DEADLINE_MS);
      return id !== -1;
    },
    async restore(paths, primaryKey, restoreKeys) {
      const cache = await import("./cache-UKIBEZC4.js");
      return withDeadline(cache.restoreCache(cachePaths(paths), primaryKey, restoreKeys), TRANSFER_DEADLINE_MS);
    }
  };
}

export {
  RequestTimeoutError,
  statusOf,
  withRetry,
  explainApiError,
  createArtifactStore,
  createCacheStore
};
