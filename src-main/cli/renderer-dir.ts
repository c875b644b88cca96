import { join, resolve } from 'node:path';
import { findRendererDir } from '../app/browser/static-files';

/** The built renderer: beside the built CLI (out/main → out/renderer), or under the working folder. */
export function locateRendererDir(): string {
  const found = findRendererDir([
    ...(process.env['ROSTER_RENDERER_DIR'] ? [process.env['ROSTER_RENDERER_DIR']] : []),
    resolve(__dirname, '../renderer'),
    join(process.cwd(), 'out/renderer'),
  ]);
  if (!found) throw new Error('The Roster UI is not built yet: run `npm run build` (or `npm run serve`).');
  return found;
}
