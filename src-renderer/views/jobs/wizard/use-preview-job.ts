import { computed, ref, watch, type Ref } from 'vue';
import type { CycleSummary } from '@shared/domain/provisioning';
import { ApiError, call } from '../../../api';
import { useJobsStore } from '../../../stores/jobs';
import { configKey, type WizardState } from './wizard-model';

/**
 * The review's dry run of the first cycle.
 *
 * Roster decision: the wizard dry-runs a real job. It stores the configuration as a job that is not
 * started (the scheduler never runs a job nobody started), runs `jobs.run { dryRun: true }` — the
 * same engine as every cycle: it reads the real source, matches against the real target (so an
 * account that already exists is linked or updated, not "created") and writes the plan instead of
 * the target — and shows that cycle's plan. The job is stored as a preview (migration 011): the Jobs
 * list, the dashboard and the scheduler do not see it, and one left behind by a closed window shows
 * on the Jobs page as an unfinished setup. Create turns it into a job (`jobs.finishSetup`), with its
 * dry run in the history; Cancel and Discard delete it. The alternatives were worse: a dry run of an unsaved configuration
 * would need a second way into the engine that the lease, the plan store and the scheduler do not
 * know, and `jobs.impact` works from the last import and the links only, without asking the target,
 * so for a new job it can only say "everything would be created" — an estimate, not a dry run.
 */
export function usePreviewJob(state: Ref<WizardState>) {
  const jobs = useJobsStore();
  const cycle = ref<CycleSummary | null>(null);
  const starting = ref(false);
  const problem = ref<ApiError | null>(null);
  /** Set between jobs.run and the end of that cycle. */
  const waitingFor = ref<string | null>(null);

  const jobId = computed(() => state.value.preview?.jobId ?? null);
  const progress = computed(() => (jobId.value ? (jobs.progress[jobId.value] ?? null) : null));
  const running = computed(() => starting.value || waitingFor.value !== null);
  /** The dry run shown belongs to the configuration as it is now. */
  const current = computed(
    () =>
      state.value.config !== null &&
      state.value.preview?.cycleId != null &&
      state.value.preview.configKey === configKey(state.value.config) &&
      cycle.value?.id === state.value.preview.cycleId,
  );

  /** The job holding the wizard's configuration: created once, updated when the config changed. */
  async function storeConfig(): Promise<string> {
    const config = state.value.config;
    if (!config) throw new Error('The wizard has no configuration to dry-run yet.');
    const key = configKey(config);
    const preview = state.value.preview;
    if (preview) {
      if (preview.configKey === key) return preview.jobId;
      try {
        await call('jobs.update', { id: preview.jobId, config });
        state.value.preview = { jobId: preview.jobId, configKey: key, cycleId: null };
        return preview.jobId;
      } catch (error) {
        // Deleted meanwhile (from the Jobs page): store it again below.
        if (!(error instanceof ApiError && error.code === 'notFound')) throw error;
      }
    }
    const created = await call('jobs.create', { config, preview: true });
    state.value.preview = { jobId: created.id, configKey: key, cycleId: null };
    return created.id;
  }

  async function dryRun(): Promise<void> {
    if (running.value) return;
    starting.value = true;
    problem.value = null;
    cycle.value = null;
    try {
      const id = await storeConfig();
      await jobs.load();
      waitingFor.value = id;
      await call('jobs.run', { id, dryRun: true });
    } catch (error) {
      waitingFor.value = null;
      problem.value =
        error instanceof ApiError ? error : new ApiError({ code: 'internal', message: String(error) });
    } finally {
      starting.value = false;
    }
  }

  // The job is not started, so the next cycle that ends for it is the dry run started above.
  watch(
    () => (waitingFor.value ? jobs.finished[waitingFor.value] : undefined),
    (finished) => {
      if (!finished || !finished.dryRun || !state.value.preview) return;
      waitingFor.value = null;
      cycle.value = finished;
      state.value.preview = { ...state.value.preview, cycleId: finished.id };
    },
  );

  /** After a resume: the dry run the draft names, if the job still has it. */
  async function restore(): Promise<void> {
    const preview = state.value.preview;
    if (!preview?.cycleId) return;
    try {
      const cycles = await call('cycles.list', { jobId: preview.jobId, limit: 20 });
      cycle.value = cycles.find((c) => c.id === preview.cycleId) ?? null;
      if (!cycle.value) state.value.preview = { ...preview, cycleId: null };
    } catch {
      // The job is gone: the review stores it again when it dry-runs.
      state.value.preview = null;
    }
  }

  /** Cancel or Discard: the stored job goes, so nothing half-made stays in the Jobs list. */
  async function discard(): Promise<void> {
    const preview = state.value.preview;
    state.value.preview = null;
    cycle.value = null;
    if (!preview) return;
    try {
      await call('jobs.delete', { id: preview.jobId });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'notFound')) throw error;
    }
  }

  return { cycle, progress, running, current, problem, dryRun, restore, discard, storeConfig };
}
