/**
 * A real Active Directory-compatible server for tests: Debian's Samba AD DC (packages samba,
 * samba-ad-provision, samba-dsdb-modules), provisioned into a temp folder with
 * `samba-tool domain provision` (realm EXAMPLE.COM, so the domain is DC=example,DC=com) and run in
 * the foreground with only its LDAP service.
 *
 * Limits, which tests adapt to:
 * - Provisioning and starting need root (Samba's AD DC refuses otherwise): startSambaAd() throws a
 *   clear error when not run as root.
 * - Samba's LDAP server has no port setting: it listens on 127.0.0.1:389 (and 636), so one Samba per
 *   machine at a time; the port must be free.
 * - Simple binds over plain ldap:// are allowed (`ldap server require strong auth = no`) so tests need
 *   no certificate; real AD deployments should use ldaps:// or StartTLS.
 * - Samba returns all values of a multi-valued attribute unless a range is asked for (AD cuts at
 *   MaxValRange = 1500 by itself); tests ask for ranges explicitly.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Attribute, Change, Client } from 'ldapts';
import { makeTempDirFor } from './temp';

export interface SambaAdPeer {
  url: string;
  /** The administrator as user@domain (a UPN bind, as admins type it). */
  bindDn: string;
  password: string;
  baseDn: string;
  client(): Promise<Client>;
  add(dn: string, attributes: Record<string, string | string[]>): Promise<void>;
  modify(
    dn: string,
    operation: 'add' | 'delete' | 'replace',
    attribute: string,
    values: string[],
  ): Promise<void>;
  remove(dn: string): Promise<void>;
  stop(): Promise<void>;
}

const host = '127.0.0.1';
const port = 389;

async function portOpen(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startSambaAd(): Promise<SambaAdPeer> {
  if (process.getuid?.() !== 0) throw new Error('Samba AD DC needs root to provision and run.');
  if (await portOpen())
    throw new Error(`${host}:${port} is taken; Samba's LDAP server can only listen there.`);
  const temp = makeTempDirFor('roster-samba-');
  const dir = temp.path;
  const password = `Roster-${Math.random().toString(36).slice(2, 10)}-9!`;
  execFileSync(
    'samba-tool',
    [
      'domain',
      'provision',
      `--targetdir=${dir}`,
      '--realm=EXAMPLE.COM',
      '--domain=EXAMPLE',
      '--server-role=dc',
      '--dns-backend=NONE',
      `--adminpass=${password}`,
      '--use-rfc2307',
      '--option=interfaces=lo',
      '--option=bind interfaces only=yes',
      '--option=server services=ldap',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
  );
  const conf = join(dir, 'etc', 'smb.conf');
  const text = readFileSync(conf, 'utf8');
  writeFileSync(
    conf,
    text.replace(
      '[global]',
      '[global]\n\tldap server require strong auth = no\n\tlog file = ' + join(dir, 'samba.log'),
    ),
  );

  let output = '';
  const child: ChildProcess = spawn('samba', ['-i', '-M', 'single', '-s', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!(await portOpen())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      temp.remove();
      throw new Error(`Samba did not start:\n${output}`);
    }
    await sleep(200);
  }

  const url = `ldap://${host}:${port}`;
  const bindDn = 'Administrator@example.com';
  let admin: Client | null = null;
  async function client(): Promise<Client> {
    if (admin?.isConnected) return admin;
    admin = new Client({ url, timeout: 30_000 });
    await admin.bind(bindDn, password);
    return admin;
  }
  return {
    url,
    bindDn,
    password,
    baseDn: 'DC=example,DC=com',
    client,
    async add(dn, attributes) {
      await (await client()).add(dn, attributes);
    },
    async modify(dn, operation, attribute, values) {
      await (
        await client()
      ).modify(dn, new Change({ operation, modification: new Attribute({ type: attribute, values }) }));
    },
    async remove(dn) {
      await (await client()).del(dn);
    },
    async stop() {
      await admin?.unbind().catch(() => undefined);
      admin = null;
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      temp.remove();
    },
  };
}
