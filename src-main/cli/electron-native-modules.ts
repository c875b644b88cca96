import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Native addons that Electron cannot share with Node: each gets a build of its own. */
const nativeModules = ['better-sqlite3', 'keytar'] as const;

export interface ElectronNativeBindings {
  sqlite: string;
  keytar: string;
}

/**
 * better-sqlite3 and keytar in node_modules are built for Node's ABI (tests and the CLI use them).
 * Electron needs builds for its own ABI, so copies of the two packages are rebuilt with
 * @electron/rebuild under .electron-native/<electron version>/ and handed to the Electron main
 * process by path (better-sqlite3's `nativeBinding` option; keytar's addon loaded directly).
 * node_modules is never touched, so `npm test` keeps working.
 */
export async function prepareElectronNativeModules(
  projectRoot: string,
  electronVersion: string,
): Promise<ElectronNativeBindings> {
  const buildRoot = join(projectRoot, '.electron-native', electronVersion);
  const bindings: ElectronNativeBindings = {
    sqlite: join(buildRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    keytar: join(buildRoot, 'node_modules/keytar/build/Release/keytar.node'),
  };
  const stamp = join(buildRoot, 'built.json');
  const wanted = JSON.stringify(nativeModules.map((name) => [name, moduleVersion(projectRoot, name)]));
  if (
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === wanted &&
    existsSync(bindings.sqlite) &&
    existsSync(bindings.keytar)
  ) {
    return bindings;
  }

  rmSync(buildRoot, { recursive: true, force: true });
  mkdirSync(join(buildRoot, 'node_modules'), { recursive: true });
  const dependencies: Record<string, string> = {};
  for (const name of nativeModules) {
    cpSync(join(projectRoot, 'node_modules', name), join(buildRoot, 'node_modules', name), {
      recursive: true,
      filter: (source) => !source.includes(`${name}/build`),
    });
    dependencies[name] = moduleVersion(projectRoot, name);
  }
  writeFileSync(
    join(buildRoot, 'package.json'),
    JSON.stringify({ name: 'roster-electron-native', private: true, dependencies }),
  );

  console.log(`Building native modules for Electron ${electronVersion} (once per Electron version)…`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: buildRoot,
    electronVersion,
    onlyModules: [...nativeModules],
    force: true,
    // Build from source: prebuilt downloads are not reachable everywhere Roster is built.
    buildFromSource: true,
  });
  writeFileSync(stamp, wanted);
  return bindings;
}

function moduleVersion(projectRoot: string, name: string): string {
  const manifest = JSON.parse(
    readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}
