import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiError } from '../api';
import type { ErrorCode } from '@shared/domain/errors';

export interface ReportedError {
  id: number;
  code: ErrorCode;
  message: string;
}

/**
 * The one place failed commands go. The error presenter shows each as a notification whose title is
 * the message for its code (locales `errors.<code>`) and whose body is the app's own explanation.
 */
export const useErrorsStore = defineStore('errors', () => {
  const queue = ref<ReportedError[]>([]);
  let nextId = 1;

  function report(error: unknown): void {
    const apiError = error instanceof ApiError ? error : null;
    queue.value.push({
      id: nextId++,
      code: apiError?.code ?? 'internal',
      message: error instanceof Error ? error.message : String(error),
    });
  }

  function take(): ReportedError[] {
    const taken = queue.value;
    queue.value = [];
    return taken;
  }

  return { queue, report, take };
});
