import { linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { refusal } from '@shared/domain/error-messages';
import { describePrivacyProblem, readPrivateFile, secretText } from './private-file';
import { rememberSecret } from './redact';
import type { Vault } from './vault';

/**
 * The built-in Roster Sandbox's bearer token is Roster's own: the sandbox listens on loopback only
 * and holds demo data, so its token lives in an owner-only file in the data folder rather than the
 * OS keychain. That lets "Try with demo data" run on a machine with no keyring. Real connections'
 * secrets never take this path: only the sandbox connection's record points at this id, and no
 * connection the admin creates can get an id outside `connection/…`.
 */
export const sandboxTokenSecretId = 'sandbox/token';
export const sandboxTokenFileName = 'sandbox-token';

function readToken(path: string): string | null {
  const result = readPrivateFile(path);
  if ('value' in result) return secretText(result.value) || null;
  if (result.problem.kind === 'missing') return null;
  throw refusal('vaultUnavailable', 'sandboxTokenUnusable', {
    problem: describePrivacyProblem(path, result.problem),
  });
}

/**
 * The data folder's sandbox token, made on first use. Two processes on one data folder may both
 * make one: the file appears whole (written aside, then hard-linked into place), and whoever links
 * second reads the winner's token.
 */
export function loadOrCreateSandboxToken(dataDir: string): string {
  const path = join(dataDir, sandboxTokenFileName);
  let token = readToken(path);
  if (token === null) {
    const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(aside, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
    token = readToken(path);
    if (token === null) throw refusal('internal', 'sandboxTokenEmpty', { path });
  }
  rememberSecret(token);
  return token;
}

/** The app's vault, with the sandbox token answered from the data folder and everything else passed on. */
export function withSandboxToken(vault: Vault, dataDir: string): Vault {
  return {
    status: () => vault.status(),
    async get(secretId) {
      return secretId === sandboxTokenSecretId ? loadOrCreateSandboxToken(dataDir) : vault.get(secretId);
    },
    async set(secretId, value) {
      if (secretId !== sandboxTokenSecretId) return vault.set(secretId, value);
      throw refusal('invalidInput', 'sandboxTokenFixed');
    },
    async delete(secretId) {
      // The running sandbox keeps using the token; it goes away with the data folder.
      return secretId === sandboxTokenSecretId ? false : vault.delete(secretId);
    },
  };
}
