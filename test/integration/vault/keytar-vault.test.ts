import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RosterError } from '@shared/domain/errors';
import { createKeytarVault } from '../../../src-main/vault/keytar-vault';
import { usePrivateKeyring } from '../use-private-keyring';

describe('the keytar vault on a real GNOME Keyring', () => {
  beforeAll(() => usePrivateKeyring());

  it('reports the keychain as available', async () => {
    const status = await createKeytarVault().status();
    expect(status.available).toBe(true);
    expect(status.problem).toBeUndefined();
    expect(status.backend).toContain('Secret Service');
  });

  it('stores, reads, replaces and deletes a secret', async () => {
    const vault = createKeytarVault();
    const id = `test/${randomUUID()}`;
    expect(await vault.get(id)).toBeNull();
    await vault.set(id, 'first value');
    expect(await vault.get(id)).toBe('first value');
    await vault.set(id, 'second value');
    expect(await vault.get(id)).toBe('second value');
    expect(await vault.delete(id)).toBe(true);
    expect(await vault.get(id)).toBeNull();
    expect(await vault.delete(id)).toBe(false);
  });

  it('keeps secrets under the service name "Roster", apart from other services', async () => {
    const id = `test/${randomUUID()}`;
    await createKeytarVault().set(id, 'roster secret');
    expect(await createKeytarVault({ service: 'SomethingElse' }).get(id)).toBeNull();
    const keytar = (await import('keytar')).default;
    expect(await keytar.getPassword('Roster', id)).toBe('roster secret');
    await createKeytarVault().delete(id);
  });

  it('turns a keychain module that cannot load into a clear vaultUnavailable error', async () => {
    const vault = createKeytarVault({
      load: () => Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'")),
    });
    const status = await vault.status();
    expect(status.problem?.kind).toBe('noModule');
    await expect(vault.set('x', 'y')).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof RosterError &&
        error.code === 'vaultUnavailable' &&
        /Reinstall Roster/.test(error.message),
    );
  });
});
