/**
 * Faults between Roster and a real SCIM server (scimmy behind test/peers/fault-http-server.ts): the
 * server carries out the write and the answer is lost, or the request never reaches it. Asserted at
 * the server: a write that may have landed is sent once and says mayHaveApplied, and the object or
 * membership is really there for the engine to find; a write that did not land is retried.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import { ConnectorError, type TargetConnector } from '../../../../src-main/connectors/connector';
import { createScimTarget } from '../../../../src-main/connectors/scim/scim-target';
import {
  startFaultProxy,
  type Fault,
  type FaultProxy,
  type FaultRequest,
} from '../../../peers/fault-http-server';
import { requestsTo, type ScimPeer } from '../../../peers/scim-request-log';
import { startScimmyServer } from '../../../peers/scimmy-server';

let peer: ScimPeer;
const proxies: FaultProxy[] = [];
const open: TargetConnector[] = [];

beforeAll(async () => {
  peer = await startScimmyServer();
});
afterAll(async () => {
  await peer.stop();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map(async (t) => t.close?.()));
  await Promise.all(proxies.splice(0).map((p) => p.stop()));
  peer.resetRequests();
});

function connect(baseUrl: string, timeoutMs = 2000): TargetConnector {
  const target = createScimTarget({
    readServerConfig: false,
    settings: scimSettingsSchema.parse({ baseUrl, authType: 'bearer' }),
    secrets: { bearerToken: peer.token },
    timeoutMs,
    sleep: () => Promise.resolve(),
  });
  open.push(target);
  return target;
}

/** A target through a proxy that applies `fault` to the first request matching `when`, and passes the rest. */
async function faulty(when: (req: FaultRequest) => boolean, fault: Fault, timeoutMs?: number) {
  let used = false;
  const proxy = await startFaultProxy(peer.baseUrl, (req) => {
    if (used || !when(req)) return 'pass';
    used = true;
    return fault;
  });
  proxies.push(proxy);
  return { proxy, target: connect(proxy.baseUrl, timeoutMs) };
}

let counter = 0;
function userName(): string {
  counter += 1;
  return `fault${Date.now().toString(36)}${counter}@contoso.com`;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const isPost = (req: FaultRequest) => req.method === 'POST';
const isPatch = (req: FaultRequest) => req.method === 'PATCH';

const lostAnswers: [string, Fault, string][] = [
  ['a non-JSON 2xx', { after: 'garbage' }, 'UnreadableResponse'],
  ['a 500', { after: { status: 500, body: '{"status":"500"}' } }, 'InternalServerError'],
  ['a body that breaks off', { after: 'truncate' }, 'UnreadableResponse'],
  ['a reset', { after: 'reset' }, 'WebExceptionProtocolError'],
  ['a 201 without id', { after: 'stripId' }, 'CreatedWithoutId'],
];

describe('a create whose answer is lost', () => {
  it.each(lostAnswers)(
    'after %s: sent once, mayHaveApplied, and the user exists',
    async (_name, fault, code) => {
      const { target } = await faulty(isPost, fault);
      const name = userName();
      const error = await failure(target.create('User', { userName: name }));
      expect(error).toMatchObject({ code, info: { mayHaveApplied: true } });
      expect(requestsTo(peer, 'POST', '/Users')).toHaveLength(1);
      const found = await connect(peer.baseUrl).find('User', 'userName', name, []);
      expect(found).toHaveLength(1);
    },
  );

  it('after a timeout: sent once, mayHaveApplied, and the user exists', async () => {
    const { target } = await faulty(isPost, { after: 'hang' }, 300);
    const name = userName();
    const error = await failure(target.create('User', { userName: name }));
    expect(error).toMatchObject({ code: 'Timeout', info: { mayHaveApplied: true } });
    expect(requestsTo(peer, 'POST', '/Users')).toHaveLength(1);
    expect(await connect(peer.baseUrl).find('User', 'userName', name, [])).toHaveLength(1);
  });

  it('a 429 before the server saw it is retried and creates exactly one user', async () => {
    const { target, proxy } = await faulty(isPost, {
      before: { status: 429, headers: { 'retry-after': '1' }, body: '{"status":"429"}' },
    });
    const name = userName();
    await target.create('User', { userName: name });
    expect(proxy.seen.filter(isPost)).toHaveLength(2);
    expect(requestsTo(peer, 'POST', '/Users')).toHaveLength(1);
  });
});

describe('a membership write whose answer is lost', () => {
  it('a member add answered 500 after it landed is not repeated; readMembers shows the member', async () => {
    const direct = connect(peer.baseUrl);
    const member = (await direct.create('User', { userName: userName() })).id;
    const group = (await direct.create('Group', { displayName: `Team ${userName()}` })).id;
    const { target } = await faulty(isPatch, { after: { status: 500, body: '{"status":"500"}' } });
    peer.resetRequests();
    const error = await failure(target.modifyMembers(group, [member], []));
    expect(error).toMatchObject({ code: 'InternalServerError', info: { mayHaveApplied: true } });
    expect(requestsTo(peer, 'PATCH', `/Groups/${group}`)).toHaveLength(1);
    expect(await target.readMembers!(group)).toEqual([member]);
  });

  it('a member removal whose answer is unreadable is retried (removing twice is harmless)', async () => {
    const direct = connect(peer.baseUrl);
    const member = (await direct.create('User', { userName: userName() })).id;
    const group = (await direct.create('Group', { displayName: `Team ${userName()}` })).id;
    await direct.modifyMembers(group, [member], []);
    const { target } = await faulty(isPatch, { after: 'garbage' });
    peer.resetRequests();
    await target.modifyMembers(group, [], [member]);
    expect(requestsTo(peer, 'PATCH', `/Groups/${group}`)).toHaveLength(2);
    expect(await target.readMembers!(group)).toEqual([]);
  });
});

describe('reads', () => {
  it('a GET answered with garbage once is retried and succeeds', async () => {
    const direct = connect(peer.baseUrl);
    const id = (await direct.create('User', { userName: userName() })).id;
    const { target, proxy } = await faulty((req) => req.method === 'GET', { after: 'garbage' });
    const state = await target.get('User', id, ['userName']);
    expect(state.id).toBe(id);
    expect(proxy.seen).toHaveLength(2);
  });
});
