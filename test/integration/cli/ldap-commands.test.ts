import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../../peers/slapd-server';
import { startScimmyServer, type ScimmyPeer } from '../../peers/scimmy-server';
import { makeTempDir } from '../temp-dir';

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js');

function roster(
  args: string[],
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...inject('keyringEnv') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Issue #5 from the command line: OpenLDAP → SCIM and CSV → OpenLDAP with the default mappings. */
describe('roster with LDAP connections', () => {
  const dir = makeTempDir('roster-cli-ldap-');
  const data = join(dir.path, 'data');
  let slapd: SlapdPeer;
  let scim: ScimmyPeer;

  beforeAll(async () => {
    slapd = await startSlapd({
      ldif:
        ouLdif('ou=People,dc=example,dc=com') +
        usersLdif(20, 'ou=People,dc=example,dc=com') +
        ouLdif('ou=Staff,dc=example,dc=com'),
    });
    scim = await startScimmyServer();
    writeFileSync(
      join(dir.path, 'hr.csv'),
      'employeeId,givenName,surname,displayName,email,jobTitle\nH1,Min-jun,Kim,"Kim, Min-jun",minjun.kim@example.com,Engineer\nH2,Zoë,Dupont,Zoë Dupont,zoe.dupont@example.com,Designer\n',
    );
    writeFileSync(
      join(dir.path, 'connections.json'),
      JSON.stringify({
        format: 'roster-connections',
        version: 1,
        connections: [
          {
            name: 'Directory',
            kind: 'ldap',
            settings: {
              url: slapd.url,
              bindDn: slapd.bindDn,
              baseDn: slapd.baseDn,
              userSearchBase: 'ou=People,dc=example,dc=com',
              targetContainer: 'ou=Staff,dc=example,dc=com',
              disableAttribute: 'employeeType',
              disableValue: 'disabled',
            },
          },
          { name: 'HR', kind: 'csv', settings: { path: join(dir.path, 'hr.csv'), keyColumn: 'employeeId' } },
          { name: 'App', kind: 'scim', settings: { baseUrl: scim.baseUrl } },
        ],
      }),
    );
    expect(
      (await roster(['connection', 'import', join(dir.path, 'connections.json'), '--data-dir', data])).status,
    ).toBe(0);
    expect(
      (await roster(['secret', 'set', 'Directory', 'bindPassword', '--data-dir', data], slapd.password))
        .status,
    ).toBe(0);
    expect(
      (await roster(['secret', 'set', 'App', 'bearerToken', '--data-dir', data], scim.token)).status,
    ).toBe(0);
  });
  afterAll(async () => {
    await scim.stop();
    await slapd.stop();
    dir.remove();
  });

  it('provisions the directory into a SCIM app from the default mappings, then sends nothing', async () => {
    const created = await roster([
      'job',
      'new',
      'Directory to App',
      '--source',
      'Directory',
      '--target',
      'App',
      '--create',
      '--data-dir',
      data,
    ]);
    expect(created.stdout).toContain('with the default mappings');
    const first = await roster(['sync', 'Directory to App', '--data-dir', data]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/\(initial\) completed.* 20 created/);
    scim.resetRequests();
    const second = await roster(['sync', 'Directory to App', '--data-dir', data]);
    expect(second.status).toBe(0);
    expect(scim.requests).toEqual([]);
  });

  it('provisions the HR file into the directory, escaping names in DNs', async () => {
    await roster([
      'job',
      'new',
      'HR to Directory',
      '--source',
      'HR',
      '--target',
      'Directory',
      '--create',
      '--data-dir',
      data,
    ]);
    const run = await roster(['sync', 'HR to Directory', '--data-dir', data]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\(initial\) completed.* 2 created/);
    const entries = await slapd.search('ou=Staff,dc=example,dc=com', '(employeeNumber=*)', [
      'cn',
      'employeeNumber',
    ]);
    expect(entries.map((e) => e['cn']?.[0]).sort()).toEqual(['Kim, Min-jun', 'Zoë Dupont']);
  });
});
