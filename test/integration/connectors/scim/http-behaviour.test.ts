import { afterEach, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import { ConnectorError, type TargetConnector } from '../../../../src-main/connectors/connector';
import { createScimTarget, type ScimTargetOptions } from '../../../../src-main/connectors/scim/scim-target';
import { emptyList, sendJson, startTinyServer, type TinyHandler, type TinyServer } from './tiny-server';

const servers: TinyServer[] = [];
const targets: TargetConnector[] = [];

afterEach(async () => {
  await Promise.all(targets.splice(0).map(async (t) => t.close?.()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: TinyHandler): Promise<TinyServer> {
  const server = await startTinyServer(handler);
  servers.push(server);
  return server;
}

function connect(
  baseUrl: string,
  options: Partial<ScimTargetOptions> = {},
  settings: Record<string, unknown> = {},
): TargetConnector {
  const target = createScimTarget({
    readServerConfig: false,
    settings: scimSettingsSchema.parse({ baseUrl, authType: 'bearer', ...settings }),
    secrets: { bearerToken: 'secret-token-Zq9' },
    retry: { backoffBaseMs: 10, backoffMaxMs: 40, defaultRetryAfterMs: 20 },
    ...options,
  });
  targets.push(target);
  return target;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('SCIM transport: throttling and retries', () => {
  it('waits for Retry-After: 1 after a 429, then retries once', async () => {
    const server = await serve((_hit, response, index) => {
      if (index === 0)
        sendJson(response, 429, { status: '429', detail: 'slow down' }, { 'retry-after': '1' });
      else sendJson(response, 200, emptyList);
    });
    const found = await connect(`${server.origin}/scim`).find('User', 'userName', 'ann@contoso.com', []);
    expect(found).toEqual([]);
    expect(server.hits).toHaveLength(2);
    const [first, second] = server.hits;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a 503 three times, then surfaces a transient error', async () => {
    const server = await serve((_hit, response) =>
      sendJson(response, 503, { status: '503', detail: 'maintenance' }),
    );
    const error = await failure(connect(`${server.origin}/scim`).find('User', 'userName', 'x', []));
    expect(error).toMatchObject({
      errorClass: 'transient',
      code: 'InternalServerError',
      info: { status: 503 },
    });
    expect(error.info.detail).toBe('maintenance');
    expect(server.hits).toHaveLength(4);
  });

  it('does not sleep through a Retry-After longer than the cap: it surfaces with retryAfterMs', async () => {
    const server = await serve((_hit, response) =>
      sendJson(response, 429, { status: '429' }, { 'retry-after': '120' }),
    );
    const error = await failure(
      connect(`${server.origin}/scim`, { retry: { maxRetryAfterMs: 1000 } }).find(
        'User',
        'userName',
        'x',
        [],
      ),
    );
    expect(error).toMatchObject({
      errorClass: 'transient',
      code: 'TooManyRequests',
      info: { retryAfterMs: 120_000 },
    });
    expect(server.hits).toHaveLength(1);
  });

  it('backs off and retries a 500 on GET, but never retries a POST that may have been applied', async () => {
    const server = await serve((_hit, response) => sendJson(response, 500, { status: '500' }));
    const target = connect(`${server.origin}/scim`);
    await failure(target.get('User', 'abc', []));
    expect(server.hits).toHaveLength(4);
    server.hits.length = 0;
    const error = await failure(target.create('User', { userName: 'ann' }));
    expect(error).toMatchObject({ errorClass: 'transient', code: 'InternalServerError' });
    expect(server.hits).toHaveLength(1);
  });

  it('times out a request that gets no answer', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const error = await failure(
      connect(`${server.origin}/scim`, { timeoutMs: 300, retry: { maxRetries: 0 } }).find(
        'User',
        'userName',
        'x',
        [],
      ),
    );
    expect(error).toMatchObject({ errorClass: 'transient', code: 'Timeout' });
  });

  it('paces requests to maxRequestsPerSecond and keeps at most maxConcurrency in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await serve((_hit, response) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        sendJson(response, 200, emptyList);
      }, 20);
    });
    const target = connect(`${server.origin}/scim`, { maxRequestsPerSecond: 10, maxConcurrency: 1 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => target.find('User', 'userName', `u${i}`, [])));
    expect(server.hits).toHaveLength(6);
    expect(peak).toBe(1);
    const span = server.hits[5]!.at - server.hits[0]!.at;
    expect(span).toBeGreaterThanOrEqual(5 * 100 - 20);
  });
});

