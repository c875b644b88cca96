import type { VaultStatus, VaultProblemKind } from '@shared/domain/app-info';
import { headlessRemedyText, vaultProblemEnglish } from '@shared/domain/vault-problem-texts';

/**
 * A machine with no desktop session has two ways to give Roster its secrets (docs/headless.md): a
 * keyring started for the service user, or a credentials directory. Both commands, word for word
 * (the texts are shared with the app: src-shared/domain/vault-problem-texts.ts).
 */
export const headlessRemedy = headlessRemedyText;

interface KnownProblem {
  kind: VaultProblemKind;
  test: RegExp;
}

/**
 * keytar reports libsecret's and D-Bus's own messages. These are the cases seen on Linux (see
 * docs/architecture.md, "Secrets"), turned into what the admin should understand and do.
 */
const knownProblems: KnownProblem[] = [
  { kind: 'noSessionBus', test: /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket/i },
  { kind: 'noSecretService', test: /org\.freedesktop\.secrets was not provided|ServiceUnknown/i },
  { kind: 'locked', test: /locked collection|is locked|prompt/i },
  { kind: 'noKeyring', test: /Object does not exist at path|No such object|collection\/login/i },
  {
    kind: 'noModule',
    test: /keytar\.node|Cannot find module|was compiled against a different Node\.js version|NODE_MODULE_VERSION/i,
  },
];

export function diagnoseKeychainError(error: unknown, backend: string): VaultStatus {
  const detail = error instanceof Error ? error.message : String(error);
  const known = knownProblems.find((p) => p.test.test(detail));
  return {
    available: false,
    backend,
    problem: { kind: known?.kind ?? 'other', ...vaultProblemEnglish(known?.kind ?? 'other'), detail },
  };
}

export function keychainBackendName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    default:
      return 'Secret Service (GNOME Keyring, KWallet, KeePassXC)';
  }
}
