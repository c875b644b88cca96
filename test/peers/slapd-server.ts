/**
 * A real OpenLDAP server for tests: Debian's `slapd` (2.5), started on 127.0.0.1 at a free port with
 * a slapd.conf generated into a temp folder. mdb backend, suffix dc=example,dc=com, the core, cosine,
 * inetorgperson and nis schemas, the memberof overlay; entryUUID, createTimestamp and modifyTimestamp
 * are slapd's own. Data can be loaded with slapadd before the start (much faster than adds for
 * thousands of entries) and arranged afterwards through ldapts.
 *
 * Besides the root DN there is a `cn=reader` account whose paged searches may return at most
 * `readerTotalLimit` entries in total (slapd's `size.prtotal`): a real server-side limit that fails a
 * read half-way through paging.
 *
 * Optionally it also listens on ldaps:// with a throwaway certificate for 127.0.0.1 signed by a
 * throwaway CA (openssl), which also serves StartTLS on the ldap:// port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Attribute, Change, Client } from 'ldapts';
import { makeTempDirFor } from './temp';

export interface SlapdOptions {
  /** LDIF loaded with slapadd before the server starts (the base entries are always loaded). */
  ldif?: string;
  /** Also listen on ldaps:// and offer StartTLS, with a certificate signed by `caCertificate`. */
  tls?: boolean;
  /** Entries the `cn=reader` account may receive in one paged search (default 1000). */
  readerTotalLimit?: number;
}

export interface SlapdPeer {
  url: string;
  /** ldaps:// URL when started with `tls: true`. */
  ldapsUrl: string | null;
  /** PEM of the CA that signed the server certificate (`tls: true`). */
  caCertificate: string | null;
  bindDn: string;
  password: string;
  baseDn: string;
  /** A second account with a total size limit for paged searches. */
  reader: { bindDn: string; password: string };
  /** A bound ldapts client for arranging data; closed by stop(). */
  client(): Promise<Client>;
  add(dn: string, attributes: Record<string, string | string[]>): Promise<void>;
  replace(dn: string, attribute: string, values: string | string[]): Promise<void>;
  addValues(dn: string, attribute: string, values: string | string[]): Promise<void>;
  deleteValues(dn: string, attribute: string, values?: string | string[]): Promise<void>;
  remove(dn: string): Promise<void>;
  /** Reads one entry (all user attributes plus entryUUID), or null. */
  entry(dn: string): Promise<Record<string, string[]> | null>;
  /** Every entry below `base` that matches `filter`, as DN → attributes. */
  search(base: string, filter: string, attributes?: string[]): Promise<Record<string, string[]>[]>;
  /** Stops the server (the folder is kept until stop()). */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const suffix = 'dc=example,dc=com';
const rootDn = `cn=admin,${suffix}`;
const readerDn = `cn=reader,${suffix}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}):\n${logs()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`slapd did not listen on ${port} within 15 s:\n${logs()}`);
}

function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const ca = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca-key.pem');
  const key = join(dir, 'server-key.pem');
  const csr = join(dir, 'server.csr');
  const cert = join(dir, 'server.pem');
  const ext = join(dir, 'server.ext');
  run(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-keyout', caKey, '-out', ca].concat([
      '-subj',
      '/CN=Roster test LDAP CA',
    ]),
  );
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=127.0.0.1']);
  writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run(
    ['x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-days', '1'].concat([
      '-out',
      cert,
      '-extfile',
      ext,
    ]),
  );
  return { ca, cert, key };
}

const baseLdif = (password: string) => `dn: ${suffix}
objectClass: dcObject
objectClass: organization
dc: example
o: Example

dn: ${readerDn}
objectClass: person
cn: reader
sn: reader
userPassword: ${password}

`;

function configText(
  dir: string,
  password: string,
  limit: number,
  tls: ReturnType<typeof makeCertificates> | null,
) {
  const tlsLines = tls
    ? `TLSCACertificateFile ${tls.ca}\nTLSCertificateFile ${tls.cert}\nTLSCertificateKeyFile ${tls.key}\n`
    : '';
  return `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
pidfile ${join(dir, 'slapd.pid')}
argsfile ${join(dir, 'slapd.args')}
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
${tlsLines}
database mdb
maxsize 1073741824
suffix "${suffix}"
rootdn "${rootDn}"
rootpw ${password}
directory ${join(dir, 'data')}
index objectClass eq
index entryUUID eq
index cn,uid,mail,sn,givenName eq
index member eq
limits dn.exact="${readerDn}" size.soft=unlimited size.hard=unlimited size.prtotal=${limit}
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
overlay memberof
`;
}

export async function startSlapd(options: SlapdOptions = {}): Promise<SlapdPeer> {
  const temp = makeTempDirFor('roster-slapd-');
  const dir = temp.path;
  mkdirSync(join(dir, 'data'));
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const tls = options.tls ? makeCertificates(dir) : null;
  const conf = join(dir, 'slapd.conf');
  writeFileSync(conf, configText(dir, password, options.readerTotalLimit ?? 1000, tls));
  const ldifPath = join(dir, 'seed.ldif');
  writeFileSync(ldifPath, baseLdif(password) + (options.ldif ?? ''));
  execFileSync('slapadd', ['-f', conf, '-l', ldifPath, '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });

  const port = await freePort();
  const tlsPort = tls ? await freePort() : null;
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = tlsPort ? `ldaps://127.0.0.1:${tlsPort}` : null;
  let child: ChildProcess | null = null;
  let output = '';

