import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The app's resources folder (demo data, templates). From the build it sits two levels above
 * out/main; from the sources (tests) above src-main/app; a packaged app may name it by environment.
 */
export function resourcePath(...parts: string[]): string {
  const candidates = [
    process.env['ROSTER_RESOURCES_DIR'],
    resolve(__dirname, '../../resources'),
    resolve(__dirname, '../../../resources'),
    join(process.cwd(), 'resources'),
  ].filter((dir): dir is string => !!dir);
  for (const dir of candidates) {
    const path = join(dir, ...parts);
    if (existsSync(path)) return path;
  }
  throw new Error(`Roster's resource ${parts.join('/')} is missing (looked in ${candidates.join(', ')}).`);
}
