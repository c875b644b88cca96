import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The environment of a fresh headless Linux machine, for child processes: no session bus address, no
 * display, and home and runtime folders of its own, so libsecret cannot find any keyring.
 */
export function noKeychainEnv(root: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'DBUS_SESSION_BUS_ADDRESS',
    'DISPLAY',
    'WAYLAND_DISPLAY',
    'ROSTER_SECRETS_DIR',
    'CREDENTIALS_DIRECTORY',
  ])
    delete env[name];
  for (const [name, folder] of [
    ['HOME', 'home'],
    ['XDG_RUNTIME_DIR', 'run'],
    ['XDG_DATA_HOME', 'data-home'],
    ['XDG_CONFIG_HOME', 'config'],
  ] as const) {
    env[name] = join(root, folder);
    mkdirSync(env[name], { recursive: true, mode: 0o700 });
  }
  return { ...env, ...extra };
}
