import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/domain/connections';
import type { Result } from '@shared/domain/result';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { createKeytarVault } from '../../../src-main/vault/keytar-vault';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Every byte Roster's store wrote: the database, its WAL and anything else in the data folder. */
function storeBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .map((file) => readFileSync(join(dataDir, file)).toString('latin1'))
    .join('\n');
}

describe('connections through the app services', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let app: RosterApp;
  const token = `scim-token-${Date.now()}-Zq9`;

  beforeAll(() => usePrivateKeyring());
  beforeEach(() => {
    dir = makeTempDir();
    app = createApp({ dataDir: dir.path, mode: 'browser', osUser: 'alice', logger: silentLog });
  });
  afterEach(async () => {
    await app.close();
    dir.remove();
  });

  async function createScim(name = 'Slack'): Promise<ConnectionView> {
    return unwrap<ConnectionView>(
      await app.dispatch('connections.create', {
        name,
        kind: 'scim',
        settings: { baseUrl: 'https://api.slack.com/scim/v2' },
        secrets: { bearerToken: token },
      }),
    );
  }

  it('keeps the secret in the keychain and only its state in SQLite', async () => {
    const created = await createScim();
    expect(created.secrets).toEqual({ bearerToken: 'set', password: 'notSet', clientSecret: 'notSet' });
    expect(created.settings).toMatchObject({ baseUrl: 'https://api.slack.com/scim/v2', authType: 'bearer' });
    expect(await createKeytarVault().get(`connection/${created.id}/bearerToken`)).toBe(token);
    expect(storeBytes(dir.path)).not.toContain(token);
    expect(JSON.stringify(unwrap(await app.dispatch('connections.list', {})))).not.toContain(token);
  });

  it('writes an audit entry per change, with who, and secrets only as set / not set', async () => {
    const created = await createScim();
    unwrap(
      await app.dispatch('connections.update', {
        id: created.id,
        name: 'Slack (prod)',
        secrets: { bearerToken: 'new-token-123' },
      }),
    );
    unwrap(await app.dispatch('settings.update', { theme: 'dark' }));
    unwrap(await app.dispatch('connections.delete', { id: created.id }));
    const page = unwrap<{ entries: { action: string; actor: string; before: unknown; after: unknown }[] }>(
      await app.dispatch('audit.list', {}),
    );
    expect(page.entries.map((e) => e.action)).toEqual([
      'connection.delete',
      'settings.update',
      'connection.update',
      'connection.create',
    ]);
    expect(page.entries.every((e) => e.actor === 'alice')).toBe(true);
    const update = page.entries[2]!;
    expect(update.before).toMatchObject({ name: 'Slack', secrets: { bearerToken: 'set' } });
    expect(update.after).toMatchObject({
      name: 'Slack (prod)',
      secrets: { bearerToken: 'set' },
      secretsChanged: ['bearerToken'],
    });
    expect(page.entries[1]).toMatchObject({ before: { theme: 'system' }, after: { theme: 'dark' } });
    const everything = JSON.stringify(page) + storeBytes(dir.path);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('new-token-123');
  });

  it('says no secret changed when a save typed none (only settings changed)', async () => {
    const created = await createScim();
    unwrap(
      await app.dispatch('connections.update', {
        id: created.id,
        settings: { baseUrl: 'https://api.slack.com/scim/v2', timeoutSeconds: 90 },
        secrets: {},
      }),
    );
    const page = unwrap<{ entries: { action: string; after: Record<string, unknown> }[] }>(
      await app.dispatch('audit.list', { action: 'connection.update' }),
    );
    expect(page.entries[0]?.after).not.toHaveProperty('secretsChanged');
    expect(page.entries[0]?.after).toMatchObject({ settings: { timeoutSeconds: 90 } });
  });

  it('removes a secret on request and deletes keychain items with the connection', async () => {
    const created = await createScim();
    const cleared = unwrap<ConnectionView>(
      await app.dispatch('connections.update', { id: created.id, secrets: { bearerToken: null } }),
    );
    expect(cleared.secrets['bearerToken']).toBe('notSet');
    expect(await createKeytarVault().get(`connection/${created.id}/bearerToken`)).toBeNull();

    const second = await createScim('Zoom');
    unwrap(await app.dispatch('connections.delete', { id: second.id }));
    expect(await createKeytarVault().get(`connection/${second.id}/bearerToken`)).toBeNull();
    expect(unwrap<ConnectionView[]>(await app.dispatch('connections.list', {})).map((c) => c.name)).toEqual([
      'Slack',
    ]);
  });

  it('refuses a duplicate name (whatever its case) with a conflict on the name field', async () => {
    await createScim('Slack');
    const result = await app.dispatch('connections.create', {
      name: 'SLACK',
      kind: 'scim',
      settings: { baseUrl: 'https://x.example' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { issues: [{ path: 'name' }] } },
    });
  });

  it('names each invalid setting of the kind', async () => {
    const result = await app.dispatch('connections.create', {
      name: 'AD',
      kind: 'ldap',
      settings: { url: 'http://dc1', bindDn: '', baseDn: 'dc=example,dc=com', pageSize: 0 },
      secrets: { bindPassword: 'pw' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidInput');
    const paths = (result.error.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['settings.bindDn', 'settings.pageSize', 'settings.url']);
    expect(result.error.message).toContain('settings.url — Use ldap://host:port or ldaps://host:port');
  });

  it('refuses a secret field the kind does not have', async () => {
    const result = await app.dispatch('connections.create', {
      name: 'HR',
      kind: 'csv',
      settings: { path: '/data/hr.csv' },
      secrets: { bearerToken: 'x' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', details: { issues: [{ path: 'secrets.bearerToken' }] } },
    });
  });

  it('says when a connection no longer exists', async () => {
    expect(await app.dispatch('connections.get', { id: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });

  it('emits events the transports forward', async () => {
    const seen: string[] = [];
    app.events.onAny((name) => seen.push(name));
    await createScim();
    expect(seen).toEqual(['audit.appended', 'connections.changed']);
  });

  it('keeps settings across a restart and reports where data lives', async () => {
    unwrap(await app.dispatch('settings.update', { language: 'ko', theme: 'dark' }));
    await app.close();
    app = createApp({ dataDir: dir.path, mode: 'browser', osUser: 'alice', logger: silentLog });
    expect(unwrap(await app.dispatch('settings.get', {}))).toEqual({
      language: 'ko',
      theme: 'dark',
      logRetentionDays: 30,
    });
    const info = unwrap<{ dataDir: string; databasePath: string; vault: { available: boolean } }>(
      await app.dispatch('app.info', {}),
    );
    expect(info.dataDir).toBe(dir.path);
    expect(info.databasePath).toBe(join(dir.path, 'roster.db'));
    expect(info.vault.available).toBe(true);
  });
});
