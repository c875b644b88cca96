/**
 * Errors about the body of an answer rather than its status: a 2xx that cannot be read or is not
 * JSON, an answer larger than Roster accepts, JSON nested deeper than any SCIM resource, a create
 * answered without the new object's id. Each says in words what came back, so the log explains it.
 *
 * | code                 | class          | retried in the request    | mayHaveApplied (writes) |
 * |----------------------|----------------|---------------------------|-------------------------|
 * | UnreadableResponse   | transient      | idempotent requests only  | yes                     |
 * | ResponseTooLarge     | objectRejected | no                        | yes                     |
 * | …ServiceIncompatible | objectRejected | no (nested too deep)      | yes                     |
 * | CreatedWithoutId     | objectRejected | no                        | yes (always: a create)  |
 *
 * An unreadable 2xx is transient because it is what a flaky proxy or an overloaded app produces now
 * and then; one that persists surfaces after the retries and Test connection calls it incompatible.
 */
import { ConnectorError } from '../connector';
import { incompatibleCode, writes } from './errors';

export const unreadableCode = 'UnreadableResponse';
export const tooLargeCode = 'ResponseTooLarge';
export const createdWithoutIdCode = 'CreatedWithoutId';

function appliedIf2xx(method: string, status: number): { mayHaveApplied?: true } {
  return writes(method) && status >= 200 && status < 300 ? { mayHaveApplied: true } : {};
}

/**
 * A 2xx whose body is not JSON (`why` = "a body that is not JSON") or broke off before its end
 * (`why` names the transport failure, kept as `cause`).
 */
export function unreadableResponse(
  method: string,
  path: string,
  status: number,
  why: string,
  cause?: unknown,
): ConnectorError {
  const error = new ConnectorError(
    'transient',
    unreadableCode,
    `${method} ${path} answered HTTP ${status} with ${why}; a SCIM service answers in JSON`,
    { status, ...appliedIf2xx(method, status) },
  );
  if (cause !== undefined) error.cause = cause;
  return error;
}

export function responseTooLarge(
  method: string,
  path: string,
  status: number,
  limitBytes: number,
  declaredBytes: number | null,
): ConnectorError {
  const limit = `${Math.round(limitBytes / (1024 * 1024))} MB`;
  const size =
    declaredBytes !== null ? ` (it announced ${Math.round(declaredBytes / (1024 * 1024))} MB)` : '';
  return new ConnectorError(
    'objectRejected',
    tooLargeCode,
    `${method} ${path} answered with more than ${limit}${size}; Roster refuses answers that large: a SCIM answer about one object, or one page of a query, is far smaller`,
    { status, ...appliedIf2xx(method, status) },
  );
}

/** Valid JSON that breaks a limit (`message` from parseBoundedJson names the line and column). */
export function nestedTooDeep(method: string, status: number, message: string): ConnectorError {
  return new ConnectorError(
    'objectRejected',
    incompatibleCode,
    `${message}; a SCIM answer is never nested that deep, so Roster does not read it`,
    { status, ...appliedIf2xx(method, status) },
  );
}

/** RFC 7644 §3.3: a successful create returns the new resource, with its `id`. */
export function createdWithoutId(method: string, path: string, status: number): ConnectorError {
  return new ConnectorError(
    'objectRejected',
    createdWithoutIdCode,
    `${method} ${path} answered HTTP ${status} without the new object's id: the app may have created it, but Roster cannot link it (RFC 7644 §3.3 requires the created resource, with its id, in the answer)`,
    { status, mayHaveApplied: true },
  );
}
