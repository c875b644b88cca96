/**
 * Issue 8, browser mode: `?token=` only on loading the page (never /rpc, /events, /exports), a malformed
 * percent-escape is a 400 rather than a 500, and a request with two Host headers is refused. Raw
 * sockets, so the test sends exactly the bytes a hostile client would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../src-main/app/browser/browser-server';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/** Sends `request` as written and reads the answer until the server closes or a complete body arrived. */
function raw(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const finish = () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: rest.join('\r\n\r\n') });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      const bodyStart = text.indexOf('\r\n\r\n');
      if (
        bodyStart >= 0 &&
        (length === undefined
          ? /^HTTP\/1\.1 (30\d|40\d)/.test(text)
          : text.length - bodyStart - 4 >= Number(length))
      ) {
        socket.destroy();
        finish();
      }
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('browser mode hardening', () => {
  const dir = makeTempDir('roster-browser-hard-');
  let app: RosterApp;
  let server: BrowserServer;
  let host: string;
  let cookie: string;

  beforeAll(async () => {
    usePrivateKeyring();
    const rendererDir = join(dir.path, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Roster</title>');
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'browser',
      logger: { info() {}, warn() {}, error() {} },
    });
    mkdirSync(join(app.dataDir, 'exports'), { recursive: true });
    writeFileSync(join(app.dataDir, 'exports', 'log.csv'), 'a,b\n');
    server = await startBrowserServer({ app, rendererDir });
    host = `127.0.0.1:${server.port}`;
    cookie = `roster_token_${server.port}=${server.token}`;
  });
  afterAll(async () => {
    await server.close();
    await app.close();
    dir.remove();
  });

  const get = (path: string, headers: string[] = []) =>
    raw(
      server.port,
      [`GET ${path} HTTP/1.1`, `Host: ${host}`, ...headers, 'Connection: close', '', ''].join('\r\n'),
    );

  it('trades ?token= for the cookie on loading the page', async () => {
    const answer = await get(`/?token=${server.token}`);
    expect(answer.status).toBe(302);
    expect(answer.head).toContain(`Set-Cookie: ${cookie}`);
  });

  const apiPaths: { what: string; request: () => string }[] = [
    {
      what: 'POST /rpc/<command>?token=',
      request: () =>
        [
          `POST /rpc/settings.get?token=${server.token} HTTP/1.1`,
          `Host: ${host}`,
          'Content-Type: application/json',
          'Content-Length: 2',
          'Connection: close',
          '',
          '{}',
        ].join('\r\n'),
    },
    {
      what: 'GET /events?token=',
      request: () =>
        `GET /events?token=${server.token} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    },
    {
      what: 'GET /exports/<file>?token=',
      request: () =>
        `GET /exports/log.csv?token=${server.token} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    },
  ];
  it.each(apiPaths)('refuses the token in the URL of $what (401)', async ({ request }) => {
    const answer = await raw(server.port, request());
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain('a,b');
  });

  it('still serves those paths with the cookie', async () => {
    const exported = await get('/exports/log.csv', [`Cookie: ${cookie}`]);
    expect(exported.status).toBe(200);
    expect(exported.body).toContain('a,b');
  });

  const malformed = ['/rpc/%E0%A4%A', '/exports/%zz.csv', '/%E0%A4%A', '/jobs/%'];
  it.each(malformed)('answers 400, not 500, to a malformed percent-escape: %s', async (path) => {
    const method = path.startsWith('/rpc/') ? 'POST' : 'GET';
    const answer = await raw(
      server.port,
      [
        `${method} ${path} HTTP/1.1`,
        `Host: ${host}`,
        `Cookie: ${cookie}`,
        'Content-Type: application/json',
        'Content-Length: 2',
        'Connection: close',
        '',
        '{}',
      ].join('\r\n'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('invalidInput');
  });

  it('refuses a request with two Host headers (400), even with the token', async () => {
    const answer = await raw(
      server.port,
      [
        'GET / HTTP/1.1',
        `Host: ${host}`,
        'Host: attacker.example',
        `Cookie: ${cookie}`,
        'Connection: close',
        '',
        '',
      ].join('\r\n'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('<title>Roster</title>');
  });

  it('refuses a deeply nested command body in one sentence (400)', async () => {
    const body = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const answer = await raw(
      server.port,
      [
        'POST /rpc/settings.update HTTP/1.1',
        `Host: ${host}`,
        `Cookie: ${cookie}`,
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('nested more than 64 levels deep');
  });
});
