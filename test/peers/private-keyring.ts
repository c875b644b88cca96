import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface PrivateKeyring {
  /** Put these in the environment of anything that should use this keyring. */
  env: { DBUS_SESSION_BUS_ADDRESS: string; XDG_RUNTIME_DIR: string; XDG_DATA_HOME: string };
  stop(): Promise<void>;
}

function requireCommand(command: string, debianPackage: string): void {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(
      `${command} is not installed: install the Debian package ${debianPackage} (see README, "Linux packages").`,
    );
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * A session bus and an unlocked GNOME Keyring of the tests' own, in a temp folder. Tests always use
 * this rather than the caller's desktop keyring: they must never write into a developer's keychain,
 * and they must pass the same way on a headless CI machine.
 */
export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  requireCommand('dbus-daemon', 'dbus');
  requireCommand('gnome-keyring-daemon', 'gnome-keyring');
  const root = mkdtempSync(join(tmpdir(), 'roster-keyring-'));
  const env = {
    XDG_RUNTIME_DIR: join(root, 'run'),
    XDG_DATA_HOME: join(root, 'data'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_CACHE_HOME: join(root, 'cache'),
    HOME: join(root, 'home'),
  };
  for (const dir of Object.values(env)) mkdirSync(dir, { recursive: true, mode: 0o700 });

  const bus = spawn(
    'dbus-daemon',
    ['--session', '--nofork', '--print-address=1', `--address=unix:path=${join(root, 'bus')}`],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const address = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: bus.stdout });
    lines.once('line', (line) => resolve(line.trim()));
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited with code ${code}`)));
  });

  const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env: { ...process.env, ...env, DBUS_SESSION_BUS_ADDRESS: address },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  // --unlock reads the new keyring's password from stdin; the keyring only lives for this test run.
  keyring.stdin.end('roster-test');
  await waitForSecretService(address, env);

  return {
    env: {
      DBUS_SESSION_BUS_ADDRESS: address,
      XDG_RUNTIME_DIR: env.XDG_RUNTIME_DIR,
      XDG_DATA_HOME: env.XDG_DATA_HOME,
    },
    async stop() {
      await stopProcess(keyring);
      await stopProcess(bus);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function waitForSecretService(address: string, env: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const probe = spawnSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env: { ...process.env, ...env, DBUS_SESSION_BUS_ADDRESS: address }, encoding: 'utf8' },
    );
    if (probe.stdout.includes('boolean true')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gnome-keyring-daemon did not register the Secret Service within 10 s');
}
