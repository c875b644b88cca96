import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onEvent } from '../api';
import type { JobView } from '@shared/domain/job-view';
import type { JobFileInput } from '@shared/domain/job-file';
import type { CycleProgress, CycleSummary } from '@shared/domain/provisioning';
import { useErrorsStore } from './errors';
import { serialLoad } from './serial-load';

/**
 * The jobs list, and the live progress of every running cycle, kept current from app events so any
 * page (the list, a job's detail, the dashboard) shows the same numbers without polling.
 */
export const useJobsStore = defineStore('jobs', () => {
  const items = ref<JobView[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  /** jobId → the last progress report of its running cycle. Removed when the cycle ends. */
  const progress = ref<Record<string, CycleProgress>>({});
  /** jobId → the cycle that ended last while this window was open. */
  const finished = ref<Record<string, CycleSummary>>({});

  /** Reloads the list; calls made while a load is under way collapse into one more load. */
  const load = serialLoad(
    async () => {
      try {
        items.value = await call('jobs.list');
        loaded.value = true;
      } catch (error) {
        useErrorsStore().report(error);
      }
    },
    (busy) => (loading.value = busy),
  );

  function byId(id: string): JobView | null {
    return items.value.find((job) => job.id === id) ?? null;
  }

  /** Starts a cycle; true when the app accepted it. Progress arrives as events. */
  async function run(id: string, dryRun: boolean): Promise<boolean> {
    try {
      await call('jobs.run', { id, dryRun });
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  async function cancel(id: string): Promise<boolean> {
    try {
      return (await call('jobs.cancel', { id })).cancelled;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  function replace(view: JobView): void {
    items.value = items.value.map((job) => (job.id === view.id ? view : job));
  }

  /** Start, Pause or Resume the job's schedule; the updated job, or null when the app refused. */
  async function schedule(id: string, change: 'start' | 'pause' | 'resume'): Promise<JobView | null> {
    try {
      const view = await call(`jobs.${change}`, { id });
      replace(view);
      return view;
    } catch (error) {
      useErrorsStore().report(error);
      return null;
    }
  }

  /** One cycle as soon as a slot is free: 'started', 'queued', or null when refused (already running). */
  async function runNow(id: string): Promise<'started' | 'queued' | null> {
    try {
      const { job, run } = await call('jobs.runNow', { id });
      replace(job);
      return run;
    } catch (error) {
      useErrorsStore().report(error);
      return null;
    }
  }

  async function allowDeletes(id: string): Promise<boolean> {
    try {
      replace(await call('jobs.allowDeletes', { id }));
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  async function reset(id: string, full: boolean): Promise<boolean> {
    try {
      replace(await call('jobs.reset', { id, full }));
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  async function remove(id: string): Promise<boolean> {
    try {
      await call('jobs.delete', { id });
      items.value = items.value.filter((job) => job.id !== id);
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  /** Rejects with the ApiError, so the caller can say what in the file is wrong. */
  async function importFile(file: JobFileInput): Promise<JobView> {
    const detail = await call('jobs.importFile', { file });
    await load();
    return detail;
  }

  onEvent('jobs.changed', () => void load());
  onEvent('jobs.progress', (report) => {
    progress.value = { ...progress.value, [report.jobId]: report };
  });
  onEvent('jobs.cycleFinished', (cycle) => {
    const { [cycle.jobId]: _ended, ...rest } = progress.value;
    progress.value = rest;
    finished.value = { ...finished.value, [cycle.jobId]: cycle };
  });

  return {
    items,
    loading,
    loaded,
    progress,
    finished,
    load,
    byId,
    run,
    runNow,
    schedule,
    cancel,
    allowDeletes,
    reset,
    remove,
    importFile,
  };
});
