import type { Migration } from './index';

/**
 * The flat CSV export of the provisioning log without reading or parsing what it does not write
 * (issue 11: ≥ 200,000 rows/s at a million entries). Reading the export's twelve columns alone held
 * SQLite and V8 to ~130,000 rows per CPU second (a JS string per column per row), and the user-name
 * and modified-properties cells needed `modified_json` parsed per row. `flat_csv_rest` holds each
 * entry's cells after `time` and `job`, written by the insert exactly as the export writes them
 * (store/log-flat-csv.ts), so the export reads `at` and this one column (and `job_id` when it spans
 * jobs) and joins them. Entries written before this migration keep NULL: the export rebuilds their
 * cells from their columns, as before; nothing is rewritten at upgrade (a data folder of a million
 * entries opens at once).
 */
export const migration015LogFlatCsv: Migration = {
  version: 15,
  name: 'log-flat-csv',
  up(db) {
    db.exec(`ALTER TABLE log_entries ADD COLUMN flat_csv_rest TEXT;`);
  },
};
