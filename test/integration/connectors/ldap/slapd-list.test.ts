/**
 * The LDAP target's list (listAll, ldap-list.ts) against a real OpenLDAP slapd: a paged subtree
 * search for the target's object classes, page by page, only the attributes asked for, the account
 * state from the disable attribute, and a server-side limit that fails the list instead of cutting it
 * short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ldapSettingsSchema } from '@shared/domain/connections';
import {
  isConnectorError,
  type TargetConnector,
  type TargetPage,
} from '../../../../src-main/connectors/connector';
import { createLdapTarget } from '../../../../src-main/connectors/ldap/ldap-target';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../../../peers/slapd-server';

const people = 'ou=People,dc=example,dc=com';
const teams = 'ou=Teams,dc=example,dc=com';
const userCount = 1203;

async function pagesOf(target: TargetConnector, type: 'User' | 'Group', paths: string[]) {
  if (!target.listAll) throw new Error('the LDAP target has no listAll');
  const pages: TargetPage[] = [];
  for await (const page of target.listAll(type, paths)) pages.push(page);
  return pages;
}

describe('LDAP target list against OpenLDAP slapd', () => {
  let peer: SlapdPeer;
  const opened: TargetConnector[] = [];

  function connector(extra: Record<string, unknown> = {}, account?: { bindDn: string; password: string }) {
    const target = createLdapTarget({
      settings: ldapSettingsSchema.parse({
        url: peer.url,
        bindDn: account?.bindDn ?? peer.bindDn,
        baseDn: peer.baseDn,
        targetContainer: people,
        groupContainer: teams,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
        ...extra,
      }),
      bindPassword: account?.password ?? peer.password,
      listPageSize: 500,
    });
    opened.push(target);
    return target;
  }

  beforeAll(async () => {
    peer = await startSlapd({
      readerTotalLimit: 1000,
      ldif:
        ouLdif(people) +
        usersLdif(userCount, people, (n) =>
          n === 7 ? 'employeeNumber: E7\nemployeeType: disabled\n' : `employeeNumber: E${n}\n`,
        ) +
        ouLdif(teams) +
        `dn: cn=Finance,${teams}\nobjectClass: groupOfNames\ncn: Finance\nmember: uid=user00001,${people}\n\n` +
        `dn: cn=Sales,${teams}\nobjectClass: groupOfNames\ncn: Sales\nmember: uid=user00002,${people}\n\n`,
    });
  });
  afterAll(async () => {
    for (const target of opened) await target.close?.();
    await peer?.stop();
  });

  it('lists every user in pages of the asked size, each with its entryUUID and only the paths asked for', async () => {
    const pages = await pagesOf(connector(), 'User', ['employeeNumber', 'mail', 'active']);

    expect(pages.map((p) => p.objects.length)).toEqual([500, 500, 203]);
    // A paged search does not count in advance: the list says it does not know its length.
    expect(pages.every((p) => p.total === null)).toBe(true);
    const users = pages.flatMap((p) => p.objects);
    expect(new Set(users.map((u) => u.id)).size).toBe(userCount);
    const [stored] = await peer.search(people, '(uid=user00007)', ['entryUUID']);
    const seventh = users.find((u) => u.id === stored?.['entryUUID']?.[0]);
    expect(seventh).toMatchObject({
      displayName: 'Given7 Family7',
      values: { employeeNumber: 'E7', mail: ['user00007@example.com'], active: false },
    });
    expect(Object.keys(seventh?.values ?? {}).sort()).toEqual(['active', 'employeeNumber', 'mail']);
    expect(users.filter((u) => u.values['active'] === true)).toHaveLength(userCount - 1);
    // The reader account is a `person`, not an inetOrgPerson: not one of this target's users.
    expect(users.some((u) => u.displayName === 'reader')).toBe(false);
  });

  it('lists the groups of the group object class only', async () => {
    const pages = await pagesOf(connector(), 'Group', ['cn']);
    // cn is the RDN: its value is the RDN's own.
    expect(pages.flatMap((p) => p.objects.map((g) => g.values['cn'])).sort()).toEqual(['Finance', 'Sales']);
  });

  it('says nothing about the account state when the connection names no disable attribute', async () => {
    const pages = await pagesOf(connector({ disableAttribute: '' }), 'User', ['employeeNumber', 'active']);
    const users = pages.flatMap((p) => p.objects);
    expect(users).toHaveLength(userCount);
    expect(users.every((u) => u.values['active'] === null)).toBe(true);
  });

  it('fails the list, never cuts it short, when the server stops paging half-way (size.prtotal)', async () => {
    const target = connector({}, peer.reader);
    const seen: number[] = [];
    const error = await (async () => {
      if (!target.listAll) throw new Error('the LDAP target has no listAll');
      for await (const page of target.listAll('User', ['employeeNumber'])) seen.push(page.objects.length);
      return null;
    })().catch((e: unknown) => e);

    expect(isConnectorError(error)).toBe(true);
    // Not stopCycle: matching in a cycle falls back to a query per object; discovery reports it.
    expect(error).toMatchObject({ errorClass: 'transient', code: 'SizeLimitExceeded' });
    expect((error as Error).message).toContain("Raise the bind account's size limit");
    expect(seen.reduce((a, b) => a + b, 0)).toBeLessThan(userCount);
  });
});
