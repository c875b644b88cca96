import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiError } from '../api';
import type { ErrorCode } from '@shared/domain/errors';
import { saidOf, type SaidMessage } from '@shared/domain/error-messages';

export interface ReportedError {
  id: number;
  code: ErrorCode;
  message: string;
  /** The message's code and parameters when the app gave them, to say it in the admin's language. */
  said?: SaidMessage;
  /** What the admin was doing ("Reading the file", "Saving HR export"), when the caller says. */
  context?: string;
}

/**
 * The one place failed commands go that have no field or panel of their own to show them beside
 * (forms keep their own problems on the page). The error presenter shows each until it is closed,
 * titled by its code (locales `errors.<code>`) with the app's own explanation; the same failure
 * reported again while it is still shown is not shown twice.
 */
export const useErrorsStore = defineStore('errors', () => {
  const queue = ref<ReportedError[]>([]);
  let nextId = 1;

  function report(error: unknown, context?: string): void {
    const apiError = error instanceof ApiError ? error : null;
    const said = apiError ? saidOf(apiError.details) : null;
    queue.value.push({
      id: nextId++,
      code: apiError?.code ?? 'internal',
      message: error instanceof Error ? error.message : String(error),
      ...(said ? { said } : {}),
      ...(context ? { context } : {}),
    });
  }

  function take(): ReportedError[] {
    const taken = queue.value;
    queue.value = [];
    return taken;
  }

  return { queue, report, take };
});

/** Two reports are the same failure when code, message and context agree. */
export function sameFailure(a: ReportedError, b: ReportedError): boolean {
  return a.code === b.code && a.message === b.message && a.context === b.context;
}
