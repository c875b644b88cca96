import type { VaultStatus, VaultProblemKind } from '@shared/domain/app-info';

/**
 * A machine with no desktop session has two ways to give Roster its secrets (docs/headless.md): a
 * keyring started for the service user, or a credentials directory. Both commands, word for word.
 */
export const headlessRemedy =
  'On a machine without a desktop session, either start an unlocked keyring for this user: ' +
  "dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets < ~/.roster-keyring-password " +
  "> /dev/null && exec roster run' (install dbus-user-session and gnome-keyring; the password file is yours, mode 0600), " +
  'or put each secret in a file of a folder only you can read and run: roster run --secrets-dir <folder> ' +
  '(roster secret path lists the file names; systemd units can use LoadCredential= instead).';

interface KnownProblem {
  kind: VaultProblemKind;
  test: RegExp;
  message: string;
  remedy: string;
}

/**
 * keytar reports libsecret's and D-Bus's own messages. These are the cases seen on Linux (see
 * docs/architecture.md, "Secrets"), turned into what the admin should understand and do.
 */
const knownProblems: KnownProblem[] = [
  {
    kind: 'noSessionBus',
    test: /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket/i,
    message: 'Roster cannot reach a desktop session bus (D-Bus), so it cannot use the system keychain.',
    remedy: `Run Roster inside a desktop session. ${headlessRemedy}`,
  },
  {
    kind: 'noSecretService',
    test: /org\.freedesktop\.secrets was not provided|ServiceUnknown/i,
    message: 'No keychain service (Secret Service) is running in this session.',
    remedy:
      'Install and start GNOME Keyring or KeePassXC with Secret Service enabled, then restart Roster. ' +
      headlessRemedy,
  },
  {
    kind: 'locked',
    test: /locked collection|is locked|prompt/i,
    message: 'The system keychain is locked.',
    remedy: 'Unlock the keychain (for example by logging in to the desktop, or with Seahorse), then retry.',
  },
  {
    kind: 'noKeyring',
    test: /Object does not exist at path|No such object|collection\/login/i,
    message: 'The keychain service is running but has no keyring to store secrets in.',
    remedy:
      'Create a default keyring (open "Passwords and Keys" / Seahorse), or start the daemon with ' +
      `gnome-keyring-daemon --unlock, then retry. ${headlessRemedy}`,
  },
  {
    kind: 'noModule',
    test: /keytar\.node|Cannot find module|was compiled against a different Node\.js version|NODE_MODULE_VERSION/i,
    message: "Roster's keychain module is missing or was built for another runtime.",
    remedy: 'Reinstall Roster (npm ci) so that its native modules are rebuilt for this machine.',
  },
];

export function diagnoseKeychainError(error: unknown, backend: string): VaultStatus {
  const detail = error instanceof Error ? error.message : String(error);
  const known = knownProblems.find((p) => p.test.test(detail));
  return {
    available: false,
    backend,
    problem: known
      ? { kind: known.kind, message: known.message, remedy: known.remedy, detail }
      : {
          kind: 'other',
          message: 'The system keychain refused the request.',
          remedy: 'Check that the keychain is running and unlocked, then retry.',
          detail,
        },
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
