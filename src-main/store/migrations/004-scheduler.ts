import type { Migration } from './index';

/**
 * The scheduler's memory across restarts (issue 9): whether each job runs on its schedule. A job
 * with no row was never started. The previous cycle's start, which the interval counts from, is
 * already in `cycles`; the scheduler's own settings (how many jobs may run at once) are a row of
 * `settings` under the key 'scheduler'.
 */
export const migration004Scheduler: Migration = {
  version: 4,
  name: 'scheduler',
  up(db) {
    db.exec(`
      CREATE TABLE job_schedules (
        job_id     TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        state      TEXT NOT NULL CHECK (state IN ('started', 'paused')),
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
