import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/app/data-dir';

describe('defaultDataDir', () => {
  it('prefers ROSTER_DATA_DIR', () => {
    expect(defaultDataDir({ ROSTER_DATA_DIR: '/srv/roster' }, 'linux')).toBe('/srv/roster');
  });

  it('matches Electron’s userData folder for an app named Roster', () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Roster'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Roster');
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Roster'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'Roster'),
    );
  });
});
