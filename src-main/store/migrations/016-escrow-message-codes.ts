import type { Migration } from './index';

/**
 * An escrow entry's error under its message code (issue 10), like migration 013 for the log: the
 * English stays in `error_message` (the errors report, the CLI), and `error_message_json` keeps
 * `{ code, params }` so the job page's "Waiting for retry" list says it in the admin's language.
 * Null for entries written without a code (before this migration, or a target's own words).
 */
export const migration016EscrowMessageCodes: Migration = {
  version: 16,
  name: 'escrow-message-codes',
  up(db) {
    db.exec(`ALTER TABLE escrows ADD COLUMN error_message_json TEXT;`);
  },
};
