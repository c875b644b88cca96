import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../../src-main/connectors/connector';
import {
  defaultRetryOptions,
  interruptibleSleep,
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
  const fresh = { throttled: 0, failed: 0 };
  const failed = (n: number) => ({ throttled: 0, failed: n });
  const throttled = (n: number) => ({ throttled: n, failed: 0 });

  it('honours Retry-After for 429 and 503, defaulting to 30 s', () => {
    expect(retryDelayMs(transient(429, 1000), fresh, options)).toBe(1000);
    expect(retryDelayMs(transient(503, 2000), fresh, options)).toBe(2000);
    expect(retryDelayMs(transient(503), fresh, options)).toBe(30_000);
    expect(retryDelayMs(transient(429), fresh, options)).toBe(30_000);
  });

  it('gives "wait" answers (429, 503 with Retry-After) 6 retries and other failures 3, counted apart', () => {
    expect(retryDelayMs(transient(429, 1000), throttled(5), options)).toBe(1000);
    expect(retryDelayMs(transient(429, 1000), throttled(6), options)).toBeNull();
    expect(retryDelayMs(transient(503, 1000), throttled(6), options)).toBeNull();
    expect(retryDelayMs(transient(429, 1000), failed(3), options)).toBe(1000);
    expect(retryDelayMs(transient(500), throttled(6), options, () => 0)).toBe(500);
    expect(retryDelayMs(transient(500), failed(3), options)).toBeNull();
    // A 503 without Retry-After is a server that is down, not one asking to wait: the failure budget.
    expect(retryDelayMs(transient(503), failed(3), options)).toBeNull();
  });

  it('does not sleep through a Retry-After beyond the cap', () => {
    expect(retryDelayMs(transient(429, 3_600_000), fresh, options)).toBeNull();
  });

  it('backs off exponentially with jitter for other transient failures', () => {
    expect(retryDelayMs(transient(500), fresh, options, () => 0)).toBe(500);
    expect(retryDelayMs(transient(500), fresh, options, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(retryDelayMs(transient(500), failed(2), options, () => 0)).toBe(2000);
    expect(retryDelayMs(transient(500), failed(2), { ...options, backoffMaxMs: 1000 }, () => 0)).toBe(500);
  });

  it('never retries permanent failures', () => {
    expect(
      retryDelayMs(
        new ConnectorError('objectRejected', 'EntryConflict', 'x', { status: 409 }),
        fresh,
        options,
      ),
    ).toBeNull();
    expect(retryDelayMs(new Error('plain'), fresh, options)).toBeNull();
  });
});

describe('withRetries', () => {
  it('tries 1 + maxThrottleRetries times on 429, sleeping the computed delays', async () => {
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
    expect(attempts).toBe(7);
    expect(slept).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
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

  it('retries a non-idempotent request only when nothing was applied', () => {
    const applied = new ConnectorError('transient', 'InternalServerError', 'x', {
      status: 500,
      mayHaveApplied: true,
    });
    expect(retryableFor(false)(applied)).toBe(false);
    expect(retryableFor(false)(transient(503))).toBe(true);
    expect(retryableFor(false)(transient(429))).toBe(true);
    expect(retryableFor(true)(applied)).toBe(true);
  });

  it('marks the final error mayHaveApplied when an earlier attempt may have landed', async () => {
    const answers = [
      new ConnectorError('transient', 'Timeout', 'timed out', { mayHaveApplied: true }),
      transient(429, 10),
      new ConnectorError('notFound', 'InvalidAnchor', 'gone', { status: 404 }),
    ];
    const error = await withRetries(() => Promise.reject(answers.shift()!), {
      options: defaultRetryOptions,
      retryable: () => true,
      sleep: () => Promise.resolve(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidAnchor', info: { status: 404, mayHaveApplied: true } });
  });

  it('surfaces the error of an interrupted wait, marked too', async () => {
    const error = await withRetries(
      () =>
        Promise.reject(new ConnectorError('transient', 'InternalServerError', 'x', { mayHaveApplied: true })),
      {
        options: defaultRetryOptions,
        retryable: () => true,
        sleep: () => Promise.reject(new ConnectorError('stopCycle', 'Cancelled', 'stopped')),
      },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'Cancelled', info: { mayHaveApplied: true } });
  });
});

describe('interruptibleSleep', () => {
  it('resolves after the wait, or rejects at once when the signal aborts', async () => {
    const controller = new AbortController();
    await expect(
      interruptibleSleep(
        5,
        controller.signal,
        () => new Error('closed'),
        () => Promise.resolve(),
      ),
    ).resolves.toBeUndefined();
    const waiting = interruptibleSleep(60_000, controller.signal, () => new Error('closed'));
    controller.abort();
    await expect(waiting).rejects.toThrow('closed');
    await expect(interruptibleSleep(1, controller.signal, () => new Error('late'))).rejects.toThrow('late');
  });
});
