import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { makeTempDirFor } from './temp';

export interface BareBus {
  address: string;
  /** Environment for processes on this bus (XDG folders in the bus's temp dir). */
  env: Record<string, string>;
  stop(): void;
}

/**
 * A private session bus. With `activation: false` no D-Bus service can be started on it (a bus with
 * no Secret Service); with `activation: true` it starts services from the system's .service files, so
 * gnome-keyring-daemon comes up on demand with no unlocked keyring — the two ways a desktop-less
 * machine commonly fails.
 */
export async function startBareSessionBus(options: { activation: boolean }): Promise<BareBus> {
  const dir = makeTempDirFor('roster-bus-');
  const env = {
    XDG_RUNTIME_DIR: join(dir.path, 'run'),
    XDG_DATA_HOME: join(dir.path, 'data'),
    XDG_CONFIG_HOME: join(dir.path, 'config'),
    HOME: join(dir.path, 'home'),
  };
  for (const folder of Object.values(env)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  const config = join(dir.path, 'bus.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${join(dir.path, 'bus')}</listen>
  ${options.activation ? '<standard_session_servicedirs/>' : ''}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>`,
  );
  const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: bus.stdout }).once('line', (line) => resolve(line.trim()));
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited with code ${code}`)));
  });
  return {
    address,
    env,
    stop() {
      bus.kill();
      dir.remove();
    },
  };
}
