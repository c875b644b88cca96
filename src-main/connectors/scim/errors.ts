/**
 * HTTP outcomes → ConnectorError (provisioning-behaviour.md §9.1). The class decides what the engine
 * does; the code is the §9.1 name shown in the log; the SCIM Error `detail` is copied so the admin
 * sees the server's own words. Messages name the method and the resource path, never a header, a
 * token or the tenant URL's query string.
 *
 * `mayHaveApplied` says whether a write may have taken effect although no usable answer came back;
 * the engine never repeats a non-idempotent write on such an error before it has looked. It is set
 * only for writes (a GET changes nothing) and only when the server may have acted: a 5xx other than
 * 501/503, a timeout or dropped connection after the request went out, an unreadable 2xx. A 429 or
 * 503 (the server said it did nothing), any other 4xx, and a refused connection, DNS or TLS failure
 * (nothing was sent) leave it absent.
 */
import { ConnectorError, type ErrorClass } from '../connector';
import { getString, isRecord } from './json';

/** What a 404 means for this request: the object is gone, or the endpoint is not where we looked. */
export type NotFoundMeaning = 'anchor' | 'endpoint';

export interface HttpFailure {
  /** GET never changes the target, so its failures never carry mayHaveApplied. */
  method: string;
  /** Resource path relative to the tenant URL, e.g. `/Users/2819c223`. */
  path: string;
  status: number;
  body: unknown;
  retryAfterMs?: number;
  notFound: NotFoundMeaning;
}

const maxDetailLength = 1000;

/** `detail` and `scimType` of a SCIM Error body (RFC 7644 §3.12); only `status` is required there. */
export function scimErrorParts(body: unknown): { detail?: string; scimType?: string } {
  if (!isRecord(body)) return {};
  const detail = getString(body, 'detail') ?? getString(body, 'message');
  const scimType = getString(body, 'scimType');
  return {
    ...(detail !== undefined ? { detail: detail.slice(0, maxDetailLength) } : {}),
    ...(scimType !== undefined ? { scimType } : {}),
  };
}

interface Classification {
  errorClass: ErrorClass;
  code: string;
  reason: string;
}

export const incompatibleCode = 'SystemForCrossDomainIdentityManagementServiceIncompatible';

function classify(status: number, notFound: NotFoundMeaning): Classification {
  if (status >= 300 && status < 400) {
    return {
      errorClass: 'stopCycle',
      code: incompatibleCode,
      reason: 'the server redirected the request; check the tenant URL',
    };
  }
  switch (status) {
    case 401:
      return { errorClass: 'stopCycle', code: 'Unauthorized', reason: 'the credentials were refused' };
    case 403:
      return {
        errorClass: 'stopCycle',
        code: 'InsufficientRights',
        reason: 'the credentials are not allowed to do this',
      };
    case 404:
      return notFound === 'anchor'
        ? {
            errorClass: 'notFound',
            code: 'InvalidAnchor',
            reason: 'the object no longer exists in the target',
          }
        : {
            errorClass: 'stopCycle',
            code: incompatibleCode,
            reason: 'there is no SCIM endpoint at this address; check the tenant URL',
          };
    case 405:
      return {
        errorClass: 'stopCycle',
        code: 'MethodNotAllowed',
        reason: 'the server does not allow this method',
      };
    case 409:
      return {
        errorClass: 'objectRejected',
        code: 'EntryConflict',
        reason: 'a conflicting object already exists',
      };
    case 429:
      return {
        errorClass: 'transient',
        code: 'TooManyRequests',
        reason: 'the server is throttling requests',
      };
    case 501:
      return {
        errorClass: 'objectRejected',
        code: 'NotImplemented',
        reason: 'the server does not implement this',
      };
  }
  if (status >= 500) {
    return { errorClass: 'transient', code: 'InternalServerError', reason: 'the server failed' };
  }
  return {
    errorClass: 'objectRejected',
    code: 'UnprocessableEntity',
    reason: 'the server rejected the request',
  };
}

/** Whether a request with this method can change the target at all. */
export function writes(method: string): boolean {
  return method.toUpperCase() !== 'GET';
}

/** `{ mayHaveApplied: true }` for a write whose effect is unknown, else nothing (keeps info small). */
function applied(method: string, maybe: boolean): { mayHaveApplied?: true } {
  return maybe && writes(method) ? { mayHaveApplied: true } : {};
}

/** A 5xx may have done the work before failing; 501 and 503 say the server did not act. */
function serverMayHaveActed(status: number): boolean {
  return status >= 500 && status !== 501 && status !== 503;
}

