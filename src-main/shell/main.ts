import { app, nativeTheme, powerMonitor, type BrowserWindow } from 'electron';
import { createApp, type RosterApp } from '../app/create-app';
import { createKeytarVault, type KeytarApi } from '../vault/keytar-vault';
import { hardenElectron } from './hardening';
import { attachIpcTransport } from './ipc-transport';
import { createMainWindow } from './window';
import { createElectronNotifier } from './electron-notifier';

/**
 * The Electron shell: wires createApp() to one window and to ipcMain, and nothing more. Everything it
 * calls runs and is tested in plain Node; this file is the part that only Electron can run.
 */
hardenElectron();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let roster: RosterApp | null = null;
let mainWindow: BrowserWindow | null = null;

function electronKeytar(): Promise<KeytarApi> {
  // The Electron build of keytar's addon, prepared by `npm start` (see README, "Native modules").
  const addon = process.env['ROSTER_KEYTAR_BINDING'];
  if (!addon) return import('keytar').then((m) => m.default);
  // A native addon can only be loaded by require(); the path comes from our own launcher.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve(require(addon) as KeytarApi);
}

function followTheme(theme: string): void {
  nativeTheme.themeSource = theme === 'light' || theme === 'dark' ? theme : 'system';
}

void app.whenReady().then(() => {
  const sqlite = process.env['ROSTER_SQLITE_BINDING'];
  roster = createApp({
    dataDir: process.env['ROSTER_DATA_DIR'] ?? app.getPath('userData'),
    mode: 'electron',
    vault: createKeytarVault({ load: electronKeytar }),
    desktopNotifier: createElectronNotifier(() => {
      if (mainWindow?.isMinimized()) mainWindow.restore();
      mainWindow?.focus();
    }),
    ...(sqlite ? { sqliteNativeBinding: sqlite } : {}),
  });
  followTheme(roster.store.settings.getAppSettings().theme);
  // A cycle missed while the computer slept runs once, as soon as it wakes (the scheduler's own
  // clock check would notice too, but only at its next tick).
  powerMonitor.on('resume', () => roster?.scheduler.onResume());
  roster.events.onAny((name, payload) => {
    if (name === 'settings.changed') followTheme((payload as { theme: string }).theme);
  });
  const { window, rendererUrl } = createMainWindow();
  mainWindow = window;
  const detach = attachIpcTransport(roster, window, rendererUrl);
  window.on('closed', () => {
    detach();
    mainWindow = null;
  });
});

// A second launch focuses the running app instead of opening the same store twice.
app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('window-all-closed', () => {
  // Close the store cleanly (cancel cycles, stop the sandbox) before the process ends.
  void (roster?.close() ?? Promise.resolve()).finally(() => app.quit());
});
