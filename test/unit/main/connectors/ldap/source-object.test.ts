/**
 * An entry → a SourceObject. The AD entry is recorded from the Samba AD DC run (raw values as the
 * server sent them: objectGUID and objectSid bytes, FILETIME and userAccountControl as decimal text).
 */
import { describe, expect, it } from 'vitest';
import { AttributeCatalog } from '../../../../../src-main/connectors/ldap/attribute-catalog';
import type { LdapEntry, RawValue } from '../../../../../src-main/connectors/ldap/ldap-entry';
import { parseAttributeType } from '../../../../../src-main/connectors/ldap/schema-descriptions';
import { toSourceObject, type ObjectContext } from '../../../../../src-main/connectors/ldap/source-object';

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

function entry(dn: string, attributes: Record<string, RawValue[]>): LdapEntry {
  return {
    dn,
    attributes: new Map(
      Object.entries(attributes).map(([name, values]) => [name.toLowerCase(), { name, values }]),
    ),
  };
}

const catalog = new AttributeCatalog(
  [
    "( 0.9.2342.19200300.100.1.10 NAME 'manager' SYNTAX '1.3.6.1.4.1.1466.115.121.1.12' SINGLE-VALUE )",
    "( 1.2.840.113556.1.4.159 NAME 'accountExpires' SYNTAX '1.2.840.113556.1.4.906' SINGLE-VALUE )",
    "( 1.2.840.113556.1.4.96 NAME 'pwdLastSet' SYNTAX '1.2.840.113556.1.4.906' SINGLE-VALUE )",
    "( 1.2.840.113556.1.4.2 NAME 'objectGUID' SYNTAX '1.3.6.1.4.1.1466.115.121.1.40' SINGLE-VALUE NO-USER-MODIFICATION )",
    "( 1.2.840.113556.1.4.146 NAME 'objectSid' SYNTAX '1.3.6.1.4.1.1466.115.121.1.40' SINGLE-VALUE )",
    "( 1.2.840.113556.1.4.8 NAME 'userAccountControl' SYNTAX '1.3.6.1.4.1.1466.115.121.1.27' SINGLE-VALUE )",
    "( 1.2.840.113556.1.4.656 NAME 'userPrincipalName' SYNTAX '1.3.6.1.4.1.1466.115.121.1.15' SINGLE-VALUE )",
    "( 2.5.4.3 NAME 'cn' SYNTAX '1.3.6.1.4.1.1466.115.121.1.15' SINGLE-VALUE )",
    "( 2.5.4.31 NAME 'member' SYNTAX '1.3.6.1.4.1.1466.115.121.1.12' )",
  ].map(parseAttributeType),
);

function context(
  serverType: ObjectContext['serverType'],
  known: Record<string, string>,
  disableRule: ObjectContext['disableRule'] = null,
) {
  const unresolved: string[] = [];
  const ctx: ObjectContext = {
    serverType,
    catalog,
    anchorAttribute: serverType === 'activeDirectory' ? 'objectGUID' : 'entryUUID',
    disableRule,
    resolveDn: (dn) => known[dn.toLowerCase()] ?? null,
    unresolved: (_attribute, dn) => unresolved.push(dn),
  };
  return { ctx, unresolved };
}

