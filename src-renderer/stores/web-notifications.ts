import { defineStore } from 'pinia';
import { ref } from 'vue';
import { onEvent, transportKind } from '../api';

type Permission = NotificationPermission | 'unsupported';

const wantedKey = 'roster.webNotifications';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function readWanted(): boolean {
  try {
    return window.localStorage.getItem(wantedKey) === 'on';
  } catch {
    return false;
  }
}

/**
 * Browser mode's desktop notifications: the app sends job alerts as `notifications.desktop` events,
 * and this tab shows them with the Web Notification API when the admin turned them on here and the
 * browser allowed it. The desktop app shows its own (Electron), so this does nothing there.
 */
export const useWebNotificationsStore = defineStore('webNotifications', () => {
  const available = transportKind() === 'browser' && supported();
  const permission = ref<Permission>(available ? Notification.permission : 'unsupported');
  /** The admin's choice for this browser (kept in localStorage: it is about this browser, not the app). */
  const wanted = ref(available && readWanted());
  let started = false;

  function remember(value: boolean): void {
    wanted.value = value;
    try {
      window.localStorage.setItem(wantedKey, value ? 'on' : 'off');
    } catch {
      // Storage may be off (private windows); the choice then lasts for this page only.
    }
  }

  /** Call from a click or key press: browsers ask for permission only on a user gesture. */
  async function turnOn(): Promise<void> {
    if (!available) return;
    permission.value =
      Notification.permission === 'default'
        ? await Notification.requestPermission()
        : Notification.permission;
    remember(permission.value === 'granted');
  }

  function turnOff(): void {
    remember(false);
  }

  function start(): void {
    if (!available || started) return;
    started = true;
    onEvent('notifications.desktop', (notice) => {
      if (!wanted.value || Notification.permission !== 'granted') return;
      // The tag folds repeated notices about one job into one entry in the browser's list.
      const shown = new Notification(notice.title, { body: notice.body, tag: `roster-${notice.jobId}` });
      shown.onclick = () => window.focus();
    });
  }

  return { available, permission, wanted, turnOn, turnOff, start };
});
