/**
 * Issue 8: the CSV → LDAP default mappings make unique RDNs with SelectUniqueValue, so real HR data
 * with repeated names (two "Kim Min-jun") provisions every person, against a real OpenLDAP (slapd).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { ouLdif, startSlapd, type SlapdPeer } from '../../peers/slapd-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const staff = 'ou=Staff,dc=example,dc=com';

describe('CSV → LDAP default mappings with repeated names', () => {
  const dir = makeTempDir('roster-ldap-rdn-');
  const csv = join(dir.path, 'hr.csv');
  let peer: SlapdPeer;
  let app: RosterApp;
  let jobId = '';

  async function ok<T>(command: string, input: unknown): Promise<T> {
    const result = await app.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value as T;
  }

  const sync = () =>
    app.engine.run(jobId, { dryRun: false, initiatedBy: { type: 'admin', displayName: 'tester' } });

  const cns = async () =>
    (await peer.search(staff, '(employeeNumber=*)', ['cn', 'employeeNumber']))
      .map((e) => `${e['employeeNumber']?.[0] ?? ''}=${e['cn']?.[0] ?? ''}`)
      .sort();

  beforeAll(async () => {
    usePrivateKeyring();
    peer = await startSlapd({ ldif: ouLdif(staff) });
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'cli',
      logger: { info() {}, warn() {}, error() {} },
    });
    writeFileSync(
      csv,
      'employeeId,displayName,givenName,surname,email\n' +
        'H1,Kim Min-jun,Min-jun,Kim,minjun.kim@example.com\n' +
        'H2,Kim Min-jun,Min-jun,Kim,minjun.kim2@example.com\n' +
        'H3,Zoë Dupont,Zoë,Dupont,zoe@example.com\n',
    );
    await ok('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: csv, keyColumn: 'employeeId' },
      secrets: {},
    });
    await ok('connections.create', {
      name: 'Directory',
      kind: 'ldap',
      settings: {
        url: peer.url,
        bindDn: peer.bindDn,
        baseDn: peer.baseDn,
        targetContainer: staff,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
      },
      secrets: { bindPassword: peer.password },
    });
    const config = await ok<JobConfig>('jobs.defaults', {
      name: 'HR to Directory',
      sourceConnection: 'HR',
      targetConnection: 'Directory',
    });
    // One object at a time: with several in flight, two creates can both be told a name is free before
    // either claims it (src-main/engine/apply-create.ts claims after evaluating; reported in issue 8).
    jobId = (
      await ok<JobDetail>('jobs.create', {
        config: { ...config, settings: { ...config.settings, maxConcurrency: 1 } },
      })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await peer.stop();
    dir.remove();
  });

  it('gives the second "Kim Min-jun" a cn of its own, in the same cycle', async () => {
    const first = await sync();
    expect(first.error).toBeNull();
    expect(first.counters).toMatchObject({ created: 3, failed: 0 });
    expect(await cns()).toEqual(['H1=Kim Min-jun', 'H2=Kim Min-jun H2', 'H3=Zoë Dupont']);
  });

  it('finds the name taken in the directory on a later cycle too', async () => {
    writeFileSync(
      csv,
      `employeeId,displayName,givenName,surname,email\n${[
        'H1,Kim Min-jun,Min-jun,Kim,minjun.kim@example.com',
        'H2,Kim Min-jun,Min-jun,Kim,minjun.kim2@example.com',
        'H3,Zoë Dupont,Zoë,Dupont,zoe@example.com',
        'H4,Zoë Dupont,Zoë,Dupont,zoe2@example.com',
      ].join('\n')}\n`,
    );
    const second = await sync();
    expect(second.error).toBeNull();
    expect(second.counters).toMatchObject({ created: 1, failed: 0 });
    expect(await cns()).toContain('H4=Zoë Dupont H4');
  });
});
