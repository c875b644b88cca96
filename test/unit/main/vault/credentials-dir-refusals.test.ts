import { describe, expect, it } from 'vitest';
import { sayError } from '@shared/domain/error-messages';
import { howToProvide, type CredentialsDirectory } from '../../../../src-main/vault/credentials-dir-vault';

/** The refusal to store a secret repeats `roster secret path`'s steps (howToProvide) under a code. */
describe('the credentials folder refusal says the same steps as howToProvide', () => {
  const name = 'connection.c1.bearerToken';
  it.each([
    ['--secrets-dir', 'secretsDirNeedsFile'],
    ['ROSTER_SECRETS_DIR', 'secretsDirNeedsFile'],
    ['CREDENTIALS_DIRECTORY', 'secretsDirNeedsCredential'],
  ] as const)('from %s', (from, code) => {
    const directory: CredentialsDirectory = { dir: '/run/credentials/roster.service', from };
    const path = `${directory.dir}/${name}`;
    const { message } = sayError(code, { dir: directory.dir, from, name, path });
    expect(message).toContain(
      ` does not hold this value yet. ${howToProvide(directory, name)} Then save again:`,
    );
  });
});
