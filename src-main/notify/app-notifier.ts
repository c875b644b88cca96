import type { Store } from '../store/store';
import { redact } from '../vault/redact';
import type { Vault } from '../vault/vault';
import { createAlertStateStore } from './alert-state-store';
import type { DesktopNotifier } from './desktop';
import { createNotificationSettingsStore } from './notification-settings';
import { createNotifier, type Notifier } from './notifier';
import type { NotifyLogger } from './outbox';
import type { Timers } from './timers';

/**
 * The notifier as createApp() builds it: settings and what was told per job in the settings table,
 * recipients from each job's settings, desktop notices in the admin's UI language.
 */
export function createAppNotifier(options: {
  store: Store;
  vault: Vault;
  logger: NotifyLogger;
  clock: () => Date;
  desktop: DesktopNotifier;
  timers?: Timers;
  timeZone?: string;
}): Notifier {
  const { store } = options;
  return createNotifier({
    settingsStore: createNotificationSettingsStore(store.settings, (m) => options.logger.warn(m)),
    vault: options.vault,
    jobs: {
      recipients(jobId) {
        const job = store.jobs.get(jobId);
        if (!job) return null;
        const { notificationEmail, notifyOnFailure } = job.config.settings;
        return { notificationEmail, notifyOnFailure };
      },
    },
    alertState: createAlertStateStore(store.settings),
    logger: options.logger,
    clock: options.clock,
    desktop: options.desktop,
    desktopLanguage: () => store.settings.getAppSettings().language,
    redact,
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
}
