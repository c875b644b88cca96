/**
 * Why the vault cannot be used: the cases keytar reports (see docs/architecture.md), or a
 * credentials directory (docs/headless.md) that is missing or open to other users.
 */
export type VaultProblemKind =
  'noSessionBus' | 'noSecretService' | 'locked' | 'noKeyring' | 'noModule' | 'credentialsDirectory' | 'other';

export interface VaultStatus {
  available: boolean;
  /** The keychain behind the vault, in words an admin recognises ("GNOME Keyring / Secret Service"). */
  backend: string;
  problem?: { kind: VaultProblemKind; message: string; remedy: string; detail: string };
}

export interface AppInfo {
  name: 'Roster';
  version: string;
  /** How the renderer is attached to the app services. */
  mode: 'electron' | 'browser' | 'cli';
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  osUser: string;
  platform: string;
  vault: VaultStatus;
}
