import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { ipcChannels } from '@shared/ipc-channels';
import { fail } from '@shared/domain/result';
import type { RosterApp } from '../app/create-app';

/** Only the top frame of our own window, showing our own bundled page, may call the app. */
function isTrustedSender(frame: WebFrameMain | null, window: BrowserWindow, rendererUrl: string): boolean {
  if (!frame || frame.parent !== null) return false;
  if (frame !== window.webContents.mainFrame) return false;
  return frame.url.split('#')[0] === rendererUrl;
}

export function attachIpcTransport(app: RosterApp, window: BrowserWindow, rendererUrl: string): () => void {
  ipcMain.handle(ipcChannels.invoke, (event, command: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, window, rendererUrl)) {
      return fail({ code: 'forbidden', message: 'This window may not call Roster' });
    }
    if (typeof command !== 'string')
      return fail({ code: 'unknownCommand', message: 'A command name is required' });
    return app.dispatch(command, input);
  });
  const unsubscribe = app.events.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, name, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.invoke);
  };
}
