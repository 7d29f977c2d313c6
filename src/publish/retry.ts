/**
 * Retries of GitHub API calls: 5xx, 429 and rate-limited 403 are retried with backoff that honours
 * `retry-after` (and `x-ratelimit-reset`); everything else fails at once.
 */

export interface RetryPolicy {
  retries: number;
  /** First backoff in ms when the server gives no hint; doubled each time. */
  baseDelayMs: number;
  /** Longest wait we accept from a `retry-after`; longer hints fail the call instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 1000, maxDelayMs: 120_000 };

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

interface HttpLikeError {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

function header(error: HttpLikeError, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** How long to wait before retrying `error`, or undefined when it must not be retried. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, nowMs: number): number | undefined {
  const e = error as HttpLikeError;
  const status = e?.status;
  if (typeof status !== 'number') return undefined;
  const rateLimited = status === 403 && header(e, 'x-ratelimit-remaining') === '0';
  if (!(status >= 500 || status === 429 || rateLimited)) return undefined;

  const retryAfter = header(e, 'retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - nowMs;
    if (Number.isFinite(ms)) return ms > policy.maxDelayMs ? undefined : Math.max(0, ms);
  }
  const reset = header(e, 'x-ratelimit-reset');
  if (rateLimited && reset !== undefined && Number.isFinite(Number(reset))) {
    const ms = Number(reset) * 1000 - nowMs;
    return ms > policy.maxDelayMs ? undefined : Math.max(0, ms);
  }
  return policy.baseDelayMs * 2 ** attempt;
}

export async function withRetry<T>(
  call: () => Promise<T>,
  { policy = DEFAULT_RETRY, sleep = realSleep, now = Date.now, onRetry }: {
    policy?: RetryPolicy;
    sleep?: Sleep;
    now?: () => number;
    onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = attempt < policy.retries ? retryDelayMs(error, attempt, policy, now()) : undefined;
      if (delay === undefined) throw error;
      onRetry?.(error, attempt + 1, delay);
      await sleep(delay);
    }
  }
}
