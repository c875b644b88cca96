/**
 * Test connection (§17.2): query Users on the first matching attribute for a fresh random GUID (and
 * Groups by displayName when groups are provisioned). A compliant endpoint answers 200 with an empty
 * ListResponse. Every other outcome becomes ok:false with a sentence an admin can act on and a
 * `kind` a cycle decides on; nothing here throws for a server's answer, and nothing quotes a secret.
 *
 * With `retry` (the start of a cycle) each query retries transient failures like any request, so a
 * single 429, 500, timeout or unreadable answer does not decide the verdict; without it (Test
 * connection in the UI) one attempt answers quickly. Kinds:
 * - credentials: 401, 403, a missing secret, a refused OAuth client.
 * - incompatible: a wrong or insecure URL, 404, a redirect, 405, another 4xx (a filter it cannot do),
 *   501, an answer that is not a ListResponse or finds something for a random value, an answer that
 *   is not JSON (after the retries: a one-off is retried), too large or nested too deep.
 * - unreachable: connection refused, DNS, TLS, an unknown network failure (after the retries).
 * - transient: 429, 5xx, timeouts, dropped connections still failing after the retries, and a check
 *   cut short because the connector was closed.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionTestDetail } from '@shared/domain/connection-test';
import { isConnectorError, type ConnectionTestResult, type ConnectorError } from '../connector';
import { tooLargeCode, unreadableCode } from './answer-errors';
import { cancelledCode, incompatibleCode, networkProblem } from './errors';
import { eqFilter } from './filter';
import type { ScimHttpClient } from './http-client';
import { readListResponse } from './resources';

export interface ConnectionCheck {
  userMatchPath: string;
  /** What the Groups probe filters on; default displayName. */
  groupMatchPath?: string;
  /**
   * The server declares it cannot filter (`filter.supported: false`): each probe lists one object
   * instead, and an answer with objects in it is what such a server should give.
   */
  unfiltered?: boolean;
  groups: boolean;
  /** Retry transient failures before giving the verdict (the start of a cycle). */
  retry?: boolean;
}

type FailureKind = NonNullable<ConnectionTestResult['error']>['kind'] & string;

interface Probe {
  label: string;
  endpoint: 'Users' | 'Groups';
  path: string;
  query: (readonly [string, string])[];
  /** False: a one-object list of a server that cannot filter; any ListResponse passes. */
  filtered: boolean;
}

type ProbeOutcome =
  | { ok: true; detail: string }
  | {
      ok: false;
      summary: string;
      summaryCode: string;
      summaryParams: Record<string, string>;
      code: string;
      message: string;
      kind: FailureKind;
    };

