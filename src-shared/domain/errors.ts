/**
 * The closed set of error codes that may cross a transport. The renderer shows one message per code
 * (locales: `errors.<code>`), so adding a code means adding its message in every catalogue.
 */
export const errorCodes = [
  'invalidInput',
  'notFound',
  'conflict',
  'vaultUnavailable',
  'databaseTooNew',
  'unknownCommand',
  'unauthorized',
  'forbidden',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * An error a handler raises on purpose: its code and message are meant for the admin. Anything else a
 * handler throws is reported as `internal` with a redacted message.
 */
export class RosterError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RosterError';
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
