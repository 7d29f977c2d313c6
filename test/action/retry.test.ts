import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelayMs, withRetry } from '../../src/publish/retry.js';

function httpError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } });
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
    expect(retryDelayMs(httpError(403), 0, DEFAULT_RETRY, 0)).toBeUndefined();
    expect(retryDelayMs(httpError(429, { 'retry-after': '3600' }), 0, DEFAULT_RETRY, 0)).toBeUndefined();
    expect(retryDelayMs(new Error('socket hang up'), 0, DEFAULT_RETRY, 0)).toBeUndefined();
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

  it('gives up after the last retry with the original error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw httpError(503);
        },
        { policy: { ...DEFAULT_RETRY, retries: 2 }, sleep: async () => {} },
      ),
    ).rejects.toThrow('HTTP 503');
    expect(calls).toBe(3);
  });
});
