import { refusal } from '@shared/domain/error-messages';
import { ldapSettingsSchema, scimSettingsSchema } from '@shared/domain/connections';
import type { JobSettings } from '@shared/domain/jobs';
import type { SourceConnector, TargetConnector } from '../connectors/connector';
import { createCsvSource } from '../connectors/csv/csv-source';
import { csvSourceOptionsSchema } from '../connectors/csv/csv-options';
import { createLdapSource } from '../connectors/ldap/ldap-source';
import { createLdapTarget } from '../connectors/ldap/ldap-target';
import { createScimTarget } from '../connectors/scim/scim-target';
import type { ConnectorFactory } from '../engine/connector-factory';
import type { ConnectionRecord } from '../store/connections-repo';
import type { Store } from '../store/store';
import type { Vault } from '../vault/vault';
import type { DirectoryLevel } from '@shared/domain/directory';

/** Reads a connection's secrets from the keychain: the only place connectors get credentials from. */
async function secretsOf(vault: Vault, connection: ConnectionRecord): Promise<Record<string, string>> {
  const secrets: Record<string, string> = {};
  for (const [field, secretId] of Object.entries(connection.secretIds)) {
    const value = await vault.get(secretId);
    if (value !== null) secrets[field] = value;
  }
  return secrets;
}

const unsupportedRoles = {
  source: 'connectionCannotBeSourceYet',
  target: 'connectionCannotBeTargetYet',
  browse: 'connectionCannotBeBrowsed',
} as const;

function unsupported(connection: ConnectionRecord, role: keyof typeof unsupportedRoles): never {
  throw refusal('invalidInput', unsupportedRoles[role], {
    kind: connection.kind.toUpperCase(),
    name: connection.name,
  });
}

export interface AppConnectorFactory extends ConnectorFactory {
  openSource(connection: ConnectionRecord): Promise<SourceConnector>;
  openTarget(connection: ConnectionRecord, settings?: Partial<JobSettings>): Promise<TargetConnector>;
  /** One level of an LDAP connection's directory tree ('' = its naming contexts). */
  browse(connection: ConnectionRecord, dn: string): Promise<DirectoryLevel>;
}

/** Builds connectors from stored profiles and keychain secrets (the engine never sees either store). */
export function createConnectorFactory(store: Store, vault: Vault): AppConnectorFactory {
  async function openSource(connection: ConnectionRecord): Promise<SourceConnector> {
    if (connection.kind === 'csv') return createCsvSource(csvSourceOptionsSchema.parse(connection.settings));
    if (connection.kind === 'ldap') {
      const secrets = await secretsOf(vault, connection);
      return createLdapSource({
        settings: ldapSettingsSchema.parse(connection.settings),
        bindPassword: secrets['bindPassword'] ?? '',
      });
    }
    return unsupported(connection, 'source');
  }
  async function openTarget(
    connection: ConnectionRecord,
    settings: Partial<JobSettings> = {},
  ): Promise<TargetConnector> {
    if (connection.kind === 'ldap') {
      const secrets = await secretsOf(vault, connection);
      return createLdapTarget({
        settings: ldapSettingsSchema.parse(connection.settings),
        bindPassword: secrets['bindPassword'] ?? '',
        ...(settings.maxMembersPerPatch ? { maxMembersPerModify: settings.maxMembersPerPatch } : {}),
        ...(settings.maxConcurrency ? { maxConcurrency: settings.maxConcurrency } : {}),
      });
    }
    if (connection.kind !== 'scim') return unsupported(connection, 'target');
    const scim = scimSettingsSchema.parse(connection.settings);
    return createScimTarget({
      settings: scim,
      secrets: await secretsOf(vault, connection),
      profile: settings.scimProfile ?? scim.requestShape,
      ...(settings.maxRequestsPerSecond ? { maxRequestsPerSecond: settings.maxRequestsPerSecond } : {}),
      ...(settings.maxConcurrency ? { maxConcurrency: settings.maxConcurrency } : {}),
      ...(settings.maxMembersPerPatch ? { maxMembersPerPatch: settings.maxMembersPerPatch } : {}),
    });
  }
  return {
    openSource,
    openTarget,
    async browse(connection, dn) {
      if (connection.kind !== 'ldap') return unsupported(connection, 'browse');
      const secrets = await secretsOf(vault, connection);
      const source = createLdapSource({
        settings: ldapSettingsSchema.parse(connection.settings),
        bindPassword: secrets['bindPassword'] ?? '',
      });
      try {
        return await source.listChildren(dn);
      } finally {
        await source.close?.();
      }
    },
    async open(job) {
      const source = store.connections.get(job.sourceConnectionId);
      const target = store.connections.get(job.targetConnectionId);
      if (!source || !target) throw refusal('notFound', 'jobConnectionGone');
      return {
        source: await openSource(source),
        target: await openTarget(target, job.config.settings),
        sourceName: source.name,
        targetName: target.name,
      };
    },
  };
}
