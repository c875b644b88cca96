import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../../src-main/connectors/connector';
import {
  defaultRetryOptions,
  parseRetryAfter,
  retryableFor,
  retryDelayMs,
  withRetries,
} from '../../../../../src-main/connectors/scim/retry';

const now = Date.parse('2025-06-01T12:00:00Z');

function transient(status: number, retryAfterMs?: number): ConnectorError {
  return new ConnectorError('transient', status === 429 ? 'TooManyRequests' : 'InternalServerError', 'x', {
    status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7000);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('gives null for absent or unreadable values', () => {
    for (const value of [undefined, '', '-1', '1.5', 'soon', 'tomorrow-ish']) {
      expect(parseRetryAfter(value, now)).toBeNull();
    }
  });
});

describe('retryDelayMs', () => {
  const options = { ...defaultRetryOptions };

  it('honours Retry-After for 429 and 503, defaulting to 30 s', () => {
    expect(retryDelayMs(transient(429, 1000), 0, options)).toBe(1000);
    expect(retryDelayMs(transient(503), 0, options)).toBe(30_000);
  });

  it('stops after maxRetries, and for a Retry-After beyond the cap', () => {
    expect(retryDelayMs(transient(429, 1000), 3, options)).toBeNull();
    expect(retryDelayMs(transient(429, 3_600_000), 0, options)).toBeNull();
  });

  it('backs off exponentially with jitter for other transient failures', () => {
    expect(retryDelayMs(transient(500), 0, options, () => 0)).toBe(500);
    expect(retryDelayMs(transient(500), 0, options, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(retryDelayMs(transient(500), 2, options, () => 0)).toBe(2000);
    expect(retryDelayMs(transient(500), 2, { ...options, backoffMaxMs: 1000 }, () => 0)).toBe(500);
  });

  it('never retries permanent failures', () => {
    expect(
      retryDelayMs(new ConnectorError('objectRejected', 'EntryConflict', 'x', { status: 409 }), 0, options),
    ).toBeNull();
    expect(retryDelayMs(new Error('plain'), 0, options)).toBeNull();
  });
});

describe('withRetries', () => {
  it('tries 1 + maxRetries times, sleeping the computed delays', async () => {
    const slept: number[] = [];
    let attempts = 0;
    const result = withRetries(
      () => {
        attempts += 1;
        return Promise.reject(transient(429, 1000));
      },
      {
        options: defaultRetryOptions,
        retryable: () => true,
        sleep: (ms) => Promise.resolve(void slept.push(ms)),
      },
    );
    await expect(result).rejects.toMatchObject({ code: 'TooManyRequests' });
    expect(attempts).toBe(4);
    expect(slept).toEqual([1000, 1000, 1000]);
  });

  it('returns as soon as an attempt succeeds', async () => {
    let attempts = 0;
    const value = await withRetries(
      () => (++attempts < 2 ? Promise.reject(transient(503, 5)) : Promise.resolve('ok')),
      { options: defaultRetryOptions, retryable: () => true, sleep: () => Promise.resolve() },
    );
    expect(value).toBe('ok');
    expect(attempts).toBe(2);
  });

  it('retries a POST only when the server said it did nothing (429/503)', () => {
    expect(retryableFor('POST')(transient(500))).toBe(false);
    expect(retryableFor('POST')(transient(503))).toBe(true);
    expect(retryableFor('PATCH')(transient(500))).toBe(true);
  });
});
