/**
 * "Test connection" for an LDAP connection: connect (TLS verified), bind, read the root DSE, and
 * report what was found — server type, naming contexts, supported controls — and, as far as the
 * check got, why it failed. It also checks that the configured bases exist and the filters parse.
 */
import type { LdapSettings } from '@shared/domain/connections';
import { isConnectorError, type ConnectionTestResult } from '../connector';
import { openSession, type LdapCredentials, type LdapSession } from './ldap-session';
import { describeControl, describeServerType, pagedResultsControl, type RootDse } from './server-type';

type Detail = ConnectionTestResult['details'][number];

export interface BaseCheck {
  label: string;
  base: string;
  filter?: string;
}

function rootDetails(root: RootDse): Detail[] {
  return [
    { label: 'Server type', labelCode: 'serverType', value: describeServerType(root.serverType) },
    ...(root.vendor ? [{ label: 'Vendor', labelCode: 'vendor', value: root.vendor }] : []),
    ...(root.dnsHostName ? [{ label: 'Host', labelCode: 'host', value: root.dnsHostName }] : []),
    {
      label: 'Naming contexts',
      labelCode: 'namingContexts',
      value: root.namingContexts.join('; ') || '(none listed)',
      ...(root.namingContexts.length === 0 ? { valueCode: 'noneListed' } : {}),
    },
    ...(root.defaultNamingContext
      ? [
          {
            label: 'Default naming context',
            labelCode: 'defaultNamingContext',
            value: root.defaultNamingContext,
          },
        ]
      : []),
    {
      label: 'Supported controls',
      labelCode: 'supportedControls',
      value: root.supportedControls.map(describeControl).join(', ') || '(none listed)',
      ...(root.supportedControls.length === 0 ? { valueCode: 'noneListed' } : {}),
    },
  ];
}

/** Each base must exist and each filter must be accepted; one entry is enough to know. */
async function checkBases(session: LdapSession, checks: readonly BaseCheck[]): Promise<Detail[]> {
  const details: Detail[] = [];
  for (const check of checks) {
    const exists = await session.readEntry(check.base, ['1.1']);
    if (!exists)
      throw new BaseMissing(
        `${check.label}: ${check.base} does not exist (or the bind account cannot see it).`,
      );
    let note = 'found';
    if (check.filter) {
      const sample = await session.search(check.base, {
        filter: check.filter,
        attributes: ['1.1'],
        sizeLimit: 1,
      });
      note =
        sample.length > 0 ? 'found; the filter matches entries' : 'found; the filter matches no entry yet';
    }
    details.push({ label: check.label, value: `${check.base} (${note})` });
  }
  return details;
}

class BaseMissing extends Error {}

export async function testLdapConnection(
  settings: LdapSettings,
  credentials: LdapCredentials,
  checks: (root: RootDse) => BaseCheck[],
  timeoutMs?: number,
): Promise<ConnectionTestResult> {
  const details: Detail[] = [
    { label: 'URL', labelCode: 'url', value: `${settings.url}${settings.startTls ? ' (StartTLS)' : ''}` },
  ];
  let session: LdapSession | null = null;
  try {
    session = await openSession({ settings, credentials, ...(timeoutMs ? { timeoutMs } : {}) });
    const root = session.rootDse;
    details.push({ label: 'Bound as', labelCode: 'boundAs', value: settings.bindDn }, ...rootDetails(root));
    if (!root.supportedControls.includes(pagedResultsControl)) {
      details.push({
        label: 'Warning',
        labelCode: 'warning',
        value: 'The server does not list the paged results control; large reads may hit its size limit.',
        valueCode: 'noPagedResults',
      });
    }
    details.push(...(await checkBases(session, checks(root))));
    const context = root.defaultNamingContext ?? root.namingContexts[0] ?? '(none)';
    return {
      ok: true,
      summary: `${describeServerType(root.serverType)} at ${settings.url}: bound as ${settings.bindDn}; naming context ${context}.`,
      summaryCode: 'ldapConnected',
      summaryParams: {
        serverType: describeServerType(root.serverType),
        url: settings.url,
        bindDn: settings.bindDn,
        context,
      },
      details,
    };
  } catch (error) {
    if (error instanceof BaseMissing) {
      return {
        ok: false,
        summary: error.message,
        details,
        error: { code: 'BaseNotFound', message: error.message },
      };
    }
    if (!isConnectorError(error)) throw error;
    const message = error.info.detail ? `${error.message} (${error.info.detail})` : error.message;
    return { ok: false, summary: error.message, details, error: { code: error.code, message } };
  } finally {
    await session?.close();
  }
}