describe('AD entry → source object', () => {
  const ann = entry('CN=Ann Lee,OU=Staff,DC=example,DC=com', {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    cn: ['Ann Lee'],
    objectGUID: [hex('53 15 51 0c db 0e e1 4a 98 dc 91 f5 0b 51 71 61')],
    objectSid: [hex('01 05 00 00 00 00 00 05 15 00 00 00 62 86 ff 59 80 f9 95 d5 d0 e2 e3 79 4e 04 00 00')],
    userAccountControl: ['546'],
    accountExpires: ['133485408000000000'],
    pwdLastSet: ['0'],
    lastLogon: ['0'],
    uSNChanged: ['3993'],
    userPrincipalName: ['ann@example.com'],
    manager: ['CN=Boss,OU=Staff,DC=example,DC=com'],
  });

  it('renders the anchor, SID, dates and the disabled flag', () => {
    const { ctx } = context('activeDirectory', { 'cn=boss,ou=staff,dc=example,dc=com': 'boss-guid' });
    const object = toSourceObject('User', ann, ctx);
    expect(object).toMatchObject({
      anchor: '0c511553-0edb-4ae1-98dc-91f50b517161',
      disabled: true,
      displayName: 'Ann Lee',
    });
    expect(object.attributes).toEqual({
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      cn: 'Ann Lee',
      objectGUID: '0c511553-0edb-4ae1-98dc-91f50b517161',
      objectSid: 'S-1-5-21-1509918306-3583375744-2044977872-1102',
      userAccountControl: 546,
      accountExpires: '2024-01-01T00:00:00.000Z',
      pwdLastSet: null,
      userPrincipalName: 'ann@example.com',
      manager: 'boss-guid',
      dn: 'CN=Ann Lee,OU=Staff,DC=example,DC=com',
      accountEnabled: false,
    });
  });

  it('keeps the hash stable across replication bookkeeping, and changes it with content', () => {
    const { ctx } = context('activeDirectory', {});
    const base = toSourceObject('User', ann, ctx).hash;
    const replicated = entry(ann.dn, {
      ...Object.fromEntries([...ann.attributes.values()].map((a) => [a.name, a.values])),
      uSNChanged: ['5000'],
      lastLogon: ['133485408000000001'],
    });
    expect(toSourceObject('User', replicated, ctx).hash).toBe(base);
    const renamed = entry(ann.dn, {
      ...Object.fromEntries([...ann.attributes.values()].map((a) => [a.name, a.values])),
      cn: ['Ann Lee-Park'],
    });
    expect(toSourceObject('User', renamed, ctx).hash).not.toBe(base);
  });

  it('hashes only the attributes the job reads, whatever order the server sends them in', () => {
    const { ctx } = context('activeDirectory', {});
    const read: ObjectContext = { ...ctx, hashedAttributes: { User: new Set(['cn', 'userprincipalname']) } };
    const attributes = Object.fromEntries([...ann.attributes.values()].map((a) => [a.name, a.values]));
    const base = toSourceObject('User', ann, read).hash;
    const reordered = entry(ann.dn, Object.fromEntries(Object.entries(attributes).reverse()));
    expect(toSourceObject('User', reordered, read).hash).toBe(base);
    // Same names (the remembered keys), another value: a read attribute counts, an unread one does not.
    const renamed = entry(ann.dn, { ...attributes, cn: ['Ann Lee-Park'] });
    expect(toSourceObject('User', renamed, read).hash).not.toBe(base);
    const unread = entry(ann.dn, { ...attributes, accountExpires: ['0'] });
    expect(toSourceObject('User', unread, read).hash).toBe(base);
    expect(toSourceObject('User', unread, ctx).hash).not.toBe(toSourceObject('User', ann, ctx).hash);
  });

  it('reports a manager outside the read and leaves the value out', () => {
    const { ctx, unresolved } = context('activeDirectory', {});
    expect(toSourceObject('User', ann, ctx).attributes['manager']).toBeNull();
    expect(unresolved).toEqual(['CN=Boss,OU=Staff,DC=example,DC=com']);
  });

  it('stops on an entry without an anchor', () => {
    const { ctx } = context('activeDirectory', {});
    expect(() => toSourceObject('User', entry('CN=x,DC=y', { cn: ['x'] }), ctx)).toThrow(/has no objectGUID/);
  });
});

describe('OpenLDAP entries', () => {
  it('uses the configured disable attribute, and gives groups member anchors and a displayName', () => {
    const { ctx } = context(
      'openldap',
      { 'uid=a,dc=x': 'a-uuid', 'cn=sub,dc=x': 'sub-uuid' },
      { attribute: 'employeeType', value: 'disabled' },
    );
    const user = toSourceObject(
      'User',
      entry('uid=a,dc=x', { entryUUID: ['a-uuid'], cn: ['A'], employeeType: ['Disabled'] }),
      ctx,
    );
    expect(user.disabled).toBe(true);
    const group = toSourceObject(
      'Group',
      entry('cn=team,dc=x', {
        entryUUID: ['team-uuid'],
        cn: ['team'],
        member: ['uid=a,dc=x', 'cn=sub,dc=x'],
      }),
      ctx,
      ['uid=a,dc=x', 'cn=sub,dc=x', ''],
    );
    expect(group.members).toEqual(['a-uuid', 'sub-uuid']);
    expect(group.attributes['displayName']).toBe('team');
    expect(group.attributes['member']).toBeUndefined();
    expect(group.attributes['accountEnabled']).toBeUndefined();
  });
});
