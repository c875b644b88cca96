import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { refusal } from '@shared/domain/error-messages';
import { latestSchemaVersion, migrations, type Migration } from './migrations/index';

export type { Database };

export interface OpenDatabaseOptions {
  path: string;
  /**
   * Path of a better-sqlite3 addon built for the running runtime. Node uses the one in node_modules;
   * Electron is handed its own build (see README, "Native modules").
   */
  nativeBinding?: string;
  now?: () => Date;
  /** Replaces the app's migration list; for tests of the migration runner only. */
  migrations?: readonly Migration[];
}

export interface OpenedDatabase {
  db: Database;
  schemaVersion: number;
  /** The copy taken before migrations ran, when there was anything to copy. */
  backupPath: string | null;
}

const privateFile = 0o600;

/**
 * Opens (creating if needed) the store: WAL, foreign keys, owner-only file mode, migrations applied
 * after a backup copy. Refuses a database written by a newer Roster instead of guessing at it.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const list = options.migrations ?? migrations;
  const latest = options.migrations ? (list.at(-1)?.version ?? 0) : latestSchemaVersion;
  const now = options.now ?? (() => new Date());

  mkdirSync(dirname(options.path), { recursive: true, mode: 0o700 });
  // Create the file ourselves so it never exists with a wider mode, even for an instant.
  if (!existsSync(options.path)) closeSync(openSync(options.path, 'a', privateFile));
  chmodSync(options.path, privateFile);

  const db = new BetterSqlite3(
    options.path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    db.pragma('busy_timeout = 5000');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw refusal(
        'databaseTooNew',
        'databaseTooNew',
        { path: options.path, schemaVersion: String(current), supportedVersion: String(latest) },
        { path: options.path, schemaVersion: current, supportedVersion: latest },
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // SQLite copies the write-ahead log into the file at the end of the commit that grows it past
    // this many pages, inside that commit: 1,000 pages (its default) took 20-30 ms, on top of the
    // commit's own time in the same turn of the event loop. A cycle checkpoints in turns of its own
    // every few hundred outcomes (engine/write-behind.ts); this is the backstop for other writers.
    db.pragma('wal_autocheckpoint = 4000');

    let backupPath: string | null = null;
    const pending = list.filter((m) => m.version > current);
    if (pending.length > 0 && current > 0)
      backupPath = backupBeforeMigration(db, options.path, current, now());
    for (const migration of pending) {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    tightenSidecarModes(options.path);
    return { db, schemaVersion: Math.max(current, latest), backupPath };
  } catch (error) {
    db.close();
    throw error;
  }
}

function backupBeforeMigration(db: Database, path: string, fromVersion: number, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const backupPath = `${path}.v${fromVersion}-${stamp}.bak`;
  // VACUUM INTO writes a consistent, self-contained copy (WAL content included) in one statement.
  db.prepare('VACUUM INTO ?').run(backupPath);
  chmodSync(backupPath, privateFile);
  return backupPath;
}

/** SQLite gives -wal/-shm the database's mode on most systems; make sure of it. */
function tightenSidecarModes(path: string): void {
  for (const suffix of ['-wal', '-shm']) {
    const sidecar = path + suffix;
    if (existsSync(sidecar) && (statSync(sidecar).mode & 0o077) !== 0) chmodSync(sidecar, privateFile);
  }
}
