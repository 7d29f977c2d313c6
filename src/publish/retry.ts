/**
 * Retries of GitHub API calls, as GitHub documents its limits: a `retry-after` header is obeyed;
 * with `x-ratelimit-remaining: 0` the wait lasts until `x-ratelimit-reset`; a secondary rate limit
 * without either (a 403/429 whose body says so) waits at least a minute, longer each time. Server
 * errors, timeouts and dropped connections back off exponentially. A wait longer than the policy
 * allows, or past the total budget, gives up with the reason attached (RetryGaveUp) so the caller
 * can tell the user what happened; anything else (a 404, a missing permission) fails at once.
 */

export interface RetryPolicy {
  retries: number;
  /** First backoff in ms for server errors and timeouts; doubled each time. */
  baseDelayMs: number;
  /** Longest single wait accepted from GitHub's hint; a longer one gives up instead of sleeping. */
  maxDelayMs: number;
  /** Wait after a secondary rate limit that names no time (GitHub: at least one minute). */
  secondaryDelayMs: number;
  /** All waits of one call together stay under this (the job's time limit is the real bound). */
  maxTotalDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 1000, maxDelayMs: 120_000, secondaryDelayMs: 60_000, maxTotalDelayMs: 300_000 };

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

interface HttpLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** "0.3 s", "45 s", "60 min": a wait as a person reads it. */
export function duration(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} min`;
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** An API call that got no answer in time (set by the client's per-request timeout). */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${duration(timeoutMs)}`);
  }
}

export function header(error: unknown, name: string): string | undefined {
  const value = (error as HttpLikeError | undefined)?.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as HttpLikeError | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The message GitHub put in the response body (or the error's own). */
export function apiMessage(error: unknown): string {
  const data = (error as HttpLikeError | undefined)?.response?.data;
  const fromBody = typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string' ? (data as { message: string }).message : undefined;
  return fromBody ?? (error as HttpLikeError | undefined)?.message ?? String(error);
}

export type Transience = 'server' | 'timeout' | 'network' | 'primary-rate-limit' | 'secondary-rate-limit';

/** Why a call failed, when trying again may help; undefined when it will not (4xx other than limits). */
export function transience(error: unknown): Transience | undefined {
  if (error instanceof RequestTimeoutError) return 'timeout';
  const status = statusOf(error);
  if (status === undefined) return error instanceof Error ? 'network' : undefined;
  if (status === 403 || status === 429) {
    if (header(error, 'x-ratelimit-remaining') === '0') return 'primary-rate-limit';
    if (status === 429 || header(error, 'retry-after') !== undefined || /secondary rate limit|abuse detection/i.test(apiMessage(error))) return 'secondary-rate-limit';
    return undefined;
  }
  // Octokit reports a failed fetch (connection reset, DNS …) as status 500 with the cause attached.
  if (status >= 500) return (error as { cause?: unknown }).cause !== undefined ? 'network' : 'server';
  return undefined;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; why: 'not-transient' | 'wait-too-long'; waitMs?: number };

/** What to do after the `attempt`-th failure (0-based) of a call, at `nowMs`. */
export function retryDecision(error: unknown, attempt: number, policy: RetryPolicy, nowMs: number): RetryDecision {
  const kind = transience(error);
  if (kind === undefined) return { retry: false, why: 'not-transient' };
  const hinted = (): number | undefined => {
    const retryAfter = header(error, 'retry-after');
    if (retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - nowMs;
      if (Number.isFinite(ms)) return Math.max(0, ms);
    }
    const reset = header(error, 'x-ratelimit-reset');
    if (kind === 'primary-rate-limit' && reset !== undefined && Number.isFinite(Number(reset))) return Math.max(0, Number(reset) * 1000 - nowMs);
    return undefined;
  };
  const hint = hinted();
  if (hint !== undefined) return hint > policy.maxDelayMs ? { retry: false, why: 'wait-too-long', waitMs: hint } : { retry: true, delayMs: hint };
  if (kind === 'secondary-rate-limit' || kind === 'primary-rate-limit') return { retry: true, delayMs: policy.secondaryDelayMs * 2 ** attempt };
  return { retry: true, delayMs: policy.baseDelayMs * 2 ** attempt };
}

/** The delay before the next try, or undefined when the call must not be retried. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, nowMs: number): number | undefined {
  const decision = retryDecision(error, attempt, policy, nowMs);
  return decision.retry ? decision.delayMs : undefined;
}

/** A transient failure that was not (or no longer) retried: the last error, and why we stopped. */
export class RetryGaveUp extends Error {
  override readonly name = 'RetryGaveUp';
  constructor(
    readonly last: unknown,
    readonly attempts: number,
    readonly why: 'exhausted' | 'wait-too-long' | 'budget',
    readonly waitMs?: number,
  ) {
    super(apiMessage(last));
  }
}

export async function withRetry<T>(
  call: () => Promise<T>,
  {
    policy = DEFAULT_RETRY,
    sleep = realSleep,
    now = Date.now,
    onRetry,
  }: {
    policy?: RetryPolicy;
    sleep?: Sleep;
    now?: () => number;
    onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  } = {},
): Promise<T> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const decision = retryDecision(error, attempt, policy, now());
      if (!decision.retry) {
        if (decision.why === 'not-transient') throw error;
        throw new RetryGaveUp(error, attempt + 1, 'wait-too-long', decision.waitMs);
      }
      if (attempt >= policy.retries) throw new RetryGaveUp(error, attempt + 1, 'exhausted');
      if (waited + decision.delayMs > policy.maxTotalDelayMs) throw new RetryGaveUp(error, attempt + 1, 'budget', decision.delayMs);
      onRetry?.(error, attempt + 1, decision.delayMs);
      waited += decision.delayMs;
      await sleep(decision.delayMs);
    }
  }
}

/** `promise`, or a RequestTimeoutError after `ms` (the work itself is not cancelled: the job moves on). */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
