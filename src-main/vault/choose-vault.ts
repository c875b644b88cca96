import { resolve } from 'node:path';
import { createCredentialsDirVault, type CredentialsDirectory } from './credentials-dir-vault';
import { createKeytarVault } from './keytar-vault';
import type { Vault } from './vault';

/**
 * The credentials directory this process was given, if any: `--secrets-dir`, then
 * `ROSTER_SECRETS_DIR`, then systemd's `$CREDENTIALS_DIRECTORY` (set for units with LoadCredential=).
 */
export function credentialsDirectoryFrom(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): CredentialsDirectory | null {
  if (flag) return { dir: resolve(flag), from: '--secrets-dir' };
  const own = env['ROSTER_SECRETS_DIR'];
  if (own) return { dir: resolve(own), from: 'ROSTER_SECRETS_DIR' };
  const systemd = env['CREDENTIALS_DIRECTORY'];
  if (systemd) return { dir: resolve(systemd), from: 'CREDENTIALS_DIRECTORY' };
  return null;
}

/**
 * The vault of a process that was given none: a credentials directory when one is configured, the
 * OS keychain otherwise. A configured directory is used alone, never mixed with the keychain: an
 * explicit setting must not be overridden by whatever a keychain happens to hold, and every secret
 * then has exactly one place it can come from (docs/headless.md, "Why not both").
 */
export function createDefaultVault(options: { secretsDir?: string; env?: NodeJS.ProcessEnv } = {}): Vault {
  const directory = credentialsDirectoryFrom(options.secretsDir, options.env);
  return directory ? createCredentialsDirVault(directory) : createKeytarVault();
}
