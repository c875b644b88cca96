import type { Migration } from './index';

/**
 * The provisioning log pages in `seq` order whatever the filter (issue 11: ≤ 50 ms per page at a
 * million entries). Two filters had no index that hands rows over in that order:
 *
 * - **A time range.** `at` follows `seq` only roughly (an entry is stamped before its batch commits,
 *   and two processes may write), so a range of `at` cannot be turned into a range of `seq` by an
 *   index on `at`. `log_time_blocks` keeps, per block of 4,096 consecutive `seq`, the earliest and
 *   latest `at` in it; the blocks whose span meets the range bound the `seq` window exactly, and the
 *   other filters' `(…, seq)` indexes then start inside that window instead of at the newest entry.
 *   The log repository's insert keeps it, once per block per batch, in the batch's transaction (the
 *   only writer of log entries; a trigger per entry was measured at twice the CPU of a log write).
 *   Deleted entries only leave a block's span wider than its rows, which keeps the bound safe.
 * - **A name prefix.** A name index yields matches in name order, so the newest 200 need a top-N over
 *   every match ("Person 1" matches 11 % of a million: 260 ms). `log_name_blocks` leads with the
 *   same block number, so the page walks blocks from the newest and seeks the prefix inside each:
 *   work ∝ the blocks passed plus the matches of the blocks that fill the page. It carries the
 *   other columns the page filters on (job, status, action, time), so no row is read to check them.
 *   It replaces `log_source_name`: the index count, and so the cost of a write, stays the same.
 */
export const migration010LogFilterIndexes: Migration = {
  version: 10,
  name: 'log-filter-indexes',
  up(db) {
    db.exec(`
      DROP INDEX log_source_name;
      CREATE INDEX log_name_blocks ON log_entries
        (seq >> 12, source_display_name COLLATE NOCASE, job_id, status, action, at);

      CREATE TABLE log_time_blocks (
        block  INTEGER PRIMARY KEY,
        min_at TEXT NOT NULL,
        max_at TEXT NOT NULL
      );
      INSERT INTO log_time_blocks (block, min_at, max_at)
        SELECT seq >> 12, min(at), max(at) FROM log_entries GROUP BY seq >> 12;
    `);
  },
};
