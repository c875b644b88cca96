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

export function secretsDirOption(): Option {
  return new Option(
    '--secrets-dir <dir>',
    'read secrets from one file per secret in this folder instead of the keychain (default: $ROSTER_SECRETS_DIR, then $CREDENTIALS_DIRECTORY); see docs/headless.md',
  );
}
