import { RosterError } from '@shared/domain/errors';
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
  if (target.kind === 'scim') {
    throw new RosterError(
      'invalidInput',
      `The job "${config.name}" disables leavers (settings.onSourceDelete is "disable"), but its target "${target.name}" ` +
        'is an app that cannot disable accounts (its connection says userDisable: "notSupported" — the app has no ' +
        '"active" attribute and only deletes). Roster will not delete accounts it was told to disable. Set the job\'s ' +
        'settings.onSourceDelete to "delete" to delete leavers\' accounts, or set the connection\'s userDisable to ' +
        '"activeFalse" if the app does accept active=false.',
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
  const message =
    `The job "${config.name}" disables leavers (settings.onSourceDelete is "disable"), but its target "${target.name}" ` +
    'is an LDAP connection with no disable attribute, so Roster cannot disable an account there. Either set the ' +
    "connection's disableAttribute and disableValue (for example employeeType = disabled, or pwdAccountLockedTime = " +
    '000001010000Z with the ppolicy overlay; on Active Directory bind as user@domain or set userObjectClass to user, ' +
    'and Roster uses userAccountControl), or set the job\'s settings.onSourceDelete to "delete" to delete leavers\' ' +
    'entries instead.';
  throw new RosterError('invalidInput', message, {
    issues: [
      {
        path: 'settings.onSourceDelete',
        message: 'The target cannot disable accounts',
        code: 'targetCannotDisable',
      },
    ],
  });
}
