/** Why the OS keychain cannot be used, in the cases keytar reports (see docs/architecture.md). */
export type VaultProblemKind =
  'noSessionBus' | 'noSecretService' | 'locked' | 'noKeyring' | 'noModule' | 'other';

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
