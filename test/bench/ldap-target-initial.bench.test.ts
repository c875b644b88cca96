import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type RosterApp } from '../../src-main/app/create-app';
import { csvToLdapJob, writeReportingChainCsv } from '../integration/engine/csv-to-ldap-job';
import { countIntentCommits } from '../integration/engine/intent-commits';
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
    const csvPath = join(dir.path, 'hr.csv');
    writeReportingChainCsv(csvPath, users);
    const jobId = await csvToLdapJob(roster, { csvPath, slapd: s, container: staff, maxConcurrency: 4 });
    const commits = countIntentCommits(roster.store);

    const cpu = process.cpuUsage();
    const started = performance.now();
    const cycle = await roster.engine.run(jobId, {
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
        `${commits.withIntents.size} transactions held the ${commits.intents} write intents`,
    );
  });
});
