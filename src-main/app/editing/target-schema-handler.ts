import type { TargetSchemaDiscoverResult } from '@shared/domain/job-editing';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { startSandboxIfTarget } from '../sandbox/sandbox-connection';
import { connectionForRole } from './connection-lookup';
import { withConnectorErrors } from './connector-failure';

/**
 * targets.discoverSchema: the attributes the target publishes — SCIM `/Schemas` with the extensions
 * `/ResourceTypes` names, an LDAP directory's subschema for the object classes the target creates —
 * for the schema editor's "Refresh from the app". Nothing is stored: the editor shows the difference
 * and the admin applies it.
 */
export function targetSchemaHandlers(ctx: AppContext): HandlerGroup<'targets.discoverSchema'> {
  return {
    'targets.discoverSchema': async ({ targetConnection }): Promise<TargetSchemaDiscoverResult> => {
      const connection = connectionForRole(ctx, targetConnection, 'target', 'targetConnection');
      await startSandboxIfTarget(ctx, connection.id);
      return withConnectorErrors(
        connection.name,
        'targetConnection',
        async (): Promise<TargetSchemaDiscoverResult> => {
          const target = await ctx.connectors.openTarget(connection);
          try {
            const discovery = await target.discover();
            const schemas = discovery.details.find((d) => d.label === 'Schemas');
            if (discovery.schema.length === 0) {
              return {
                supported: false,
                message:
                  connection.kind === 'scim'
                    ? `${connection.name} publishes no usable schema (/Schemas: ${schemas?.value ?? 'not available'}); edit the attribute list by hand.`
                    : `${connection.name} published no attributes for its object classes; edit the attribute list by hand.`,
                messageCode: connection.kind === 'scim' ? 'scimNoSchema' : 'ldapNoSchema',
                messageParams: { name: connection.name, schemas: schemas?.value ?? 'not available' },
                attributes: [],
              };
            }
            const users = discovery.schema.filter((a) => a.objectType === 'User').length;
            const groups = discovery.schema.length - users;
            return {
              supported: true,
              message:
                connection.kind === 'scim'
                  ? `${users} User and ${groups} Group attributes from /Schemas of ${connection.name}.`
                  : `${users} User and ${groups} Group attributes from the subschema of ${connection.name}.`,
              messageCode: connection.kind === 'scim' ? 'scimFound' : 'ldapFound',
              messageParams: { users: String(users), groups: String(groups), name: connection.name },
              attributes: discovery.schema,
            };
          } finally {
            await target.close?.();
          }
        },
      );
    },
  };
}
