/**
 * Account discovery against an LDAP target (issue 12 item 5) with a real OpenLDAP slapd and a real
 * SQLite data folder: an HR file provisions three people and a group, then entries appear in the
 * directory behind Roster's back; discovery lists the directory with paged searches and classifies
 * every entry, and adopt / disable / leave go through the lease, the provisioning log and the audit,
 * disabling through the connection's disable attribute.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountActResult, AccountReport, AccountRowsPage } from '@shared/domain/accounts';
import { jobConfigSchema } from '@shared/domain/jobs';
import { createApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import {
  csvToLdapGroupMappings,
  csvToLdapUserMappings,
  ldapTargetSchemaFor,
} from '../../../src-main/connectors/ldap/default-mappings';
import { discoverAccounts } from '../../../src-main/engine/discovery/discover-accounts';
import { minObjectsForList } from '../../../src-main/engine/match-index';
import { ouLdif, startSlapd, type SlapdPeer } from '../../peers/slapd-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const staff = 'ou=Staff,dc=example,dc=com';
const alumni = 'ou=Alumni,dc=example,dc=com';
const teams = 'ou=Teams,dc=example,dc=com';
const header = 'employeeId,givenName,surname,displayName,email,jobTitle,department,groups';
const people = [
  'E1,Ann,Lee,Ann Lee,e1@example.com,Analyst,Finance,Finance team',
  'E2,Bo,Kim,Bo Kim,e2@example.com,Analyst,Finance,Finance team',
  'E3,Cy,Park,Cy Park,e3@example.com,Analyst,Finance,',
];
// Not provisioned yet: a new hire, and an engineer the job's scope (Finance) leaves out.
const later = [
  'E4,Dana,New,Dana New,e4@example.com,Analyst,Finance,',
  'E5,Eve,Eng,Eve Eng,e5@example.com,Engineer,Engineering,',
];

class Kit {
  readonly dir = makeTempDir('roster-ldap-discovery-');
  readonly csv = join(this.dir.path, 'hr.csv');
  readonly app = createApp({
    dataDir: join(this.dir.path, 'data'),
    mode: 'cli',
    osUser: 'tester',
    logger: { info() {}, warn() {}, error() {} },
  });

  async command<T>(name: string, input: unknown): Promise<T> {
    const result = await this.app.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  }

  write(rows: string[]): void {
    writeFileSync(this.csv, `${header}\n${rows.join('\n')}\n`);
  }

  async directory(name: string, peer: SlapdPeer, extra: Record<string, unknown>): Promise<void> {
    await this.command('connections.create', {
      name,
      kind: 'ldap',
      settings: {
        url: peer.url,
        bindDn: peer.bindDn,
        baseDn: peer.baseDn,
        targetContainer: staff,
        groupContainer: teams,
        ...extra,
      },
      secrets: { bindPassword: peer.password },
    });
  }

  job(name: string, target: string, settings: Record<string, unknown> = {}): string {
    return createJob(
      this.app.context,
      jobConfigSchema.parse({
        name,
        sourceConnection: 'HR',
        targetConnection: target,
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
              email: 'email',
              jobTitle: 'jobTitle',
            }),
            scope: {
              filters: [
                {
                  title: 'Finance',
                  clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Finance' }],
                },
              ],
            },
          },
          {
            name: 'Groups',
            sourceObject: 'Group',
            targetObject: 'Group',
            attributeMappings: csvToLdapGroupMappings(),
          },
        ],
        targetSchema: ldapTargetSchemaFor('inetOrgPerson'),
        settings: { scope: 'all', maxConcurrency: 2, ...settings },
      }),
    ).id;
  }

  discover(jobId: string): Promise<AccountReport> {
    return discoverAccounts(
      { store: this.app.store, connectors: this.app.context.connectors, clock: () => new Date() },
      { jobId, startedBy: 'tester', signal: new AbortController().signal },
    );
  }

  async stop(): Promise<void> {
    await this.app.close();
    this.dir.remove();
  }
}

async function uuidOf(peer: SlapdPeer, dn: string): Promise<string> {
  const id = (await peer.entry(dn))?.['entryUUID']?.[0];
  if (!id) throw new Error(`${dn} has no entryUUID`);
  return id;
}

describe('account discovery against an LDAP target (OpenLDAP slapd)', () => {
  let slapd: SlapdPeer | null = null;
  let kit: Kit | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await slapd?.stop();
    kit = null;
    slapd = null;
  });

  it('classifies every entry of the directory, then adopts, disables and leaves through the log and the audit', async () => {
    const s = await startSlapd({ ldif: ouLdif(staff) + ouLdif(alumni) + ouLdif(teams) });
    slapd = s;
    const k = new Kit();
    kit = k;
    k.write(people);
    await k.command('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: k.csv, keyColumn: 'employeeId', groupsColumn: 'groups', groupsSeparator: ';' },
    });
    await k.directory('Directory', s, { disableAttribute: 'employeeType', disableValue: 'disabled' });
    const jobId = k.job('HR → Directory', 'Directory');
    const first = await k.app.engine.run(jobId, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(first.counters).toMatchObject({ created: 4, failed: 0 });

    // Behind Roster's back: entries an admin made by hand, one in another OU of the base DN.
    k.write([...people, ...later]);
    const person = (cn: string, extra: Record<string, string> = {}) => ({
      objectClass: 'inetOrgPerson',
      cn,
      sn: cn.split(' ').at(-1) ?? cn,
      ...extra,
    });
    await s.add(`cn=Dana New,${staff}`, person('Dana New', { employeeNumber: 'E4' }));
    await s.add(`cn=Eve Eng,${staff}`, person('Eve Eng', { employeeNumber: 'E5' }));
    await s.add(`cn=Ghost,${staff}`, person('Ghost', { employeeNumber: 'X9', displayName: 'Ghost Writer' }));
    await s.add(`cn=Printer,${alumni}`, person('Printer'));
    await s.add(`cn=Old team,${teams}`, {
      objectClass: 'groupOfNames',
      cn: 'Old team',
      member: `cn=Ghost,${staff}`,
    });
    const made = {
      newHire: await uuidOf(s, `cn=Dana New,${staff}`),
      engineer: await uuidOf(s, `cn=Eve Eng,${staff}`),
      ghost: await uuidOf(s, `cn=Ghost,${staff}`),
      printer: await uuidOf(s, `cn=Printer,${alumni}`),
      oldTeam: await uuidOf(s, `cn=Old team,${teams}`),
    };

    const report = await k.discover(jobId);
    expect(report).toMatchObject({
      status: 'completed',
      listed: 9,
      expected: 9,
      counts: { linked: 4, unlinkedMatch: 1, outOfScopeMatch: 1, unmanaged: 3, users: 7, groups: 2 },
      warnings: [],
      error: null,
    });
    const rows = (await k.command<AccountRowsPage>('accounts.rows', { jobId })).rows;
    const byId = new Map(rows.map((r) => [r.targetId, r]));
    expect(byId.get(made.newHire)).toMatchObject({
      accountClass: 'unlinkedMatch',
      keyValue: 'E4',
      source: { anchor: 'E4' },
      matched: { path: 'employeeNumber', value: 'E4' },
      active: true,
    });
    expect(byId.get(made.engineer)).toMatchObject({
      accountClass: 'outOfScopeMatch',
      source: { anchor: 'E5' },
    });
    expect(byId.get(made.engineer)?.scopeDetail).toContain('department');
    expect(byId.get(made.ghost)).toMatchObject({
      accountClass: 'unmanaged',
      displayName: 'Ghost Writer',
      note: null,
    });
    expect(byId.get(made.printer)).toMatchObject({ accountClass: 'unmanaged', note: 'noMatchingValue' });
    expect(byId.get(made.oldTeam)).toMatchObject({ accountClass: 'unmanaged', objectType: 'Group' });
    const annId = k.app.store.links.get(jobId, 'User', 'E1')?.targetId;
    expect(byId.get(annId ?? '')).toMatchObject({ accountClass: 'linked', source: { anchor: 'E1' } });

    const adopted = await k.command<AccountActResult>('accounts.act', {
      jobId,
      action: 'adopt',
      accounts: [
        { objectType: 'User', targetId: made.newHire },
        { objectType: 'User', targetId: made.engineer },
        { objectType: 'User', targetId: made.ghost },
      ],
    });
    expect(adopted.outcomes.map((o) => [o.targetId, o.done, o.refusal])).toEqual([
      [made.newHire, true, null],
      [made.engineer, false, 'outOfScope'],
      [made.ghost, false, 'noSourceMatch'],
    ]);
    expect(k.app.store.links.get(jobId, 'User', 'E4')?.targetId).toBe(made.newHire);

    const disabled = await k.command<AccountActResult>('accounts.act', {
      jobId,
      action: 'disable',
      accounts: [
        { objectType: 'User', targetId: made.ghost },
        { objectType: 'Group', targetId: made.oldTeam },
      ],
    });
    expect(disabled.outcomes.map((o) => [o.done, o.refusal])).toEqual([
      [true, null],
      [false, 'cannotDisable'],
    ]);
    // Disabled the way the connection says: its disable attribute and value.
    expect((await s.entry(`cn=Ghost,${staff}`))?.['employeeType']).toEqual(['disabled']);

    const left = await k.command<AccountActResult>('accounts.act', {
      jobId,
      action: 'leave',
      accounts: [{ objectType: 'User', targetId: made.printer }],
    });
    expect(left.outcomes[0]?.done).toBe(true);
    expect(await s.entry(`cn=Printer,${alumni}`)).not.toHaveProperty('employeeType');

    const logOf = (runId: string) => k.app.store.log.page({ jobId, cycleId: runId, limit: 10 }).entries;
    const adoptLog = logOf(adopted.runId);
    expect(adoptLog).toHaveLength(1);
    expect(adoptLog[0]).toMatchObject({
      status: 'success',
      sourceIdentity: { id: 'E4' },
      targetIdentity: { id: made.newHire },
    });
    expect(logOf(disabled.runId)).toContainEqual(
      expect.objectContaining({ provisioningAction: 'disable', status: 'success' }),
    );
    expect(logOf(left.runId)).toHaveLength(1);
    const audit = k.app.store.audit.page({ limit: 10 }).entries.map((e) => [e.action, e.after]);
    expect(audit).toEqual(
      expect.arrayContaining([
        ['job.accountsAdopt', expect.objectContaining({ count: 1 })],
        ['job.accountsDisable', expect.objectContaining({ count: 1 })],
        ['job.accountsLeave', expect.objectContaining({ count: 1 })],
      ]),
    );

    // The next cycle writes the adopted entry's mapped values and makes no second entry for E4.
    const next = await k.app.engine.run(jobId, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
    expect(next.counters).toMatchObject({ created: 0, failed: 0 });
    const dana = await s.search(staff, '(employeeNumber=E4)', ['title', 'mail']);
    expect(dana).toHaveLength(1);
    expect(dana[0]).toMatchObject({ title: ['Analyst'], mail: ['e4@example.com'] });
  });

  it('refuses to disable in a directory whose connection names no disable attribute, and reports no account state', async () => {
    const s = await startSlapd({ ldif: ouLdif(staff) + ouLdif(teams) });
    slapd = s;
    const k = new Kit();
    kit = k;
    k.write(people);
    await k.command('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: k.csv, keyColumn: 'employeeId', groupsColumn: 'groups', groupsSeparator: ';' },
    });
    await k.directory('Directory', s, {});
    // A directory that cannot disable: the job deletes its leavers instead.
    const jobId = k.job('HR → Directory', 'Directory', { onSourceDelete: 'delete' });
    await s.add(`cn=Ghost,${staff}`, { objectClass: 'inetOrgPerson', cn: 'Ghost', sn: 'Ghost' });
    const ghost = await uuidOf(s, `cn=Ghost,${staff}`);

    const report = await k.discover(jobId);
    expect(report).toMatchObject({ status: 'completed', listed: 1, counts: { unmanaged: 1 } });
    expect(k.app.store.accounts.row(jobId, 'User', ghost)).toMatchObject({ active: null });

    const disabled = await k.command<AccountActResult>('accounts.act', {
      jobId,
      action: 'disable',
      accounts: [{ objectType: 'User', targetId: ghost }],
    });
    expect(disabled.outcomes[0]).toMatchObject({ done: false, refusal: 'cannotDisable' });
    expect(await s.entry(`cn=Ghost,${staff}`)).not.toHaveProperty('employeeType');
  });

  it('an initial cycle into a directory that already holds the people matches them through the list: no second entries', async () => {
    const count = minObjectsForList + 10;
    const existing = Array.from({ length: count }, (_, i) => i + 1)
      .map(
        (n) =>
          `dn: cn=Person ${n},${staff}\nobjectClass: inetOrgPerson\ncn: Person ${n}\nsn: Person\nemployeeNumber: E${n}\n\n`,
      )
      .join('');
    const s = await startSlapd({ ldif: ouLdif(staff) + ouLdif(teams) + existing });
    slapd = s;
    const k = new Kit();
    kit = k;
    const rows = Array.from(
      { length: count + 2 },
      (_, i) =>
        `E${i + 1},Given${i + 1},Family${i + 1},Given${i + 1} Family${i + 1},e${i + 1}@example.com,Analyst,Finance,`,
    );
    k.write(rows);
    await k.command('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: k.csv, keyColumn: 'employeeId', groupsColumn: 'groups', groupsSeparator: ';' },
    });
    await k.directory('Directory', s, { disableAttribute: 'employeeType', disableValue: 'disabled' });
    const jobId = k.job('HR → Directory', 'Directory');

    const cycle = await k.app.engine.run(jobId, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });

    expect(cycle.error).toBeNull();
    expect(cycle.counters).toMatchObject({ created: 2, failed: 0 });
    expect(await s.search(staff, '(objectClass=inetOrgPerson)', ['cn'])).toHaveLength(count + 2);
    const seventh = await uuidOf(s, `cn=Person 7,${staff}`);
    expect(k.app.store.links.get(jobId, 'User', 'E7')?.targetId).toBe(seventh);
    const entry = k.app.store.log.page({ jobId, identity: 'E7', limit: 5 }).entries[0];
    const matching = entry?.provisioningSteps.find((step) => step.provisioningStepType === 'matching');
    expect(matching?.details).toEqual({ 'employeeNumber eq "E7"': '1 found' });
  });
});
