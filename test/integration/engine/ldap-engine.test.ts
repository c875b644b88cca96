/**
 * The LDAP connector through the real app and engine (issue 5's "done"): connections created with
 * connections.create (the bind password goes to the keychain), jobs with the LDAP default mappings,
 * cycles run by app.engine.run. (a) OpenLDAP (slapd) → SCIM (scimmy): initial, delta, disable,
 * group membership. (b) CSV → OpenLDAP: create, update, disable, move.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobConfigSchema, type JobConfigInput } from '@shared/domain/jobs';
import type { CycleSummary } from '@shared/domain/provisioning';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import { createApp } from '../../../src-main/app/create-app';
import { createJob } from '../../../src-main/app/jobs/job-store';
import {
  csvToLdapGroupMappings,
  csvToLdapUserMappings,
  ldapTargetSchemaFor,
  ldapToScimGroupMappings,
  openLdapToScimUserMappings,
} from '../../../src-main/connectors/ldap/default-mappings';
import { startScimmyServer } from '../../peers/scimmy-server';
import type { ScimPeer } from '../../peers/scim-request-log';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../../peers/slapd-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const people = 'ou=People,dc=example,dc=com';
const groups = 'ou=Groups,dc=example,dc=com';
const staff = 'ou=Staff,dc=example,dc=com';
const alumni = 'ou=Alumni,dc=example,dc=com';
const teams = 'ou=Teams,dc=example,dc=com';
const uidDn = (n: number) => `uid=user${String(n).padStart(5, '0')},${people}`;

interface ScimResource {
  id: string;
  userName?: string;
  active?: unknown;
  title?: unknown;
  displayName?: string;
  members?: { value: string }[];
  [key: string]: unknown;
}

async function scimGet(peer: ScimPeer, path: string): Promise<ScimResource> {
  const response = await fetch(`${peer.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${peer.token}`, Accept: 'application/scim+json' },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as ScimResource;
}

/** A Roster app in a temp folder, with helpers to create connections and jobs through its commands. */
class AppKit {
  readonly dir = makeTempDir('roster-ldap-engine-');
  app = createApp({
    dataDir: join(this.dir.path, 'data'),
    mode: 'cli',
    osUser: 'tester',
    logger: { info() {}, warn() {}, error() {} },
  });
  jobId = '';

  async command(name: string, input: unknown): Promise<unknown> {
    const result = await this.app.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }

  job(config: JobConfigInput): void {
    this.jobId = createJob(this.app.context, jobConfigSchema.parse(config)).id;
  }

  sync(): Promise<CycleSummary> {
    return this.app.engine.run(this.jobId, {
      dryRun: false,
      initiatedBy: { type: 'admin', displayName: 'tester' },
    });
  }

  targetIdOf(anchor: string, type: 'User' | 'Group' = 'User'): string {
    const link = this.app.store.links.get(this.jobId, type, anchor);
    if (!link) throw new Error(`${anchor} is not linked`);
    return link.targetId;
  }

  async stop(): Promise<void> {
    await this.app.close();
    this.dir.remove();
  }
}

