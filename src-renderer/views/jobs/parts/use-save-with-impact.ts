import { ref } from 'vue';
import type { ErrorCode } from '@shared/domain/errors';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { ConfigProblem } from '@shared/domain/config-problems';
import { ApiError, call } from '../../../api';
import { saveFailureIssues } from './save-failure-issues';

/** A failed save, kept on the page next to the editor: the app's message and the fields it names. */
export interface SaveFailure {
  code: ErrorCode;
  message: string;
  /** The problems the app named, with their codes (said in the admin's language by the alert). */
  issues: ConfigProblem[];
}

/** What jobs.update's refusal says, for the alert beside the editor (save-failure-alert.vue). */
export function saveFailureOf(error: unknown): SaveFailure {
  return error instanceof ApiError
    ? { code: error.code, message: error.message, issues: saveFailureIssues(error.details) }
    : { code: 'internal', message: String(error), issues: [] };
}

/**
 * Save a changed job configuration the one way every job-page editor does: show its impact first
 * (the impact dialog), and store it with jobs.update only when the admin confirms there.
 */
export function useSaveWithImpact(jobId: () => string, onSaved: (detail: JobDetail) => void) {
  const pending = ref<JobConfig | null>(null);
  const showImpact = ref(false);
  const saving = ref(false);
  const failure = ref<SaveFailure | null>(null);

  function review(config: JobConfig): void {
    pending.value = config;
    failure.value = null;
    showImpact.value = true;
  }

  async function confirm(): Promise<boolean> {
    const config = pending.value;
    if (!config || saving.value) return false;
    saving.value = true;
    try {
      const detail = await call('jobs.update', { id: jobId(), config });
      showImpact.value = false;
      pending.value = null;
      onSaved(detail);
      return true;
    } catch (error) {
      showImpact.value = false;
      failure.value = saveFailureOf(error);
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { pending, showImpact, saving, failure, review, confirm };
}
