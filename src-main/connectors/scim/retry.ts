/**
 * Retries inside one request (§17.1, §9.1). Roster decision on the budgets:
 *
 * - "Wait" answers — 429, and 503 with a Retry-After — are retried up to `maxThrottleRetries` (6)
 *   times, each after the wait the server asked for (default 30 s when it names none). The server
 *   said explicitly that it did nothing and when to come back, so waiting costs it nothing, and six
 *   retries let a request through a 20 % throttling rate with a failure chance of 0.2^7 ≈ 1e-5
 *   instead of 0.2^4 ≈ 2e-3 (§17.1's upstream number is 3; Roster keeps the object in this cycle
 *   rather than escrowing it for the next one). A Retry-After longer than `maxRetryAfterMs` (120 s) is
 *   never slept through here: the error surfaces at once with `retryAfterMs`, which the engine
 *   honours without holding a connection slot.
 * - Failures that may clear up — other 5xx, 503 without Retry-After (waits the default), timeouts,
 *   dropped connections, unreadable 2xx answers — are retried up to `maxRetries` (3) times with
 *   exponential backoff and jitter. The two budgets are counted separately.
 *
 * Which errors a request may retry at all depends on whether it is idempotent (ScimRequest.idempotent,
 * set by the caller that built the body): an idempotent request (GET, PUT, DELETE, a PATCH that only
 * replaces or removes) retries every transient failure; a non-idempotent one (POST, a PATCH that adds
 * members or values) retries only failures that prove nothing was applied (429, 503, a refused
 * connection, DNS, TLS, a failed token request) and surfaces the others at once with mayHaveApplied,
 * so the engine looks at the target before it repeats the write.
 *
 * When any attempt of a request may have applied, the error that finally surfaces says so too.
 */
import { isConnectorError, type ConnectorError } from '../connector';
import { withMayHaveApplied } from './errors';

export interface RetryOptions {
  /** Retries after failures that may clear up: 5xx, timeouts, dropped connections, unreadable answers. */
  maxRetries: number;
  /** Retries after the server said "wait": 429, or 503 with a Retry-After. */
  maxThrottleRetries: number;
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
  maxThrottleRetries: 6,
  defaultRetryAfterMs: 30_000,
  maxRetryAfterMs: 120_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
};

/** Retries used so far, per budget. */
export interface RetryCount {
  throttled: number;
  failed: number;
}

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

/** The server said "wait, then come back": the throttle budget applies. */
export function isThrottle(error: ConnectorError): boolean {
  return error.info.status === 429 || (error.info.status === 503 && error.info.retryAfterMs !== undefined);
}

/**
 * How long to wait before the next retry after `error`, given the retries used so far, or null to
 * stop retrying. `random` is in [0, 1); equal jitter keeps at least half the step so retries stay
 * spread out.
 */
export function retryDelayMs(
  error: unknown,
  used: RetryCount,
  options: RetryOptions,
  random: () => number = Math.random,
): number | null {
  if (!isConnectorError(error) || error.errorClass !== 'transient') return null;
  const throttle = isThrottle(error);
  if (used[throttle ? 'throttled' : 'failed'] >= (throttle ? options.maxThrottleRetries : options.maxRetries))
    return null;
  if (honoursRetryAfter(error)) {
    const wait = error.info.retryAfterMs ?? options.defaultRetryAfterMs;
    return wait > options.maxRetryAfterMs ? null : wait;
  }
  const step = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** used.failed);
  return Math.round(step / 2 + (random() * step) / 2);
}

export interface RetryRun {
  options: RetryOptions;
  /** Whether this error may be retried for this request at all (see retryableFor). */
  retryable: (error: ConnectorError) => boolean;
  /** May reject (the target was closed while waiting): that error surfaces. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits `ms` (with `sleepFn` when given, tests), or rejects with `onAbort()` as soon as `signal`
 * aborts. The default timer is cleared then, so a closed connector keeps no process alive.
 */
export function interruptibleSleep(
  ms: number,
  signal: AbortSignal,
  onAbort: () => Error,
  sleepFn?: (ms: number) => Promise<void>,
): Promise<void> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const done = (error?: Error) => {
      signal.removeEventListener('abort', abort);
      if (error) reject(error);
      else resolve();
    };
    signal.addEventListener('abort', abort, { once: true });
    if (sleepFn) {
      sleepFn(ms).then(
        () => done(),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      );
    } else {
      timer = setTimeout(() => done(), ms);
    }
  });
}

export async function withRetries<T>(attempt: () => Promise<T>, run: RetryRun): Promise<T> {
  const used: RetryCount = { throttled: 0, failed: 0 };
  let mayHaveApplied = false;
  const surface = (error: unknown): unknown =>
    mayHaveApplied && isConnectorError(error) ? withMayHaveApplied(error) : error;
  for (;;) {
    let delay: number | null;
    try {
      return await attempt();
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      mayHaveApplied ||= error.info.mayHaveApplied === true;
      delay = run.retryable(error) ? retryDelayMs(error, used, run.options, run.random) : null;
      if (delay === null) throw surface(error);
      used[isThrottle(error) ? 'throttled' : 'failed'] += 1;
    }
    try {
      await (run.sleep ?? sleep)(delay);
    } catch (error) {
      throw surface(error);
    }
  }
}

/**
 * An idempotent request retries every transient failure; a non-idempotent one only those that
 * prove nothing was applied (the classification leaves mayHaveApplied absent for exactly those).
 */
export function retryableFor(idempotent: boolean): (error: ConnectorError) => boolean {
  return (error) => idempotent || error.info.mayHaveApplied !== true;
}
