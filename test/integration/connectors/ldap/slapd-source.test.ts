/**
 * The LDAP source against a real OpenLDAP slapd (test/peers/slapd-server.ts): Test connection,
 * schema discovery, a paged read of 5,000 users, nested and large groups, delta reads by entryCSN,
 * deletions found by a full read, the full-read cadence, and reads that fail half-way.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ldapSettingsSchema } from '@shared/domain/connections';
import { isConnectorError, type SourceObject } from '../../../../src-main/connectors/connector';
import { createLdapSource, type LdapSourceConnector } from '../../../../src-main/connectors/ldap/ldap-source';
import type { LdapSourceRead } from '../../../../src-main/connectors/ldap/ldap-read';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../../../peers/slapd-server';

const people = 'ou=People,dc=example,dc=com';
const groups = 'ou=Groups,dc=example,dc=com';
const userDn = (n: number) => `uid=user${String(n).padStart(5, '0')},${people}`;
const userCount = 5000;
const bigGroupSize = 1200;

function seed(): string {
  const managers = (n: number) => {
    if (n === 1) return '';
    if (n === 4) return `manager: uid=nobody,ou=Elsewhere,dc=example,dc=com\n`;
    return `manager: ${userDn(1)}\n`;
  };
  const members = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `member: ${userDn(from + i)}\n`).join('');
  return (
    ouLdif(people) +
    usersLdif(userCount, people, managers) +
    ouLdif(groups) +
    `dn: cn=All staff,${groups}\nobjectClass: groupOfNames\ncn: All staff\nmember: ${userDn(2)}\nmember: cn=Sub team,${groups}\n\n` +
    `dn: cn=Sub team,${groups}\nobjectClass: groupOfNames\ncn: Sub team\nmember: ${userDn(3)}\nmember: cn=Loop,${groups}\n\n` +
    `dn: cn=Loop,${groups}\nobjectClass: groupOfNames\ncn: Loop\nmember: cn=Sub team,${groups}\nmember: ${userDn(5)}\n\n` +
    `dn: cn=Big,${groups}\nobjectClass: groupOfNames\ncn: Big\n${members(1, bigGroupSize)}\n`
  );
}

async function readAll(read: LdapSourceRead): Promise<{ objects: SourceObject[]; pages: number }> {
  const objects: SourceObject[] = [];
  let pages = 0;
  for await (const page of read.pages) {
    pages++;
    objects.push(...page);
  }
  return { objects, pages };
}

describe('LDAP source against OpenLDAP slapd', () => {
  let peer: SlapdPeer;
  let source: LdapSourceConnector;
  const signal = new AbortController().signal;

  function connector(
    extra: Record<string, unknown> = {},
    credentials?: { bindDn: string; password: string },
  ) {
    return createLdapSource({
      settings: ldapSettingsSchema.parse({
        url: peer.url,
        bindDn: credentials?.bindDn ?? peer.bindDn,
        baseDn: peer.baseDn,
        userSearchBase: people,
        groupSearchBase: groups,
        pageSize: 500,
        ...extra,
      }),
      bindPassword: credentials?.password ?? peer.password,
    });
  }

  beforeAll(async () => {
    peer = await startSlapd({ ldif: seed(), readerTotalLimit: 1000 });
    source = connector();
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it('tests the connection: OpenLDAP, its naming context and controls', async () => {
    const result = await source.testConnection();
    expect(result.ok).toBe(true);
    expect(result.summary).toContain('OpenLDAP');
    expect(result.summary).toContain('dc=example,dc=com');
    const detail = (label: string) => result.details.find((d) => d.label === label)?.value ?? '';
    expect(detail('Server type')).toBe('OpenLDAP');
    expect(detail('Naming contexts')).toBe('dc=example,dc=com');
    expect(detail('Supported controls')).toContain('Paged results (1.2.840.113556.1.4.319)');
    expect(detail('User search base')).toContain('the filter matches entries');
  });

  it('reports a wrong password as a failed test, naming the cause', async () => {
    const result = await connector({}, { bindDn: peer.bindDn, password: 'wrong' }).testConnection();
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('InvalidCredentials');
    expect(result.summary).toMatch(/bind DN or password was refused/);
  });

  it('discovers the schema from the subschema subentry, typed', async () => {
    const schema = await source.discoverSchema();
    const find = (type: 'User' | 'Group', name: string) =>
      schema.find((a) => a.objectType === type && a.name === name);
    expect(find('User', 'mail')).toMatchObject({ type: 'String', multiValued: true });
    expect(find('User', 'manager')).toMatchObject({ type: 'Reference', referencedObject: 'User' });
    expect(find('User', 'preferredLanguage')).toMatchObject({ type: 'String', multiValued: false });
    expect(find('User', 'jpegPhoto')).toMatchObject({ type: 'Binary' });
    expect(find('User', 'entryUUID')).toMatchObject({ type: 'String' });
    expect(find('User', 'accountEnabled')).toMatchObject({ type: 'Boolean' });
    expect(find('User', 'userPassword')).toBeUndefined();
    expect(find('Group', 'members')).toMatchObject({ type: 'Reference', multiValued: true });
  });

  it('reads 5,000 users in pages, with anchors, typed values and managers as anchors', async () => {
    const started = performance.now();
    const read = await source.read({ objectTypes: ['User'], since: null, signal });
    const { objects, pages } = await readAll(read);
    const ms = performance.now() - started;
    console.log(`LDAP paged read of ${objects.length} users (page size 500): ${Math.round(ms)} ms`);
    expect(read.kind).toBe('full');
    expect(read.expectedCount).toBe(userCount);
    expect(objects).toHaveLength(userCount);
    expect(pages).toBeGreaterThanOrEqual(userCount / 500);
    expect(new Set(objects.map((o) => o.anchor)).size).toBe(userCount);

    const byUid = new Map(objects.map((o) => [String(o.attributes['uid']), o]));
    const first = byUid.get('user00001');
    const second = byUid.get('user00002');
    expect(first?.anchor).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(second).toMatchObject({
      type: 'User',
      displayName: 'Given2 Family2',
      disabled: false,
      origin: userDn(2),
    });
    expect(second?.attributes).toMatchObject({
      sn: ['Family2'],
      mail: ['user00002@example.com'],
      manager: [first?.anchor],
      accountEnabled: true,
      dn: userDn(2),
    });
    expect(second?.attributes['userPassword']).toBeUndefined();
    expect(second?.hash).toMatch(/^[0-9a-f]{64}$/);
    // A manager outside the read is a warning, not a failure; the value is left out.
    expect(byUid.get('user00004')?.attributes['manager']).toBeNull();
    expect(read.warnings()).toEqual([
      expect.objectContaining({
        code: 'UnknownReference',
        location: 'uid=nobody,ou=Elsewhere,dc=example,dc=com',
      }),
    ]);
    expect(read.watermark()).toMatch(/^ldap:\{"by":"csn"/);
  });

  it('gives groups their direct members, nested groups included, and a large group whole', async () => {
    const read = await source.read({ objectTypes: ['User', 'Group'], since: null, signal });
    const { objects } = await readAll(read);
    const users = new Map(objects.filter((o) => o.type === 'User').map((o) => [o.origin, o.anchor]));
    const groupsByName = new Map(objects.filter((o) => o.type === 'Group').map((o) => [o.displayName, o]));
    const all = groupsByName.get('All staff');
    const sub = groupsByName.get('Sub team');
    const loop = groupsByName.get('Loop');
    expect(all?.members?.sort()).toEqual([users.get(userDn(2)), sub?.anchor].sort());
    expect(sub?.members?.sort()).toEqual([users.get(userDn(3)), loop?.anchor].sort());
    expect(all?.attributes['displayName']).toBe('All staff');
    const big = groupsByName.get('Big');
    expect(big?.members).toHaveLength(bigGroupSize);
    expect(big?.members?.length).toBeGreaterThan(500);

    // At any depth, each group visited once: the Sub team ↔ Loop cycle is harmless.
    const effective = await source.effectiveMembers(`cn=All staff,${groups}`);
    expect(effective.map((m) => m.dn).sort()).toEqual([userDn(2), userDn(3), userDn(5)].sort());
  });

  it('lists one level of the tree for the base-DN browser', async () => {
    const roots = await source.listChildren('');
    expect(roots.entries).toEqual([
      {
        dn: 'dc=example,dc=com',
        rdn: 'dc=example',
        objectClass: ['dcObject', 'organization'],
        hasChildren: true,
      },
    ]);
    const level = await source.listChildren('dc=example,dc=com');
    expect(level.entries.map((e) => [e.rdn, e.hasChildren])).toEqual([
      ['cn=reader', false],
      ['ou=Groups', true],
      ['ou=People', true],
    ]);
    const capped = await source.listChildren(people, 10);
    expect(capped.entries).toHaveLength(10);
    expect(capped.truncated).toBe(true);
  });

  it('reads only the entries changed since the watermark, and advances it', async () => {
    const full = await source.read({ objectTypes: ['User'], since: null, signal });
    await readAll(full);
    const before = full.watermark();
    await peer.replace(userDn(10), 'title', 'Manager');
    await peer.replace(userDn(20), 'telephoneNumber', '+82 2 1234 5678');
    await peer.replace(userDn(30), 'displayName', 'Thirty');
    const delta = await source.read({ objectTypes: ['User'], since: before, signal });
    const { objects } = await readAll(delta);
    expect(delta.kind).toBe('delta');
    expect(objects.map((o) => o.origin).sort()).toEqual([userDn(10), userDn(20), userDn(30)]);
    expect(objects.find((o) => o.origin === userDn(10))?.attributes['title']).toEqual(['Manager']);
    const after = delta.watermark();
    expect(after).not.toBe(before);
    expect(JSON.parse((after ?? '').slice(5))).toMatchObject({ by: 'csn', deltas: 1, objects: userCount });

    // Nothing changed since: an empty delta.
    const quiet = await source.read({ objectTypes: ['User'], since: after, signal });
    expect((await readAll(quiet)).objects).toEqual([]);
    expect(quiet.kind).toBe('delta');
  });

  it('answers a deletion with a full read, so the engine compares anchors', async () => {
    const full = await source.read({ objectTypes: ['User'], since: null, signal });
    const anchorOf = new Map((await readAll(full)).objects.map((o) => [o.origin, o.anchor]));
    await peer.remove(userDn(4999));
    const next = await source.read({ objectTypes: ['User'], since: full.watermark(), signal });
    const { objects } = await readAll(next);
    expect(next.kind).toBe('full');
    expect(next.reason).toMatch(/1 object\(s\) left/);
    expect(objects).toHaveLength(userCount - 1);
    expect(objects.some((o) => o.anchor === anchorOf.get(userDn(4999)))).toBe(false);
    // A new entry is no deletion: the delta goes on.
    await peer.add(`uid=newcomer,${people}`, {
      objectClass: 'inetOrgPerson',
      uid: 'newcomer',
      cn: 'New Comer',
      sn: 'Comer',
    });
    const after = await source.read({ objectTypes: ['User'], since: next.watermark(), signal });
    expect(after.kind).toBe('delta');
    expect((await readAll(after)).objects.map((o) => o.origin)).toEqual([`uid=newcomer,${people}`]);
  });

  it('reads everything every N cycles (the full-read cadence)', async () => {
    const every2 = connector({ fullReadEveryCycles: 2 });
    const first = await every2.read({ objectTypes: ['User'], since: null, signal });
    await readAll(first);
    const second = await every2.read({ objectTypes: ['User'], since: first.watermark(), signal });
    await readAll(second);
    expect(second.kind).toBe('delta');
    const third = await every2.read({ objectTypes: ['User'], since: second.watermark(), signal });
    await readAll(third);
    expect(third.kind).toBe('full');
    expect(third.reason).toMatch(/every 2 cycles/);
  });

  it('stops the cycle when the server cuts a paged read at its size limit', async () => {
    const limited = connector({}, peer.reader);
    const read = limited.read({ objectTypes: ['User'], since: null, signal });
    const error = await read.then(readAll).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.errorClass).toBe('stopCycle');
    expect(isConnectorError(error) && error.code).toBe('SizeLimitExceeded');
  });

  it('stops the cycle when the connection drops half-way through paging', async () => {
    const read = await source.read({ objectTypes: ['User'], since: null, signal });
    const iterator = read.pages[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    await peer.kill();
    const error = await (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return null;
      }
    })().catch((e: unknown) => e);
    expect(isConnectorError(error) && error.errorClass).toBe('stopCycle');
    await peer.restart();
    await sleep(100);
    expect((await source.testConnection()).ok).toBe(true);
  });
});
