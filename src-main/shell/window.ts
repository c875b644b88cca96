import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, nativeTheme } from 'electron';

export interface MainWindow {
  window: BrowserWindow;
  rendererUrl: string;
}

export function createMainWindow(): MainWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Roster',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#18181c' : '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  const indexFile = join(__dirname, '../renderer/index.html');
  window.once('ready-to-show', () => window.show());
  void window.loadFile(indexFile);
  return { window, rendererUrl: pathToFileURL(indexFile).href };
}
