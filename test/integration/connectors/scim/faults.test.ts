/**
 * Transient faults at the HTTP level, against a scripted loopback server: how each is classified,
 * whether it says the write may have landed, and how often each request is sent. Waits between
 * retries are recorded, never slept (injected sleep); only request counts are asserted, no timings.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import { ConnectorError, type TargetConnector } from '../../../../src-main/connectors/connector';
import { createScimTarget, type ScimTargetOptions } from '../../../../src-main/connectors/scim/scim-target';
import { emptyList, sendJson, startTinyServer, type Hit, type TinyServer } from './tiny-server';

const servers: TinyServer[] = [];
const targets: TargetConnector[] = [];
const held: ServerResponse[] = [];

afterEach(async () => {
  for (const response of held.splice(0)) response.destroy();
  await Promise.all(targets.splice(0).map(async (t) => t.close?.()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Answer = (hit: Hit, response: ServerResponse, index: number) => void;

async function serve(answer: Answer): Promise<TinyServer> {
  const server = await startTinyServer(answer);
  servers.push(server);
  return server;
}

function connect(server: TinyServer, options: Partial<ScimTargetOptions> = {}) {
  const slept: number[] = [];
  const target = createScimTarget({
    readServerConfig: false,
    settings: scimSettingsSchema.parse({ baseUrl: `${server.origin}/scim`, authType: 'bearer' }),
    secrets: { bearerToken: 'secret-token-Zq9' },
    timeoutMs: 2000,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  targets.push(target);
  return { target, slept };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

// ─── Scripted answers ────────────────────────────────────────────────────────

const garbage: Answer = (_hit, response) => {
  response.writeHead(200, { 'content-type': 'application/scim+json' });
  response.end('<html>upstream hiccup</html>');
};
const hang: Answer = (_hit, response) => {
  held.push(response);
};
const reset: Answer = (_hit, response) => {
  response.socket?.destroy();
};
const status500: Answer = (_hit, response) => sendJson(response, 500, { status: '500', detail: 'oops' });
const created: Answer = (hit, response) =>
  sendJson(response, 201, { id: 'new-1', ...(JSON.parse(hit.body || '{}') as object) });

/** `first` for the first `times` requests, then `then`. */
function times(count: number, first: Answer, then: Answer): Answer {
  return (hit, response, index) => (index < count ? first : then)(hit, response, index);
}

