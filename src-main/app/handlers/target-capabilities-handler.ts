import { refusal } from '@shared/domain/error-messages';
import { scimDialectSchema } from '@shared/domain/scim-dialect';
import type { TargetCapabilities } from '@shared/domain/target-capabilities';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { AppContext } from '../context';
import { targetCanDisable } from '../jobs/target-disable';
import type { HandlerGroup } from './types';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The same rules the job save applies (target-disable.ts), told to the settings form first, so the
 * admin reads "this target cannot disable" beside the choice instead of a refusal after Save.
 */
export function targetCapabilitiesOf(target: ConnectionRecord): TargetCapabilities {
  if (target.kind === 'scim') {
    const shape = scimDialectSchema.safeParse(target.settings['requestShape'] ?? 'scim2');
    const canDisable = targetCanDisable(target);
    return {
      kind: target.kind,
      canDisable,
      disableMethod: canDisable ? 'scimActive' : 'none',
      ...(shape.success ? { requestShape: shape.data } : {}),
    };
  }
  // Only SCIM and LDAP connections can be targets; a job save refuses the others.
  if (target.kind !== 'ldap' || !targetCanDisable(target))
    return { kind: target.kind, canDisable: false, disableMethod: 'none' };
  const attribute = text(target.settings['disableAttribute']);
  if (attribute) {
    const value = text(target.settings['disableValue']);
    return {
      kind: target.kind,
      canDisable: true,
      disableMethod: 'ldapAttribute',
      disableAttribute: attribute,
      ...(value ? { disableValue: value } : {}),
    };
  }
  // targetCanDisable said yes without a disable attribute: the connection is Active Directory.
  return { kind: target.kind, canDisable: true, disableMethod: 'activeDirectory' };
}

export function targetCapabilitiesHandlers(ctx: AppContext): HandlerGroup<'targets.capabilities'> {
  return {
    'targets.capabilities': async ({ targetConnection }) => {
      const target = ctx.store.connections.findByName(targetConnection);
      if (!target)
        throw refusal(
          'notFound',
          'connectionNamedMissing',
          { name: targetConnection },
          { issues: [{ path: 'targetConnection', message: 'No such connection' }] },
        );
      return targetCapabilitiesOf(target);
    },
  };
}
