/**
 * Active Directory behaviour against a real AD-compatible server: Samba's AD DC
 * (test/peers/samba-ad.ts, needs root). objectGUID and objectSid rendering are checked against the
 * server's own `<GUID=…>` and `<SID=…>` DN forms, so a wrong byte order cannot pass; then
 * userAccountControl, FILETIME values, uSNChanged deltas with highestCommittedUSN, the show-deleted
 * control, ranged member retrieval, the in-chain matching rule, the target on AD, and (last) fast
 * deprovisioning's highestCommittedUSN poll through the real app and scheduler into scimmy.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import { ldapSettingsSchema } from '@shared/domain/connections';
import type { SourceObject } from '../../../../src-main/connectors/connector';
import { fileTimeToIso } from '../../../../src-main/connectors/ldap/ad-values';
import { readRangedValues } from '../../../../src-main/connectors/ldap/group-members';
import type { LdapSourceRead } from '../../../../src-main/connectors/ldap/ldap-read';
import { openSession } from '../../../../src-main/connectors/ldap/ldap-session';
import { createLdapSource, type LdapSourceConnector } from '../../../../src-main/connectors/ldap/ldap-source';
import { createLdapTarget } from '../../../../src-main/connectors/ldap/ldap-target';
import { textOf } from '../../../../src-main/connectors/ldap/ldap-entry';
import { adToScimUserMappings } from '../../../../src-main/connectors/ldap/default-mappings';
import { startSambaAd, type SambaAdPeer } from '../../../peers/samba-ad';
import { startScimmyServer } from '../../../peers/scimmy-server';
import { WatchKit } from '../../scheduler/watch-kit';
import { usePrivateKeyring } from '../../use-private-keyring';

const staff = 'OU=Staff,DC=example,DC=com';
const teams = 'OU=Teams,DC=example,DC=com';
const alumni = 'OU=Alumni,DC=example,DC=com';
const userDn = (name: string) => `CN=${name},${staff}`;
// 2024-01-01T00:00:00Z as a FILETIME: (1704067200 s + 11644473600 s) × 10^7.
const newYear2024 = '133485408000000000';
const never = '9223372036854775807';

async function readAll(read: LdapSourceRead): Promise<SourceObject[]> {
  const objects: SourceObject[] = [];
  for await (const page of read.pages) objects.push(...page);
  return objects;
}

describe('Active Directory behaviour (Samba AD DC)', () => {
  let ad: SambaAdPeer;
  let source: LdapSourceConnector;
  const signal = new AbortController().signal;
  const settings = () =>
    ldapSettingsSchema.parse({
      url: ad.url,
      bindDn: ad.bindDn,
      baseDn: ad.baseDn,
      userSearchBase: staff,
      groupSearchBase: teams,
      pageSize: 50,
      targetContainer: staff,
      groupContainer: teams,
    });

  beforeAll(async () => {
    ad = await startSambaAd();
    for (const ou of [staff, teams, alumni]) await ad.add(ou, { objectClass: 'organizationalUnit' });
    const user = (name: string, extra: Record<string, string> = {}) =>
      ad.add(userDn(name), {
        objectClass: 'user',
        sAMAccountName: name.toLowerCase().replace(/\W/g, ''),
        userPrincipalName: `${name.toLowerCase().replace(/\W/g, '.')}@example.com`,
        givenName: name.split(' ')[0] ?? name,
        sn: name.split(' ')[1] ?? name,
        displayName: name,
        // NORMAL_ACCOUNT | PASSWD_NOTREQD: enabled without a password (Roster never sets one).
        userAccountControl: '544',
        ...extra,
      });
    await user('Boss Person', { accountExpires: never });
    await user('Ann Lee', {
      manager: userDn('Boss Person'),
      accountExpires: newYear2024,
      mail: 'ann@example.com',
    });
    await user('Dis Abled', { userAccountControl: '546' });
    for (let n = 1; n <= 120; n++) await user(`Bulk ${n}`);
    await ad.add(`CN=Inner,${teams}`, { objectClass: 'group', member: userDn('Ann Lee') });
    await ad.add(`CN=Outer,${teams}`, {
      objectClass: 'group',
      member: [`CN=Inner,${teams}`, userDn('Boss Person')],
    });
    await ad.add(`CN=Everyone,${teams}`, {
      objectClass: 'group',
      member: Array.from({ length: 120 }, (_, i) => userDn(`Bulk ${i + 1}`)),
    });
    source = createLdapSource({ settings: settings(), bindPassword: ad.password });
  }, 180_000);
  afterAll(async () => {
    await ad?.stop();
  });

  it('is recognised as Active Directory, with its naming context and controls', async () => {
    const result = await source.testConnection();
    expect(result.ok).toBe(true);
    const detail = (label: string) => result.details.find((d) => d.label === label)?.value ?? '';
    expect(detail('Server type')).toBe('Active Directory');
    expect(detail('Default naming context')).toBe('DC=example,DC=com');
    expect(detail('Supported controls')).toContain('Show deleted (1.2.840.113556.1.4.417)');
  });

  it('discovers AD’s schema from CN=Aggregate', async () => {
    const schema = await source.discoverSchema();
    const find = (name: string) => schema.find((a) => a.objectType === 'User' && a.name === name);
    expect(find('userPrincipalName')).toMatchObject({ type: 'String', multiValued: false });
    expect(find('manager')).toMatchObject({ type: 'Reference', multiValued: false });
    expect(find('accountExpires')).toMatchObject({ type: 'DateTime' });
    expect(find('userAccountControl')).toMatchObject({ type: 'Integer' });
    expect(find('objectGUID')).toMatchObject({ type: 'String' });
    expect(find('unicodePwd')).toBeUndefined();
  });

  it('renders objectGUID and objectSid as the server itself names them', async () => {
    const objects = await readAll(await source.read({ objectTypes: ['User'], since: null, signal }));
    const ann = objects.find((o) => o.displayName === 'Ann Lee');
    if (!ann) throw new Error('Ann is missing');
    const session = await openSession({ settings: settings(), credentials: { bindPassword: ad.password } });
    try {
      const byGuid = await session.readEntry(`<GUID=${ann.anchor}>`, ['distinguishedName']);
      expect(byGuid?.dn).toBe(userDn('Ann Lee'));
      const sid = String(ann.attributes['objectSid']);
      expect(sid).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/);
      const bySid = await session.readEntry(`<SID=${sid}>`, ['distinguishedName']);
      expect(bySid?.dn).toBe(userDn('Ann Lee'));
    } finally {
      await session.close();
    }
    expect(ann.attributes['objectGUID']).toBe(ann.anchor);
  });

  it('reads userAccountControl, FILETIMEs and managers the AD way', async () => {
    const objects = await readAll(await source.read({ objectTypes: ['User'], since: null, signal }));
    const byName = new Map(objects.map((o) => [o.displayName, o]));
    const ann = byName.get('Ann Lee');
    const boss = byName.get('Boss Person');
    const disabled = byName.get('Dis Abled');
    expect(objects).toHaveLength(123);
    expect(ann?.attributes).toMatchObject({
      accountEnabled: true,
      userAccountControl: 544,
      accountExpires: '2024-01-01T00:00:00.000Z',
      manager: boss?.anchor,
      userPrincipalName: 'ann.lee@example.com',
    });
    expect(fileTimeToIso(newYear2024)).toBe('2024-01-01T00:00:00.000Z');
    expect(boss?.attributes['accountExpires']).toBeNull();
    expect(disabled).toMatchObject({ disabled: true });
    expect(disabled?.attributes['accountEnabled']).toBe(false);
    expect(ann?.attributes['pwdLastSet']).toBeNull(); // 0: "must change at next logon", no date
    expect(ann?.attributes['lastLogon']).toBeUndefined(); // logon bookkeeping is never read
  });

  it('reads deltas by uSNChanged with highestCommittedUSN as the watermark, and names deletions', async () => {
    const full = await source.read({ objectTypes: ['User'], since: null, signal });
    const all = await readAll(full);
    const first = JSON.parse((full.watermark() ?? '').slice(5)) as {
      by: string;
      position: string;
      server: string;
    };
    expect(first.by).toBe('usn');
    expect(first.server).toMatch(/CN=NTDS Settings/i);
    await ad.modify(userDn('Bulk 7'), 'replace', 'title', ['Changed']);
    const delta = await source.read({ objectTypes: ['User'], since: full.watermark(), signal });
    const changed = await readAll(delta);
    expect(delta.kind).toBe('delta');
    expect(changed.map((o) => o.displayName)).toEqual(['Bulk 7']);
    const second = JSON.parse((delta.watermark() ?? '').slice(5)) as { position: string };
    expect(BigInt(second.position)).toBeGreaterThan(BigInt(first.position));

    const gone = all.find((o) => o.displayName === 'Bulk 120');
    await ad.remove(userDn('Bulk 120'));
    const afterDelete = await source.read({ objectTypes: ['User'], since: delta.watermark(), signal });
    await readAll(afterDelete);
    // The show-deleted control names the deleted object: still a delta, with its anchor.
    expect(afterDelete.kind).toBe('delta');
    expect(afterDelete.deletedAnchors()).toEqual([gone?.anchor]);
  });

  it('retrieves large member lists in ranges (member;range=…)', async () => {
    const session = await openSession({ settings: settings(), credentials: { bindPassword: ad.password } });
    try {
      const names: string[] = [];
      const values = await readRangedValues(
        `CN=Everyone,${teams}`,
        'member',
        0,
        async (dn, description) => {
          const entry = await session.readEntry(dn, [description]);
          names.push(...[...(entry?.attributes.values() ?? [])].map((a) => a.name));
          return entry;
        },
        50,
      );
      // 120 members, less Bulk 120 deleted above.
      expect(values).toHaveLength(119);
      expect(new Set(values).size).toBe(119);
      expect(names).toEqual(['member;range=0-49', 'member;range=50-99', 'member;range=100-*']);
      expect(
        textOf(
          (await session.readEntry(`CN=Everyone,${teams}`, ['cn'])) ?? { dn: '', attributes: new Map() },
          'cn',
        ),
      ).toBe('Everyone');
    } finally {
      await session.close();
    }
    const groups = (
      await readAll(await source.read({ objectTypes: ['User', 'Group'], since: null, signal }))
    ).filter((o) => o.type === 'Group');
    expect(groups.find((g) => g.displayName === 'Everyone')?.members).toHaveLength(119); // Bulk 120 was deleted
  });

  it('resolves nested membership with the in-chain matching rule', async () => {
    const objects = await readAll(await source.read({ objectTypes: ['User', 'Group'], since: null, signal }));
    const outer = objects.find((o) => o.type === 'Group' && o.displayName === 'Outer');
    const inner = objects.find((o) => o.type === 'Group' && o.displayName === 'Inner');
    const anchorOf = (name: string) => objects.find((o) => o.displayName === name)?.anchor;
    expect(outer?.members?.sort()).toEqual([inner?.anchor, anchorOf('Boss Person')].sort());
    const effective = await source.effectiveMembers(`CN=Outer,${teams}`);
    expect(effective.map((m) => m.dn).sort()).toEqual([userDn('Ann Lee'), userDn('Boss Person')].sort());
  });

  it('writes to AD: objectGUID ids, userAccountControl bit 2, moves', async () => {
    const target = createLdapTarget({ settings: settings(), bindPassword: ad.password });
    try {
      expect((await target.testConnection({ userMatchPath: 'sAMAccountName', groups: true })).ok).toBe(true);
      const created = await target.create('User', {
        cn: 'New, Hire',
        sn: 'Hire',
        sAMAccountName: 'newhire',
        active: false,
      });
      expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const client = await ad.client();
      const uacOf = async () => {
        const { searchEntries } = await client.search(staff, {
          filter: '(sAMAccountName=newhire)',
          attributes: ['userAccountControl'],
        });
        return Number(searchEntries[0]?.['userAccountControl']);
      };
      expect(await uacOf()).toBe(514);
      await target.setActive('User', created.id, true);
      expect(await uacOf()).toBe(512);
      expect((await target.get('User', created.id, ['active'])).values['active']).toBe(true);
      await target.setActive('User', created.id, false);
      expect(await uacOf()).toBe(514);
      const [found] = await target.find('User', 'sAMAccountName', 'newhire', ['cn', '__container']);
      expect(found).toMatchObject({ id: created.id, values: { cn: 'New, Hire', __container: staff } });
      await target.update('User', created.id, [{ path: '__container', oldValue: staff, newValue: alumni }]);
      expect((await target.get('User', created.id, ['dn'])).values['dn']).toBe(`CN=New\\, Hire,${alumni}`);
      const group = await target.create('Group', { cn: 'Project X' });
      await target.modifyMembers(group.id, [created.id], []);
      const { searchEntries } = await client.search(teams, {
        filter: '(cn=Project X)',
        attributes: ['member'],
      });
      expect(searchEntries[0]?.['member']).toBe(`CN=New\\, Hire,${alumni}`);
    } finally {
      await target.close?.();
    }
  });

  // Last in the file: every other test's writes raise highestCommittedUSN too, and the quiet part
  // of this one needs a DC nobody else writes to.
  it('fast deprovisioning: a highestCommittedUSN poll starts the cycle that disables an AD leaver, and none while AD is quiet', async () => {
    const pollers = 'OU=Pollers,DC=example,DC=com';
    await ad.add(pollers, { objectClass: 'organizationalUnit' });
    for (let n = 1; n <= 5; n++)
      await ad.add(`CN=Poll ${n},${pollers}`, {
        objectClass: 'user',
        sAMAccountName: `poll${n}`,
        userPrincipalName: `poll${n}@example.com`,
        givenName: 'Poll',
        sn: String(n),
        displayName: `Poll ${n}`,
        userAccountControl: '544',
      });
    usePrivateKeyring();
    const kit = new WatchKit(await startScimmyServer(), { directoryPollMs: 1_000 });
    try {
      await kit.ok('connections.create', {
        name: 'AD',
        kind: 'ldap',
        settings: { url: ad.url, bindDn: ad.bindDn, baseDn: ad.baseDn, userSearchBase: pollers },
        secrets: { bindPassword: ad.password },
      });
      await kit.targetConnection();
      kit.job({
        name: 'AD → App',
        sourceConnection: 'AD',
        targetConnection: 'App',
        settings: { scope: 'all', intervalMinutes: 40 },
        objectMappings: [
          {
            name: 'Users',
            sourceObject: 'User',
            targetObject: 'User',
            attributeMappings: adToScimUserMappings(),
          },
        ],
        targetSchema: genericScimTargetSchema,
      });
      await kit.startJob();
      expect(kit.cycles().map((c) => [c.kind, c.status, c.counters.created])).toEqual([
        ['initial', 'completed', 5],
      ]);

      // Quiet: several polls read the root DSE and start nothing.
      await sleep(4_000);
      expect((await kit.detail()).sourceWatch).toEqual({ kind: 'poll', everySeconds: 1, by: 'usn' });
      expect(kit.cycles()).toHaveLength(1);
      expect(kit.warnings).toEqual([]);

      // A leaver: the account is disabled in AD (userAccountControl bit 2).
      const poll3 = kit.app.store.links.forJob(kit.jobId, 'User').find((l) => l.displayName === 'Poll 3');
      const targetId = kit.targetIdOf(poll3?.anchor ?? '');
      await ad.modify(`CN=Poll 3,${pollers}`, 'replace', 'userAccountControl', ['546']);
      const changed = performance.now();
      const arrived = await kit.writeArrival(targetId, 30_000);
      await kit.app.scheduler.idle();
      console.log(
        `AD leaver latency (userAccountControl → PATCH, highestCommittedUSN polled every 1 s): ${((arrived - changed) / 1000).toFixed(2)} s`,
      );
      expect(
        kit
          .cycles()
          .slice(1)
          .map((c) => [c.kind, c.initiatedBy, c.counters.disabled]),
      ).toEqual([['incremental', 'source change', 1]]);
      expect(kit.peer.storedUser(targetId)?.['active']).toBe(false);

      // Quiet again once the cycle stored the new USN.
      await sleep(4_000);
      expect(kit.cycles()).toHaveLength(2);
    } finally {
      await kit.stop();
    }
  }, 120_000);
});
