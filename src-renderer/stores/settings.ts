import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, onEvent } from '../api';
import { defaultAppSettings, type AppSettings, type AppSettingsPatch } from '@shared/domain/settings';
import { useErrorsStore } from './errors';
import { newestValue } from './newest-value';

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-color-scheme: dark)').matches;
}

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<AppSettings>({ ...defaultAppSettings });
  const loaded = ref(false);
  const systemDark = ref(systemPrefersDark());
  const current = newestValue(settings);

  // "Follow the system" tracks the OS setting live, not just at start-up.
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
    systemDark.value = event.matches;
  });

  const isDark = computed(() =>
    settings.value.theme === 'system' ? systemDark.value : settings.value.theme === 'dark',
  );

  async function load(): Promise<void> {
    try {
      await current.read(() => call('settings.get'));
      loaded.value = true;
    } catch (error) {
      useErrorsStore().report(error);
    }
  }

  async function update(patch: AppSettingsPatch): Promise<boolean> {
    try {
      current.set(await call('settings.update', patch));
      return true;
    } catch (error) {
      useErrorsStore().report(error);
      return false;
    }
  }

  onEvent('settings.changed', (next) => current.set(next));

  return { settings, loaded, isDark, load, update };
});
