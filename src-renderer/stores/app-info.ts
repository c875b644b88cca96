import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../api';
import type { AppInfo } from '@shared/domain/app-info';
import { useErrorsStore } from './errors';

export const useAppInfoStore = defineStore('appInfo', () => {
  const info = ref<AppInfo | null>(null);

  async function load(): Promise<void> {
    try {
      info.value = await call('app.info');
    } catch (error) {
      useErrorsStore().report(error);
    }
  }

  return { info, load };
});
