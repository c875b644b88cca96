/**
 * LDAP outcomes → ConnectorError (ARCHITECTURE.md §4, provisioning-behaviour.md §9.1). The class
 * decides what the engine does: wrong credentials stop the cycle, a missing entry is notFound, an
 * existing DN is an EntryConflict the engine can adopt, a busy server is retried, a schema or
 * constraint violation rejects one object. Messages name the operation and the DN, never a password.
 *
 * A write (add, modify, modifyDN, delete) whose connection timed out or broke after it was sent may
 * have been applied: its error carries `mayHaveApplied`, so the engine looks before it repeats it. A
 * refusal, DNS or TLS failure happens before anything is sent, and a result code is the server's own
 * answer, so neither does.
 */
import { ConnectorError, isConnectorError, type ErrorClass } from '../connector';

/** RFC 4511 result codes (and the ones ldapts reports as classes). */
export const resultCodes = {
  operationsError: 1,
  protocolError: 2,
  timeLimitExceeded: 3,
  sizeLimitExceeded: 4,
  authMethodNotSupported: 7,
  strongerAuthRequired: 8,
  adminLimitExceeded: 11,
  unavailableCriticalExtension: 12,
  confidentialityRequired: 13,
  noSuchAttribute: 16,
  undefinedAttributeType: 17,
  constraintViolation: 19,
  attributeOrValueExists: 20,
  invalidAttributeSyntax: 21,
  noSuchObject: 32,
  invalidDnSyntax: 34,
  inappropriateAuthentication: 48,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unavailable: 52,
  unwillingToPerform: 53,
  loopDetect: 54,
  namingViolation: 64,
  objectClassViolation: 65,
  notAllowedOnNonLeaf: 66,
  notAllowedOnRdn: 67,
  entryAlreadyExists: 68,
  objectClassModsProhibited: 69,
  other: 80,
} as const;

interface Classification {
  errorClass: ErrorClass;
  code: string;
  reason: string;
}

function classifyResult(code: number): Classification {
  switch (code) {
    case resultCodes.invalidCredentials:
    case resultCodes.inappropriateAuthentication:
      return {
        errorClass: 'stopCycle',
        code: 'InvalidCredentials',
        reason: 'the bind DN or password was refused',
      };
    case resultCodes.strongerAuthRequired:
    case resultCodes.confidentialityRequired:
      return {
        errorClass: 'stopCycle',
        code: 'ConfidentialityRequired',
        reason: 'the server requires an encrypted connection (use ldaps:// or StartTLS)',
      };
    case resultCodes.authMethodNotSupported:
      return {
        errorClass: 'stopCycle',
        code: 'AuthMethodNotSupported',
        reason: 'the server refuses simple binds',
      };
    case resultCodes.insufficientAccessRights:
      return {
        errorClass: 'stopCycle',
        code: 'InsufficientRights',
        reason: 'the bind account is not allowed to do this',
      };
    case resultCodes.noSuchObject:
      return { errorClass: 'notFound', code: 'InvalidAnchor', reason: 'the entry does not exist' };
    case resultCodes.entryAlreadyExists:
      return {
        errorClass: 'objectRejected',
        code: 'EntryConflict',
        reason: 'an entry with this DN already exists',
      };
    case resultCodes.busy:
    case resultCodes.unavailable:
    case resultCodes.timeLimitExceeded:
    case resultCodes.loopDetect:
      return { errorClass: 'transient', code: 'ServerBusy', reason: 'the server is busy or unavailable' };
    case resultCodes.sizeLimitExceeded:
    case resultCodes.adminLimitExceeded:
      return {
        errorClass: 'stopCycle',
        code: 'SizeLimitExceeded',
        reason: 'the server stopped the search at its size limit, so the result is incomplete',
      };
    case resultCodes.unavailableCriticalExtension:
      return {
        errorClass: 'stopCycle',
        code: 'ControlNotSupported',
        reason: 'the server does not support a required control',
      };
    case resultCodes.constraintViolation:
      return {
        errorClass: 'objectRejected',
        code: 'ConstraintViolation',
        reason: 'a value breaks a constraint of the directory',
      };
    case resultCodes.objectClassViolation:
      return {
        errorClass: 'objectRejected',
        code: 'ObjectClassViolation',
        reason: 'the entry would break its object class rules',
      };
    case resultCodes.invalidAttributeSyntax:
      return {
        errorClass: 'objectRejected',
        code: 'InvalidAttributeSyntax',
        reason: 'a value has the wrong syntax',
      };
    case resultCodes.undefinedAttributeType:
      return {
        errorClass: 'objectRejected',
        code: 'UndefinedAttributeType',
        reason: 'the directory has no such attribute',
      };
    case resultCodes.attributeOrValueExists:
      return {
        errorClass: 'objectRejected',
        code: 'AttributeOrValueExists',
        reason: 'the value is already there',
      };
    case resultCodes.noSuchAttribute:
      return {
        errorClass: 'objectRejected',
        code: 'NoSuchAttribute',
        reason: 'the attribute or value is not there',
      };
    case resultCodes.namingViolation:
    case resultCodes.invalidDnSyntax:
    case resultCodes.notAllowedOnRdn:
      return {
        errorClass: 'objectRejected',
        code: 'NamingViolation',
        reason: 'the DN or its RDN is not allowed',
      };
    case resultCodes.notAllowedOnNonLeaf:
      return {
        errorClass: 'objectRejected',
        code: 'NotAllowedOnNonLeaf',
        reason: 'the entry has entries below it',
      };
    case resultCodes.unwillingToPerform:
      return {
        errorClass: 'objectRejected',
        code: 'UnwillingToPerform',
        reason: 'the server is unwilling to do this',
      };
    default:
      return {
        errorClass: 'objectRejected',
        code: 'LdapError',
        reason: `the server answered result code ${code}`,
      };
  }
}

