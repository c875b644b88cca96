/**
 * Opening a source file, with the operating system's errors turned into sentences an admin can act
 * on. Also the identity (size, modification time) that tells a later pass whether the file changed.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type ConnectorError } from '../connector';
import { csvError } from './csv-errors';

export interface FileIdentity {
  path: string;
  /** The name used in messages and locations: `hr.csv`. */
  name: string;
  size: number;
  mtimeMs: number;
}

function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Maps an fs error on `path` to a ConnectorError that says what to do about it. */
export function fileError(path: string, error: unknown): ConnectorError {
  const name = basename(path);
  switch (errnoOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return csvError(
        'CsvFileNotFound',
        `The file ${path} does not exist. Check the path in the connection settings, and that the export ran.`,
        [name],
      );
    case 'EACCES':
    case 'EPERM':
      return csvError(
        'CsvFileUnreadable',
        `Roster is not allowed to read ${path} (permission denied). Give the account that runs Roster read access to the file.`,
        [name],
      );
    case 'EISDIR':
      return csvError('CsvFileUnreadable', `${path} is a folder, not a file. Choose the CSV file itself.`, [
        name,
      ]);
    case 'EBUSY':
    case 'EAGAIN':
      return csvError(
        'CsvFileUnreadable',
        `${path} is locked by another program (is it open in Excel?). Close it and try again.`,
        [name],
      );
    default:
      return csvError(
        'CsvFileUnreadable',
        `Roster could not read ${path}: ${error instanceof Error ? error.message : String(error)}`,
        [name],
      );
  }
}

export async function identify(path: string): Promise<FileIdentity> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { path, name: basename(path), size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    throw fileError(path, error);
  }
}

/** The first `maxBytes` of the file (fewer when the file is shorter), for sniffing. */
export async function readStart(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(maxBytes);
      let filled = 0;
      while (filled < maxBytes) {
        const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileError(path, error);
  }
}
