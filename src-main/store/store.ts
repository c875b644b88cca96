import { openDatabase, type OpenDatabaseOptions } from './db';
import { createAuditRepo, type AuditRepo } from './audit-repo';
import { createConnectionsRepo, type ConnectionsRepo } from './connections-repo';
import { createSettingsRepo, type SettingsRepo } from './settings-repo';

export interface Store {
  path: string;
  schemaVersion: number;
  backupPath: string | null;
  settings: SettingsRepo;
  connections: ConnectionsRepo;
  audit: AuditRepo;
  /** Runs `work` in one SQLite transaction (all or nothing). */
  transaction<T>(work: () => T): T;
  close(): void;
}

export function openStore(options: OpenDatabaseOptions): Store {
  const { db, schemaVersion, backupPath } = openDatabase(options);
  return {
    path: options.path,
    schemaVersion,
    backupPath,
    settings: createSettingsRepo(db),
    connections: createConnectionsRepo(db),
    audit: createAuditRepo(db),
    transaction: (work) => db.transaction(work)(),
    close: () => db.close(),
  };
}
