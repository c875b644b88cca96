/**
 * The one place that sends SCIM requests: headers (§17.1), TLS with an optional per-connection CA
 * (always verified, §6), a timeout per request, pacing, retries, and turning every non-2xx answer into
 * a ConnectorError (interpret-answer.ts: bodies are read with a size limit and parsed with a nesting
 * limit; a 2xx that is not JSON is an UnreadableResponse). After close(), requests still waiting —
 * queued in the limiter or between retries — reject with Cancelled. Nothing here logs.
 */
import { rootCertificates } from 'node:tls';
import { Agent, requestAt, requestDeadline, type Dispatcher } from './undici-core';
import type { ScimSettings } from '@shared/domain/connections';
import { ConnectorError, isConnectorError } from '../connector';
import { createAuthProvider, type AuthProvider, type ScimSecrets } from './auth';
import { cancelledError, errorFromNetwork, type NotFoundMeaning } from './errors';
import type { QueryParameters } from './filter';
import { createRequestLimiter, type LimiterClock, type RequestLimits } from './rate-limit';
import { interpretAnswer } from './interpret-answer';
import { interruptibleSleep, isThrottle, retryableFor, withRetries, type RetryOptions } from './retry';
import { parseServiceUrl, resourceTarget, type BaseUrl } from './urls';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ScimRequest {
  method: HttpMethod;
  /** Path segments under the tenant URL: ['Users', id]. */
  segments: readonly string[];
  query?: QueryParameters;
  body?: unknown;
  /** What a 404 means: the object is gone (default) or the endpoint is wrong. */
  notFound?: NotFoundMeaning;
  /**
   * Sending it twice has the same effect as sending it once (GET, PUT, DELETE, a PATCH that only
   * replaces or removes). Set by the caller, which knows the body: a non-idempotent request (POST, a
   * PATCH that adds members or values) is retried only when the failure proves nothing was applied.
   */
  idempotent: boolean;
  /** false: one attempt only (Test connection should answer quickly, not after minutes of retries). */
  retry?: boolean;
}

export interface ScimResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: unknown;
}

export interface ScimHttpClient {
  /** Host and path of the tenant URL, for messages. */
  readonly display: string;
  /** `<base>/<segments>` without the tenant URL's query (for `$ref` values). */
  urlOf(segments: readonly string[]): string;
  send(request: ScimRequest): Promise<ScimResponse>;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  settings: ScimSettings;
  secrets: ScimSecrets;
  limits: RequestLimits;
  retry: RetryOptions;
  userAgent: string;
  /** Overrides settings.timeoutSeconds (tests). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** The limiter's clock (tests). */
  limiterClock?: LimiterClock;
}

export const defaultTimeoutMs = 60_000;
const scimMediaType = 'application/scim+json';

function timeoutOf(options: HttpClientOptions): number {
  if (options.timeoutMs !== undefined) return options.timeoutMs;
  const seconds = options.settings.timeoutSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : defaultTimeoutMs;
}

function createAgent(settings: ScimSettings, timeoutMs: number): Agent {
  const ca = settings.caCertificate?.trim();
  return new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: Math.min(timeoutMs, 30_000),
    // A private CA is trusted in addition to the public roots; verification itself is never turned off.
    connect: ca ? { ca: [...rootCertificates, ca] } : {},
  });
}

function displayPath(segments: readonly string[]): string {
  return `/${segments.join('/')}`;
}

export function createScimHttpClient(options: HttpClientOptions): ScimHttpClient {
  const timeoutMs = timeoutOf(options);
  const now = options.now ?? (() => Date.now());
  let base: BaseUrl | null = null;
  let invalidBase: ConnectorError | null = null;
  try {
    base = parseServiceUrl(options.settings.baseUrl, 'The tenant URL');
  } catch (error) {
    // Kept, not thrown: the factory never throws, and Test connection shows this as its verdict.
    invalidBase = isConnectorError(error)
      ? error
      : new ConnectorError('stopCycle', 'InvalidUrl', 'The tenant URL is not valid.');
  }
  const agent = createAgent(options.settings, timeoutMs);
  const auth: AuthProvider = createAuthProvider(options.settings, options.secrets, {
    dispatcher: agent,
    timeoutMs,
    userAgent: options.userAgent,
    now,
  });
  // The target's 429s (and 503s with Retry-After) lower the pace; quiet periods raise it again.
  const limiter = createRequestLimiter(options.limits, cancelledError, options.limiterClock, {
    isThrottle: (error) => isConnectorError(error) && isThrottle(error),
  });
  const closing = new AbortController();
  let closed: Promise<void> | null = null;

  async function attempt(target: BaseUrl, scimRequest: ScimRequest): Promise<ScimResponse> {
    const { method, segments } = scimRequest;
    const path = displayPath(segments);
    const headers: Record<string, string> = { accept: scimMediaType, 'user-agent': options.userAgent };
    const authorization = await auth.authorization();
    if (authorization !== null) headers['authorization'] = authorization;
    let payload: string | undefined;
    if (scimRequest.body !== undefined) {
      payload = JSON.stringify(scimRequest.body);
      headers['content-type'] = scimMediaType;
    }
    // One timer per request, cleared once its answer is read: AbortSignal.timeout's timer outlives
    // the request (60 s by default), so at 700 requests/s some 40,000 timers, signals and weak
    // references stayed alive in the heap (seen in a snapshot of the 100k initial cycle).
    const deadline = requestDeadline();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('The request timed out', 'TimeoutError')),
      timeoutMs,
    );
    try {
      let response: Dispatcher.ResponseData;
      try {
        response = await requestAt(resourceTarget(target, segments, scimRequest.query), {
          method,
          headers,
          body: payload,
          dispatcher: agent,
          signal: deadline.signal,
        });
      } catch (error) {
        throw errorFromNetwork(error, { method, path, host: target.display, changesTarget: true });
      }
      return await interpretAnswer(response, scimRequest, path, now);
    } finally {
      clearTimeout(timer);
    }
  }

  async function sendOnce(target: BaseUrl, scimRequest: ScimRequest): Promise<ScimResponse> {
    const run = () => limiter.run(() => attempt(target, scimRequest));
    if (scimRequest.retry === false) return run();
    return withRetries(run, {
      options: options.retry,
      retryable: retryableFor(scimRequest.idempotent),
      // A retry's wait ends early on close(): the request then surfaces as Cancelled.
      sleep: (ms) => interruptibleSleep(ms, closing.signal, cancelledError, options.sleep),
    });
  }

  return {
    display: base?.display ?? '(invalid tenant URL)',
    urlOf(segments) {
      return base ? `${base.root}${displayPath(segments)}` : '';
    },
    async send(scimRequest) {
      if (!base)
        throw invalidBase ?? new ConnectorError('stopCycle', 'InvalidUrl', 'The tenant URL is not valid.');
      try {
        return await sendOnce(base, scimRequest);
      } catch (error) {
        // An expired OAuth token: fetch a new one and try once more.
        if (isConnectorError(error) && error.info.status === 401 && auth.invalidate()) {
          return sendOnce(base, scimRequest);
        }
        throw error;
      }
    },
    close() {
      // Waiting requests reject at once; requests in flight finish (bounded by the timeout), so
      // their outcome is known rather than lost mid-write.
      closed ??= (async () => {
        closing.abort();
        limiter.stop();
        await agent.close();
      })();
      return closed;
    },
  };
}