function explainError(
  error: ConnectorError,
  probe: Probe,
  where: string,
  timeoutSeconds: number,
): ProbeOutcome {
  // Each summary goes with its code and parameters (renderer locales `connectionTest.summaries`).
  const fail = (
    kind: FailureKind,
    summary: string,
    summaryCode: string,
    summaryParams: Record<string, string> = {},
  ): ProbeOutcome => ({
    ok: false,
    summary,
    summaryCode,
    summaryParams,
    code: error.code,
    message: error.message,
    kind,
  });
  const status = error.info.status;
  const at = `${where}/${probe.endpoint}`;
  if (error.code === 'InvalidUrl' || error.code === 'InsecureUrl')
    return fail('incompatible', error.message, 'scimBadUrl', { message: error.message });
  if (error.code === 'Unauthorized' && status === undefined)
    return fail('credentials', error.message, 'scimNoCredentials', { message: error.message });
  if (error.code === cancelledCode) {
    return fail(
      'transient',
      'The check was cut short: the connection was closed before it finished.',
      'scimCancelled',
    );
  }
  // Body problems first: they come with a 2xx status.
  if (error.code === unreadableCode) {
    return fail(
      'incompatible',
      error.cause === undefined
        ? `${at} answered with something that is not SCIM JSON. Check that the tenant URL points at the app's SCIM endpoint.`
        : `${at} answered, but the answer broke off before its end: ${error.message}.`,
      error.cause === undefined ? 'scimNotJson' : 'scimBrokenOff',
      { at, message: error.message },
    );
  }
  if (error.code === tooLargeCode) {
    return fail(
      'incompatible',
      `${at} answered a query that should find nothing with more than 32 MB. Roster refuses answers that large; check that the tenant URL points at the app's SCIM endpoint.`,
      'scimTooLarge',
      { at },
    );
  }
  if (error.code === incompatibleCode && status !== undefined && status >= 200 && status < 300) {
    return fail(
      'incompatible',
      `${at} answered with something that is not SCIM JSON: ${error.message}.`,
      'scimNotJsonDetail',
      { at, message: error.message },
    );
  }
  if (status === 401) {
    return fail(
      'credentials',
      `The SCIM server at ${where} refused the credentials (HTTP 401). Check the secret token, or create a new one in the app.`,
      'scim401',
      { where },
    );
  }
  if (status === 403) {
    return fail(
      'credentials',
      `The SCIM server at ${where} accepted the credentials but does not allow them to read ${probe.endpoint} (HTTP 403). Give the token provisioning rights.`,
      'scim403',
      { where, endpoint: probe.endpoint },
    );
  }
  if (status === 404) {
    return fail(
      'incompatible',
      `Nothing answers at ${at} (HTTP 404). Check the tenant URL. A SCIM endpoint must answer a query that finds nothing with 200 and an empty list (RFC 7644 §3.4.2).`,
      'scim404',
      { at },
    );
  }
  if (status === 400 && error.info.scimType === 'invalidFilter') {
    return fail(
      'incompatible',
      `${at} cannot filter on ${probe.path} (HTTP 400 invalidFilter). Roster finds existing accounts with "${probe.path} eq …", so the app must support that filter.`,
      'scimInvalidFilter',
      { at, path: probe.path },
    );
  }
  if (status !== undefined && status >= 300 && status < 400) {
    return fail(
      'incompatible',
      `${at} redirected the request (HTTP ${status}). Roster does not follow redirects with credentials; use the final SCIM address as the tenant URL.`,
      'scimRedirect',
      { at, status: String(status) },
    );
  }
  if (status !== undefined) {
    const detail = error.info.detail ? `: ${error.info.detail}` : '';
    const busy = status === 429 || (status >= 500 && status !== 501);
    return fail(
      busy ? 'transient' : 'incompatible',
      `${at} answered HTTP ${status} to the test query${detail}.`,
      error.info.detail ? 'scimHttpStatusDetail' : 'scimHttpStatus',
      { at, status: String(status), detail: error.info.detail ?? '' },
    );
  }
  const host = where.split('/')[0] ?? where;
  const { problem, code } = networkProblem(error.cause);
  switch (problem) {
    case 'tls':
      return fail(
        'unreachable',
        `The TLS certificate of ${host} could not be verified (${code}). If the server uses a private certificate authority, paste its certificate into the connection's CA certificate field.`,
        'netTls',
        { host, code },
      );
    case 'dns':
      return fail('unreachable', `The host name ${host} does not resolve. Check the tenant URL.`, 'netDns', {
        host,
      });
    case 'refused':
      return fail(
        'unreachable',
        `Could not connect to ${host}: the connection was refused (${code}). Check the tenant URL and that the server is running.`,
        'netRefused',
        { host, code },
      );
    case 'dropped':
      return fail(
        'transient',
        `${host} accepted the connection but dropped it before answering (${code}). The server or a proxy in front of it may be overloaded.`,
        'netDropped',
        { host, code },
      );
    case 'timeout':
      return fail('transient', `${host} did not answer within ${timeoutSeconds} seconds.`, 'netTimeout', {
        host,
        seconds: String(timeoutSeconds),
      });
    case 'network':
      return fail('unreachable', `Could not reach ${host}: ${error.message}`, 'netOther', {
        host,
        message: error.message,
      });
  }
}

