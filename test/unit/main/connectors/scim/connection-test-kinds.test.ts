import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../../src-main/connectors/connector';
import {
  createdWithoutId,
  responseTooLarge,
  unreadableResponse,
} from '../../../../../src-main/connectors/scim/answer-errors';
import { testScimConnection } from '../../../../../src-main/connectors/scim/connection-test';
import {
  cancelledError,
  errorFromNetwork,
  errorFromResponse,
} from '../../../../../src-main/connectors/scim/errors';
import type { ScimHttpClient, ScimRequest } from '../../../../../src-main/connectors/scim/http-client';

const emptyList = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 0,
  Resources: [],
};

function client(
  answer: (request: ScimRequest) => Promise<unknown>,
): ScimHttpClient & { sent: ScimRequest[] } {
  const sent: ScimRequest[] = [];
  return {
    sent,
    display: 'app.example.com/scim',
    urlOf: () => '',
    async send(request) {
      sent.push(request);
      return { status: 200, body: await answer(request) };
    },
    close: () => Promise.resolve(),
  };
}

function network(code: string): ConnectorError {
  return errorFromNetwork(Object.assign(new Error(code), { code }), {
    method: 'GET',
    path: '/Users',
    host: 'app.example.com',
    changesTarget: true,
  });
}

function status(code: number, extra: { scimType?: string } = {}): ConnectorError {
  return errorFromResponse({
    method: 'GET',
    path: '/Users',
    status: code,
    body: extra.scimType ? { status: String(code), scimType: extra.scimType } : undefined,
    notFound: 'endpoint',
  });
}

const cases: [string, unknown, string, RegExp][] = [
  ['401', status(401), 'credentials', /refused the credentials \(HTTP 401\)/],
  ['403', status(403), 'credentials', /does not allow them to read Users \(HTTP 403\)/],
  [
    'missing secret',
    new ConnectorError('stopCycle', 'Unauthorized', 'No bearer token is stored.'),
    'credentials',
    /No bearer token/,
  ],
  ['404', status(404), 'incompatible', /Nothing answers at .*\(HTTP 404\)/],
  ['302', status(302), 'incompatible', /redirected the request/],
  [
    '400 invalidFilter',
    status(400, { scimType: 'invalidFilter' }),
    'incompatible',
    /cannot filter on userName/,
  ],
  ['405', status(405), 'incompatible', /answered HTTP 405/],
  ['501', status(501), 'incompatible', /answered HTTP 501/],
  [
    'invalid URL',
    new ConnectorError('stopCycle', 'InvalidUrl', 'The tenant URL is not valid.'),
    'incompatible',
    /not valid/,
  ],
  [
    'non-JSON 2xx',
    unreadableResponse('GET', '/Users', 200, 'a body that is not JSON'),
    'incompatible',
    /not SCIM JSON/,
  ],
  [
    'broken-off 2xx',
    unreadableResponse('GET', '/Users', 200, 'a body that broke off', new Error('reset')),
    'incompatible',
    /broke off/,
  ],
  [
    'too large',
    responseTooLarge('GET', '/Users', 200, 32 * 1024 * 1024, 512 * 1024 * 1024),
    'incompatible',
    /more than 32 MB\. Roster refuses answers that large/,
  ],
  ['not a list', { hello: 'world' }, 'incompatible', /not with a SCIM ListResponse/],
  [
    'finds something',
    { ...emptyList, totalResults: 2, Resources: [{ id: '1' }, { id: '2' }] },
    'incompatible',
    /ignore filters/,
  ],
  ['429', status(429), 'transient', /answered HTTP 429/],
  ['500', status(500), 'transient', /answered HTTP 500/],
  ['503', status(503), 'transient', /answered HTTP 503/],
  ['timeout', network('UND_ERR_HEADERS_TIMEOUT'), 'transient', /did not answer within 60 seconds/],
  ['reset', network('ECONNRESET'), 'transient', /dropped it before answering/],
  ['cancelled', cancelledError(), 'transient', /cut short/],
  ['refused', network('ECONNREFUSED'), 'unreachable', /connection was refused/],
  ['DNS', network('ENOTFOUND'), 'unreachable', /does not resolve/],
  ['TLS', network('CERT_HAS_EXPIRED'), 'unreachable', /could not be verified/],
];

describe('Test connection: every failure carries a kind', () => {
  it.each(cases)('%s → %s', async (_name, outcome, kind, summary) => {
    const result = await testScimConnection(
      client(() => (outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome))),
      { userMatchPath: 'userName', groups: false },
      60,
    );
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe(kind);
    expect(result.summary).toMatch(summary);
  });

  it('asks for retries only when the check says so, always as an idempotent GET', async () => {
    const quick = client(() => Promise.resolve(emptyList));
    await testScimConnection(quick, { userMatchPath: 'userName', groups: true }, 60);
    expect(quick.sent.map((r) => [r.method, r.retry, r.idempotent])).toEqual([
      ['GET', false, true],
      ['GET', false, true],
    ]);
    const patient = client(() => Promise.resolve(emptyList));
    const result = await testScimConnection(
      patient,
      { userMatchPath: 'userName', groups: false, retry: true },
      60,
    );
    expect(result.ok).toBe(true);
    expect(patient.sent.map((r) => r.retry)).toEqual([true]);
  });

  it('is not confused by a created-without-id error (it never creates, but a code it does not know is still explained)', async () => {
    const result = await testScimConnection(
      client(() => Promise.reject(createdWithoutId('POST', '/Users', 201))),
      { userMatchPath: 'userName', groups: false },
      60,
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'incompatible', code: 'CreatedWithoutId' } });
  });
});