/** Writes `total` bytes of spaces in 1 MiB chunks until done or the client goes away; records what was sent. */
function streamHuge(total: number, sent: { bytes: number }, declare: boolean): Answer {
  return (_hit, response) => {
    response.writeHead(200, {
      'content-type': 'application/scim+json',
      ...(declare ? { 'content-length': String(total) } : {}),
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = (): void => {
      while (sent.bytes < total && !response.destroyed) {
        sent.bytes += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    response.on('error', () => undefined);
    pump();
  };
}

const userValues = { userName: 'ann@contoso.com', displayName: 'Ann' };

// ─── Tests ───────────────────────────────────────────────────────────────────

describe('retries by request kind', () => {
  it('GET retries 500, unreadable 2xx, timeouts and resets; none of it says mayHaveApplied', async () => {
    for (const fault of [status500, garbage, reset]) {
      const server = await serve(fault);
      const { target } = connect(server);
      const error = await failure(target.get('User', 'u1', []));
      expect(error.errorClass).toBe('transient');
      expect(error.info.mayHaveApplied).toBeUndefined();
      expect(server.hits).toHaveLength(4);
    }
    const server = await serve(hang);
    const error = await failure(connect(server, { timeoutMs: 150 }).target.get('User', 'u1', []));
    expect(error).toMatchObject({ errorClass: 'transient', code: 'Timeout' });
    expect(server.hits).toHaveLength(4);
  });

  it('GET recovers from one unreadable answer', async () => {
    const server = await serve(
      times(1, garbage, (_hit, response) => sendJson(response, 200, { id: 'u1', userName: 'ann' })),
    );
    const state = await connect(server).target.get('User', 'u1', ['userName']);
    expect(state.values).toEqual({ userName: 'ann' });
    expect(server.hits).toHaveLength(2);
  });

  it.each([
    ['500', status500, 'InternalServerError'],
    ['a non-JSON 2xx', garbage, 'UnreadableResponse'],
    ['a reset after sending', reset, 'WebExceptionProtocolError'],
  ])('POST is sent once on %s and says mayHaveApplied', async (_name, fault, code) => {
    const server = await serve(fault);
    const error = await failure(connect(server).target.create('User', userValues));
    expect(error).toMatchObject({ errorClass: 'transient', code, info: { mayHaveApplied: true } });
    expect(server.hits.filter((h) => h.method === 'POST')).toHaveLength(1);
  });

  it('POST is sent once on a timeout and says mayHaveApplied', async () => {
    const server = await serve(hang);
    const error = await failure(connect(server, { timeoutMs: 150 }).target.create('User', userValues));
    expect(error).toMatchObject({ code: 'Timeout', info: { mayHaveApplied: true } });
    expect(server.hits).toHaveLength(1);
  });

  it('POST is retried after 429 and 503, which say the server did nothing', async () => {
    const server = await serve(
      times(
        2,
        (_hit, response, index) =>
          sendJson(response, index === 0 ? 429 : 503, { status: 'busy' }, { 'retry-after': '3' }),
        created,
      ),
    );
    const { target, slept } = connect(server);
    await expect(target.create('User', userValues)).resolves.toMatchObject({ id: 'new-1' });
    expect(server.hits).toHaveLength(3);
    expect(slept).toEqual([3000, 3000]);
  });

  it('a member add PATCH is sent once on 500; a remove-only or replace PATCH is retried', async () => {
    const server = await serve(status500);
    const { target } = connect(server);
    const add = await failure(target.modifyMembers('g1', ['u1'], []));
    expect(add.info.mayHaveApplied).toBe(true);
    expect(server.hits).toHaveLength(1);

    server.hits.length = 0;
    const remove = await failure(target.modifyMembers('g1', [], ['u1']));
    expect(remove.info.mayHaveApplied).toBe(true);
    expect(server.hits).toHaveLength(4);

    server.hits.length = 0;
    await failure(target.update('User', 'u1', [{ path: 'displayName', oldValue: 'A', newValue: 'B' }]));
    expect(server.hits).toHaveLength(4);

    server.hits.length = 0;
    await failure(
      target.update('User', 'u1', [
        { path: 'emails[type eq "work"].value', oldValue: null, newValue: 'a@b.c' },
      ]),
    );
    expect(server.hits).toHaveLength(1);
  });

  it('gives 429 six retries honouring Retry-After, and 5xx three', async () => {
    const throttled = await serve((_hit, response) =>
      sendJson(response, 429, { status: '429' }, { 'retry-after': '2' }),
    );
    const run = connect(throttled);
    const error = await failure(run.target.find('User', 'userName', 'x', []));
    expect(error).toMatchObject({ code: 'TooManyRequests', info: { status: 429, retryAfterMs: 2000 } });
    expect(throttled.hits).toHaveLength(7);
    expect(run.slept).toEqual([2000, 2000, 2000, 2000, 2000, 2000]);

    const failing = await serve(status500);
    const second = connect(failing);
    await failure(second.target.find('User', 'userName', 'x', []));
    expect(failing.hits).toHaveLength(4);
    expect(second.slept).toHaveLength(3);
  });

  it('an idempotent PATCH that may have landed and then hits 429 still says mayHaveApplied', async () => {
    const server = await serve(
      times(1, status500, (_hit, response) => sendJson(response, 429, {}, { 'retry-after': '1' })),
    );
    const error = await failure(
      connect(server).target.update('User', 'u1', [{ path: 'displayName', oldValue: 'A', newValue: 'B' }]),
    );
    expect(error).toMatchObject({ code: 'TooManyRequests', info: { mayHaveApplied: true } });
  });

  it('a body that breaks off after a 2xx is unreadable; the POST is not repeated', async () => {
    const server = await serve((_hit, response) => {
      response.writeHead(201, { 'content-type': 'application/scim+json', 'content-length': '200' });
      response.write('{"id":"new-1","userName":', () => response.socket?.destroy());
    });
    const error = await failure(connect(server).target.create('User', userValues));
    expect(error).toMatchObject({
      errorClass: 'transient',
      code: 'UnreadableResponse',
      info: { status: 201, mayHaveApplied: true },
    });
    expect(error.message).toMatch(/POST \/Users answered HTTP 201 with a body that broke off/);
    expect(server.hits).toHaveLength(1);
  });
});

describe('answers Roster refuses to read', () => {
  it('refuses a declared 512 MiB answer at once, as ResponseTooLarge, without reading it', async () => {
    const sent = { bytes: 0 };
    const server = await serve(streamHuge(512 * 1024 * 1024, sent, true));
    const error = await failure(connect(server).target.get('User', 'u1', []));
    expect(error).toMatchObject({
      errorClass: 'objectRejected',
      code: 'ResponseTooLarge',
      info: { status: 200 },
    });
    expect(error.message).toBe(
      'GET /Users/u1 answered with more than 32 MB (it announced 512 MB); Roster refuses answers that large: a SCIM answer about one object, or one page of a query, is far smaller',
    );
    expect(server.hits).toHaveLength(1);
    expect(sent.bytes).toBeLessThan(256 * 1024 * 1024);
  });

  it('stops reading a streamed answer once it passes 32 MB', async () => {
    const sent = { bytes: 0 };
    const server = await serve(streamHuge(512 * 1024 * 1024, sent, false));
    const error = await failure(connect(server).target.find('User', 'userName', 'x', []));
    expect(error).toMatchObject({ errorClass: 'objectRejected', code: 'ResponseTooLarge' });
    expect(error.message).toMatch(
      /^GET \/Users answered with more than 32 MB; Roster refuses answers that large/,
    );
    expect(server.hits).toHaveLength(1);
    expect(sent.bytes).toBeLessThan(256 * 1024 * 1024);
  });

  it('a too-large answer to a create says mayHaveApplied', async () => {
    const server = await serve(streamHuge(64 * 1024 * 1024, { bytes: 0 }, true));
    const error = await failure(connect(server).target.create('User', userValues));
    expect(error).toMatchObject({ code: 'ResponseTooLarge', info: { mayHaveApplied: true } });
  });

  it('refuses 10,000 levels of nesting with a compliance error naming the request', async () => {
    const deep = `{"id":"u1","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const server = await serve((_hit, response) => sendJson(response, 200, deep));
    const error = await failure(connect(server).target.get('User', 'u1', []));
    expect(error).toMatchObject({
      errorClass: 'objectRejected',
      code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    });
    expect(error.message).toMatch(
      /^GET \/Users\/u1: line 1, column \d+: nested more than 64 levels deep; a SCIM answer is never nested that deep/,
    );
    expect(server.hits).toHaveLength(1);
  });

  it('a create answered 201 without an id is CreatedWithoutId, with mayHaveApplied', async () => {
    for (const body of [{ userName: 'ann@contoso.com' }, '']) {
      const server = await serve((_hit, response) => sendJson(response, 201, body));
      const error = await failure(connect(server).target.create('User', userValues));
      expect(error).toMatchObject({
        errorClass: 'objectRejected',
        code: 'CreatedWithoutId',
        info: { status: 201, mayHaveApplied: true },
      });
      expect(error.message).toBe(
        "POST /Users answered HTTP 201 without the new object's id: the app may have created it, but Roster cannot link it (RFC 7644 §3.3 requires the created resource, with its id, in the answer)",
      );
      expect(server.hits).toHaveLength(1);
    }
  });
});

describe('the connection check', () => {
  const quick = { userMatchPath: 'userName', groups: false };
  const patient = { ...quick, retry: true };
  const list: Answer = (_hit, response) => sendJson(response, 200, emptyList);

  it('with retry, rides out 500s, a 429 and an unreadable answer before its verdict', async () => {
    const server = await serve(
      times(
        3,
        (hit, response, index) =>
          [status500, (_h: Hit, r: ServerResponse) => sendJson(r, 429, {}, { 'retry-after': '1' }), garbage][
            index
          ]!(hit, response, index),
        list,
      ),
    );
    const result = await connect(server).target.testConnection(patient);
    expect(result.ok).toBe(true);
    expect(server.hits).toHaveLength(4);
  });

  it('without retry, answers after one attempt', async () => {
    const server = await serve(times(1, status500, list));
    const result = await connect(server).target.testConnection(quick);
    expect(result).toMatchObject({ ok: false, error: { kind: 'transient', code: 'InternalServerError' } });
    expect(server.hits).toHaveLength(1);
  });

  it.each([
    ['401', (_h: Hit, r: ServerResponse) => sendJson(r, 401, { status: '401' }), 'credentials', 1],
    ['404', (_h: Hit, r: ServerResponse) => sendJson(r, 404, { status: '404' }), 'incompatible', 1],
    ['a persistent non-JSON 2xx', garbage, 'incompatible', 4],
    ['a persistent 500', status500, 'transient', 4],
    [
      'a persistent 429',
      (_h: Hit, r: ServerResponse) => sendJson(r, 429, {}, { 'retry-after': '1' }),
      'transient',
      7,
    ],
    ['persistent resets', reset, 'transient', 4],
  ])('with retry, %s → %s after %i attempt(s)', async (_name, fault, kind, attempts) => {
    const server = await serve(fault);
    const result = await connect(server).target.testConnection(patient);
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe(kind);
    expect(server.hits).toHaveLength(attempts);
  });

  it('with retry, a server that never answers is transient', async () => {
    const server = await serve(hang);
    const result = await connect(server, { timeoutMs: 150 }).target.testConnection(patient);
    expect(result).toMatchObject({ ok: false, error: { kind: 'transient', code: 'Timeout' } });
    expect(server.hits).toHaveLength(4);
  });

  it('a refused connection is unreachable', async () => {
    const server = await serve(list);
    const { target } = connect(server);
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const result = await target.testConnection(patient);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(result.summary).toMatch(/connection was refused/);
  });

  it('says "too large" in words', async () => {
    const server = await serve(streamHuge(512 * 1024 * 1024, { bytes: 0 }, true));
    const result = await connect(server).target.testConnection(quick);
    expect(result).toMatchObject({ ok: false, error: { kind: 'incompatible', code: 'ResponseTooLarge' } });
    expect(result.summary).toMatch(/more than 32 MB\. Roster refuses answers that large/);
  });
});

describe('closing the target', () => {
  it('rejects queued requests with Cancelled; the request in flight finishes', async () => {
    const server = await serve((hit, response) => {
      if (hit.url.includes('first')) held.push(response);
      else sendJson(response, 200, emptyList);
    });
    const { target } = connect(server, { maxConcurrency: 1 });
    const first = target.find('User', 'userName', 'first', []);
    while (server.hits.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const queued = [1, 2, 3].map((i) => failure(target.find('User', 'userName', `queued${i}`, [])));
    const closing = target.close!();
    for (const request of queued) {
      const error = await request;
      expect(error).toMatchObject({ errorClass: 'stopCycle', code: 'Cancelled' });
      expect(error.message).toBe('The cycle stopped before this request was sent');
    }
    sendJson(held.shift()!, 200, emptyList);
    await expect(first).resolves.toEqual([]);
    await closing;
    const late = await failure(target.get('User', 'u1', []));
    expect(late.code).toBe('Cancelled');
    await target.close!();
    expect(server.hits).toHaveLength(1);
  });

  it('ends a retry that waits for Retry-After at once, without a real wait', async () => {
    const server = await serve((_hit, response) =>
      sendJson(response, 429, { status: '429' }, { 'retry-after': '100' }),
    );
    // The real timer: the close must cut it short (the test would time out otherwise).
    const { target } = connect(server, { sleep: undefined });
    const pending = failure(target.find('User', 'userName', 'x', []));
    while (server.hits.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await target.close!();
    const error = await pending;
    expect(error).toMatchObject({ errorClass: 'stopCycle', code: 'Cancelled' });
    expect(server.hits).toHaveLength(1);
  });
});
