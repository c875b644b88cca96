/**
 * The one place that sends SCIM requests: headers (§17.1), TLS with an optional per-connection CA
 * (always verified, §6), a timeout per request, pacing, retries, and turning every non-2xx answer into
 * a ConnectorError. Bodies are parsed with a size limit; a 2xx that is not JSON is a compliance
 * failure (§17.5). Nothing here logs.
 */
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import type { ScimSettings } from '@shared/domain/connections';
import { ConnectorError, isConnectorError } from '../connector';
import { createAuthProvider, type AuthProvider, type ScimSecrets } from './auth';
import { errorFromNetwork, errorFromResponse, incompatibleResponse, type NotFoundMeaning } from './errors';
import type { QueryParameters } from './filter';
import { createRequestLimiter, type RequestLimits } from './rate-limit';
import { parseRetryAfter, retryableFor, withRetries, type RetryOptions } from './retry';
import { parseServiceUrl, resourceUrl, type BaseUrl } from './urls';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ScimRequest {
  method: HttpMethod;
  /** Path segments under the tenant URL: ['Users', id]. */
  segments: readonly string[];
  query?: QueryParameters;
  body?: unknown;
  /** What a 404 means: the object is gone (default) or the endpoint is wrong. */
  notFound?: NotFoundMeaning;
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
}

export const defaultTimeoutMs = 60_000;
/** Larger answers are refused rather than buffered: a runaway response must not exhaust memory. */
const maxResponseBytes = 32 * 1024 * 1024;
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

async function readBody(body: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxResponseBytes) throw new RangeError('response too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
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
  const limiter = createRequestLimiter(options.limits);

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
    let status: number;
    let retryAfter: string | string[] | undefined;
    let text: string;
    try {
      const response = await request(resourceUrl(target, segments, scimRequest.query), {
        method,
        headers,
        body: payload,
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.statusCode;
      retryAfter = response.headers['retry-after'];
      text = await readBody(response.body);
    } catch (error) {
      if (error instanceof RangeError) {
        throw incompatibleResponse(method, path, 'the response was larger than 32 MB');
      }
      throw errorFromNetwork(error, method, path, target.display);
    }
    const parsed = parseJson(text);
    if (status >= 200 && status < 300) {
      if (!parsed.ok)
        throw incompatibleResponse(method, path, `HTTP ${status} with a body that is not JSON`, status);
      return { status, body: parsed.value };
    }
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfter, now()) : null;
    throw errorFromResponse({
      method,
      path,
      status,
      body: parsed.ok ? parsed.value : undefined,
      notFound: scimRequest.notFound ?? 'anchor',
      ...(retryAfterMs !== null ? { retryAfterMs } : {}),
    });
  }

  async function sendOnce(target: BaseUrl, scimRequest: ScimRequest): Promise<ScimResponse> {
    const run = () => limiter.run(() => attempt(target, scimRequest));
    if (scimRequest.retry === false) return run();
    return withRetries(run, {
      options: options.retry,
      retryable: retryableFor(scimRequest.method),
      ...(options.sleep ? { sleep: options.sleep } : {}),
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
    async close() {
      await limiter.stop();
      await agent.close();
    },
  };
}
