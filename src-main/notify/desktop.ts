import type { DesktopNotice } from '@shared/domain/notifications';

/**
 * Shows a job alert on the desktop. The Electron shell implements it with Electron's Notification
 * (src-main/shell/electron-notifier.ts); everywhere else the notice becomes the
 * `notifications.desktop` event, which browser mode turns into a Web Notification.
 */
export interface DesktopNotifier {
  show(notice: DesktopNotice): void;
}

/** Browser mode, headless and tests: hand the notice to whoever listens to the app's events. */
export function createEventDesktopNotifier(emit: (notice: DesktopNotice) => void): DesktopNotifier {
  return { show: emit };
}
