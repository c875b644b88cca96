import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jobConfigSchema } from '@shared/domain/jobs';
import { createApp, type RosterApp } from '../../src-main/app/create-app';
import { createJob } from '../../src-main/app/jobs/job-store';
import {
  csvToLdapGroupMappings,
  csvToLdapUserMappings,
  ldapTargetSchemaFor,
} from '../../src-main/connectors/ldap/default-mappings';
import { discoverAccounts } from '../../src-main/engine/discovery/discover-accounts';
import { makeTempDir } from '../integration/temp-dir';
import { usePrivateKeyring } from '../integration/use-private-keyring';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../peers/slapd-server';

const accounts = Number(process.env['ROSTER_BENCH_ACCOUNTS'] ?? 100_000);
/** Nine in ten entries belong to someone in the source; the rest nobody manages. */
const sourceRows = Math.round(accounts * 0.9);
const people = 'ou=People,dc=example,dc=com';

/**
 * `npx vitest run --project bench test/bench/account-discovery-ldap.bench.test.ts`: account
 * discovery (issue 12) of an OpenLDAP slapd holding ROSTER_BENCH_ACCOUNTS inetOrgPerson entries
 * (default 100,000, loaded with slapadd) against a CSV source of 90 % of them, through the LDAP
 * target's paged list (500 entries a page). Prints the time and the peak heap of this process (Roster
 * and the test runner; slapd is another process); never asserted against a time.
 */
describe(`account discovery of ${accounts} LDAP entries`, () => {
  let slapd: SlapdPeer | null = null;
  let app: RosterApp | null = null;
  const dir = makeTempDir('roster-ldap-bench-');
  afterAll(async () => {
    await app?.close();
    await slapd?.stop();
    dir.remove();
  });

  it('lists and classifies every entry, printing the figures', async () => {
    usePrivateKeyring();
    slapd = await startSlapd({
      ldif: ouLdif(people) + usersLdif(accounts, people, (n) => `employeeNumber: E${n}\n`),
    });
    const csv = join(dir.path, 'hr.csv');
    const rows = Array.from({ length: sourceRows }, (_, i) => `E${i + 1},Given${i + 1},Family${i + 1}`);
    writeFileSync(csv, `employeeId,givenName,surname\n${rows.join('\n')}\n`);
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      osUser: 'bench',
      logger: { info() {}, warn() {}, error() {} },
    });
    const ok = async (command: string, input: unknown) => {
      const result = await app?.dispatch(command, input);
      if (!result?.ok) throw new Error(`${command}: ${result?.error.message ?? 'no app'}`);
    };
    await ok('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: csv, keyColumn: 'employeeId' },
    });
    await ok('connections.create', {
      name: 'Directory',
      kind: 'ldap',
      settings: {
        url: slapd.url,
        bindDn: slapd.bindDn,
        baseDn: slapd.baseDn,
        targetContainer: people,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
      },
      secrets: { bindPassword: slapd.password },
    });
    const jobId = createJob(
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
              givenName: 'givenName',
              surname: 'surname',
            }),
          },
          {
            name: 'Groups',
            sourceObject: 'Group',
            targetObject: 'Group',
            enabled: false,
            attributeMappings: csvToLdapGroupMappings(),
          },
        ],
        targetSchema: ldapTargetSchemaFor('inetOrgPerson'),
        settings: { scope: 'all' },
      }),
    ).id;

    let peakHeap = 0;
    const sample = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 200);
    const startedAt = performance.now();
    const report = await discoverAccounts(
      { store: app.store, connectors: app.context.connectors, clock: () => new Date() },
      { jobId, startedBy: 'bench', signal: new AbortController().signal },
    );
    const seconds = (performance.now() - startedAt) / 1000;
    clearInterval(sample);

    console.log(
      JSON.stringify({
        accounts,
        sourceRows,
        seconds: Math.round(seconds * 10) / 10,
        accountsPerSecond: Math.round(accounts / seconds),
        peakHeapMiB: Math.round(peakHeap / 1024 / 1024),
        counts: report.counts,
      }),
    );
    expect(report.status).toBe('completed');
    expect(report.counts.unlinkedMatch).toBe(sourceRows);
    expect(report.counts.unmanaged).toBe(accounts - sourceRows);
  });
});