function resultCodeOf(error: unknown): number | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  // ldapts' ResultCodeError subclasses carry the numeric result code; socket errors carry strings.
  return typeof code === 'number' ? code : null;
}

const tlsCodes = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME|ALTNAME|EPROTO/i;

export type NetworkKind = 'timeout' | 'tls' | 'refused' | 'dns' | 'closed' | 'network';

/** What kind of transport failure a thrown error is (looks through `cause`). */
export function networkKind(error: unknown): NetworkKind | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    const text = typeof code === 'string' ? code : '';
    if (text && tlsCodes.test(text)) return 'tls';
    if (text === 'ECONNREFUSED' || text === 'EHOSTUNREACH' || text === 'ENETUNREACH') return 'refused';
    if (text === 'ENOTFOUND' || text === 'EAI_AGAIN') return 'dns';
    if (text === 'ECONNRESET' || text === 'EPIPE') return 'closed';
    if (text === 'ETIMEDOUT' || /timed? ?out/i.test(current.message)) return 'timeout';
    if (
      /Connection closed|Socket error|socket hang up|Socket connection not established/i.test(current.message)
    )
      return 'closed';
    if (/certificate|self.signed|Hostname\/IP does not match/i.test(current.message)) return 'tls';
    current = current.cause;
  }
  return null;
}

const networkText: Record<NetworkKind, string> = {
  timeout: 'no answer in time',
  tls: 'the TLS certificate could not be verified (add the CA certificate to the connection)',
  refused: 'the connection was refused',
  dns: 'the host name does not resolve',
  closed: 'the connection was closed',
  network: 'a network error occurred',
};

/** Operations that change the directory. */
const writeOperations = new Set(['add', 'modify', 'modifyDN', 'delete']);

/** Transport failures after which a sent request may still have been carried out. */
function mayHaveBeenSent(kind: NetworkKind): boolean {
  return kind === 'timeout' || kind === 'closed' || kind === 'network';
}

export interface LdapFailureContext {
  /** `bind`, `search`, `add`, `modify`, `modifyDN`, `delete`, `read`. */
  operation: string;
  /** The DN the operation was about, when there is one. */
  dn?: string;
  /** Source reads turn every failure into stopCycle: a partial read must never look complete. */
  read?: boolean;
}

/** Any error thrown by ldapts (or a socket) → ConnectorError. ConnectorErrors pass through. */
export function toConnectorError(error: unknown, context: LdapFailureContext): ConnectorError {
  if (isConnectorError(error)) return error;
  const where = context.dn !== undefined ? ` ${context.dn || '(root DSE)'}` : '';
  const code = resultCodeOf(error);
  let classification: Classification;
  let detail: string | undefined;
  let mayHaveApplied = false;
  if (code !== null) {
    classification = classifyResult(code);
    detail = error instanceof Error ? error.message : undefined;
  } else {
    const kind = networkKind(error) ?? 'network';
    mayHaveApplied = writeOperations.has(context.operation) && mayHaveBeenSent(kind);
    classification = {
      // A certificate problem does not heal on retry; a dropped connection may.
      errorClass: kind === 'tls' || kind === 'dns' ? 'stopCycle' : 'transient',
      code: kind === 'timeout' ? 'Timeout' : kind === 'tls' ? 'TlsCertificateInvalid' : 'ConnectionFailed',
      reason: networkText[kind],
    };
    detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  const errorClass: ErrorClass = context.read ? 'stopCycle' : classification.errorClass;
  const connectorError = new ConnectorError(
    errorClass,
    classification.code,
    `LDAP ${context.operation}${where} failed: ${classification.reason}`,
    {
      ...(code !== null ? { status: code } : {}),
      ...(detail ? { detail: detail.slice(0, 1000) } : {}),
      ...(mayHaveApplied ? { mayHaveApplied: true } : {}),
    },
  );
  connectorError.cause = error;
  return connectorError;
}

/** Runs an LDAP call and rethrows its failure classified. */
export async function classified<T>(context: LdapFailureContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toConnectorError(error, context);
  }
}
