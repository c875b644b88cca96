import { secretFieldsInUse } from '@shared/domain/connections';
import type { RosterApp } from '../app/create-app';
import { createNotificationSettingsStore, smtpPasswordSecretId } from '../notify/notification-settings';
import { sandboxTokenSecretId } from '../vault/sandbox-token';
import { secretFileName } from '../vault/secret-file-names';
import { connectionSecretId } from '../vault/vault';

/** A secret the data folder's configuration uses, and where a credentials directory holds it. */
export interface NeededSecret {
  /** `connection "App"` or `SMTP user alerts@example.com`. */
  owner: string;
  field: string;
  secretId: string;
  fileName: string;
  /** Whether SQLite records that the secret is set (the connection or settings point at it). */
  recorded: boolean;
  /** The command that records it, for a secret that is in the directory but not recorded yet. */
  recordWith: string;
}

/**
 * Every secret the connections' chosen authentication and the SMTP settings use. The sandbox's token
 * is left out: Roster makes it itself (vault/sandbox-token.ts).
 */
export function neededSecrets(app: RosterApp): NeededSecret[] {
  const needed: NeededSecret[] = [];
  for (const connection of app.store.connections.list()) {
    for (const field of secretFieldsInUse(connection.kind, connection.settings)) {
      const secretId = connection.secretIds[field] ?? connectionSecretId(connection.id, field);
      if (secretId === sandboxTokenSecretId) continue;
      needed.push({
        owner: `connection ${JSON.stringify(connection.name)}`,
        field,
        secretId,
        fileName: secretFileName(secretId),
        recorded: connection.secretIds[field] !== undefined,
        recordWith: `roster secret set ${JSON.stringify(connection.name)} ${field} < <that file>`,
      });
    }
  }
  const notifications = createNotificationSettingsStore(app.store.settings).get();
  const user = notifications.settings.smtp?.user;
  if (user) {
    const secretId = notifications.passwordSecretId ?? smtpPasswordSecretId;
    needed.push({
      owner: `SMTP user ${user}`,
      field: 'password',
      secretId,
      fileName: secretFileName(secretId),
      recorded: notifications.passwordSecretId !== null,
      recordWith: 'Settings → Email alerts: enter the same password and save',
    });
  }
  return needed;
}
