/**
 * The LDAP source connector: Active Directory, OpenLDAP or another LDAPv3 directory as Users and
 * Groups. Settings and the bind password are passed in (ARCHITECTURE.md §2). Each call opens its own
 * bound connection and closes it when done; see ldap-read.ts for a read, connection-test.ts for Test
 * connection, source-schema.ts for discovery, browse.ts for the base-DN browser.
 */
import { ldapSettingsSchema, type LdapSettings } from '@shared/domain/connections';
import {
  ConnectorError,
  type SourceCapabilities,
  type SourceConnector,
  type SourceReadOptions,
} from '../connector';
import { listChildren, type BrowseResult } from './browse';
import { pollLdapChanges } from './change-poll';
import { testLdapConnection } from './connection-test';
import { openSession, type LdapSession } from './ldap-session';
import { readLdapSource, type LdapSourceRead } from './ldap-read';
import { effectiveUserMembers, type EffectiveMember } from './nested-groups';
import { loadSchema } from './schema-reader';
import { sourceConfig } from './source-config';
import { sourceSchema } from './source-schema';

export interface LdapSourceOptions {
  settings: LdapSettings;
  bindPassword: string;
  /** Overrides settings.timeoutSeconds (tests). */
  timeoutMs?: number;
}

export interface LdapSourceConnector extends SourceConnector {
  read(options: SourceReadOptions): Promise<LdapSourceRead>;
  /** One level of the directory tree below `dn` ('' lists the naming contexts). */
  listChildren(dn: string, limit?: number): Promise<BrowseResult>;
  /** The users in a group at any depth (in-chain rule on AD, expansion elsewhere). */
  effectiveMembers(groupDn: string): Promise<EffectiveMember[]>;
}

export function createLdapSource(options: LdapSourceOptions): LdapSourceConnector {
  const parsed = ldapSettingsSchema.safeParse(options.settings);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`);
    throw new ConnectorError(
      'stopCycle',
      'LdapSettingsInvalid',
      `The LDAP connection settings are not valid: ${issues.join('; ')}.`,
    );
  }
  const settings = parsed.data;
  const credentials = { bindPassword: options.bindPassword };
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  const capabilities: SourceCapabilities = { delta: true, groups: true, nestedGroups: true };

  async function withSession<T>(run: (session: LdapSession) => Promise<T>): Promise<T> {
    const session = await openSession({ settings, credentials, ...timeout });
    try {
      return await run(session);
    } finally {
      await session.close();
    }
  }

  // A read whose pages the caller abandoned still holds its connection until close().
  const openReads = new Set<LdapSourceRead>();

  return {
    capabilities,
    async close() {
      const reads = [...openReads];
      openReads.clear();
      await Promise.all(reads.map((read) => read.close()));
    },
    testConnection: () =>
      testLdapConnection(
        settings,
        credentials,
        (root) => {
          const config = sourceConfig(root.serverType, settings);
          return [
            { label: 'Base DN', base: settings.baseDn },
            { label: 'User search base', base: config.userBase, filter: config.userFilter },
            { label: 'Group search base', base: config.groupBase, filter: config.groupFilter },
          ];
        },
        options.timeoutMs,
      ),
    discoverSchema: () =>
      withSession(async (session) => {
        const { catalog } = await loadSchema(session);
        const config = sourceConfig(session.rootDse.serverType, settings);
        return sourceSchema(catalog, {
          userClasses: config.userClasses,
          groupClasses: config.groupClasses,
          anchorAttribute: config.anchorAttribute,
          groups: true,
        });
      }),
    async read(readOptions) {
      const read = await readLdapSource({ settings, credentials, ...timeout }, readOptions);
      openReads.add(read);
      return read;
    },
    pollChanges: (watermark, signal) =>
      pollLdapChanges({ settings, credentials, ...timeout }, watermark, signal),
    listChildren: (dn, limit) => withSession((session) => listChildren(session, dn, limit)),
    effectiveMembers: (groupDn) =>
      withSession((session) =>
        effectiveUserMembers(session, sourceConfig(session.rootDse.serverType, settings), groupDn),
      ),
  };
}
