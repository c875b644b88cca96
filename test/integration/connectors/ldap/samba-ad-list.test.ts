/**
 * The LDAP target's list on Active Directory (Samba's AD DC, test/peers/samba-ad.ts, needs root and
 * port 389): a paged search under the domain for AD's user and group classes, computers and
 * contacts left out (a computer is a `user` to AD, a contact a `person`), objectGUID ids, the account state from userAccountControl, and a
 * disable of a listed account through the same bit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ldapSettingsSchema } from '@shared/domain/connections';
import type { TargetConnector, TargetObjectState } from '../../../../src-main/connectors/connector';
import { createLdapTarget } from '../../../../src-main/connectors/ldap/ldap-target';
import { startSambaAd, type SambaAdPeer } from '../../../peers/samba-ad';

const staff = 'OU=Staff,DC=example,DC=com';
const teams = 'OU=Teams,DC=example,DC=com';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function listed(target: TargetConnector, type: 'User' | 'Group', paths: string[]) {
  if (!target.listAll) throw new Error('the LDAP target has no listAll');
  const pages: TargetObjectState[][] = [];
  for await (const page of target.listAll(type, paths)) pages.push(page.objects);
  return pages;
}

describe('LDAP target list on Active Directory (Samba AD DC)', () => {
  let ad: SambaAdPeer;
  let target: TargetConnector;

  beforeAll(async () => {
    ad = await startSambaAd();
    for (const ou of [staff, teams]) await ad.add(ou, { objectClass: 'organizationalUnit' });
    const user = (name: string, uac: string) =>
      ad.add(`CN=${name},${staff}`, {
        objectClass: 'user',
        sAMAccountName: name.toLowerCase(),
        displayName: `${name} Person`,
        // 544: NORMAL_ACCOUNT | PASSWD_NOTREQD (enabled without a password); 546 adds ACCOUNTDISABLE.
        userAccountControl: uac,
      });
    await user('Alice', '544');
    await user('Bob', '546');
    await ad.add(`CN=PC01,${staff}`, { objectClass: 'computer', sAMAccountName: 'PC01$' });
    // A contact is a person and an organizationalPerson, but no account.
    await ad.add(`CN=Supplier,${staff}`, { objectClass: 'contact', displayName: 'Supplier Contact' });
    await ad.add(`CN=Old team,${teams}`, { objectClass: 'group', member: `CN=Bob,${staff}` });
    target = createLdapTarget({
      settings: ldapSettingsSchema.parse({
        url: ad.url,
        bindDn: ad.bindDn,
        baseDn: ad.baseDn,
        targetContainer: staff,
        groupContainer: teams,
      }),
      bindPassword: ad.password,
      listPageSize: 2,
    });
  }, 180_000);
  afterAll(async () => {
    await target?.close?.();
    await ad?.stop();
  });

  it('lists the domain’s users in pages, without computers, with their state from userAccountControl', async () => {
    const pages = await listed(target, 'User', ['sAMAccountName', 'active']);
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.length).toBeGreaterThan(2);
    const users = pages.flat();
    const names = users.map((u) => String(u.values['sAMAccountName']));
    // Users of the whole domain: the ones made here and AD's own (Administrator in CN=Users).
    expect(names).toEqual(expect.arrayContaining(['alice', 'bob', 'Administrator']));
    // Neither the computer made here nor the domain controller's own account.
    expect(names.filter((n) => n.endsWith('$'))).toEqual([]);
    expect(users.some((u) => u.displayName === 'Supplier Contact')).toBe(false);
    expect(users.every((u) => guid.test(u.id))).toBe(true);
    const alice = users.find((u) => u.values['sAMAccountName'] === 'alice');
    const bob = users.find((u) => u.values['sAMAccountName'] === 'bob');
    expect(alice).toMatchObject({ displayName: 'Alice Person', values: { active: true } });
    expect(bob?.values['active']).toBe(false);

    // The account the list gave is disabled by its id, through bit 2 of userAccountControl.
    await target.setActive('User', alice?.id ?? '', false);
    const client = await ad.client();
    const { searchEntries } = await client.search(staff, {
      filter: '(sAMAccountName=alice)',
      attributes: ['userAccountControl'],
    });
    expect(Number(searchEntries[0]?.['userAccountControl'])).toBe(546);
  });

  it('lists the groups of AD’s group class', async () => {
    const groups = (await listed(target, 'Group', ['cn'])).flat();
    const names = groups.map((g) => g.values['cn']);
    expect(names).toEqual(expect.arrayContaining(['Old team', 'Domain Admins']));
    expect(names).not.toContain('PC01');
  });
});
