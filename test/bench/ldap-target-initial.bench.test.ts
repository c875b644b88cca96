import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jobConfigSchema } from '@shared/domain/jobs';
import { createApp, type RosterApp } from '../../src-main/app/create-app';
import { createJob } from '../../src-main/app/jobs/job-store';
import { csvToLdapUserMappings, ldapTargetSchemaFor } from '../../src-main/connectors/ldap/default-mappings';
import { makeTempDir } from '../integration/temp-dir';
import { usePrivateKeyring } from '../integration/use-private-keyring';
import { ouLdif, startSlapd, type SlapdPeer } from '../peers/slapd-server';

const users = Number(process.env['ROSTER_BENCH_USERS'] ?? 2_000);
const staff = 'ou=Staff,dc=example,dc=com';

/**
 * `npx vitest run --project bench test/bench/ldap-target-initial.bench.test.ts`: an initial cycle of
 * ROSTER_BENCH_USERS users (default 2,000, each reporting to the one before) from a CSV file into an
 * OpenLDAP slapd at `maxConcurrency` 4, through the app's engine in this process. Prints the cycle's
 * wall time, this process's CPU, and the SQLite transactions that held write intents; never asserted
 * against a time.
 */
describe(`initial cycle of ${users} users into slapd`, () => {
  let slapd: SlapdPeer | null = null;
  let app: RosterApp | null = null;
  const dir = makeTempDir('roster-ldap-target-bench-');
  afterAll(async () => {
    await app?.close();
    await slapd?.stop();
    dir.remove();
  });

  it('creates every entry, printing the figures', async () => {
    usePrivateKeyring();
    const s = await startSlapd({ ldif: ouLdif(staff) });
    slapd = s;
    const roster = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      osUser: 'bench',
      logger: { info() {}, warn() {}, error() {} },
    });
    app = roster;
    const csv = join(dir.path, 'hr.csv');
    const rows = Array.from({ length: users }, (_, i) =>
      [
        `E${i + 1}`,
        `Given${i + 1}`,
        `Surname${i + 1}`,
        `Given${i + 1} Surname${i + 1}`,
        i ? `E${i}` : '',
      ].join(','),
    );
    writeFileSync(csv, `employeeId,givenName,surname,displayName,manager\n${rows.join('\n')}\n`);
    const command = async (name: string, input: unknown) => {
      const result = await roster.dispatch(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    };
    await command('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: csv, keyColumn: 'employeeId', managerColumn: 'manager' },
    });
    await command('connections.create', {
      name: 'Directory',
      kind: 'ldap',
      settings: {
        url: s.url,
        bindDn: s.bindDn,
        baseDn: s.baseDn,
        targetContainer: staff,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
      },
      secrets: { bindPassword: s.password },
    });
    const job = createJob(
      roster.context,
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
        settings: { scope: 'all', maxConcurrency: 4 },
      }),
    );
    const store = roster.store;
    let transactions = 0;
    const withIntents = new Set<number>();
    const transaction = store.transaction.bind(store);
    store.transaction = (work) => {
      transactions++;
      return transaction(work);
    };
    const begin = store.intents.begin.bind(store.intents);
    store.intents.begin = (intent) => {
      withIntents.add(transactions);
      return begin(intent);
    };

    const cpu = process.cpuUsage();
    const started = performance.now();
    const cycle = await roster.engine.run(job.id, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'bench' },
    });
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);

    expect(cycle.error).toBeNull();
    expect(cycle.counters.created).toBe(users);
    console.log(
      `\n[bench] ${users} users into slapd, maxConcurrency 4: ${(wallMs / 1000).toFixed(2)} s wall, ` +
        `${((used.user + used.system) / 1e6).toFixed(2)} s CPU (this process), ` +
        `${withIntents.size} transactions held the ${2 * users - 1} write intents`,
    );
  });
});
