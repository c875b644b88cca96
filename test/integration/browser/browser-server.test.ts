import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../src-main/app/browser/browser-server';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls Host and Origin exactly as a hostile page could. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('browser mode', () => {
  const dir = makeTempDir();
  let app: RosterApp;
  let server: BrowserServer;
  let host: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    usePrivateKeyring();
    const rendererDir = join(dir.path, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Roster</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    app = createApp({
      dataDir: join(dir.path, 'data'),
      mode: 'browser',
      logger: { info() {}, warn() {}, error() {} },
    });
    server = await startBrowserServer({ app, rendererDir });
    host = `127.0.0.1:${server.port}`;
    auth = { Host: host, Authorization: `Bearer ${server.token}` };
  });
  afterAll(async () => {
    await server.close();
    await app.close();
    dir.remove();
  });

  it('prints a loopback URL that carries a long random token', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{43}$`),
    );
  });

  it('answers 401 to every kind of request without the token', async () => {
    for (const path of ['/', '/assets/app.js', '/events', '/rpc/settings.get']) {
      const method = path.startsWith('/rpc/') ? 'POST' : 'GET';
      const res = await send(server.port, {
        method,
        path,
        headers: { Host: host, 'Content-Type': 'application/json' },
      });
      expect(res.status, path).toBe(401);
    }
    const wrong = await send(server.port, { path: '/?token=wrong', headers: { Host: host } });
    expect(wrong.status).toBe(401);
  });

  it('answers 403 to a foreign Host (DNS rebinding) even with the token', async () => {
    const res = await send(server.port, {
      path: '/',
      headers: { ...auth, Host: `attacker.example:${server.port}` },
    });
    expect(res.status).toBe(403);
  });

  it('answers 403 to a foreign Origin even with the token, and sends no CORS headers', async () => {
    const res = await send(server.port, {
      method: 'POST',
      path: '/rpc/settings.get',
      headers: { ...auth, Origin: 'https://attacker.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('trades the token in the URL for an HttpOnly cookie and drops it from the address', async () => {
    const res = await send(server.port, { path: `/?token=${server.token}`, headers: { Host: host } });
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`roster_token_${server.port}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(server.port, {
      path: '/',
      headers: { Host: host, Cookie: cookie.split(';')[0]! },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Roster</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('runs commands as POST /rpc/<command> with the same Result shape as IPC', async () => {
    const ok = await send(server.port, {
      method: 'POST',
      path: '/rpc/settings.get',
      headers: { ...auth, 'Content-Type': 'application/json', Origin: `http://${host}` },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({
      ok: true,
      value: { theme: 'system', language: 'en', logRetentionDays: 30 },
    });

    const bad = await send(server.port, {
      method: 'POST',
      path: '/rpc/settings.update',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"theme":"purple"}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  });

  it('refuses commands that are not JSON (no form posts from other pages)', async () => {
    const res = await send(server.port, {
      method: 'POST',
      path: '/rpc/settings.get',
      headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(res.status).toBe(415);
  });

  it('streams app events over Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: '/events', headers: auth },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: settings.changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await app.dispatch('settings.update', { theme: 'dark' });
    const text = await received;
    expect(text).toContain(
      'event: settings.changed\ndata: {"theme":"dark","language":"en","logRetentionDays":30}',
    );
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startBrowserServer({ app, rendererDir: dir.path, host: '0.0.0.0' })).rejects.toThrow(
      /this computer only/,
    );
  });
});
