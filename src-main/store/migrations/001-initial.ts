import type { Migration } from './index';

/** App settings, connection profiles (secrets by vault id only) and the configuration audit trail. */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE connections (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('csv', 'ldap', 'scim')),
        settings_json TEXT NOT NULL,
        -- field name -> vault id; the secret itself lives only in the OS keychain
        secret_ids_json TEXT NOT NULL DEFAULT '{}',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX connections_name ON connections (name COLLATE NOCASE);

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id   TEXT,
        target_name TEXT,
        before_json TEXT,
        after_json  TEXT
      ) STRICT;
      CREATE INDEX audit_log_action ON audit_log (action, id);
    `);
  },
};