export function errorFromResponse(failure: HttpFailure): ConnectorError {
  const { errorClass, code, reason } = classify(failure.status, failure.notFound);
  const parts = scimErrorParts(failure.body);
  const suffix = parts.detail ? `: ${parts.detail}` : '';
  return new ConnectorError(
    errorClass,
    code,
    `${failure.method} ${failure.path} answered HTTP ${failure.status} (${reason})${suffix}`,
    {
      status: failure.status,
      ...parts,
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
      ...applied(failure.method, serverMayHaveActed(failure.status)),
    },
  );
}

/**
 * An answer that is valid JSON but not what SCIM requires (§17.5): a compliance failure of this
 * request. It fails the object, not the cycle: the connection check at the start of each cycle is
 * what stops a cycle for an endpoint that is not SCIM at all.
 */
export function incompatibleResponse(
  method: string,
  path: string,
  what: string,
  status?: number,
): ConnectorError {
  return new ConnectorError(
    'objectRejected',
    incompatibleCode,
    `${method} ${path}: ${what}; the endpoint does not behave like a SCIM 2.0 service`,
    status !== undefined ? { status } : {},
  );
}

/** The same error, marked as possibly applied (an earlier attempt of the same request may have landed). */
export function withMayHaveApplied(error: ConnectorError): ConnectorError {
  if (error.info.mayHaveApplied === true) return error;
  const marked = new ConnectorError(error.errorClass, error.code, error.message, {
    ...error.info,
    mayHaveApplied: true,
  });
  marked.cause = error.cause;
  return marked;
}

export const cancelledCode = 'Cancelled';

/** A request still waiting (queued, or between retries) when the target was closed. */
export function cancelledError(): ConnectorError {
  return new ConnectorError('stopCycle', cancelledCode, 'The cycle stopped before this request was sent');
}

/**
 * - timeout: no answer in time (after connecting, the request may have been processed).
 * - dropped: the connection broke after it was open (reset, closed by the other side).
 * - refused, dns, tls: no HTTP request left this computer.
 */
export type NetworkProblem = 'timeout' | 'tls' | 'refused' | 'dropped' | 'dns' | 'network';

const tlsCodes =
  /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|HOSTNAME_MISMATCH|ALTNAME|EPROTO/i;

function errorCode(error: unknown): string {
  if (!isRecord(error) && !(error instanceof Error)) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** What kind of failure a thrown transport error is; looks through `cause` chains. */
export function networkProblem(error: unknown): { problem: NetworkProblem; code: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const code = errorCode(current);
    const name = current instanceof Error ? current.name : '';
    if (
      name === 'TimeoutError' ||
      /^UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT$/.test(code) ||
      code === 'ETIMEDOUT'
    ) {
      return { problem: 'timeout', code: code || name };
    }
    if (tlsCodes.test(code)) return { problem: 'tls', code };
    if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
      return { problem: 'refused', code };
    }
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ECONNABORTED') {
      return { problem: 'dropped', code };
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { problem: 'dns', code };
    current = current instanceof Error ? current.cause : undefined;
  }
  return { problem: 'network', code: errorCode(error) };
}

const problemText: Record<NetworkProblem, string> = {
  timeout: 'no response in time',
  tls: 'the TLS certificate could not be verified',
  refused: 'the connection was refused',
  dropped: 'the connection was dropped before an answer came',
  dns: 'the host name does not resolve',
  network: 'a network error occurred',
};

/** "no response in time (UND_ERR_HEADERS_TIMEOUT)": the failure in words, with its code. */
export function describeNetworkProblem(error: unknown): string {
  const { problem, code } = networkProblem(error);
  return `${problemText[problem]}${code ? ` (${code})` : ''}`;
}

/**
 * Whether the request may have reached the server. A connect timeout, a refusal, DNS and TLS fail
 * before any HTTP byte is sent; an unknown failure is assumed to have reached it (the safe side).
 */
function mayHaveReachedServer(problem: NetworkProblem, code: string): boolean {
  if (problem === 'timeout') return code !== 'UND_ERR_CONNECT_TIMEOUT';
  return problem === 'dropped' || problem === 'network';
}

export interface NetworkFailure {
  method: string;
  path: string;
  /** Host (and port) for the message. */
  host: string;
  /** False for a request that cannot change the target whatever its method (the OAuth token request). */
  changesTarget: boolean;
}

/** Timeouts, TLS and socket failures are transient (§9.1): retried, then escrowed. */
export function errorFromNetwork(error: unknown, failure: NetworkFailure): ConnectorError {
  const { problem, code } = networkProblem(error);
  const { method, path, host } = failure;
  const connectorError = new ConnectorError(
    'transient',
    problem === 'timeout' ? 'Timeout' : 'WebExceptionProtocolError',
    `${method} ${path} to ${host} failed: ${describeNetworkProblem(error)}`,
    applied(method, failure.changesTarget && mayHaveReachedServer(problem, code)),
  );
  // Kept for Test connection, which explains TLS and DNS problems in plain words.
  connectorError.cause = error;
  return connectorError;
}
