import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as undici from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request, requestDeadline } from '../../../../../src-main/connectors/scim/undici-core';

interface Seen {
  method: string;
  url: string;
  header: string | undefined;
  body: string;
}

describe('undici-core: the Agent and request() loaded without undici’s index', () => {
  let server: Server;
  let origin: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          header: req.headers['x-probe'] as string,
          body,
        });
        if (req.url?.startsWith('/slow')) return; // never answers: the abort test
        if (req.url?.startsWith('/drip')) {
          // Headers and a first chunk, then nothing: an abort while the body is read.
          res.writeHead(200, { 'content-type': 'application/scim+json' }).write('{"id":');
          return;
        }
        res.writeHead(201, { 'content-type': 'application/scim+json' }).end('{"id":"1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is the very Agent class the package index exports', () => {
    // An upgrade that moved undici's files would fail here (and the build), not in a cycle.
    expect(Agent).toBe(undici.Agent);
  });

  it('sends the method, path, query, headers and body, and reads the answer', async () => {
    const agent = new Agent();
    try {
      const response = await request(`${origin}/scim/v2/Users?filter=userName%20eq%20%22a%22`, {
        method: 'POST',
        headers: { 'x-probe': 'yes', 'content-type': 'application/scim+json' },
        body: '{"userName":"a"}',
        dispatcher: agent,
      });
      expect(response.statusCode).toBe(201);
      expect(response.headers['content-type']).toBe('application/scim+json');
      expect(await response.body.text()).toBe('{"id":"1"}');
      expect(seen.at(-1)).toEqual({
        method: 'POST',
        url: '/scim/v2/Users?filter=userName%20eq%20%22a%22',
        header: 'yes',
        body: '{"userName":"a"}',
      });
    } finally {
      await agent.close();
    }
  });

  it('rejects with the abort reason when its signal aborts', async () => {
    const agent = new Agent();
    const deadline = new AbortController();
    const pending = request(`${origin}/slow`, { method: 'GET', dispatcher: agent, signal: deadline.signal });
    setTimeout(() => deadline.abort(new DOMException('The request timed out', 'TimeoutError')), 50);
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
    await agent.destroy();
  });

  it('takes a requestDeadline as its signal: the abort rejects with its reason, before the answer or while its body is read', async () => {
    const agent = new Agent();
    const timedOut = () => new DOMException('The request timed out', 'TimeoutError');
    const beforeAnswer = requestDeadline();
    const pending = request(`${origin}/slow`, {
      method: 'GET',
      dispatcher: agent,
      signal: beforeAnswer.signal,
    });
    setTimeout(() => beforeAnswer.abort(timedOut()), 50);
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });

    const inBody = requestDeadline();
    const answer = await request(`${origin}/drip`, {
      method: 'GET',
      dispatcher: agent,
      signal: inBody.signal,
    });
    setTimeout(() => inBody.abort(timedOut()), 50);
    await expect(answer.body.text()).rejects.toMatchObject({ name: 'TimeoutError' });
    await agent.destroy();
  });

  it('lets go of a requestDeadline once the answer is read: nothing stays listening', async () => {
    const agent = new Agent();
    const deadline = requestDeadline();
    const answer = await request(`${origin}/Users`, {
      method: 'GET',
      dispatcher: agent,
      signal: deadline.signal,
    });
    expect(await answer.body.text()).toBe('{"id":"1"}');
    // undici lets go when the body closes, a tick after its text is read.
    await new Promise((resolve) => setImmediate(resolve));
    expect(deadline.signal.listenerCount('abort')).toBe(0);
    // The timer that fires late (cleared in the client, but should one) rejects nothing.
    deadline.abort(new DOMException('The request timed out', 'TimeoutError'));
    await agent.close();
  });
});
