import type { Migration } from './index';

/**
 * The target's own accounts (issue 12 item 5, "account discovery"):
 * - `account_reports`: the latest discovery of a job — when, by whom, how far, counts per class.
 *   One row per job; a new discovery replaces it.
 * - `account_rows`: every account that discovery listed in the target, classified against the job.
 *   Written page by page while the target is read, so memory stays flat however large the target;
 *   the report page reads it back in pages. `search_text` is the lower-cased words the search box
 *   looks in.
 * - `account_decisions`: what an admin decided for an account (adopted, disabled, left alone). Kept
 *   across discoveries, so an account left alone stays marked as such in the next report.
 */
export const migration008AccountDiscovery: Migration = {
  version: 8,
  name: 'account-discovery',
  up(db) {
    db.exec(`
      CREATE TABLE account_reports (
        job_id        TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
        started_at    TEXT NOT NULL,
        ended_at      TEXT,
        started_by    TEXT NOT NULL,
        listed        INTEGER NOT NULL DEFAULT 0,
        expected      INTEGER,
        counts_json   TEXT NOT NULL DEFAULT '{}',
        warnings_json TEXT NOT NULL DEFAULT '[]',
        error_json    TEXT
      ) STRICT;

      CREATE TABLE account_rows (
        job_id        TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        object_type   TEXT NOT NULL CHECK (object_type IN ('User', 'Group')),
        target_id     TEXT NOT NULL,
        display_name  TEXT NOT NULL DEFAULT '',
        key_value     TEXT,
        active        INTEGER,
        class         TEXT NOT NULL CHECK (class IN ('linked', 'unlinkedMatch', 'outOfScopeMatch', 'unmanaged')),
        note          TEXT,
        source_anchor TEXT,
        source_name   TEXT,
        scope_detail  TEXT,
        matched_path  TEXT,
        matched_value TEXT,
        search_text   TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (job_id, seq)
      ) STRICT;
      CREATE UNIQUE INDEX account_rows_target ON account_rows (job_id, object_type, target_id);
      CREATE INDEX account_rows_class ON account_rows (job_id, class, seq);

      CREATE TABLE account_decisions (
        job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        object_type TEXT NOT NULL CHECK (object_type IN ('User', 'Group')),
        target_id   TEXT NOT NULL,
        decision    TEXT NOT NULL CHECK (decision IN ('adopted', 'disabled', 'left')),
        decided_at  TEXT NOT NULL,
        decided_by  TEXT NOT NULL,
        PRIMARY KEY (job_id, object_type, target_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
