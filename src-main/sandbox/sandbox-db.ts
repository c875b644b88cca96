import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { refusal } from '@shared/domain/error-messages';

export type { Database };

/** Marks the file as a sandbox database ("RSBX"), so the app's own store is never mistaken for one. */
const applicationId = 0x52534258;
const privateFile = 0o600;

interface SandboxMigration {
  version: number;
  up(db: Database): void;
}

/**
 * Append only: a migration that has shipped never changes. The sandbox keeps its own numbering,
 * separate from the app store's, because it is a separate file with a separate life.
 */
const migrations: readonly SandboxMigration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE sandbox_meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- seq gives SCIM list pages a stable order (creation order); id is what clients see.
        CREATE TABLE scim_users (
          seq           INTEGER PRIMARY KEY,
          id            TEXT NOT NULL UNIQUE,
          user_name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
          external_id   TEXT,
          display_name  TEXT COLLATE NOCASE,
          active        INTEGER NOT NULL CHECK (active IN (0, 1)),
          resource_json TEXT NOT NULL,
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL
        ) STRICT;
        CREATE INDEX scim_users_external_id ON scim_users (external_id);
        CREATE INDEX scim_users_display_name ON scim_users (display_name);

        CREATE TABLE scim_groups (
          seq           INTEGER PRIMARY KEY,
          id            TEXT NOT NULL UNIQUE,
          display_name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
          external_id   TEXT,
          resource_json TEXT NOT NULL,
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL
        ) STRICT;
        CREATE INDEX scim_groups_external_id ON scim_groups (external_id);

        -- A member is a user or a group, so member_id cannot have a foreign key; deleting a user or a
        -- group removes its memberships in the same transaction instead.
        CREATE TABLE scim_memberships (
          group_id    TEXT NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
          member_id   TEXT NOT NULL,
          member_type TEXT NOT NULL CHECK (member_type IN ('User', 'Group')),
          PRIMARY KEY (group_id, member_id)
        ) STRICT;
        CREATE INDEX scim_memberships_member ON scim_memberships (member_id);
      `);
    },
  },
];

export const latestSandboxSchemaVersion = migrations.at(-1)?.version ?? 0;

/**
 * Opens (creating if needed) a sandbox database: owner-only file mode, WAL, foreign keys, migrations
 * by `user_version`. Refuses files written by a newer Roster and files that are not sandbox databases.
 */
export function openSandboxDatabase(path: string, nativeBinding?: string): Database {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Create the file ourselves so it never exists with a wider mode, even for an instant.
  if (!existsSync(path)) closeSync(openSync(path, 'a', privateFile));
  chmodSync(path, privateFile);

  const db = new BetterSqlite3(path, nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 5000');
    const current = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (current > 0 && appId !== applicationId) {
      throw refusal('invalidInput', 'notASandboxDatabase', { path }, { path });
    }
    if (current > latestSandboxSchemaVersion) {
      throw refusal(
        'databaseTooNew',
        'sandboxDatabaseTooNew',
        { path, schemaVersion: String(current), supportedVersion: String(latestSandboxSchemaVersion) },
        { path, schemaVersion: current, supportedVersion: latestSandboxSchemaVersion },
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    for (const migration of migrations.filter((m) => m.version > current)) {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`application_id = ${applicationId}`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    tightenSidecarModes(path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The token requests must carry. A given token is used as it is and never stored: its owner (the app
 * keeps it in an owner-only file in the data folder) holds it, and no SQLite file should. Without
 * one, a token is made and kept in the database, so a sandbox started on its own keeps its token
 * across restarts.
 */
export function resolveSandboxToken(db: Database, given: string | undefined): string {
  if (given !== undefined) {
    // Visible ASCII only: it travels in an HTTP header and is compared byte for byte.
    if (!/^[\x21-\x7e]{16,512}$/.test(given)) {
      throw refusal('invalidInput', 'sandboxTokenShape');
    }
    // A token an earlier version stored is overwritten on disk, not just unlinked from the table.
    db.pragma('secure_delete = ON');
    db.prepare("DELETE FROM sandbox_meta WHERE key = 'token'").run();
    return given;
  }
  const stored = db.prepare("SELECT value FROM sandbox_meta WHERE key = 'token'").pluck().get() as
    string | undefined;
  if (stored !== undefined) return stored;
  const token = randomBytes(32).toString('base64url');
  db.prepare("INSERT INTO sandbox_meta (key, value) VALUES ('token', ?)").run(token);
  return token;
}

/** SQLite gives -wal/-shm the database's mode on most systems; make sure of it. */
function tightenSidecarModes(path: string): void {
  for (const suffix of ['-wal', '-shm']) {
    const sidecar = path + suffix;
    if (existsSync(sidecar) && (statSync(sidecar).mode & 0o077) !== 0) chmodSync(sidecar, privateFile);
  }
}
