import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createRosterI18n } from './locales';
import { createRosterRouter } from './router';
import { useSettingsStore } from './stores/settings';
import { useAppInfoStore } from './stores/app-info';
import { useWebNotificationsStore } from './stores/web-notifications';

async function start(): Promise<void> {
  const app = createApp(App);
  const pinia = createPinia();
  app.use(pinia);
  // Settings first, so the first paint already has the admin's language and theme.
  const settings = useSettingsStore();
  await settings.load();
  app.use(createRosterI18n(settings.settings.language));
  app.use(createRosterRouter());
  void useAppInfoStore().load();
  // Browser mode: job alerts become Web Notifications on every page, not only in Settings.
  useWebNotificationsStore().start();
  app.mount('#app');
}

void start();