describe('SCIM transport: wire details', () => {
  it('sends SCIM media types and the bearer token, accepts application/json, and keeps the tenant URL query', async () => {
    const server = await serve((hit, response) => {
      response.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ id: 'u1', userName: 'ann' }));
    });
    const created = await connect(`${server.origin}/scim/?aadOptscim062020`).create('User', {
      userName: 'ann',
    });
    expect(created.id).toBe('u1');
    const hit = server.hits[0]!;
    expect(hit.url).toBe('/scim/Users?aadOptscim062020');
    expect(hit.headers['accept']).toBe('application/scim+json');
    expect(hit.headers['content-type']).toBe('application/scim+json');
    expect(hit.headers['authorization']).toBe('Bearer secret-token-Zq9');
  });

  it('URL-encodes the JSON-escaped filter value', async () => {
    const server = await serve((_hit, response) => sendJson(response, 200, emptyList));
    await connect(`${server.origin}/scim`).find('User', 'userName', 'a "b" \\ c+d&e', []);
    expect(server.hits[0]!.url).toBe(
      `/scim/Users?filter=${encodeURIComponent('userName eq "a \\"b\\" \\\\ c+d&e"')}`,
    );
    expect(server.hits[0]!.url).toContain('%20eq%20%22a%20%5C%22b%5C%22%20%5C%5C%20c%2Bd%26e%22');
  });

  it('drops query results whose value differs (a server that ignores the filter)', async () => {
    const server = await serve((_hit, response) =>
      sendJson(response, 200, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 2,
        Resources: [
          { id: '1', userName: 'someone@contoso.com' },
          { id: '2', userName: 'Ann@Contoso.com' },
        ],
      }),
    );
    const found = await connect(`${server.origin}/scim`).find('User', 'userName', 'ann@contoso.com', [
      'userName',
    ]);
    expect(found.map((f) => f.id)).toEqual(['2']);
  });

  it('treats a 2xx that is not JSON as an unreadable answer: retried on a GET, then transient', async () => {
    const server = await serve((_hit, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>login</html>');
    });
    const error = await failure(connect(`${server.origin}/scim`).get('User', 'x', []));
    expect(error).toMatchObject({
      errorClass: 'transient',
      code: 'UnreadableResponse',
      info: { status: 200 },
    });
    expect(error.message).toBe(
      'GET /Users/x answered HTTP 200 with a body that is not JSON; a SCIM service answers in JSON',
    );
    expect(server.hits).toHaveLength(4);
  });

  it('refuses plain http to a host that is not this computer, before sending anything', async () => {
    // The settings form refuses this URL too; the connector checks again rather than trusting its caller.
    const settings = { ...scimSettingsSchema.parse({ baseUrl: 'https://scim.example.com/scim' }) };
    settings.baseUrl = 'http://scim.example.com/scim';
    const target = createScimTarget({
      readServerConfig: false,
      settings,
      secrets: { bearerToken: 'secret-token-Zq9' },
    });
    targets.push(target);
    const error = await failure(target.find('User', 'userName', 'x', []));
    expect(error).toMatchObject({ errorClass: 'stopCycle', code: 'InsecureUrl' });
    const result = await target.testConnection({ userMatchPath: 'userName', groups: false });
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/plain http:\/\/ .*only for this computer/);
  });

  it('sends HTTP Basic credentials when the connection uses basic authentication', async () => {
    const server = await serve((_hit, response) => sendJson(response, 200, emptyList));
    const target = createScimTarget({
      readServerConfig: false,
      settings: scimSettingsSchema.parse({
        baseUrl: `${server.origin}/scim`,
        authType: 'basic',
        username: 'svc',
      }),
      secrets: { password: 'pa:ss' },
    });
    targets.push(target);
    await target.find('User', 'userName', 'x', []);
    expect(server.hits[0]!.headers['authorization']).toBe(
      `Basic ${Buffer.from('svc:pa:ss').toString('base64')}`,
    );
  });

  it('fetches an OAuth 2 client-credentials token once, and again after a 401', async () => {
    let issued = 0;
    let accepted = '';
    const server = await serve((hit, response) => {
      if (hit.url === '/token') {
        issued += 1;
        accepted = `token-${issued}`;
        sendJson(response, 200, { access_token: accepted, token_type: 'Bearer', expires_in: 3600 });
        return;
      }
      if (hit.headers['authorization'] !== `Bearer ${accepted}`) sendJson(response, 401, { status: '401' });
      else sendJson(response, 200, emptyList);
    });
    const target = createScimTarget({
      readServerConfig: false,
      settings: scimSettingsSchema.parse({
        baseUrl: `${server.origin}/scim`,
        authType: 'oauth2',
        tokenUrl: `${server.origin}/token`,
        clientId: 'roster app',
        scope: 'scim.write',
      }),
      secrets: { clientSecret: 's3cret/+' },
    });
    targets.push(target);
    for (let i = 0; i < 3; i++) await target.find('User', 'userName', `u${i}`, []);
    const tokenHits = server.hits.filter((h) => h.url === '/token');
    expect(tokenHits).toHaveLength(1);
    expect(tokenHits[0]!.body).toBe('grant_type=client_credentials&scope=scim.write');
    const basic = Buffer.from(
      `${encodeURIComponent('roster app')}:${encodeURIComponent('s3cret/+')}`,
    ).toString('base64');
    expect(tokenHits[0]!.headers['authorization']).toBe(`Basic ${basic}`);

    accepted = 'rotated-by-server';
    await target.find('User', 'userName', 'after-rotation', []);
    expect(server.hits.filter((h) => h.url === '/token')).toHaveLength(2);
    expect(server.hits.at(-1)!.headers['authorization']).toBe('Bearer token-2');
  });
});

