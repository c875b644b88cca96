import { homedir } from 'node:os';
import { join } from 'node:path';

export const appDirName = 'Roster';

/**
 * Where Roster keeps its database when not told otherwise: `ROSTER_DATA_DIR`, else the folder Electron
 * uses as `userData` for an app named "Roster", so the desktop app and the CLI share one store.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const fromEnv = env['ROSTER_DATA_DIR'];
  if (fromEnv) return fromEnv;
  switch (platform) {
    case 'win32':
      return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), appDirName);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', appDirName);
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), appDirName);
  }
}
