import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { findElectronBinary, installedElectronVersion, tryInstallElectronBinary } from '../electron-binary';
import { prepareElectronNativeModules } from '../electron-native-modules';
import { dataDirOption } from '../options';
import { serve } from './serve';

export const electronMissingLine =
  'Electron is not installed and its binary cannot be downloaded on this machine: starting Roster in browser mode instead.';

interface LaunchOptions {
  dataDir?: string;
  browser?: boolean;
}

/** What `npm start` runs after the build: the desktop app where Electron exists, browser mode otherwise. */
async function launch(options: LaunchOptions): Promise<void> {
  const projectRoot = resolve(__dirname, '../..');
  const binary = options.browser
    ? null
    : (findElectronBinary(projectRoot) ?? tryInstallElectronBinary(projectRoot));
  if (!binary) {
    if (!options.browser) console.log(electronMissingLine);
    await serve(options.dataDir ? { dataDir: options.dataDir } : {});
    return;
  }
  const bindings = await prepareElectronNativeModules(projectRoot, installedElectronVersion(projectRoot));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ROSTER_SQLITE_BINDING: bindings.sqlite,
    ROSTER_KEYTAR_BINDING: bindings.keytar,
    ...(options.dataDir ? { ROSTER_DATA_DIR: resolve(options.dataDir) } : {}),
  };
  delete env['ELECTRON_RUN_AS_NODE'];
  const child = spawn(binary, [projectRoot], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

export function registerLaunchCommand(program: Command): void {
  program
    .command('launch')
    .description('start the desktop app (what `npm start` runs); falls back to browser mode without Electron')
    .option('--browser', 'skip Electron and start browser mode')
    .addOption(dataDirOption())
    .action((opts: LaunchOptions) => launch(opts));
}
