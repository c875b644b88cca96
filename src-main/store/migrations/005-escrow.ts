import type { Migration } from './index';

/**
 * Escrow (provisioning-behaviour.md §9.2): one row per object whose last action failed, so its retry
 * follows the schedule of its error class instead of being tried in every cycle, and the admin sees
 * what is waiting. `attempted_hash` is the object's state hash when it last failed: a different hash
 * in a later cycle means the object changed in the source, which makes it due at once.
 * One row per object: `is_reference` says whether the latest failure was a manager or membership
 * write of an object whose own write landed (§10.2 counts those apart).
 */
export const migration005Escrow: Migration = {
  version: 5,
  name: 'escrow',
  up(db) {
    db.exec(`
      CREATE TABLE escrows (
        job_id          TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        object_type     TEXT NOT NULL CHECK (object_type IN ('User', 'Group')),
        anchor          TEXT NOT NULL,
        is_reference    INTEGER NOT NULL CHECK (is_reference IN (0, 1)),
        display_name    TEXT NOT NULL,
        error_class     TEXT NOT NULL CHECK (error_class IN ('transient', 'permanent', 'credential')),
        error_code      TEXT NOT NULL,
        error_message   TEXT NOT NULL,
        first_failure   TEXT NOT NULL,
        last_attempt    TEXT NOT NULL,
        attempts        INTEGER NOT NULL,
        attempted_hash  TEXT NOT NULL,
        retry_now       INTEGER NOT NULL DEFAULT 0 CHECK (retry_now IN (0, 1)),
        PRIMARY KEY (job_id, object_type, anchor)
      ) STRICT;
    `);
  },
};
