import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { assertLoopbackBindAddress } from '../../../src-main/app/browser/loopback';
import { guardRequest } from '../../../src-main/app/browser/request-guard';

const port = 4321;
const token = 'tok-123456';

function request(headers: Record<string, string>, url = '/'): IncomingMessage {
  return { headers, url } as unknown as IncomingMessage;
}

describe('browser mode binds loopback only', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])('accepts %s', (host) => {
    expect(() => assertLoopbackBindAddress(host)).not.toThrow();
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com', '10.0.0.1'])('refuses %s', (host) => {
    expect(() => assertLoopbackBindAddress(host)).toThrow(/this computer only/);
  });
});

describe('guardRequest', () => {
  it('refuses a foreign Host even with the token', () => {
    expect(
      guardRequest(request({ host: 'evil.example:4321', authorization: `Bearer ${token}` }), port, token),
    ).toMatchObject({
      allow: false,
      status: 403,
    });
  });

  it('refuses a foreign Origin even with the token', () => {
    const verdict = guardRequest(
      request({
        host: `127.0.0.1:${port}`,
        origin: 'https://evil.example',
        authorization: `Bearer ${token}`,
      }),
      port,
      token,
    );
    expect(verdict).toMatchObject({ allow: false, status: 403 });
  });

  it('asks for the token when none is given', () => {
    expect(guardRequest(request({ host: `127.0.0.1:${port}` }), port, token)).toMatchObject({
      allow: false,
      status: 401,
    });
  });

  it('refuses a wrong token', () => {
    expect(
      guardRequest(request({ host: `localhost:${port}`, cookie: `roster_token_${port}=nope` }), port, token),
    ).toMatchObject({
      allow: false,
      status: 401,
    });
  });

  it('accepts the token from the cookie, a bearer header or the query', () => {
    const host = `127.0.0.1:${port}`;
    expect(
      guardRequest(request({ host, cookie: `a=b; roster_token_${port}=${token}` }), port, token),
    ).toEqual({
      allow: true,
      tokenFrom: 'cookie',
    });
    expect(guardRequest(request({ host, authorization: `Bearer ${token}` }), port, token)).toEqual({
      allow: true,
      tokenFrom: 'header',
    });
    expect(
      guardRequest(request({ host, origin: `http://${host}` }, `/?token=${token}`), port, token),
    ).toEqual({
      allow: true,
      tokenFrom: 'query',
    });
  });
});
