import { writeFileSync } from 'node:fs';
import { jobConfigSchema } from '@shared/domain/jobs';
import type { RosterApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import {
  csvToLdapUserMappings,
  ldapTargetSchemaFor,
} from '../../../src-main/connectors/ldap/default-mappings';
import type { SlapdPeer } from '../../peers/slapd-server';

/**
 * `count` people as an HR file: employeeId E1…, a given name, a surname and a display name each, and
 * each reporting to the one before (so a cycle writes count − 1 manager references too).
 */
export function writeReportingChainCsv(path: string, count: number): void {
  const rows = Array.from({ length: count }, (_, i) =>
    [`E${i + 1}`, `Given${i + 1}`, `Surname${i + 1}`, `Given${i + 1} Surname${i + 1}`, i ? `E${i}` : ''].join(
      ',',
    ),
  );
  writeFileSync(path, `employeeId,givenName,surname,displayName,manager\n${rows.join('\n')}\n`);
}

/**
 * Through the app's commands: a CSV connection to `csvPath`, an LDAP connection to `slapd` creating
 * users in `container` (disabled with employeeType), and a users-only job between them with the LDAP
 * default mappings. Returns the job's id.
 */
export async function csvToLdapJob(
  app: RosterApp,
  options: { csvPath: string; slapd: SlapdPeer; container: string; maxConcurrency: number },
): Promise<string> {
  const command = async (name: string, input: unknown) => {
    const result = await app.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  };
  const { slapd } = options;
  await command('connections.create', {
    name: 'HR',
    kind: 'csv',
    settings: { path: options.csvPath, keyColumn: 'employeeId', managerColumn: 'manager' },
  });
  await command('connections.create', {
    name: 'Directory',
    kind: 'ldap',
    settings: {
      url: slapd.url,
      bindDn: slapd.bindDn,
      baseDn: slapd.baseDn,
      targetContainer: options.container,
      disableAttribute: 'employeeType',
      disableValue: 'disabled',
    },
    secrets: { bindPassword: slapd.password },
  });
  return createJob(
    app.context,
    jobConfigSchema.parse({
      name: 'HR → Directory',
      sourceConnection: 'HR',
      targetConnection: 'Directory',
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: csvToLdapUserMappings({
            employeeId: 'employeeId',
            displayName: 'displayName',
            givenName: 'givenName',
            surname: 'surname',
            manager: 'manager',
          }),
        },
      ],
      targetSchema: ldapTargetSchemaFor('inetOrgPerson'),
      settings: { scope: 'all', maxConcurrency: options.maxConcurrency },
    }),
  ).id;
}
