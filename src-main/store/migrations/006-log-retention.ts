import type { Migration } from './index';

/**
 * Log retention (provisioning-behaviour.md §14.3): entries older than the retention period are
 * deleted in small batches, oldest first, across all jobs. The existing time indexes all lead with
 * `job_id`, so "the oldest 500 entries" would scan the whole table; this index makes each batch a
 * range read of exactly the rows it deletes.
 */
export const migration006LogRetention: Migration = {
  version: 6,
  name: 'log-retention',
  up(db) {
    db.exec(`CREATE INDEX log_at ON log_entries (at);`);
  },
};
