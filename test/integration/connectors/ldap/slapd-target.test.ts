/**
 * The LDAP target against a real OpenLDAP slapd: create under the container with an escaped DN,
 * update only what changed, disable/enable through the configured attribute, move and rename,
 * group membership, matching by attribute, and the error classes the engine acts on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ldapSettingsSchema } from '@shared/domain/connections';
import { isConnectorError, type TargetConnector } from '../../../../src-main/connectors/connector';
import { createLdapTarget } from '../../../../src-main/connectors/ldap/ldap-target';
import { parseDn } from '../../../../src-main/connectors/ldap/dn';
import { ouLdif, startSlapd, type SlapdPeer } from '../../../peers/slapd-server';

const staff = 'ou=Staff,dc=example,dc=com';
const alumni = 'ou=Alumni,dc=example,dc=com';
const teams = 'ou=Teams,dc=example,dc=com';
const paths = [
  'cn',
  'sn',
  'givenName',
  'mail',
  'title',
  'telephoneNumber',
  'employeeNumber',
  'active',
  '__container',
  'dn',
];

describe('LDAP target against OpenLDAP slapd', () => {
  let peer: SlapdPeer;
  let target: TargetConnector;

  function connector(extra: Record<string, unknown> = {}, password?: string): TargetConnector {
    return createLdapTarget({
      settings: ldapSettingsSchema.parse({
        url: peer.url,
        bindDn: peer.bindDn,
        baseDn: peer.baseDn,
        targetContainer: staff,
        groupContainer: teams,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
        ...extra,
      }),
      bindPassword: password ?? peer.password,
      maxMembersPerModify: 2,
    });
  }

  async function failure(promise: Promise<unknown>): Promise<{ errorClass: string; code: string }> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
    return { errorClass: error.errorClass, code: error.code };
  }

  beforeAll(async () => {
    peer = await startSlapd({ ldif: ouLdif(staff) + ouLdif(alumni) + ouLdif(teams) });
    target = connector();
  });
  afterAll(async () => {
    await target?.close?.();
    await peer?.stop();
  });

  it('passes the connection check and describes what it will do', async () => {
    const result = await target.testConnection({ userMatchPath: 'employeeNumber', groups: true });
    expect(result.ok).toBe(true);
    expect(result.details).toContainEqual({ label: 'User container', value: `${staff} (found)` });
    const discovery = await target.discover();
    expect(discovery.capabilities.softDelete).toBe(true);
    expect(discovery.schema.find((a) => a.name === 'manager')).toMatchObject({ type: 'Reference' });
    expect(discovery.schema.find((a) => a.name === 'carLicense')).toMatchObject({
      type: 'String',
      multiValued: true,
    });
    expect(discovery.schema.find((a) => a.name === 'userPassword')).toBeUndefined();
    const bad = await target.testConnection({ userMatchPath: '__container', groups: false });
    expect(bad.ok).toBe(false);
  });

  it('creates a user under the container, its id the entryUUID', async () => {
    const created = await target.create('User', {
      cn: 'Ann Lee',
      sn: 'Lee',
      givenName: 'Ann',
      mail: 'ann@example.com',
      employeeNumber: 'E0001',
      title: 'Engineer',
      active: true,
    });
    const entry = await peer.entry(`cn=Ann Lee,${staff}`);
    expect(entry?.['entryUUID']).toEqual([created.id]);
    expect(entry?.['sn']).toEqual(['Lee']);
    expect(entry?.['employeeType']).toBeUndefined();
    expect(entry?.['objectClass']).toEqual(['inetOrgPerson']);
    expect(created.values).toMatchObject({ cn: 'Ann Lee', active: true, employeeNumber: 'E0001' });
    const read = await target.get('User', created.id, paths);
    expect(read.values).toMatchObject({
      cn: 'Ann Lee',
      __container: staff,
      dn: `cn=Ann Lee,${staff}`,
      active: true,
    });
  });

  it('finds entries by attribute, with the value escaped (RFC 4515)', async () => {
    const [hit, ...rest] = await target.find('User', 'employeeNumber', 'E0001', paths);
    expect(rest).toEqual([]);
    expect(hit?.values['mail']).toEqual(['ann@example.com']);
    expect(await target.find('User', 'mail', 'ann@example.com', ['mail'])).toHaveLength(1);
    // A value with filter syntax in it matches literally, never as a wildcard or a sub-filter.
    expect(await target.find('User', 'employeeNumber', '*', paths)).toEqual([]);
    expect(await target.find('User', 'employeeNumber', 'E0001)(objectClass=*', paths)).toEqual([]);
    expect(await target.find('User', 'cn', 'a\\b(c)*', paths)).toEqual([]);
    expect((await failure(target.find('User', '__container', staff, paths))).code).toBe(
      'InvalidMatchingAttribute',
    );
  });

  it('updates only the changed values: replace, add and delete per attribute', async () => {
    const [ann] = await target.find('User', 'employeeNumber', 'E0001', paths);
    if (!ann) throw new Error('Ann is missing');
    await target.update('User', ann.id, [
      { path: 'title', oldValue: 'Engineer', newValue: 'Lead Engineer' },
      { path: 'mail', oldValue: ['ann@example.com'], newValue: ['ann@example.com', 'a.lee@example.com'] },
      { path: 'telephoneNumber', oldValue: null, newValue: '+1 555 0100' },
    ]);
    let entry = await peer.entry(`cn=Ann Lee,${staff}`);
    expect(entry?.['title']).toEqual(['Lead Engineer']);
    expect(entry?.['mail']).toEqual(['ann@example.com', 'a.lee@example.com']);
    expect(entry?.['telephoneNumber']).toEqual(['+1 555 0100']);
    // A value added in the directory by someone else stays: only the value Roster changed goes.
    await peer.addValues(`cn=Ann Lee,${staff}`, 'mail', 'other@example.com');
    await target.update('User', ann.id, [
      {
        path: 'mail',
        oldValue: ['ann@example.com', 'a.lee@example.com', 'other@example.com'],
        newValue: ['ann@example.com', 'other@example.com'],
      },
      { path: 'telephoneNumber', oldValue: '+1 555 0100', newValue: '' },
      { path: 'title', oldValue: null, newValue: ['Staff'], addOnly: true },
    ]);
    entry = await peer.entry(`cn=Ann Lee,${staff}`);
    expect(entry?.['mail']).toEqual(['ann@example.com', 'other@example.com']);
    expect(entry?.['telephoneNumber']).toBeUndefined();
    expect(entry?.['title']).toEqual(['Lead Engineer', 'Staff']);
    // Clearing an attribute that is already absent is not an error.
    await target.update('User', ann.id, [{ path: 'telephoneNumber', oldValue: null, newValue: '' }]);
  });

  it('disables and enables through the configured attribute/value pair', async () => {
    const [ann] = await target.find('User', 'employeeNumber', 'E0001', ['active']);
    if (!ann) throw new Error('Ann is missing');
    await target.setActive('User', ann.id, false);
    expect((await peer.entry(`cn=Ann Lee,${staff}`))?.['employeeType']).toEqual(['disabled']);
    expect((await target.get('User', ann.id, ['active'])).values['active']).toBe(false);
    await target.update('User', ann.id, [{ path: 'active', oldValue: false, newValue: true }]);
    expect((await peer.entry(`cn=Ann Lee,${staff}`))?.['employeeType']).toBeUndefined();
    expect((await target.get('User', ann.id, ['active'])).values['active']).toBe(true);
    // Created disabled: the attribute is written with the entry.
    const off = await target.create('User', { cn: 'Off Boarded', sn: 'Boarded', active: false });
    expect((await peer.entry(`cn=Off Boarded,${staff}`))?.['employeeType']).toEqual(['disabled']);
    expect(off.values['active']).toBe(false);
  });

  it('moves an entry when its container changes and renames it when its RDN value changes; the id stays', async () => {
    const [ann] = await target.find('User', 'employeeNumber', 'E0001', paths);
    if (!ann) throw new Error('Ann is missing');
    await target.update('User', ann.id, [
      { path: '__container', oldValue: staff, newValue: alumni.toUpperCase() },
    ]);
    expect(await peer.entry(`cn=Ann Lee,${staff}`)).toBeNull();
    expect((await peer.entry(`cn=Ann Lee,${alumni}`))?.['entryUUID']).toEqual([ann.id]);
    await target.update('User', ann.id, [
      { path: 'cn', oldValue: 'Ann Lee', newValue: 'Ann Lee-Park' },
      { path: 'sn', oldValue: 'Lee', newValue: 'Lee-Park' },
    ]);
    const renamed = await target.get('User', ann.id, paths);
    expect(renamed.values).toMatchObject({ cn: 'Ann Lee-Park', sn: ['Lee-Park'], __container: alumni });
    expect((await peer.entry(`cn=Ann Lee-Park,${alumni}`))?.['cn']).toEqual(['Ann Lee-Park']);
    // The same container spelled differently is no move.
    await target.update('User', ann.id, [
      { path: '__container', oldValue: alumni, newValue: ' OU=Alumni, DC=example, DC=com' },
    ]);
    expect((await target.get('User', ann.id, ['dn'])).values['dn']).toBe(`cn=Ann Lee-Park,${alumni}`);
  });

  it('escapes DNs (RFC 4514): commas, plus signs, quotes, leading #/space, non-ASCII letters', async () => {
    const names = [
      'Kim, Min-jun',
      'A+B',
      '"Quoted"',
      '김민준',
      'Zoë',
      '#hash',
      ' leading space',
      'trailing space ',
      'semi;colon<>',
      'back\\slash',
    ];
    for (const name of names) {
      const created = await target.create('User', { cn: name, sn: 'Escaped' });
      const state = await target.get('User', created.id, ['cn', 'dn', '__container']);
      expect(state.values['cn']).toBe(name);
      expect(state.values['__container']).toBe(staff);
      const rdn = parseDn(String(state.values['dn']))[0];
      expect(rdn?.value).toBe(name);
      const [found] = await peer.search(staff, `(entryUUID=${created.id})`, ['cn']);
      expect(found?.['cn']).toEqual([name]);
      expect(await target.find('User', 'cn', name, ['cn'])).toHaveLength(1);
    }
    // A rename to a name with a comma goes through modifyDN too.
    const [kim] = await target.find('User', 'cn', 'Kim, Min-jun', ['cn']);
    if (!kim) throw new Error('Kim is missing');
    await target.update('User', kim.id, [
      { path: 'cn', oldValue: 'Kim, Min-jun', newValue: 'Kim, Min-jun (HR)' },
    ]);
    expect((await target.get('User', kim.id, ['cn'])).values['cn']).toBe('Kim, Min-jun (HR)');
  });

  it('adds and removes group members as user DNs, in chunks, keeping groupOfNames valid', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push((await target.create('User', { cn: `Member ${n}`, sn: 'Member' })).id);
    const group = await target.create('Group', { cn: 'Team, Alpha' });
    expect((await peer.entry(`cn=Team\\2C Alpha,${teams}`))?.['member']).toEqual(['']);
    await target.modifyMembers(group.id, ids, []);
    let entry = await peer.entry(`cn=Team\\2C Alpha,${teams}`);
    expect(entry?.['member']?.sort()).toEqual([1, 2, 3].map((n) => `cn=Member ${n},${staff}`).sort());
    // Adding a member who is already there is fine (§7.2).
    await target.modifyMembers(group.id, [ids[0] as string], [ids[1] as string]);
    entry = await peer.entry(`cn=Team\\2C Alpha,${teams}`);
    expect(entry?.['member']?.sort()).toEqual([`cn=Member 1,${staff}`, `cn=Member 3,${staff}`]);
    await target.modifyMembers(group.id, [], [ids[0] as string, ids[2] as string]);
    expect((await peer.entry(`cn=Team\\2C Alpha,${teams}`))?.['member']).toEqual(['']);
    await target.modifyMembers(group.id, [ids[1] as string], []);
    expect((await peer.entry(`cn=Team\\2C Alpha,${teams}`))?.['member']).toEqual([`cn=Member 2,${staff}`]);
  });

  it('writes a manager reference as the manager’s DN', async () => {
    const boss = await target.create('User', { cn: 'The Boss', sn: 'Boss' });
    const report = await target.create('User', { cn: 'The Report', sn: 'Report' });
    await target.update('User', report.id, [
      { path: 'manager', oldValue: null, newValue: boss.id, reference: { objectType: 'User' } },
    ]);
    expect((await peer.entry(`cn=The Report,${staff}`))?.['manager']).toEqual([`cn=The Boss,${staff}`]);
  });

  it('classifies failures: conflict, not found, constraint, credentials', async () => {
    expect(
      await failure(target.create('User', { cn: 'Ann Lee-Park', sn: 'x', __container: alumni })),
    ).toEqual({
      errorClass: 'objectRejected',
      code: 'EntryConflict',
    });
    expect(await failure(target.get('User', '00000000-0000-0000-0000-000000000000', paths))).toEqual({
      errorClass: 'notFound',
      code: 'InvalidAnchor',
    });
    expect(await failure(target.create('User', { cn: 'No Surname' }))).toEqual({
      errorClass: 'objectRejected',
      code: 'ObjectClassViolation',
    });
    expect(await failure(target.create('User', { sn: 'Nameless' }))).toEqual({
      errorClass: 'objectRejected',
      code: 'MandatoryFieldsMissing',
    });
    const locked = connector({}, 'not-the-password');
    expect(await failure(locked.create('User', { cn: 'X', sn: 'X' }))).toEqual({
      errorClass: 'stopCycle',
      code: 'InvalidCredentials',
    });
    await locked.close?.();
    const noDisable = connector({ disableAttribute: undefined });
    const [someone] = await noDisable.find('User', 'cn', 'The Boss', ['cn']);
    expect(noDisable.capabilities().softDelete).toBe(false);
    expect((await failure(noDisable.setActive('User', someone?.id ?? '', false))).code).toBe(
      'DisableNotConfigured',
    );
    await noDisable.close?.();
  });

  it('deletes by id; deleting again is not an error', async () => {
    const gone = await target.create('User', { cn: 'Short Lived', sn: 'Lived' });
    await target.delete('User', gone.id);
    expect(await peer.entry(`cn=Short Lived,${staff}`)).toBeNull();
    await target.delete('User', gone.id);
  });
});
