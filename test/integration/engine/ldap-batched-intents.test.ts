/**
 * An LDAP target holds its reads and writes to the job's `maxConcurrency` itself
 * (ldap/operation-gate.ts), so the engine starts its objects in batches beyond it and their write
 * intents share a commit, as against a SCIM target (batched-intents.test.ts, issue 11). Real slapd;
 * the operations in flight are counted on ldapts' client, the one the connector uses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobConfigSchema } from '@shared/domain/jobs';
import { createApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import {
  csvToLdapUserMappings,
  ldapTargetSchemaFor,
} from '../../../src-main/connectors/ldap/default-mappings';
import { ouLdif, startSlapd, type SlapdPeer } from '../../peers/slapd-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const staff = 'ou=Staff,dc=example,dc=com';
const operations = ['add', 'modify', 'del', 'search', 'modifyDN', 'compare'] as const;

/** The most ldapts operations in flight at once while `work` runs (every client in this process). */
async function mostInFlight<T>(work: () => Promise<T>): Promise<{ result: T; most: number }> {
  const prototype = Client.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const originals = operations.map((name) => [name, prototype[name]] as const);
  let inFlight = 0;
  let most = 0;
  for (const [name, original] of originals) {
    prototype[name] = async function (this: unknown, ...args: unknown[]) {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await original?.apply(this, args);
      } finally {
        inFlight--;
      }
    };
  }
  try {
    return { result: await work(), most };
  } finally {
    for (const [name, original] of originals) if (original) prototype[name] = original;
  }
}

describe('write intents committed in batches into an LDAP directory', () => {
  let slapd: SlapdPeer | null = null;
  const dir = makeTempDir('roster-ldap-batches-');
  let app: ReturnType<typeof createApp> | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await app?.close();
    await slapd?.stop();
    dir.remove();
  });

  it('commits the intents of many creates together and keeps maxConcurrency operations at the server', async () => {
    const s = await startSlapd({ ldif: ouLdif(staff) });
    slapd = s;
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      osUser: 'tester',
      logger: { info() {}, warn() {}, error() {} },
    });
    const csv = join(dir.path, 'hr.csv');
    const rows = Array.from({ length: 60 }, (_, i) => {
      const id = `E${i + 1}`;
      // Each reports to the one before: the manager phase writes 59 references too.
      return [id, `Given${i + 1}`, `Surname${i + 1}`, `Given${i + 1} Surname${i + 1}`, i ? `E${i}` : ''].join(
        ',',
      );
    });
    writeFileSync(csv, `employeeId,givenName,surname,displayName,manager\n${rows.join('\n')}\n`);
    const command = async (name: string, input: unknown) => {
      const result = await app?.dispatch(name, input);
      if (!result?.ok) throw new Error(`${name}: ${result?.error.message}`);
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
        settings: { scope: 'all', maxConcurrency: 2 },
      }),
    );
    const store = app.store;
    let transactions = 0;
    const withIntents = new Set<number>();
    const referencesIn = new Set<number>();
    let intents = 0;
    const transaction = store.transaction.bind(store);
    store.transaction = (work) => {
      transactions++;
      return transaction(work);
    };
    const begin = store.intents.begin.bind(store.intents);
    store.intents.begin = (intent) => {
      intents++;
      withIntents.add(transactions);
      if (intent.operation === 'reference') referencesIn.add(transactions);
      return begin(intent);
    };

    const { result: cycle, most } = await mostInFlight(() =>
      app!.engine.run(job.id, { dryRun: false, initiatedBy: { type: 'admin', displayName: 'tester' } }),
    );

    expect(cycle.error).toBeNull();
    expect(cycle.counters).toMatchObject({ created: 60, failed: 0 });
    // 60 creates and 59 manager references, each with its intent.
    expect(intents).toBe(119);
    // Before the gate each intent had a commit of its own (119). The manager references now share a
    // commit per batch; a create asks the directory whether its cn is free first (SelectUniqueValue),
    // so the creates' intents come as those answers do, up to maxConcurrency to a commit.
    expect(referencesIn.size).toBeLessThanOrEqual(59 / 8);
    expect(withIntents.size).toBeLessThanOrEqual(intents / 2);
    expect(most).toBe(2);
    expect(store.intents.forJob(job.id)).toEqual([]);
    const entries = await s.search(staff, '(objectClass=inetOrgPerson)', ['employeeNumber', 'manager']);
    expect(entries).toHaveLength(60);
    const second = entries.find((e) => e['employeeNumber']?.[0] === 'E2');
    expect(second?.['manager']).toEqual([`cn=Given1 Surname1,${staff}`]);
  });
});
