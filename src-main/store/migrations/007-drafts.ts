import type { Migration } from './index';

/**
 * Job editing (issue 10):
 * - `drafts`: what the new-job wizard has typed so far, one row per kind of draft (today only
 *   `job`), so an admin who leaves the wizard resumes where they were. Never secrets: the repo
 *   refuses secret-looking keys before anything reaches this table.
 * - `cycles.config_digest`: the digest of the job configuration a cycle ran under
 *   (engine/config-digest.ts). A cycle whose configuration differs from the one the last completed
 *   cycle ran under reads the source in full and re-evaluates every object, even when a cycle that
 *   was still running under the old configuration stored a watermark after the change.
 */
export const migration007Drafts: Migration = {
  version: 7,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        kind       TEXT PRIMARY KEY CHECK (kind IN ('job')),
        step       INTEGER NOT NULL,
        data_json  TEXT NOT NULL,
        saved_at   TEXT NOT NULL
      ) STRICT;
      ALTER TABLE cycles ADD COLUMN config_digest TEXT;
    `);
  },
};
