/**
 * HTTP outcomes → ConnectorError (provisioning-behaviour.md §9.1). The class decides what the engine
 * does; the code is the §9.1 name shown in the log; the SCIM Error `detail` is copied so the admin
 * sees the server's own words. Messages name the method and the resource path, never a header, a
 * token or the tenant URL's query string.
 */
import { ConnectorError, type ErrorClass } from '../connector';
import { getString, isRecord } from './json';

/** What a 404 means for this request: the object is gone, or the endpoint is not where we looked. */
export type NotFoundMeaning = 'anchor' | 'endpoint';

export interface HttpFailure {
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
    },
  );
}

/** A response that is not SCIM JSON (§17.5): a compliance failure, so the cycle stops. */
export function incompatibleResponse(
  method: string,
  path: string,
  what: string,
  status?: number,
): ConnectorError {
  return new ConnectorError(
    'stopCycle',
    incompatibleCode,
    `${method} ${path}: ${what}; the endpoint does not behave like a SCIM 2.0 service`,
    status !== undefined ? { status } : {},
  );
}

export type NetworkProblem = 'timeout' | 'tls' | 'refused' | 'dns' | 'network';

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
    if (
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      code === 'EHOSTUNREACH' ||
      code === 'ENETUNREACH'
    ) {
      return { problem: 'refused', code };
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { problem: 'dns', code };
    current = current instanceof Error ? current.cause : undefined;
  }
  return { problem: 'network', code: errorCode(error) };
}

const problemText: Record<NetworkProblem, string> = {
  timeout: 'no response in time',
  tls: 'the TLS certificate could not be verified',
  refused: 'the connection was refused or dropped',
  dns: 'the host name does not resolve',
  network: 'a network error occurred',
};

/** Timeouts, TLS and socket failures are transient (§9.1): retried, then escrowed. */
export function errorFromNetwork(error: unknown, method: string, path: string, host: string): ConnectorError {
  const { problem, code } = networkProblem(error);
  const connectorError = new ConnectorError(
    'transient',
    problem === 'timeout' ? 'Timeout' : 'WebExceptionProtocolError',
    `${method} ${path} to ${host} failed: ${problemText[problem]}${code ? ` (${code})` : ''}`,
  );
  // Kept for Test connection, which explains TLS and DNS problems in plain words.
  connectorError.cause = error;
  return connectorError;
}
