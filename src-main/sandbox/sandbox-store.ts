import type { Database } from './sandbox-db';
import { createGroupRows, type GroupRows } from './group-rows';
import { createUserRows, type UserRows } from './user-rows';

export interface SandboxStore {
  users: UserRows;
  groups: GroupRows;
  /** Runs `work` in one SQLite transaction (nested calls join it). */
  transaction<T>(work: () => T): T;
  /** Deletes every user, group and membership; the token stays, since the app holds a copy. */
  reset(): void;
}

export function createSandboxStore(db: Database): SandboxStore {
  return {
    users: createUserRows(db),
    groups: createGroupRows(db),
    transaction: (work) => db.transaction(work)(),
    reset() {
      db.transaction(() => {
        db.exec('DELETE FROM scim_memberships; DELETE FROM scim_groups; DELETE FROM scim_users;');
      })();
    },
  };
}
