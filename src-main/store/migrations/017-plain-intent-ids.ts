import type { Migration } from './index';

/**
 * `write_intents` without `AUTOINCREMENT` and without its `(job_id, id)` index (issue 11): an
 * intent's own commit, one per turn of the event loop before every target write, wrote three
 * b-tree pages — the row, its index entry and the `sqlite_sequence` row that `AUTOINCREMENT`
 * updates on every insert. Without the two, a commit of one intent takes 61–86 µs of CPU (median
 * 67) against 71–99 µs (median 80): ten alternating rounds of 5,000 commits through the intents
 * repository into a store opened at version 16 and one at 17. In a bare table without the foreign
 * key, 44 against 63–74 µs.
 *
 * What the two gave, and why nothing needs it:
 * - `AUTOINCREMENT` never reuses an id. A plain `INTEGER PRIMARY KEY` takes one more than the
 *   largest id in the table, so a new intent still sorts after every intent left (recovery settles
 *   them in that order), and an id comes back only after its row is gone: the engine lets go of an
 *   id when it queues the outcome that deletes the row (engine/record.ts), before the deletion
 *   commits.
 * - The index served reads by job, which happen at a cycle's start (recovery, and whether a no-op
 *   may end early): the table holds only the intents in flight or left by a crash, a few hundred
 *   at most, and a scan of them is cheaper than keeping the index on every write.
 *
 * SQLite cannot drop `AUTOINCREMENT` in place: the table is copied into a new one, in the
 * migration's transaction (db.ts), with the foreign key to `jobs` as before.
 */
export const migration017PlainIntentIds: Migration = {
  version: 17,
  name: 'plain-intent-ids',
  up(db) {
    db.exec(`
      CREATE TABLE write_intents_017 (
        id          INTEGER PRIMARY KEY,
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
      INSERT INTO write_intents_017
        (id, job_id, cycle_id, object_type, anchor, operation, target_id, detail_json, created_at)
        SELECT id, job_id, cycle_id, object_type, anchor, operation, target_id, detail_json, created_at
        FROM write_intents;
      DROP TABLE write_intents;
      ALTER TABLE write_intents_017 RENAME TO write_intents;
    `);
  },
};
