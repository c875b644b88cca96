import type { ErrorPayload } from './errors';

/**
 * What crosses every transport. Electron's `invoke` keeps only the message of a thrown error, so
 * nothing is thrown across a transport: failures travel as values.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ErrorPayload): Result<T> {
  return { ok: false, error };
}
