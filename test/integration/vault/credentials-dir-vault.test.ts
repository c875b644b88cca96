import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialsDirectoryFrom } from '../../../src-main/vault/choose-vault';
import { createCredentialsDirVault } from '../../../src-main/vault/credentials-dir-vault';
import { redact } from '../../../src-main/vault/redact';
import { secretFileName } from '../../../src-main/vault/secret-file-names';
import { connectionSecretId } from '../../../src-main/vault/vault';
import { makeTempDir } from '../temp-dir';

const secretId = connectionSecretId('0f8c2d4e-1111-4222-8333-444455556666', 'bearerToken');
const fileName = 'connection.0f8c2d4e-1111-4222-8333-444455556666.bearerToken';

describe('secrets from a credentials directory', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let secrets: string;
  beforeEach(() => {
    dir = makeTempDir('roster-creds-');
    secrets = join(dir.path, 'secrets');
    mkdirSync(secrets, { mode: 0o700 });
  });
  afterEach(() => dir.remove());

  const vault = () => createCredentialsDirVault({ dir: secrets, from: '--secrets-dir' });
  const put = (name: string, value: string, mode = 0o600) => {
    writeFileSync(join(secrets, name), value, { mode });
    chmodSync(join(secrets, name), mode);
  };

  it('names each file after the secret id, with / turned into .', () => {
    expect(secretFileName(secretId)).toBe(fileName);
    expect(secretFileName('notifications/smtp/password')).toBe('notifications.smtp.password');
    expect(() => secretFileName('connection/../etc/passwd')).toThrow(/not a secret id/);
  });

  it('reads a 0600 file (one trailing newline dropped), and redacts the value from then on', async () => {
    put(fileName, 'file-token-0123456789\n');
    expect(await vault().get(secretId)).toBe('file-token-0123456789');
    expect(redact('sent file-token-0123456789 to the app')).toBe('sent [redacted] to the app');
    expect(await vault().status()).toEqual({
      available: true,
      backend: `credentials directory ${secrets} (from --secrets-dir)`,
    });
  });

  it('accepts read-only files and folders, as systemd makes them (0400 in 0500)', async () => {
    put(fileName, 'systemd-token-0123456789', 0o400);
    chmodSync(secrets, 0o500);
    expect(await vault().get(secretId)).toBe('systemd-token-0123456789');
    chmodSync(secrets, 0o700);
  });

  it('answers null for a secret with no file', async () => {
    expect(await vault().get(secretId)).toBeNull();
  });

  it('refuses a file group or others can read, saying how to fix it', async () => {
    put(fileName, 'open-token-0123456789', 0o644);
    await expect(vault().get(secretId)).rejects.toMatchObject({ code: 'vaultUnavailable' });
    await expect(vault().get(secretId)).rejects.toThrow(
      `has mode 0644: group or others can use it. Run: chmod go= ${join(secrets, fileName)}`,
    );
  });

  // Needs root to give the file away (CI runs as root, like the Samba AD tests); root itself may
  // read files of uid 0 and its own, never another user's.
  it('refuses a file that belongs to another user, naming both user ids', async () => {
    if (process.getuid?.() !== 0) throw new Error('This test gives a file to another user: run it as root.');
    put(fileName, 'foreign-token-0123456789');
    chownSync(join(secrets, fileName), 65534, 65534);
    await expect(vault().get(secretId)).rejects.toMatchObject({ code: 'vaultUnavailable' });
    await expect(vault().get(secretId)).rejects.toThrow(
      `${join(secrets, fileName)} belongs to user id 65534, but Roster runs as user id 0; it reads only its own files.`,
    );
  });

  it('refuses a folder others can enter, in status and on every read', async () => {
    put(fileName, 'token-in-open-dir-0123');
    chmodSync(secrets, 0o755);
    const status = await vault().status();
    expect(status.available).toBe(false);
    expect(status.problem?.kind).toBe('credentialsDirectory');
    expect(status.problem?.remedy).toContain(
      `has mode 0755: group or others can use it. Run: chmod go= ${secrets}`,
    );
    await expect(vault().get(secretId)).rejects.toMatchObject({ code: 'vaultUnavailable' });
  });

  it('does not follow a symbolic link', async () => {
    const elsewhere = join(dir.path, 'elsewhere');
    writeFileSync(elsewhere, 'linked-token-0123456789', { mode: 0o600 });
    symlinkSync(elsewhere, join(secrets, fileName));
    await expect(vault().get(secretId)).rejects.toThrow(/not a regular file/);
  });

  it('says how to create a missing folder', async () => {
    const status = await createCredentialsDirVault({
      dir: join(dir.path, 'nope'),
      from: 'ROSTER_SECRETS_DIR',
    }).status();
    expect(status.problem?.remedy).toContain(`install -d -m 700 ${join(dir.path, 'nope')}`);
  });

  it('never writes: storing succeeds only when the file already holds the value, else says what to do', async () => {
    await expect(vault().set(secretId, 'new-token-0123456789')).rejects.toMatchObject({
      code: 'vaultUnavailable',
    });
    await expect(vault().set(secretId, 'new-token-0123456789')).rejects.toThrow(
      `(umask 077; cat > ${join(secrets, fileName)})`,
    );
    put(fileName, 'new-token-0123456789\n');
    await expect(vault().set(secretId, 'new-token-0123456789')).resolves.toBeUndefined();
    await expect(vault().set(secretId, 'other-token-0123456789')).rejects.toThrow(/does not hold this value/);
    const systemd = createCredentialsDirVault({ dir: secrets, from: 'CREDENTIALS_DIRECTORY' });
    await expect(systemd.set(secretId, 'other-token-0123456789')).rejects.toThrow(
      `LoadCredential=${fileName}:/etc/roster/credentials/${fileName}`,
    );
  });

  it('refuses to delete a file that is there, and answers false for one that is not', async () => {
    expect(await vault().delete(secretId)).toBe(false);
    put(fileName, 'kept-token-0123456789');
    await expect(vault().delete(secretId)).rejects.toThrow(`rm ${join(secrets, fileName)}`);
  });

  it('is chosen by --secrets-dir, then ROSTER_SECRETS_DIR, then systemd CREDENTIALS_DIRECTORY', () => {
    const env = { ROSTER_SECRETS_DIR: '/srv/a', CREDENTIALS_DIRECTORY: '/run/credentials/roster.service' };
    expect(credentialsDirectoryFrom('/srv/flag', env)).toEqual({ dir: '/srv/flag', from: '--secrets-dir' });
    expect(credentialsDirectoryFrom(undefined, env)).toEqual({ dir: '/srv/a', from: 'ROSTER_SECRETS_DIR' });
    expect(credentialsDirectoryFrom(undefined, { CREDENTIALS_DIRECTORY: env.CREDENTIALS_DIRECTORY })).toEqual(
      {
        dir: '/run/credentials/roster.service',
        from: 'CREDENTIALS_DIRECTORY',
      },
    );
    expect(credentialsDirectoryFrom(undefined, {})).toBeNull();
  });
});
