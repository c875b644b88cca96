import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosterError } from '@shared/domain/errors';
import { openDatabase } from '../../../src-main/store/db';
import { latestSchemaVersion, type Migration } from '../../../src-main/store/migrations/index';
import { makeTempDir } from '../temp-dir';

describe('the store database', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let path: string;
  beforeEach(() => {
    dir = makeTempDir();
    path = join(dir.path, 'nested', 'roster.db');
  });
  afterEach(() => dir.remove());

  it('is created owner-only, in WAL mode, with foreign keys on, at the latest schema', () => {
    const { db, schemaVersion, backupPath } = openDatabase({ path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion).toBe(latestSchemaVersion);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(backupPath).toBeNull();
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    for (const sidecar of ['-wal', '-shm']) {
      if (existsSync(path + sidecar)) expect(statSync(path + sidecar).mode & 0o077).toBe(0);
    }
    db.close();
  });

  it('tightens a database file that was readable by others', async () => {
    openDatabase({ path }).db.close();
    const { chmodSync } = await import('node:fs');
    chmodSync(path, 0o644);
    openDatabase({ path }).db.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a database written by a newer Roster, and leaves it untouched', () => {
    openDatabase({ path }).db.close();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
    let caught: unknown;
    try {
      openDatabase({ path });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RosterError);
    expect((caught as RosterError).code).toBe('databaseTooNew');
    expect((caught as RosterError).message).toMatch(/newer version of Roster/);
    const check = new BetterSqlite3(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 5);
    check.close();
  });

  it('backs up the database before running a migration, and the backup holds the old data', () => {
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x TEXT)') };
    const v2: Migration = { version: 2, name: 'two', up: (db) => db.exec('ALTER TABLE t ADD COLUMN y TEXT') };
    const first = openDatabase({ path, migrations: [v1] });
    first.db.prepare("INSERT INTO t (x) VALUES ('kept')").run();
    first.db.close();

    const second = openDatabase({ path, migrations: [v1, v2], now: () => new Date('2026-11-23T10:00:00Z') });
    expect(second.schemaVersion).toBe(2);
    expect(second.backupPath).toBe(`${path}.v1-2026-11-23T10-00-00-000Z.bak`);
    second.db.close();

    const backup = new BetterSqlite3(second.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT x FROM t').all()).toEqual([{ x: 'kept' }]);
    expect(statSync(second.backupPath!).mode & 0o777).toBe(0o600);
    backup.close();
  });

  it('rolls back a migration that fails, keeping the previous version', () => {
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x TEXT)') };
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x TEXT)');
        throw new Error('boom');
      },
    };
    openDatabase({ path, migrations: [v1] }).db.close();
    expect(() => openDatabase({ path, migrations: [v1, broken] })).toThrow('boom');
    const check = new BetterSqlite3(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    check.close();
  });
});
