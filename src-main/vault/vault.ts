import type { VaultStatus } from '@shared/domain/app-info';

/**
 * Where secrets live. The rest of the app sees only this interface: "not found" is `null`, and a
 * keychain that cannot be used raises RosterError('vaultUnavailable') with words an admin can act on.
 */
export interface Vault {
  status(): Promise<VaultStatus>;
  get(secretId: string): Promise<string | null>;
  set(secretId: string, value: string): Promise<void>;
  delete(secretId: string): Promise<boolean>;
}

export const vaultServiceName = 'Roster';

/** The id under which a connection's secret field is kept in the keychain (the "account" in keytar). */
export function connectionSecretId(connectionId: string, field: string): string {
  return `connection/${connectionId}/${field}`;
}