  async function launch(): Promise<void> {
    output = '';
    const urls = [`ldap://127.0.0.1:${port}/`, ...(tlsPort ? [`ldaps://127.0.0.1:${tlsPort}/`] : [])];
    const started = spawn('slapd', ['-f', conf, '-h', urls.join(' '), '-d', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    started.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child = started;
    await waitForPort(port, started, () => output);
  }

  async function kill(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (running.exitCode === null) running.kill('SIGKILL');
    await exited;
  }

  await launch();

  let admin: Client | null = null;
  async function client(): Promise<Client> {
    if (admin?.isConnected) return admin;
    admin = new Client({ url, timeout: 30_000 });
    await admin.bind(rootDn, password);
    return admin;
  }
  const list = (values: string | string[]) => (Array.isArray(values) ? values : [values]);
  const change = (operation: 'add' | 'delete' | 'replace', attribute: string, values: string[]) =>
    new Change({ operation, modification: new Attribute({ type: attribute, values }) });

  async function search(base: string, filter: string, attributes: string[] = ['*', 'entryUUID']) {
    const c = await client();
    const { searchEntries } = await c.search(base, { filter, scope: 'sub', attributes, paged: true });
    return searchEntries.map((entry) => {
      const out: Record<string, string[]> = {};
      for (const [key, value] of Object.entries(entry)) {
        out[key] = (Array.isArray(value) ? value : [value]).map((v) =>
          Buffer.isBuffer(v) ? v.toString('utf8') : v,
        );
      }
      return out;
    });
  }

  return {
    url,
    ldapsUrl,
    caCertificate: tls ? readFileSync(tls.ca, 'utf8') : null,
    bindDn: rootDn,
    password,
    baseDn: suffix,
    reader: { bindDn: readerDn, password },
    client,
    async add(dn, attributes) {
      await (await client()).add(dn, attributes);
    },
    async replace(dn, attribute, values) {
      await (await client()).modify(dn, change('replace', attribute, list(values)));
    },
    async addValues(dn, attribute, values) {
      await (await client()).modify(dn, change('add', attribute, list(values)));
    },
    async deleteValues(dn, attribute, values = []) {
      await (await client()).modify(dn, change('delete', attribute, list(values)));
    },
    async remove(dn) {
      await (await client()).del(dn);
    },
    async entry(dn) {
      try {
        const c = await client();
        const { searchEntries } = await c.search(dn, { scope: 'base', attributes: ['*', 'entryUUID'] });
        const found = searchEntries[0];
        if (!found) return null;
        const out: Record<string, string[]> = {};
        for (const [key, value] of Object.entries(found)) {
          out[key] = (Array.isArray(value) ? value : [value]).map((v) =>
            Buffer.isBuffer(v) ? v.toString('utf8') : v,
          );
        }
        return out;
      } catch (error) {
        if (error instanceof Error && error.name === 'NoSuchObjectError') return null;
        throw error;
      }
    },
    search,
    kill: async () => {
      await admin?.unbind().catch(() => undefined);
      admin = null;
      await kill();
    },
    restart: async () => {
      await kill();
      await launch();
    },
    async stop() {
      await admin?.unbind().catch(() => undefined);
      admin = null;
      await kill();
      if (existsSync(dir)) temp.remove();
    },
  };
}

/** LDIF for `count` inetOrgPerson users under `container` (uid user00001 …), for slapadd. */
export function usersLdif(count: number, container: string, extra: (n: number) => string = () => ''): string {
  const parts: string[] = [];
  for (let n = 1; n <= count; n++) {
    const uid = `user${String(n).padStart(5, '0')}`;
    parts.push(
      `dn: uid=${uid},${container}\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: Given${n} Family${n}\n` +
        `givenName: Given${n}\nsn: Family${n}\ndisplayName: Given${n} Family${n}\nmail: ${uid}@example.com\n` +
        `title: Rep\n${extra(n)}\n`,
    );
  }
  return parts.join('');
}

/** LDIF for an organizationalUnit. */
export function ouLdif(dn: string): string {
  const ou = /^ou=([^,]+)/i.exec(dn)?.[1] ?? 'unit';
  return `dn: ${dn}\nobjectClass: organizationalUnit\nou: ${ou}\n\n`;
}
