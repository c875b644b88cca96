import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../api';
import { useErrorsStore } from './errors';
import { newestValue } from './newest-value';

/** The scheduler's own setting: how many jobs may run at once (the others wait for a free slot). */
export const useSchedulerStore = defineStore('scheduler', () => {
  const maxConcurrentJobs = ref(2);
  const loaded = ref(false);
  /** A load asked before a save can answer after it: the saved count wins. */
  const current = newestValue(maxConcurrentJobs);

  async function load(): Promise<void> {
    try {
      await current.read(async () => (await call('scheduler.getSettings')).maxConcurrentJobs);
      loaded.value = true;
    } catch (error) {
      useErrorsStore().report(error);
    }
  }

  async function save(count: number): Promise<boolean> {
    try {
      current.set((await call('scheduler.saveSettings', { maxConcurrentJobs: count })).maxConcurrentJobs);
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  return { maxConcurrentJobs, loaded, load, save };
});
