import type { Migration } from './index';

/**
 * Log pages and exports read newest first (or oldest first) by `seq` (issue 11). The filter indexes
 * of migration 002 ended in `at`, so SQLite had to fetch every matching row and sort it before it
 * could return the first 200: 2.6 s for one job of a million entries. An index ending in `seq`
 * hands rows over already in page order, and the LIMIT stops the scan. `log_cycle` and the
 * identity indexes already serve their filters; `log_at` stays for retention and time ranges.
 */
export const migration009LogSeqIndexes: Migration = {
  version: 9,
  name: 'log-seq-indexes',
  up(db) {
    db.exec(`
      DROP INDEX log_job_time;
      DROP INDEX log_status;
      DROP INDEX log_action;
      CREATE INDEX log_job_seq ON log_entries (job_id, seq);
      CREATE INDEX log_job_status_seq ON log_entries (job_id, status, seq);
      CREATE INDEX log_job_action_seq ON log_entries (job_id, action, seq);
      CREATE INDEX log_status_seq ON log_entries (status, seq);
      CREATE INDEX log_action_seq ON log_entries (action, seq);
    `);
  },
};
