import { resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { defaultDataDir } from '../app/data-dir';

export function dataDirOption(): Option {
  return new Option(
    '--data-dir <dir>',
    'folder of the Roster database (default: $ROSTER_DATA_DIR or the app-data folder)',
  );
}

export function resolveDataDir(value: string | undefined): string {
  return resolve(value ?? defaultDataDir());
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    // commander reports this as a usage error: bad input, exit 2.
    throw new InvalidArgumentError(`--port must be 0–65535, not "${value}"`);
  return port;
}
