import type { VaultStatus } from '@shared/domain/app-info';
import { RosterError } from '@shared/domain/errors';
import { vaultProblemSaid } from '@shared/domain/error-messages';
import { diagnoseKeychainError, keychainBackendName } from './keychain-problems';
import { rememberSecret } from './redact';
import { vaultServiceName, type Vault } from './vault';

/** The part of keytar's API the vault uses (keytar's native functions all return promises). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarVaultOptions {
  /**
   * Loads keytar. Node uses the package; Electron passes a loader for its own build of the addon
   * (see README, "Native modules"). A loader that throws makes the vault report `noModule`.
   */
  load?: () => Promise<KeytarApi>;
  service?: string;
  platform?: NodeJS.Platform;
}

const probeAccount = 'roster/health-check';

async function loadKeytarPackage(): Promise<KeytarApi> {
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return loaded.default ?? loaded;
}

export function createKeytarVault(options: KeytarVaultOptions = {}): Vault {
  const service = options.service ?? vaultServiceName;
  const backend = keychainBackendName(options.platform ?? process.platform);
  let keytar: Promise<KeytarApi> | null = null;

  function api(): Promise<KeytarApi> {
    // Loaded on first use: a missing addon must become a clear message, not a crash at start-up.
    keytar ??= (options.load ?? loadKeytarPackage)();
    return keytar;
  }

  async function call<T>(work: (k: KeytarApi) => Promise<T>): Promise<T> {
    try {
      return await work(await api());
    } catch (error) {
      const status = diagnoseKeychainError(error, backend);
      throw new RosterError('vaultUnavailable', `${status.problem?.message} ${status.problem?.remedy}`, {
        problem: status.problem,
        ...(status.problem ? { said: vaultProblemSaid(status.problem.kind) } : {}),
      });
    }
  }

  return {
    async status(): Promise<VaultStatus> {
      // A write and delete of a probe item: reading alone succeeds on a locked or missing keyring.
      try {
        const k = await api();
        await k.setPassword(service, probeAccount, 'ok');
        await k.deletePassword(service, probeAccount);
        return { available: true, backend };
      } catch (error) {
        return diagnoseKeychainError(error, backend);
      }
    },
    async get(secretId) {
      const value = await call((k) => k.getPassword(service, secretId));
      if (value !== null) rememberSecret(value);
      return value;
    },
    async set(secretId, value) {
      rememberSecret(value);
      await call((k) => k.setPassword(service, secretId, value));
    },
    delete: (secretId) => call((k) => k.deletePassword(service, secretId)),
  };
}
