/**
 * Retries inside one request (§17.1, §9.1): 429 and 503 wait as long as Retry-After says (default
 * 30 s), other 5xx, timeouts and network failures back off exponentially with jitter. After
 * `maxRetries` the last error surfaces as a transient ConnectorError and the engine's escrow takes
 * over. A Retry-After longer than `maxRetryAfterMs` is not slept through here: the error surfaces at
 * once with `retryAfterMs`, which the engine honours without holding a connection slot.
 */
import { isConnectorError, type ConnectorError } from '../connector';

export interface RetryOptions {
  maxRetries: number;
  /** Used for 429/503 without a usable Retry-After. */
  defaultRetryAfterMs: number;
  /** The longest Retry-After this connector sleeps through itself. */
  maxRetryAfterMs: number;
  /** First backoff step for other transient failures; doubles per attempt. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 3,
  defaultRetryAfterMs: 30_000,
  maxRetryAfterMs: 120_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
};

/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds from `nowMs`,
 * or null when absent or unreadable (the caller then uses its default).
 */
export function parseRetryAfter(
  header: string | readonly string[] | undefined,
  nowMs: number,
): number | null {
  const value = (typeof header === 'string' ? header : header?.[0])?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP-date always names a weekday or month; Date.parse alone would also take "5.5" or "-1".
  if (!/[a-z]{3}/i.test(value)) return null;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

function honoursRetryAfter(error: ConnectorError): boolean {
  return error.info.status === 429 || error.info.status === 503;
}

/**
 * How long to wait before retry number `retry` (0-based) after `error`, or null to stop retrying.
 * `random` is in [0, 1); equal jitter keeps at least half the step so retries stay spread out.
 */
export function retryDelayMs(
  error: unknown,
  retry: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number | null {
  if (!isConnectorError(error) || error.errorClass !== 'transient') return null;
  if (retry >= options.maxRetries) return null;
  if (honoursRetryAfter(error)) {
    const wait = error.info.retryAfterMs ?? options.defaultRetryAfterMs;
    return wait > options.maxRetryAfterMs ? null : wait;
  }
  const step = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** retry);
  return Math.round(step / 2 + (random() * step) / 2);
}

export interface RetryRun {
  options: RetryOptions;
  /** Whether this error may be retried for this request (a POST is retried only on 429/503). */
  retryable: (error: ConnectorError) => boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withRetries<T>(attempt: () => Promise<T>, run: RetryRun): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const delay =
        isConnectorError(error) && run.retryable(error)
          ? retryDelayMs(error, retry, run.options, run.random)
          : null;
      if (delay === null) throw error;
      await (run.sleep ?? sleep)(delay);
    }
  }
}

/** Idempotent methods retry every transient failure; POST only when the server said it did nothing. */
export function retryableFor(method: string): (error: ConnectorError) => boolean {
  return (error) => method !== 'POST' || honoursRetryAfter(error);
}
