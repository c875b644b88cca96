import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { guardRequest, isApiPath } from '../../../../src-main/app/browser/request-guard';
import { decodePathPart, requestUrl } from '../../../../src-main/app/browser/url-parts';

const port = 4321;
const token = 'tok-123456';
const host = `127.0.0.1:${port}`;

function request(method: string, url: string, rawHeaders: string[] = ['Host', host]): IncomingMessage {
  const headers: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    headers[name] ??= rawHeaders[i + 1] ?? '';
  }
  return { method, url, headers, rawHeaders } as unknown as IncomingMessage;
}

describe('browser mode: ?token= only on loading the page', () => {
  const table: { method: string; url: string; verdict: object }[] = [
    { method: 'GET', url: `/?token=${token}`, verdict: { allow: true, tokenFrom: 'query' } },
    { method: 'GET', url: `/jobs/42?token=${token}`, verdict: { allow: true, tokenFrom: 'query' } },
    { method: 'POST', url: `/rpc/settings.get?token=${token}`, verdict: { allow: false, status: 401 } },
    { method: 'GET', url: `/rpc/settings.get?token=${token}`, verdict: { allow: false, status: 401 } },
    { method: 'GET', url: `/events?token=${token}`, verdict: { allow: false, status: 401 } },
    { method: 'GET', url: `/exports/log.csv?token=${token}`, verdict: { allow: false, status: 401 } },
    { method: 'POST', url: `/?token=${token}`, verdict: { allow: false, status: 401 } },
  ];
  it.each(table)('$method $url', ({ method, url, verdict }) => {
    expect(guardRequest(request(method, url), port, token)).toMatchObject(verdict);
  });

  it('still takes the cookie or a bearer header on every path', () => {
    const cookie = request('POST', '/rpc/settings.get', [
      'Host',
      host,
      'Cookie',
      `roster_token_${port}=${token}`,
    ]);
    expect(guardRequest(cookie, port, token)).toEqual({ allow: true, tokenFrom: 'cookie' });
    const bearer = request('GET', '/events', ['Host', host, 'Authorization', `Bearer ${token}`]);
    expect(guardRequest(bearer, port, token)).toEqual({ allow: true, tokenFrom: 'header' });
  });

  it('names the API paths', () => {
    expect(['/rpc/a', '/events', '/exports/x.csv'].every(isApiPath)).toBe(true);
    expect(['/', '/jobs', '/assets/app.js', '/eventsx'].some(isApiPath)).toBe(false);
  });
});

describe('browser mode: request hygiene', () => {
  it('refuses a request with two Host headers, even with the token', () => {
    const twice = request('GET', '/', [
      'Host',
      host,
      'Host',
      'evil.example',
      'Authorization',
      `Bearer ${token}`,
    ]);
    expect(guardRequest(twice, port, token)).toMatchObject({ allow: false, status: 400 });
  });

  it('decodes a malformed percent-escape to null, not a URIError', () => {
    expect(decodePathPart('%E0%A4%A')).toBeNull();
    expect(decodePathPart('%zz')).toBeNull();
    expect(decodePathPart('jobs.list')).toBe('jobs.list');
    expect(decodePathPart('a%20b')).toBe('a b');
    expect(requestUrl('/x?y=1', host)?.pathname).toBe('/x');
    expect(requestUrl('/x', 'bad host[')).toBeNull();
  });
});
