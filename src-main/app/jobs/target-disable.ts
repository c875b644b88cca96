import { refusal } from '@shared/domain/error-messages';
import type { JobConfig } from '@shared/domain/jobs';
import type { ConnectionRecord } from '../../store/connections-repo';

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Whether an LDAP connection's settings say it is Active Directory, which always disables through
 * userAccountControl. The server type is only known once Roster connects; saving a job must not
 * need the network, so this reads the signs an AD connection carries: a user@domain or DOMAIN\user
 * bind, AD's user object class, or objectGUID as the anchor.
 */
export function looksLikeActiveDirectory(settings: Record<string, unknown>): boolean {
  const bindDn = text(settings['bindDn']);
  const classes = text(settings['userObjectClass'])
    .split(',')
    .map((c) => c.trim().toLowerCase());
  return (
    /^[^=,@\s]+@[^=,@\s]+$/.test(bindDn) ||
    /^[^=,\\\s]+\\[^=,\\]+$/.test(bindDn) ||
    classes.includes('user') ||
    text(settings['anchorAttribute']).toLowerCase() === 'objectguid'
  );
}

/** Whether a target connection can disable an account (SCIM active=false, AD userAccountControl, an LDAP attribute). */
export function targetCanDisable(target: ConnectionRecord): boolean {
  // A delete-only SCIM app (no `active`, docs/app-profiles.md) says so on its connection.
  if (target.kind === 'scim') return target.settings['userDisable'] !== 'notSupported';
  if (target.kind !== 'ldap') return true;
  return text(target.settings['disableAttribute']) !== '' || looksLikeActiveDirectory(target.settings);
}

/** The job would have Roster disable leavers: deprovisioning is on and hard deletes are disabled too. */
function jobSaysDisable(config: JobConfig): boolean {
  return (
    config.settings.onSourceDelete === 'disable' &&
    !config.settings.skipOutOfScopeDeletions &&
    config.objectMappings.some((m) => m.enabled && m.sourceObject === 'User')
  );
}

/**
 * Refuses, at save, a job that says "disable" for a target that cannot disable (issue 8). Run as it
 * stands, such a job could not do what it says: its leavers would keep working accounts. The
 * message says both ways out.
 */
export function assertTargetCanDisable(config: JobConfig, target: ConnectionRecord): void {
  if (!jobSaysDisable(config) || targetCanDisable(target)) return;
  // Both say the way out that fits the target: an app's userDisable, or an LDAP disable attribute.
  throw refusal(
    'invalidInput',
    target.kind === 'scim' ? 'scimTargetCannotDisable' : 'ldapTargetCannotDisable',
    { job: config.name, target: target.name },
    {
      issues: [
        {
          path: 'settings.onSourceDelete',
          message: 'The target cannot disable accounts',
          code: 'targetCannotDisable',
        },
      ],
    },
  );
}
