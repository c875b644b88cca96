import type { VaultProblemKind } from './app-info';

/**
 * What Roster says when it cannot use the system keychain, per problem kind (docs/headless.md,
 * docs/architecture.md "Secrets"): the main process fills these templates for the CLI and the app's
 * English, and the renderer's Korean catalogue (`vaultProblems`) says the same with the same
 * commands as parameters, so the commands an admin copies are never translated.
 */
export const vaultCommands = {
  keyringCommand:
    "dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets < ~/.roster-keyring-password > /dev/null && exec roster run'",
  secretsDirCommand: 'roster run --secrets-dir <folder>',
} as const;

export const vaultProblemTemplates = {
  headless:
    'On a machine without a desktop session, either start an unlocked keyring for this user: {keyringCommand} ' +
    '(install dbus-user-session and gnome-keyring; the password file is yours, mode 0600), ' +
    'or put each secret in a file of a folder only you can read and run: {secretsDirCommand} ' +
    '(roster secret path lists the file names; systemd units can use LoadCredential= instead).',
  noSessionBus: {
    message: 'Roster cannot reach a desktop session bus (D-Bus), so it cannot use the system keychain.',
    remedy: 'Run Roster inside a desktop session. {headless}',
  },
  noSecretService: {
    message: 'No keychain service (Secret Service) is running in this session.',
    remedy:
      'Install and start GNOME Keyring or KeePassXC with Secret Service enabled, then restart Roster. {headless}',
  },
  locked: {
    message: 'The system keychain is locked.',
    remedy: 'Unlock the keychain (for example by logging in to the desktop, or with Seahorse), then retry.',
  },
  noKeyring: {
    message: 'The keychain service is running but has no keyring to store secrets in.',
    remedy:
      'Create a default keyring (open "Passwords and Keys" / Seahorse), or start the daemon with ' +
      'gnome-keyring-daemon --unlock, then retry. {headless}',
  },
  noModule: {
    message: "Roster's keychain module is missing or was built for another runtime.",
    remedy: 'Reinstall Roster (npm ci) so that its native modules are rebuilt for this machine.',
  },
  other: {
    message: 'The system keychain refused the request.',
    remedy: 'Check that the keychain is running and unlocked, then retry.',
  },
  credentialsDirectory: {
    message: 'Roster cannot use the credentials directory it was given.',
    /** The directory's own problem (missing, open to others) is the remedy; see credentials-dir-vault.ts. */
    remedy: '{problem}',
  },
} as const satisfies Record<VaultProblemKind, { message: string; remedy: string }> & { headless: string };

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The English headless remedy, commands filled in. */
export const headlessRemedyText = fill(vaultProblemTemplates.headless, vaultCommands);

/** The English message and remedy of a problem kind, as the CLI prints them. */
export function vaultProblemEnglish(
  kind: VaultProblemKind,
  problem = '',
): { message: string; remedy: string } {
  const texts = vaultProblemTemplates[kind];
  return {
    message: texts.message,
    remedy: fill(texts.remedy, { headless: headlessRemedyText, problem }),
  };
}
