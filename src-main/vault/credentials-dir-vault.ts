import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultStatus } from '@shared/domain/app-info';
import type { RosterError } from '@shared/domain/errors';
import { refusal, type ErrorMessageCode } from '@shared/domain/error-messages';
import { vaultProblemEnglish } from '@shared/domain/vault-problem-texts';
import { describePrivacyProblem, privacyProblem, readPrivateFile, secretText } from './private-file';
import { rememberSecret } from './redact';
import { secretFileName } from './secret-file-names';
import type { Vault } from './vault';

/** Where a headless Roster was told to read its secrets from, and by which setting. */
export interface CredentialsDirectory {
  dir: string;
  from: '--secrets-dir' | 'ROSTER_SECRETS_DIR' | 'CREDENTIALS_DIRECTORY';
}

export interface CredentialsDirVault extends Vault {
  directory: CredentialsDirectory;
  /** The file a secret id is read from. */
  pathOf(secretId: string): string;
}

export function credentialsDirBackendName(directory: CredentialsDirectory): string {
  return `credentials directory ${directory.dir} (from ${directory.from})`;
}

/** How to put a secret where Roster looks for it: systemd's folder is filled by the unit, the others by hand. */
export function howToProvide(directory: CredentialsDirectory, name: string): string {
  const path = join(directory.dir, name);
  return directory.from === 'CREDENTIALS_DIRECTORY'
    ? `Add LoadCredential=${name}:/etc/roster/credentials/${name} (or LoadCredentialEncrypted=) to the service unit, ` +
        `put the value in that file (root-owned, mode 0600), then run systemctl daemon-reload and restart the service.`
    : `As the user Roster runs as, run: (umask 077; cat > ${path}) — paste the value, then press Ctrl+D.`;
}

/** Problems with the folder itself: it must exist, be a folder, be ours, and be closed to others (0700/0500). */
function directoryProblem(directory: CredentialsDirectory): string | null {
  let stats;
  try {
    stats = statSync(directory.dir);
  } catch {
    return `The credentials directory ${directory.dir} (from ${directory.from}) does not exist. Create it: install -d -m 700 ${directory.dir}`;
  }
  if (!stats.isDirectory()) return describePrivacyProblem(directory.dir, { kind: 'notDirectory' });
  const problem = privacyProblem(stats);
  return problem
    ? `${describePrivacyProblem(directory.dir, problem)} (credentials directory, from ${directory.from})`
    : null;
}

/**
 * Secrets read from files, for machines with no desktop keychain (docs/headless.md): one file per
 * secret, named by `secretFileName`. Roster never writes here — the folder belongs to the admin or
 * to systemd — so "storing" a secret succeeds only when the file already holds exactly that value
 * (which is how a connection made elsewhere is told to use the file), and anything else is refused
 * with the command that would fix it.
 */
export function createCredentialsDirVault(directory: CredentialsDirectory): CredentialsDirVault {
  const backend = credentialsDirBackendName(directory);
  const pathOf = (secretId: string) => join(directory.dir, secretFileName(secretId));

  function unavailable(code: ErrorMessageCode, params: Record<string, string>): RosterError {
    return refusal('vaultUnavailable', code, params, { backend });
  }
  const where = { dir: directory.dir, from: directory.from };

  function read(secretId: string): string | null {
    const folder = directoryProblem(directory);
    if (folder) throw unavailable('credentialsDirUnusable', { problem: folder });
    const path = pathOf(secretId);
    const result = readPrivateFile(path);
    if ('problem' in result) {
      if (result.problem.kind === 'missing') return null;
      throw unavailable('secretFileUnreadable', { problem: describePrivacyProblem(path, result.problem) });
    }
    const value = secretText(result.value);
    return value === '' ? null : value;
  }

  return {
    directory,
    pathOf,
    async status(): Promise<VaultStatus> {
      const problem = directoryProblem(directory);
      if (!problem) return { available: true, backend };
      return {
        available: false,
        backend,
        problem: {
          kind: 'credentialsDirectory',
          ...vaultProblemEnglish('credentialsDirectory', problem),
          detail: directory.dir,
        },
      };
    },
    async get(secretId) {
      const value = read(secretId);
      if (value !== null) rememberSecret(value);
      return value;
    },
    async set(secretId, value) {
      rememberSecret(value);
      const name = secretFileName(secretId);
      if (read(secretId) === value) return;
      // The same steps as howToProvide, said under a code so the app can say them in Korean.
      throw unavailable(
        directory.from === 'CREDENTIALS_DIRECTORY' ? 'secretsDirNeedsCredential' : 'secretsDirNeedsFile',
        { ...where, name, path: join(directory.dir, name) },
      );
    },
    async delete(secretId) {
      const name = secretFileName(secretId);
      if (read(secretId) === null) return false;
      throw unavailable(
        directory.from === 'CREDENTIALS_DIRECTORY' ? 'secretsDirKeepsCredential' : 'secretsDirKeepsFile',
        { ...where, name, path: join(directory.dir, name) },
      );
    },
  };
}
