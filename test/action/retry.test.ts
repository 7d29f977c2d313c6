import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, RequestTimeoutError, RetryGaveUp, retryDecision, retryDelayMs, withRetry } from '../../src/publish/retry.js';

function httpError(status: number, headers: Record<string, string> = {}, message = `HTTP ${status}`) {
  return Object.assign(new Error(message), { status, response: { headers, data: { message } } });
}

describe('retry policy', () => {
  it('retries 5xx and 429 and honours retry-after', () => {
    expect(retryDelayMs(httpError(502), 0, DEFAULT_RETRY, 0)).toBe(1000);
    expect(retryDelayMs(httpError(500), 2, DEFAULT_RETRY, 0)).toBe(4000);
    expect(retryDelayMs(httpError(429, { 'retry-after': '3' }), 0, DEFAULT_RETRY, 0)).toBe(3000);
    expect(retryDelayMs(httpError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' }), 0, DEFAULT_RETRY, 95_000)).toBe(5000);
  });

  it('does not retry client errors or waits beyond the limit', () => {
    expect(retryDelayMs(httpError(404), 0, DEFAULT_RETRY, 0)).toBeUndefined();
    expect(retryDelayMs(httpError(403, {}, 'Resource not accessible by integration'), 0, DEFAULT_RETRY, 0)).toBeUndefined();
    expect(retryDecision(httpError(429, { 'retry-after': '3600' }), 0, DEFAULT_RETRY, 0)).toEqual({ retry: false, why: 'wait-too-long', waitMs: 3_600_000 });
  });

  it("treats GitHub's secondary rate limits as waits: retry-after, else at least a minute, longer each time", () => {
    const secondary = httpError(403, { 'x-ratelimit-remaining': '4999' }, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.');
    expect(retryDelayMs(secondary, 0, DEFAULT_RETRY, 0)).toBe(60_000);
    expect(retryDelayMs(secondary, 1, DEFAULT_RETRY, 0)).toBe(120_000);
    expect(retryDelayMs(httpError(403, { 'retry-after': '30' }, 'Forbidden'), 0, DEFAULT_RETRY, 0)).toBe(30_000);
    expect(retryDelayMs(httpError(429), 0, DEFAULT_RETRY, 0)).toBe(60_000);
  });

  it('retries timeouts and dropped connections like server errors', () => {
    expect(retryDelayMs(new RequestTimeoutError(30_000), 1, DEFAULT_RETRY, 0)).toBe(2000);
    expect(retryDelayMs(Object.assign(new Error('other side closed'), { status: 500, cause: new Error('ECONNRESET') }), 0, DEFAULT_RETRY, 0)).toBe(1000);
    expect(retryDelayMs(new Error('socket hang up'), 0, DEFAULT_RETRY, 0)).toBe(1000);
  });

  it('calls again after each retryable failure, sleeping the computed delays', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw httpError(500);
        if (calls === 2) throw httpError(429, { 'retry-after': '2' });
        return 'ok';
      },
      { sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(result).toBe('ok');
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('gives up after the last retry, saying why, with the last error', async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw httpError(503);
      },
      { policy: { ...DEFAULT_RETRY, retries: 2 }, sleep: async () => {} },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryGaveUp);
    expect(error).toMatchObject({ attempts: 3, why: 'exhausted', message: 'HTTP 503' });
    expect(calls).toBe(3);
  });

  it('stops before the total wait would exceed its budget', async () => {
    const sleeps: number[] = [];
    const secondary = httpError(403, {}, 'You have exceeded a secondary rate limit.');
    const error = await withRetry(async () => Promise.reject(secondary), { sleep: async (ms) => void sleeps.push(ms) }).catch((e: unknown) => e);
    expect(sleeps).toEqual([60_000, 120_000]);
    expect(error).toMatchObject({ why: 'budget', attempts: 3 });
  });

  it('rethrows a permanent failure as it is', async () => {
    const notFound = httpError(404);
    await expect(withRetry(async () => Promise.reject(notFound), { sleep: async () => {} })).rejects.toBe(notFound);
  });
});
