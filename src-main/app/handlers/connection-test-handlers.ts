import { RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import type { ConnectionTestResult } from '@shared/domain/connection-test';
import { isConnectorError } from '../../connectors/connector';
import type { AppContext } from '../context';
import type { HandlerGroup } from './types';

/** "Test connection": the source's or target's own check, with its verdict in plain words. */
export function connectionTestHandlers(
  ctx: AppContext,
): HandlerGroup<'connections.test' | 'connections.browse'> {
  return {
    'connections.browse': async ({ id, dn }) => {
      const connection = ctx.store.connections.get(id);
      if (!connection) throw refusal('notFound', 'connectionMissingShort', { id });
      if (connection.kind !== 'ldap') throw refusal('invalidInput', 'browseLdapOnly');
      try {
        return await ctx.connectors.browse(connection, dn);
      } catch (error) {
        if (error instanceof RosterError) throw error;
        const problem = error instanceof Error ? error.message : String(error);
        throw dn
          ? refusal('invalidInput', 'browseFailed', { dn, problem })
          : refusal('invalidInput', 'browseRootFailed', { problem });
      }
    },
    'connections.test': async ({ id }): Promise<ConnectionTestResult> => {
      const connection = ctx.store.connections.get(id);
      if (!connection) throw refusal('notFound', 'connectionMissingShort', { id });
      try {
        if (connection.kind === 'scim') {
          const target = await ctx.connectors.openTarget(connection);
          try {
            return await target.testConnection({ userMatchPath: 'userName', groups: true });
          } finally {
            await target.close?.();
          }
        }
        const source = await ctx.connectors.openSource(connection);
        try {
          return await source.testConnection();
        } finally {
          await source.close?.();
        }
      } catch (error) {
        if (error instanceof RosterError && error.code !== 'invalidInput') throw error;
        const message = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          summary: message,
          details: [],
          error: { code: isConnectorError(error) ? error.code : 'ConnectionFailed', message },
        };
      }
    },
  };
}