describe('LDAP through the engine', () => {
  let slapd: SlapdPeer | null = null;
  let scim: ScimPeer | null = null;
  let kit: AppKit | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await scim?.stop();
    await slapd?.stop();
    kit = null;
    scim = null;
    slapd = null;
  });

  async function directoryConnection(peer: SlapdPeer, extra: Record<string, unknown> = {}): Promise<void> {
    await kit?.command('connections.create', {
      name: 'Directory',
      kind: 'ldap',
      settings: {
        url: peer.url,
        bindDn: peer.bindDn,
        baseDn: peer.baseDn,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
        ...extra,
      },
      secrets: { bindPassword: peer.password },
    });
  }

  describe('(a) OpenLDAP → SCIM', () => {
    async function begin(options: {
      withGroups: boolean;
    }): Promise<{ slapd: SlapdPeer; scim: ScimPeer; kit: AppKit }> {
      const s = await startSlapd({
        ldif:
          ouLdif(people) +
          usersLdif(20, people, (n) => (n > 1 ? `manager: ${uidDn(1)}\n` : '')) +
          ouLdif(groups) +
          `dn: cn=Engineering,${groups}\nobjectClass: groupOfNames\ncn: Engineering\nmember: ${uidDn(2)}\nmember: ${uidDn(3)}\nmember: cn=Platform,${groups}\n\n` +
          `dn: cn=Platform,${groups}\nobjectClass: groupOfNames\ncn: Platform\nmember: ${uidDn(4)}\n\n`,
      });
      const p = await startScimmyServer();
      const k = new AppKit();
      slapd = s;
      scim = p;
      kit = k;
      await directoryConnection(s, { userSearchBase: people, groupSearchBase: groups });
      await k.command('connections.create', {
        name: 'App',
        kind: 'scim',
        settings: { baseUrl: p.baseUrl, authType: 'bearer' },
        secrets: { bearerToken: p.token },
      });
      k.job({
        name: 'Directory → App',
        sourceConnection: 'Directory',
        targetConnection: 'App',
        objectMappings: [
          {
            name: 'Users',
            sourceObject: 'User',
            targetObject: 'User',
            attributeMappings: openLdapToScimUserMappings(),
          },
          ...(options.withGroups
            ? [
                {
                  name: 'Groups',
                  sourceObject: 'Group' as const,
                  targetObject: 'Group' as const,
                  attributeMappings: ldapToScimGroupMappings(),
                },
              ]
            : []),
        ],
        targetSchema: genericScimTargetSchema,
        settings: { scope: 'all', maxConcurrency: 4 },
      });
      return { slapd: s, scim: p, kit: k };
    }

    it('provisions users, managers and groups, then only what changed; disables leavers; follows membership', async () => {
      const { slapd: s, scim: p, kit: k } = await begin({ withGroups: true });
      // "Test connection" from the app, with the bind password from the keychain.
      const [directory] = k.app.store.connections.list().filter((c) => c.kind === 'ldap');
      const tested = (await k.command('connections.test', { id: directory?.id })) as {
        ok: boolean;
        summary: string;
      };
      expect(tested).toMatchObject({ ok: true });
      expect(tested.summary).toMatch(
        /^OpenLDAP at ldap:\/\/127\.0\.0\.1:\d+: bound as cn=admin,dc=example,dc=com; naming context dc=example,dc=com\.$/,
      );

      const first = await k.sync();
      expect(first.error).toBeNull();
      expect(first.status).toBe('completed');
      expect(first.counters).toMatchObject({ created: 22, failed: 0 });

      const anchors = new Map<number, string>();
      for (const n of [1, 2, 3, 4, 5]) {
        const [entry] = await s.search(people, `(uid=user${String(n).padStart(5, '0')})`, ['entryUUID']);
        anchors.set(n, entry?.['entryUUID']?.[0] ?? '');
      }
      const anchorOf = (n: number) => anchors.get(n) ?? '';
      const user2 = await scimGet(p, `/Users/${k.targetIdOf(anchorOf(2))}`);
      expect(user2).toMatchObject({
        userName: 'user00002@example.com',
        displayName: 'Given2 Family2',
        title: 'Rep',
      });
      expect(user2['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toMatchObject({
        manager: { value: k.targetIdOf(anchorOf(1)) },
      });
      const [engineering] = await s.search(groups, '(cn=Engineering)', ['entryUUID']);
      const groupId = k.targetIdOf(engineering?.['entryUUID']?.[0] ?? '', 'Group');
      const members = async () =>
        ((await scimGet(p, `/Groups/${groupId}`)).members ?? []).map((m) => m.value).sort();
      // Direct user members only: Platform is a nested group (expandNestedGroups is off).
      expect(await members()).toEqual([k.targetIdOf(anchorOf(2)), k.targetIdOf(anchorOf(3))].sort());

      // A modify: one PATCH for that user, nothing else.
      p.resetRequests();
      await s.replace(uidDn(5), 'title', 'Manager');
      const second = await k.sync();
      expect(second.counters).toMatchObject({ updated: 1, created: 0, failed: 0 });
      expect(p.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
        `PATCH /Users/${k.targetIdOf(anchorOf(5))}`,
      ]);
      expect((await scimGet(p, `/Users/${k.targetIdOf(anchorOf(5))}`)).title).toBe('Manager');

      // Disabled in the directory → inactive in the app.
      await s.replace(uidDn(3), 'employeeType', 'disabled');
      const third = await k.sync();
      expect(third.counters).toMatchObject({ disabled: 1, failed: 0 });
      const user3 = await scimGet(p, `/Users/${k.targetIdOf(anchorOf(3))}`);
      expect(user3.active === false || String(user3.active) === 'false').toBe(true);
      // …and out of the group (§7.2: a user who leaves scope leaves the managed groups).
      expect(await members()).toEqual([k.targetIdOf(anchorOf(2))]);

      // Membership follows the directory; nested members come in when the job expands groups.
      await s.addValues(`cn=Engineering,${groups}`, 'member', uidDn(5));
      await s.deleteValues(`cn=Engineering,${groups}`, 'member', uidDn(2));
      const fourth = await k.sync();
      expect(fourth.counters.failed).toBe(0);
      expect(await members()).toEqual([k.targetIdOf(anchorOf(5))]);
      const job = k.app.store.jobs.get(k.jobId);
      if (!job) throw new Error('job gone');
      job.config.settings = { ...job.config.settings, expandNestedGroups: true };
      k.app.store.jobs.update(job);
      await k.sync();
      expect(await members()).toEqual([k.targetIdOf(anchorOf(5)), k.targetIdOf(anchorOf(4))].sort());

      // Removed from the directory → disabled in the app (the job's onSourceDelete is "disable").
      await s.remove(uidDn(20));
      const [twenty] = k.app.store.links.forJob(k.jobId).filter((l) => l.displayName === 'Given20 Family20');
      const fifth = await k.sync();
      expect(fifth.counters).toMatchObject({ disabled: 1, failed: 0 });
      const user20 = await scimGet(p, `/Users/${twenty?.targetId ?? ''}`);
      expect(String(user20.active)).toBe('false');
    });

    it('reads only the changes when the job allows deltas (users only)', async () => {
      const { slapd: s, scim: p, kit: k } = await begin({ withGroups: false });
      const first = await k.sync();
      expect(first.counters).toMatchObject({ created: 20, failed: 0 });
      const watermark = () => k.app.store.jobs.get(k.jobId)?.watermark ?? '';
      const before = watermark();
      expect(before).toMatch(/^ldap:\{"by":"csn"/);
      await s.replace(uidDn(7), 'title', 'Director');
      p.resetRequests();
      const second = await k.sync();
      expect(second.kind).toBe('incremental');
      expect(second.counters).toMatchObject({ read: 1, updated: 1, failed: 0 });
      expect(watermark()).not.toBe(before);
      expect(p.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
      // An attribute no mapping or scoping filter reads: the delta read hands the entry over, and its
      // hash leaves that attribute out, so nothing is read or written (engine/attributes-read.ts).
      await s.replace(uidDn(7), 'roomNumber', '4.12');
      p.resetRequests();
      const quiet = await k.sync();
      expect(quiet.counters).toMatchObject({ read: 1, updated: 0, unchanged: 1, failed: 0 });
      expect(p.requests).toEqual([]);
      // A deleted entry: the next read is full, and the engine disables the leaver.
      await s.remove(uidDn(8));
      const third = await k.sync();
      expect(third.counters).toMatchObject({ read: 19, disabled: 1, failed: 0 });
    });
  });

  describe('(b) CSV → OpenLDAP', () => {
    const header =
      'employeeId,givenName,surname,displayName,email,jobTitle,department,manager,status,container,groups';
    function row(
      id: string,
      given: string,
      surname: string,
      extra: Partial<Record<'title' | 'manager' | 'status' | 'container' | 'groups', string>> = {},
    ) {
      const cell = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const display = /^\p{Script=Hangul}+$/u.test(given + surname)
        ? `${surname}${given}`
        : `${given} ${surname}`;
      return [
        id,
        given,
        surname,
        display,
        `${id.toLowerCase()}@example.com`,
        extra.title ?? 'Analyst',
        'Finance',
        extra.manager ?? '',
        extra.status ?? '',
        extra.container ?? staff,
        extra.groups ?? '',
      ]
        .map(cell)
        .join(',');
    }

    it('creates, updates, disables and moves directory entries from an HR file', async () => {
      const s = await startSlapd({ ldif: ouLdif(staff) + ouLdif(alumni) + ouLdif(teams) });
      slapd = s;
      const k = new AppKit();
      kit = k;
      const csv = join(k.dir.path, 'hr.csv');
      const write = (rows: string[]) => writeFileSync(csv, `${header}\n${rows.join('\n')}\n`);
      const rows = () => [
        row('E1', 'Ann', 'Lee', { groups: 'Finance team' }),
        row('E2', 'Min-jun', 'Kim, Jr.', { manager: 'E1', groups: 'Finance team' }),
        row('E3', '민준', '김'),
        row('E4', 'Zoë', 'A+B "Q"'),
      ];
      write(rows());
      await k.command('connections.create', {
        name: 'HR',
        kind: 'csv',
        settings: {
          path: csv,
          keyColumn: 'employeeId',
          managerColumn: 'manager',
          statusColumn: 'status',
          groupsColumn: 'groups',
          groupsSeparator: ';',
        },
      });
      await directoryConnection(s, { targetContainer: staff, groupContainer: teams });
      k.job({
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
              email: 'email',
              jobTitle: 'jobTitle',
              department: 'department',
              manager: 'manager',
              container: 'container',
            }),
          },
          {
            name: 'Groups',
            sourceObject: 'Group',
            targetObject: 'Group',
            attributeMappings: csvToLdapGroupMappings(),
          },
        ],
        targetSchema: ldapTargetSchemaFor('inetOrgPerson'),
        settings: { scope: 'all', maxConcurrency: 2 },
      });

      const first = await k.sync();
      expect(first.error).toBeNull();
      expect(first.counters).toMatchObject({ created: 5, failed: 0 });
      const entry = (cn: string, container = staff) =>
        s.search(container, `(cn=${cn.replace(/[()*\\]/g, (c) => `\\${c.charCodeAt(0).toString(16)}`)})`, [
          '*',
          'entryUUID',
        ]);
      const [ann] = await entry('Ann Lee');
      expect(ann).toMatchObject({
        employeeNumber: ['E1'],
        mail: ['e1@example.com'],
        title: ['Analyst'],
        departmentNumber: ['Finance'],
      });
      expect(ann?.['employeeType']).toBeUndefined();
      const [kim] = await entry('Min-jun Kim, Jr.');
      expect(kim?.['dn']).toEqual([`cn=Min-jun Kim\\2C Jr.,${staff}`]);
      expect(kim?.['manager']).toEqual([`cn=Ann Lee,${staff}`]);
      expect((await entry('김민준'))[0]?.['employeeNumber']).toEqual(['E3']);
      expect((await entry('Zoë A+B "Q"'))[0]?.['dn']).toEqual([`cn=Zo\u00eb A\\2BB \\22Q\\22,${staff}`]);
      const [team] = await entry('Finance team', teams);
      expect(team?.['member']?.sort()).toEqual(
        [`cn=Ann Lee,${staff}`, `cn=Min-jun Kim\\2C Jr.,${staff}`].sort(),
      );

      // Update: only the changed attribute is written.
      write([row('E1', 'Ann', 'Lee', { title: 'Controller', groups: 'Finance team' }), ...rows().slice(1)]);
      const second = await k.sync();
      expect(second.counters).toMatchObject({ updated: 1, failed: 0 });
      expect((await entry('Ann Lee'))[0]?.['title']).toEqual(['Controller']);

      // Disable: the HR status says so.
      write([
        row('E1', 'Ann', 'Lee', { title: 'Controller', status: 'Inactive', groups: 'Finance team' }),
        ...rows().slice(1),
      ]);
      const third = await k.sync();
      expect(third.counters).toMatchObject({ disabled: 1, failed: 0 });
      expect((await entry('Ann Lee'))[0]?.['employeeType']).toEqual(['disabled']);

      // Enable again and move: a new container value moves the entry; its id (entryUUID) stays.
      write([
        row('E1', 'Ann', 'Lee', { title: 'Controller', container: alumni, groups: 'Finance team' }),
        ...rows().slice(1),
      ]);
      const fourth = await k.sync();
      expect(fourth.counters).toMatchObject({ failed: 0 });
      expect(await entry('Ann Lee')).toEqual([]);
      const [moved] = await entry('Ann Lee', alumni);
      expect(moved?.['entryUUID']).toEqual(ann?.['entryUUID']);
      expect(moved?.['employeeType']).toBeUndefined();
      expect(k.targetIdOf('E1')).toBe(ann?.['entryUUID']?.[0]);
      // The group follows the move (OpenLDAP has no referential integrity here: Roster's own link holds).
      const [teamAfter] = await entry('Finance team', teams);
      expect(teamAfter?.['member']).toContain(`cn=Min-jun Kim\\2C Jr.,${staff}`);

      // A row gone from the file: the leaver is disabled in the directory.
      write(
        rows()
          .slice(0, 3)
          .map((r, i) =>
            i === 0
              ? row('E1', 'Ann', 'Lee', { title: 'Controller', container: alumni, groups: 'Finance team' })
              : r,
          ),
      );
      const fifth = await k.sync();
      expect(fifth.counters).toMatchObject({ disabled: 1, failed: 0 });
      expect((await entry('Zoë A+B "Q"'))[0]?.['employeeType']).toEqual(['disabled']);
    });
  });
});
