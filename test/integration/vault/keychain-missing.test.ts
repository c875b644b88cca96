import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarVault } from '../../../src-main/vault/keytar-vault';
import { startBareSessionBus, type BareBus } from '../../peers/bare-session-bus';

/**
 * A session bus with no Secret Service on it: what a server or a minimal desktop gives Roster. The
 * vault must say so in words (not crash), and refuse to store a secret. Vitest runs each file in its
 * own process, so libsecret here never sees the run's real keyring.
 */
describe('the vault when no Secret Service is running', () => {
  let bus: BareBus;
  beforeAll(async () => {
    bus = await startBareSessionBus({ activation: false });
    process.env['DBUS_SESSION_BUS_ADDRESS'] = bus.address;
  });
  afterAll(() => bus.stop());

  it('reports that no keychain service is running, with what to do', async () => {
    const status = await createKeytarVault().status();
    expect(status.available).toBe(false);
    expect(status.problem?.kind).toBe('noSecretService');
    expect(status.problem?.message).toBe('No keychain service (Secret Service) is running in this session.');
    expect(status.problem?.remedy).toMatch(/GNOME Keyring/);
  });

  it('refuses to store a secret with a vaultUnavailable error', async () => {
    await expect(createKeytarVault().set('connection/x/token', 'value')).rejects.toMatchObject({
      code: 'vaultUnavailable',
    });
  });
});
