import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../api';
import { useErrorsStore } from './errors';

/** The scheduler's own setting: how many jobs may run at once (the others wait for a free slot). */
export const useSchedulerStore = defineStore('scheduler', () => {
  const maxConcurrentJobs = ref(2);
  const loaded = ref(false);

  async function load(): Promise<void> {
    try {
      maxConcurrentJobs.value = (await call('scheduler.getSettings')).maxConcurrentJobs;
      loaded.value = true;
    } catch (error) {
      useErrorsStore().report(error);
    }
  }

  async function save(count: number): Promise<boolean> {
    try {
      maxConcurrentJobs.value = (
        await call('scheduler.saveSettings', { maxConcurrentJobs: count })
      ).maxConcurrentJobs;
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  return { maxConcurrentJobs, loaded, load, save };
});