describe('Test connection against odd endpoints', () => {
  const check = { userMatchPath: 'userName', groups: false };

  it('explains a 403', async () => {
    const server = await serve((_hit, response) => sendJson(response, 403, { status: '403' }));
    const result = await connect(`${server.origin}/scim`).testConnection(check);
    expect(result).toMatchObject({ ok: false, error: { code: 'InsufficientRights' } });
    expect(result.summary).toMatch(/does not allow them to read Users \(HTTP 403\)/);
  });

  it('explains a 200 that is not a ListResponse', async () => {
    const server = await serve((_hit, response) => sendJson(response, 200, { hello: 'world' }));
    const result = await connect(`${server.origin}/scim`).testConnection(check);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/not with a SCIM ListResponse/);
  });

  it('explains a query for a random value that returns results', async () => {
    const server = await serve((_hit, response) =>
      sendJson(response, 200, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 3,
        Resources: [{ id: '1' }, { id: '2' }, { id: '3' }],
      }),
    );
    const result = await connect(`${server.origin}/scim`).testConnection(check);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/returned 3 result\(s\) for a random userName.*ignore filters/);
  });

  it('explains an HTML page', async () => {
    const server = await serve((_hit, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html></html>');
    });
    const result = await connect(`${server.origin}/scim`).testConnection(check);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/not SCIM JSON/);
  });

  it('explains a refused connection and answers without retrying', async () => {
    const server = await serve((_hit, response) => sendJson(response, 200, emptyList));
    const origin = server.origin;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const started = Date.now();
    const result = await connect(`${origin}/scim`).testConnection(check);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/connection was refused/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('explains a server that does not answer in time', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const result = await connect(`${server.origin}/scim`, { timeoutMs: 300 }).testConnection(check);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/did not answer within 0.3 seconds/);
  });
});
