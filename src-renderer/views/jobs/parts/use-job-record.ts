import { ref, type Ref } from 'vue';
import type { JobDetail } from '@shared/domain/job-view';
import type { CycleSummary } from '@shared/domain/provisioning';
import { ApiError, call } from '../../../api';
import { useErrorsStore } from '../../../stores/errors';
import { serialLoad } from '../../../stores/serial-load';

/**
 * The job page's detail and cycle history, reloaded when a cycle starts and again when it ends —
 * often within a second, so the two loads overlap. They run one at a time (serialLoad): an answer
 * read while the cycle ran could otherwise arrive last and show it running after it ended. An answer
 * for the job shown before the page moved to another is dropped, not shown under the new one.
 */
export function useJobRecord(id: Ref<string>) {
  const errors = useErrorsStore();
  const detail = ref<JobDetail | null>(null);
  const missing = ref(false);
  const cycles = ref<CycleSummary[]>([]);
  const cyclesLoading = ref(false);

  const loadDetail = serialLoad(async () => {
    const asked = id.value;
    try {
      const answer = await call('jobs.get', { id: asked });
      if (asked !== id.value) return;
      detail.value = answer;
      missing.value = false;
    } catch (error) {
      if (asked !== id.value) return;
      if (error instanceof ApiError && error.code === 'notFound') missing.value = true;
      else errors.report(error);
    }
  });

  const loadCycles = serialLoad(
    async () => {
      const asked = id.value;
      try {
        const answer = await call('cycles.list', { jobId: asked, limit: 20 });
        if (asked === id.value) cycles.value = answer;
      } catch (error) {
        if (asked === id.value) errors.report(error);
      }
    },
    (busy) => (cyclesLoading.value = busy),
  );

  return { detail, missing, cycles, cyclesLoading, loadDetail, loadCycles };
}
