import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliFailure, exitCodes } from './cli-app';

/**
 * Checks an `--out` path before any work starts: a folder that does not exist or a path that is a
 * folder is bad input (exit 2) with one sentence, not a write error halfway through an export.
 */
export function checkOutPath(path: string, option = '--out'): void {
  const full = resolve(path);
  const folder = dirname(full);
  let folderIsDir = false;
  try {
    folderIsDir = statSync(folder).isDirectory();
  } catch {
    folderIsDir = false;
  }
  if (!folderIsDir)
    throw new CliFailure(`${option} ${path}: the folder ${folder} does not exist.`, exitCodes.badInput);
  try {
    if (statSync(full).isDirectory())
      throw new CliFailure(`${option} ${path} is a folder; name the file to write.`, exitCodes.badInput);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    // No file there yet: it will be created.
  }
}
