import type { Migration } from './index';

/**
 * Jobs and the connector data store (provisioning-behaviour.md §1): links with the last exported
 * values, source object state for hash-based deltas, pending references, staged deletes; cycles,
 * provisioning log entries (§14) with an index per log filter, and dry-run plans.
 */
export const migration002Provisioning: Migration = {
  version: 2,
  name: 'provisioning',
  up(db) {
    db.exec(`
      CREATE TABLE jobs (
        id                   TEXT PRIMARY KEY,
        name                 TEXT NOT NULL,
        source_connection_id TEXT NOT NULL REFERENCES connections (id) ON DELETE RESTRICT,
        target_connection_id TEXT NOT NULL REFERENCES connections (id) ON DELETE RESTRICT,
        config_json          TEXT NOT NULL,
        status               TEXT NOT NULL DEFAULT 'NotRun',
        status_json          TEXT NOT NULL DEFAULT '{}',
        watermark            TEXT,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX jobs_name ON jobs (name COLLATE NOCASE);

      -- A source object Roster manages in the target: the link, and what was last written there.
      CREATE TABLE links (
        job_id        TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        object_type   TEXT NOT NULL CHECK (object_type IN ('User', 'Group')),
        anchor        TEXT NOT NULL,
        target_id     TEXT NOT NULL,
        display_name  TEXT NOT NULL DEFAULT '',
        exported_json TEXT NOT NULL DEFAULT '{}',
        active        INTEGER NOT NULL DEFAULT 1,
        -- groups: target ids of the members Roster itself added
        members_json  TEXT NOT NULL DEFAULT '[]',
        linked_at     TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (job_id, object_type, anchor)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX links_target ON links (job_id, object_type, target_id);

      -- Every source object seen, linked or not: its content hash and scope at the last cycle, so an
      -- incremental cycle touches the target only for objects whose state changed.
      CREATE TABLE source_objects (
        job_id       TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        object_type  TEXT NOT NULL,
        anchor       TEXT NOT NULL,
        state_hash   TEXT NOT NULL,
        display_name TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (job_id, object_type, anchor)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE pending_references (
        job_id            TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        anchor            TEXT NOT NULL,
        attribute         TEXT NOT NULL,
        referenced_anchor TEXT NOT NULL,
        PRIMARY KEY (job_id, anchor, attribute)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX pending_references_target ON pending_references (job_id, referenced_anchor);

      -- Deprovisioning held back by the accidental-deletion threshold (§11) until "allow deletes".
      CREATE TABLE staged_deletes (
        job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        object_type TEXT NOT NULL,
        anchor      TEXT NOT NULL,
        action      TEXT NOT NULL CHECK (action IN ('disable', 'delete')),
        reason      TEXT NOT NULL,
        staged_at   TEXT NOT NULL,
        PRIMARY KEY (job_id, object_type, anchor)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE cycles (
        id               TEXT PRIMARY KEY,
        job_id           TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        kind             TEXT NOT NULL CHECK (kind IN ('initial', 'incremental')),
        dry_run          INTEGER NOT NULL DEFAULT 0,
        status           TEXT NOT NULL,
        started_at       TEXT NOT NULL,
        ended_at         TEXT,
        initiated_by     TEXT NOT NULL,
        counters_json    TEXT NOT NULL DEFAULT '{}',
        error_json       TEXT,
        watermark_before TEXT,
        watermark_after  TEXT
      ) STRICT;
      CREATE INDEX cycles_job ON cycles (job_id, started_at);

      CREATE TABLE log_entries (
        seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
        id                  TEXT NOT NULL UNIQUE,
        job_id              TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        cycle_id            TEXT NOT NULL,
        change_id           TEXT NOT NULL,
        at                  TEXT NOT NULL,
        action              TEXT NOT NULL,
        status              TEXT NOT NULL,
        error_code          TEXT,
        error_category      TEXT,
        reason              TEXT,
        additional_details  TEXT,
        recommended_action  TEXT,
        duration_ms         INTEGER NOT NULL DEFAULT 0,
        initiated_by_type   TEXT NOT NULL,
        initiated_by_name   TEXT NOT NULL,
        identity_type       TEXT NOT NULL,
        source_id           TEXT NOT NULL,
        source_display_name TEXT NOT NULL DEFAULT '',
        target_id           TEXT,
        target_display_name TEXT,
        modified_json       TEXT NOT NULL DEFAULT '[]',
        steps_json          TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX log_job_time ON log_entries (job_id, at);
      CREATE INDEX log_cycle ON log_entries (cycle_id, seq);
      CREATE INDEX log_change ON log_entries (change_id);
      CREATE INDEX log_status ON log_entries (job_id, status, at);
      CREATE INDEX log_action ON log_entries (job_id, action, at);
      CREATE INDEX log_source ON log_entries (source_id);
      CREATE INDEX log_target ON log_entries (target_id);
      CREATE INDEX log_source_name ON log_entries (source_display_name COLLATE NOCASE);

      -- A dry run's result: what each object would get.
      CREATE TABLE plan_items (
        cycle_id     TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        object_type  TEXT NOT NULL,
        anchor       TEXT NOT NULL,
        display_name TEXT NOT NULL,
        situation    TEXT NOT NULL,
        action       TEXT NOT NULL,
        target_id    TEXT,
        changes_json TEXT NOT NULL DEFAULT '[]',
        note         TEXT,
        PRIMARY KEY (cycle_id, seq)
      ) STRICT;
    `);
  },
};
