/**
 * An LDAP target holds its reads and writes to the job's `maxConcurrency` itself
 * (ldap/operation-gate.ts), so the engine starts its objects in batches beyond it and their write
 * intents share a commit, as against a SCIM target (batched-intents.test.ts, issue 11). Real slapd;
 * the operations in flight are counted on ldapts' client, the one the connector uses.
 */
import { join } from 'node:path';
import { Client } from 'ldapts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { ouLdif, startSlapd, type SlapdPeer } from '../../peers/slapd-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';
import { csvToLdapJob, writeReportingChainCsv } from './csv-to-ldap-job';
import { countIntentCommits } from './intent-commits';

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
  let app: RosterApp | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await app?.close();
    await slapd?.stop();
    dir.remove();
  });

  it('commits the intents of many creates together and keeps maxConcurrency operations at the server', async () => {
    const s = await startSlapd({ ldif: ouLdif(staff) });
    slapd = s;
    const roster = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      osUser: 'tester',
      logger: { info() {}, warn() {}, error() {} },
    });
    app = roster;
    const csvPath = join(dir.path, 'hr.csv');
    writeReportingChainCsv(csvPath, 60);
    const jobId = await csvToLdapJob(roster, { csvPath, slapd: s, container: staff, maxConcurrency: 2 });
    const commits = countIntentCommits(roster.store);

    const { result: cycle, most } = await mostInFlight(() =>
      roster.engine.run(jobId, { dryRun: false, initiatedBy: { type: 'admin', displayName: 'tester' } }),
    );

    expect(cycle.error).toBeNull();
    expect(cycle.counters).toMatchObject({ created: 60, failed: 0 });
    // 60 creates and 59 manager references, each with its intent.
    expect(commits.intents).toBe(119);
    // Before the gate each intent had a commit of its own (119). The manager references now share a
    // commit per batch; a create asks the directory whether its cn is free first (SelectUniqueValue),
    // so the creates' intents come as those answers do, up to maxConcurrency to a commit.
    expect(commits.byOperation.get('reference')?.size).toBeLessThanOrEqual(59 / 8);
    expect(commits.withIntents.size).toBeLessThanOrEqual(commits.intents / 2);
    expect(most).toBe(2);
    expect(roster.store.intents.forJob(jobId)).toEqual([]);
    const entries = await s.search(staff, '(objectClass=inetOrgPerson)', ['employeeNumber', 'manager']);
    expect(entries).toHaveLength(60);
    const second = entries.find((e) => e['employeeNumber']?.[0] === 'E2');
    expect(second?.['manager']).toEqual([`cn=Given1 Surname1,${staff}`]);
  });
});
