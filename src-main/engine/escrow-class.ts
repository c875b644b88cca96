import type { EscrowErrorClass } from '@shared/domain/escrow';
import { isConnectorError } from '../connectors/connector';

/** §9.1: failures of the credentials (401/403/405): retried on the slow schedule, like permanent ones. */
const credentialCodes = new Set(['Unauthorized', 'InsufficientRights', 'NotPermitted', 'MethodNotAllowed']);

/** §9.1: failures that say nothing about the object itself: it is retried in every cycle. */
const transientCodes = new Set([
  'TooManyRequests',
  'InternalServerError',
  'ServiceUnavailable',
  'Timeout',
  'WebExceptionProtocolError',
  'InternalError',
  'UnreadableResponse',
]);

/** The escrow class of a failed action (§9.1), from the error that failed it. */
export function escrowClassOf(code: string, error: unknown): EscrowErrorClass {
  if (credentialCodes.has(code)) return 'credential';
  if (transientCodes.has(code)) return 'transient';
  if (isConnectorError(error) && error.errorClass === 'transient') return 'transient';
  return 'permanent';
}
