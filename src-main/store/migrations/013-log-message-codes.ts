import type { Migration } from './index';

/**
 * A log entry's reason and advice under their message codes (issue 10): the English stays in
 * `reason` and `recommended_action` (exports, the CLI), and `error_messages_json` keeps
 * `{ reason?: { code, params }, recommendedAction?: { code, params } }` so the app can say both in
 * the admin's language after the entry has been read back. Null for entries written without codes
 * (before this migration, or a target's own words): the app shows their English.
 */
export const migration013LogMessageCodes: Migration = {
  version: 13,
  name: 'log-message-codes',
  up(db) {
    db.exec(`ALTER TABLE log_entries ADD COLUMN error_messages_json TEXT;`);
  },
};
