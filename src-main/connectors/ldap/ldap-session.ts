/**
 * One bound LDAP connection: ldap:// with optional StartTLS, or ldaps://; TLS always verified
 * (against the system CAs plus the connection's own CA when given); a simple bind with the DN or
 * user@domain and the password passed in. Timeouts come from the connection settings. Every failure
 * leaves as a ConnectorError (ldap-errors.ts).
 */
import { isIP } from 'node:net';
import { rootCertificates, type ConnectionOptions } from 'node:tls';
import { Client, type Control, type Filter, type SearchOptions } from 'ldapts';
import type { LdapSettings } from '@shared/domain/connections';
import { ConnectorError } from '../connector';
import { classified, toConnectorError } from './ldap-errors';
import { toLdapEntry, type LdapEntry } from './ldap-entry';
import { readRootDse, rootDseAttributes, type RootDse } from './server-type';

export interface LdapCredentials {
  bindPassword: string;
}

export interface LdapSession {
  readonly client: Client;
  readonly rootDse: RootDse;
  /** One base-scope read; null when the entry does not exist. */
  readEntry(dn: string, attributes: string[], options?: ReadOptions): Promise<LdapEntry | null>;
  /** A non-paged search (for small, bounded results). */
  search(base: string, options: SearchSpec): Promise<LdapEntry[]>;
  /** A paged search, page by page; a failure at any page rejects (never a silent partial result). */
  pages(base: string, options: SearchSpec): AsyncGenerator<LdapEntry[], void, undefined>;
  close(): Promise<void>;
}

export interface ReadOptions {
  binary?: string[];
  controls?: Control[];
}

export interface SearchSpec {
  filter: string | Filter;
  scope?: SearchOptions['scope'];
  attributes: string[];
  binary?: string[];
  pageSize?: number;
  sizeLimit?: number;
  controls?: Control[];
  signal?: AbortSignal;
  /** Read failures become stopCycle (sources); target lookups keep their own class. */
  read?: boolean;
}

export interface SessionOptions {
  settings: LdapSettings;
  credentials: LdapCredentials;
  /** Overrides settings.timeoutSeconds (tests). */
  timeoutMs?: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** TLS options: verification always on; a custom CA adds to the system store rather than replacing it. */
export function tlsOptionsFor(settings: Pick<LdapSettings, 'url' | 'caCertificate'>): ConnectionOptions {
  const host = hostOf(settings.url);
  const ca = settings.caCertificate ? [...rootCertificates, settings.caCertificate] : undefined;
  return {
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    host,
    // SNI must not be an IP address (RFC 6066); the certificate is still checked against the IP.
    ...(isIP(host) === 0 && host !== '' ? { servername: host } : {}),
    ...(ca ? { ca } : {}),
  };
}

/** Connects, secures and binds. Rejects with a ConnectorError (stopCycle for credentials). */
export async function openSession(options: SessionOptions): Promise<LdapSession> {
  const { settings } = options;
  const timeout = options.timeoutMs ?? settings.timeoutSeconds * 1000;
  if (options.credentials.bindPassword === '') {
    // An empty password makes a simple bind anonymous (RFC 4513 §5.1.2): never what the admin meant.
    throw new ConnectorError('stopCycle', 'InvalidCredentials', 'The LDAP connection has no bind password.');
  }
  const tlsOptions = tlsOptionsFor(settings);
  // ldapts treats any tlsOptions as "connect with TLS", so ldap:// gets them only at StartTLS.
  const secure = /^ldaps:/i.test(settings.url);
  const client = new Client({
    url: settings.url,
    timeout,
    connectTimeout: timeout,
    strictDN: false,
    ...(secure ? { tlsOptions } : {}),
  });
  try {
    if (settings.startTls)
      await classified({ operation: 'StartTLS' }, () => client.startTLS({ ...tlsOptions }));
    await classified({ operation: 'bind', dn: settings.bindDn }, () =>
      client.bind(settings.bindDn, options.credentials.bindPassword),
    );
    const root = await classified({ operation: 'search', dn: '' }, () =>
      client.search('', { scope: 'base', filter: '(objectClass=*)', attributes: rootDseAttributes }),
    );
    const rootEntry = root.searchEntries[0];
    if (!rootEntry)
      throw new ConnectorError('stopCycle', 'RootDseUnreadable', 'The server did not return its root DSE.');
    return createSession(client, readRootDse(toLdapEntry(rootEntry)));
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw toConnectorError(error, { operation: 'connect', dn: settings.url });
  }
}

function createSession(client: Client, rootDse: RootDse): LdapSession {
  async function readEntry(
    dn: string,
    attributes: string[],
    options: ReadOptions = {},
  ): Promise<LdapEntry | null> {
    try {
      const result = await client.search(
        dn,
        {
          scope: 'base',
          filter: '(objectClass=*)',
          attributes,
          explicitBufferAttributes: options.binary ?? [],
        },
        options.controls,
      );
      const entry = result.searchEntries[0];
      return entry ? toLdapEntry(entry) : null;
    } catch (error) {
      const converted = toConnectorError(error, { operation: 'search', dn });
      if (converted.errorClass === 'notFound') return null;
      throw converted;
    }
  }

  async function search(base: string, spec: SearchSpec): Promise<LdapEntry[]> {
    return classified({ operation: 'search', dn: base, ...(spec.read ? { read: true } : {}) }, async () => {
      const result = await client.search(
        base,
        {
          scope: spec.scope ?? 'sub',
          filter: spec.filter,
          attributes: spec.attributes,
          explicitBufferAttributes: spec.binary ?? [],
          ...(spec.sizeLimit !== undefined ? { sizeLimit: spec.sizeLimit } : {}),
        },
        spec.controls,
      );
      return result.searchEntries.map(toLdapEntry);
    });
  }

  async function* pages(base: string, spec: SearchSpec): AsyncGenerator<LdapEntry[], void, undefined> {
    const context = { operation: 'paged search', dn: base, read: spec.read ?? true };
    let iterator: AsyncGenerator<{ searchEntries: Parameters<typeof toLdapEntry>[0][] }> | null = null;
    try {
      iterator = client.searchPaginated(
        base,
        {
          scope: spec.scope ?? 'sub',
          filter: spec.filter,
          attributes: spec.attributes,
          explicitBufferAttributes: spec.binary ?? [],
          paged: { pageSize: spec.pageSize ?? 500 },
        },
        spec.controls,
      );
      for (;;) {
        spec.signal?.throwIfAborted();
        const next = await iterator.next();
        if (next.done) return;
        yield next.value.searchEntries.map(toLdapEntry);
      }
    } catch (error) {
      if (spec.signal?.aborted && error === spec.signal.reason) throw error;
      throw toConnectorError(error, context);
    } finally {
      await iterator?.return(undefined).catch(() => undefined);
    }
  }

  return {
    client,
    rootDse,
    readEntry,
    search,
    pages,
    async close() {
      await client.unbind().catch(() => undefined);
    },
  };
}
