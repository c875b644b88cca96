import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable installed by the `electron` package, or null. Electron 45 downloads it on
 * first `require('electron')`; we look at the files instead, so a missing binary is a clear answer
 * rather than a failed download inside a require.
 */
export function findElectronBinary(projectRoot: string): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Runs the electron package's own installer once (it downloads the binary where it can). */
export function tryInstallElectronBinary(projectRoot: string, timeoutMs = 120_000): string | null {
  const installer = join(projectRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  spawnSync(process.execPath, [installer], { cwd: projectRoot, stdio: 'ignore', timeout: timeoutMs });
  return findElectronBinary(projectRoot);
}

export function installedElectronVersion(projectRoot: string): string {
  const manifest = JSON.parse(
    readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}
