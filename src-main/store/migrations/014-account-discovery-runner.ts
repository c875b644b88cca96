import type { Migration } from './index';

/**
 * Who runs a job's account discovery (issue 12): the app, `roster accounts discover` and browser mode
 * each open the data folder, and two discoveries of one job would clear and fill the same report rows
 * at once. The report row now names its runner — a random id per app instance, the label an admin
 * recognises, pid and host — and when it was last heard from, so a second process is refused with who
 * holds it while the runner lives, and takes the report over once it is provably gone or silent
 * (src-main/store/accounts-repo.ts claimReport). Null for reports written before this migration.
 */
export const migration014AccountDiscoveryRunner: Migration = {
  version: 14,
  name: 'account-discovery-runner',
  up(db) {
    db.exec(`
      ALTER TABLE account_reports ADD COLUMN runner_id TEXT;
      ALTER TABLE account_reports ADD COLUMN runner_label TEXT;
      ALTER TABLE account_reports ADD COLUMN runner_pid INTEGER;
      ALTER TABLE account_reports ADD COLUMN runner_host TEXT;
      ALTER TABLE account_reports ADD COLUMN heard_at TEXT;
    `);
  },
};
