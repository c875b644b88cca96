import type { Migration } from './index';

/**
 * Crash safety and one writer per job (ARCHITECTURE.md §4, docs/architecture.md "Send and record"):
 *
 * - `job_leases`: who runs a job's cycle right now, across processes (the app, `roster run`,
 *   `roster sync` on one data folder). A lease is renewed while its cycle runs and may be taken over
 *   only once it has expired or its owner is provably dead.
 * - `write_intents`: a row written (and committed) before every target write the store has not yet
 *   recorded, deleted in the same transaction that records the write's outcome. A row that survives
 *   is a write that may or may not have landed; the next cycle reconciles it before anything else.
 */
export const migration003WriteSafety: Migration = {
  version: 3,
  name: 'write-safety',
  up(db) {
    db.exec(`
      CREATE TABLE job_leases (
        job_id      TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        owner_id    TEXT NOT NULL,
        owner_label TEXT NOT NULL,
        pid         INTEGER NOT NULL,
        host        TEXT NOT NULL,
        cycle_id    TEXT,
        acquired_at TEXT NOT NULL,
        renewed_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE write_intents (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        cycle_id    TEXT NOT NULL,
        object_type TEXT NOT NULL CHECK (object_type IN ('User', 'Group')),
        anchor      TEXT NOT NULL,
        operation   TEXT NOT NULL CHECK (operation IN
                      ('create', 'update', 'reference', 'members', 'disable', 'enable', 'delete')),
        target_id   TEXT,
        detail_json TEXT NOT NULL DEFAULT '{}',
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX write_intents_job ON write_intents (job_id, id);
    `);
  },
};