async function runProbe(
  client: ScimHttpClient,
  probe: Probe,
  timeoutSeconds: number,
  retry: boolean,
): Promise<ProbeOutcome> {
  const where = client.display;
  let body: unknown;
  try {
    const response = await client.send({
      method: 'GET',
      segments: [probe.endpoint],
      query: probe.query,
      notFound: 'endpoint',
      idempotent: true,
      retry,
    });
    body = response.body;
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return explainError(error, probe, where, timeoutSeconds);
  }
  const list = readListResponse(body);
  if (!list) {
    return {
      ok: false,
      summary: `${where}/${probe.endpoint} answered, but not with a SCIM ListResponse: it does not look like a SCIM 2.0 endpoint.`,
      summaryCode: 'scimNotList',
      summaryParams: { at: `${where}/${probe.endpoint}` },
      code: incompatibleCode,
      message: 'The query answer is not a ListResponse.',
      kind: 'incompatible',
    };
  }
  if (!probe.filtered)
    return { ok: true, detail: 'answered a list query (the server declares it cannot filter)' };
  if (list.totalResults > 0 || list.resources.length > 0) {
    const count = Math.max(list.totalResults, list.resources.length);
    return {
      ok: false,
      summary: `${where}/${probe.endpoint} returned ${count} result(s) for a random ${probe.path}: the endpoint seems to ignore filters, which Roster needs to find existing accounts.`,
      summaryCode: 'scimIgnoresFilter',
      summaryParams: { at: `${where}/${probe.endpoint}`, count: String(count), path: probe.path },
      code: incompatibleCode,
      message: `totalResults was ${count} for a query that should find nothing.`,
      kind: 'incompatible',
    };
  }
  return { ok: true, detail: 'answered a query that finds nothing with an empty list' };
}

export async function testScimConnection(
  client: ScimHttpClient,
  check: ConnectionCheck,
  timeoutSeconds: number,
  randomId: () => string = randomUUID,
): Promise<ConnectionTestResult> {
  const details: ConnectionTestDetail[] = [
    { label: 'Tenant URL', labelCode: 'tenantUrl', value: client.display },
  ];
  const filtered = check.unfiltered !== true;
  const probeQuery = (path: string): [string, string] =>
    filtered ? ['filter', eqFilter(path, randomId())] : ['count', '1'];
  const groupPath = check.groupMatchPath ?? 'displayName';
  const probes: Probe[] = [
    {
      label: 'Users',
      endpoint: 'Users',
      path: check.userMatchPath,
      query: [probeQuery(check.userMatchPath)],
      filtered,
    },
  ];
  if (check.groups) {
    probes.push({
      label: 'Groups',
      endpoint: 'Groups',
      path: groupPath,
      query: [['excludedAttributes', 'members'], probeQuery(groupPath)],
      filtered,
    });
  }
  for (const probe of probes) {
    const outcome = await runProbe(client, probe, timeoutSeconds, check.retry === true);
    if (!outcome.ok) {
      return {
        ok: false,
        summary: outcome.summary,
        summaryCode: outcome.summaryCode,
        summaryParams: outcome.summaryParams,
        details,
        error: { code: outcome.code, message: outcome.message, kind: outcome.kind },
      };
    }
    details.push({
      label: probe.label,
      labelCode: probe.endpoint === 'Users' ? 'users' : 'groups',
      value: outcome.detail,
      valueCode: filtered ? 'emptyListAnswered' : 'listAnswered',
    });
  }
  return {
    ok: true,
    summary: `Connected to ${client.display}: the SCIM endpoint answered as expected.`,
    summaryCode: 'scimConnected',
    summaryParams: { where: client.display },
    details,
  };
}
