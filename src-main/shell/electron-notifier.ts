import { Notification } from 'electron';
import type { DesktopNotifier } from '../notify/desktop';

/**
 * Job alerts as OS notifications (Electron's Notification, from the main process: the renderer's
 * permission requests are all denied, see hardening.ts). A click brings the window forward.
 */
export function createElectronNotifier(onClick: () => void): DesktopNotifier {
  return {
    show(notice) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', onClick);
      notification.show();
    },
  };
}
