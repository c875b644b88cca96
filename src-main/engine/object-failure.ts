import { isConnectorError } from '../connectors/connector';
import type { LogText } from '@shared/domain/log-messages';

/** What a failure's log entry says beside its reason; advice under its code when it has one (`say()`). */
export interface FailureExtra {
  additionalDetails?: string;
  recommendedAction?: string | LogText;
}

/** A failure that belongs in this object's log entry: it ends the object's processing, not the cycle. */
export class ObjectFailure extends Error {
  /** The reason under its message code, when the engine wrote it (the log shows it translated). */
  readonly text: LogText | undefined;

  constructor(
    readonly code: string,
    message: string | LogText,
    readonly extra: FailureExtra = {},
  ) {
    super(typeof message === 'string' ? message : message.text);
    this.name = 'ObjectFailure';
    this.text = typeof message === 'string' ? undefined : message;
  }
}

/** An object failure's reason as a message code, when it has one. */
export function reasonOf(error: unknown): LogText | undefined {
  return error instanceof ObjectFailure ? error.text : undefined;
}

export function describeError(error: unknown): {
  code: string;
  message: string;
  extra: FailureExtra;
} {
  if (error instanceof ObjectFailure) return { code: error.code, message: error.message, extra: error.extra };
  if (isConnectorError(error)) {
    return {
      code: error.code,
      message: error.message,
      extra: error.info.detail ? { additionalDetails: error.info.detail } : {},
    };
  }
  return {
    code: 'InternalError',
    message: error instanceof Error ? error.message : String(error),
    extra: {},
  };
}

/** Errors that end the cycle rather than one object: cancellation and stopCycle. */
export function endsCycle(error: unknown): boolean {
  if (error instanceof Error && error.name === 'CycleCancelled') return true;
  return isConnectorError(error) && error.errorClass === 'stopCycle';
}

/** A write whose answer was lost: it may have landed, so it is never simply repeated. */
export function mayHaveApplied(error: unknown): boolean {
  return isConnectorError(error) && error.info.mayHaveApplied === true;
}
