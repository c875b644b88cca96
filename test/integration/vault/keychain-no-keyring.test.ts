import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarVault } from '../../../src-main/vault/keytar-vault';
import { startBareSessionBus, type BareBus } from '../../peers/bare-session-bus';

/**
 * The Secret Service starts on demand (D-Bus activation) but nobody unlocked or created a keyring:
 * the usual state of a fresh server login. The vault must explain it rather than hang or crash.
 */
describe('the vault when the keychain daemon has no unlocked keyring', () => {
  let bus: BareBus;
  beforeAll(async () => {
    bus = await startBareSessionBus({ activation: true });
    Object.assign(process.env, bus.env, { DBUS_SESSION_BUS_ADDRESS: bus.address });
  });
  afterAll(() => bus.stop());

  it('reports the keyring problem with what to do', async () => {
    const status = await createKeytarVault().status();
    expect(status.available).toBe(false);
    expect(['noKeyring', 'locked']).toContain(status.problem?.kind);
    expect(status.problem?.remedy).toMatch(/keyring|Unlock/i);
  });
});
