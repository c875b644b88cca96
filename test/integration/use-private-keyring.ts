import { inject } from 'vitest';

/**
 * Points this test process at the run's private keyring (started by test/peers/keyring-global-setup).
 * Call before the first keychain access: libsecret connects to the bus once per process.
 */
export function usePrivateKeyring(): void {
  Object.assign(process.env, inject('keyringEnv'));
}
