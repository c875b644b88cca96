import { escrowClassOf } from './escrow-class';
import { describeError } from './object-failure';
import type { EscrowFailureOf } from './record';

/** Why a manager or membership write of an object failed, kept for its escrow entry. */
export type ReferenceFailure = Pick<EscrowFailureOf, 'errorClass' | 'code' | 'message'>;

export function referenceFailureOf(error: unknown): ReferenceFailure {
  const { code, message } = describeError(error);
  return { errorClass: escrowClassOf(code, error), code, message };
}

export function referenceFailure(failure: ReferenceFailure, attemptedHash: string): EscrowFailureOf {
  return { ...failure, isReference: true, attemptedHash };
}
