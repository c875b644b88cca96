import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryLevel } from '@shared/domain/directory';
import type { JobConfig } from '@shared/domain/jobs';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../../peers/slapd-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

/** The base-DN browser and the default mappings of a new job, through the app's commands. */
describe('LDAP connections in the app', () => {
  const dir = makeTempDir('roster-ldap-app-');
  let peer: SlapdPeer;
  let app: RosterApp;
  let ldapId = '';

  async function ok<T>(command: string, input: unknown): Promise<T> {
    const result = await app.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value as T;
  }

  beforeAll(async () => {
    usePrivateKeyring();
    peer = await startSlapd({
      ldif:
        ouLdif('ou=People,dc=example,dc=com') +
        usersLdif(3, 'ou=People,dc=example,dc=com') +
        ouLdif('ou=Staff,dc=example,dc=com'),
    });
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      logger: { info() {}, warn() {}, error() {} },
    });
    ldapId = (
      await ok<{ id: string }>('connections.create', {
        name: 'Directory',
        kind: 'ldap',
        settings: { url: peer.url, bindDn: peer.bindDn, baseDn: peer.baseDn },
        secrets: { bindPassword: peer.password },
      })
    ).id;
    writeFileSync(
      join(dir.path, 'hr.csv'),
      'employeeId,First Name,Last Name,E-mail,Job Title,Manager\nE1,Ann,Lee,ann@example.com,CEO,\n',
    );
    await ok('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: join(dir.path, 'hr.csv'), keyColumn: 'employeeId' },
    });
    await ok('connections.create', {
      name: 'App',
      kind: 'scim',
      settings: { baseUrl: 'https://scim.example.com/v2' },
    });
  });
  afterAll(async () => {
    await app.close();
    await peer.stop();
    dir.remove();
  });

  it('tests the connection: OpenLDAP and its naming context', async () => {
    const result = await ok<{ ok: boolean; details: { label: string; value: string }[] }>(
      'connections.test',
      { id: ldapId },
    );
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.details)).toContain('OpenLDAP');
    expect(JSON.stringify(result.details)).toContain('dc=example,dc=com');
  });

  it('browses the tree one level at a time', async () => {
    const root = await ok<DirectoryLevel>('connections.browse', { id: ldapId, dn: '' });
    expect(root.entries.map((e) => e.dn)).toEqual(['dc=example,dc=com']);
    expect(root.entries[0]?.hasChildren).toBe(true);
    const level = await ok<DirectoryLevel>('connections.browse', { id: ldapId, dn: 'dc=example,dc=com' });
    expect(level.entries.map((e) => e.rdn)).toEqual(expect.arrayContaining(['ou=People', 'ou=Staff']));
    const people = await ok<DirectoryLevel>('connections.browse', {
      id: ldapId,
      dn: 'ou=People,dc=example,dc=com',
    });
    expect(people.entries).toHaveLength(3);
    expect(people.entries.every((e) => !e.hasChildren)).toBe(true);
  });

  it('starts an LDAP → SCIM job from the OpenLDAP default mappings', async () => {
    const config = await ok<JobConfig>('jobs.defaults', {
      name: 'Directory to App',
      sourceConnection: 'Directory',
      targetConnection: 'App',
    });
    const users = config.objectMappings[0]!.attributeMappings;
    expect(users.find((m) => m.matchingPriority === 1)).toMatchObject({ target: 'userName', source: 'mail' });
    expect(users.map((m) => m.target)).toEqual(
      expect.arrayContaining(['name.givenName', 'name.familyName', 'displayName', 'title', 'active']),
    );
    expect(users.find((m) => m.target === 'active')?.source).toContain('accountEnabled');
    expect(config.objectMappings.map((m) => m.name)).toEqual(['Users', 'Groups']);
    expect((await app.dispatch('jobs.create', { config })).ok).toBe(true);
  });

  it('starts a CSV → LDAP job that recognises the HR columns by their names', async () => {
    const config = await ok<JobConfig>('jobs.defaults', {
      name: 'HR to Directory',
      sourceConnection: 'HR',
      targetConnection: 'Directory',
    });
    const users = config.objectMappings[0]!.attributeMappings;
    expect(users.find((m) => m.matchingPriority === 1)).toMatchObject({
      target: 'employeeNumber',
      source: 'employeeId',
    });
    expect(users.find((m) => m.target === 'givenName')?.source).toBe('First Name');
    expect(users.find((m) => m.target === 'sn')?.source).toBe('Last Name');
    expect(users.find((m) => m.target === 'mail')?.source).toBe('E-mail');
    expect(config.targetSchema.some((a) => a.name === 'cn')).toBe(true);
  });

  it('says plainly when there are no defaults for a pair', async () => {
    const result = await app.dispatch('jobs.defaults', {
      name: 'X',
      sourceConnection: 'App',
      targetConnection: 'HR',
    });
    expect(result).toMatchObject({ ok: false });
  });
});
