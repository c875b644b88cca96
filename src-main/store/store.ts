import { openDatabase, type OpenDatabaseOptions } from './db';
import { createAuditRepo, type AuditRepo } from './audit-repo';
import { createAccountsRepo, type AccountsRepo } from './accounts-repo';
import { createLinkSearchRepo, type LinkSearchRepo } from './link-search-repo';
import { createConnectionsRepo, type ConnectionsRepo } from './connections-repo';
import { createSettingsRepo, type SettingsRepo } from './settings-repo';
import { createCyclesRepo, type CyclesRepo } from './cycles-repo';
import { createDraftsRepo, type DraftsRepo } from './drafts-repo';
import { createJobsRepo, type JobsRepo } from './jobs-repo';
import { createLeasesRepo, type LeaseLiveness, type LeasesRepo } from './leases-repo';
import { createIntentsRepo, type IntentsRepo } from './intents-repo';
import { createEscrowsRepo, type EscrowsRepo } from './escrows-repo';
import { createLinksRepo, type LinksRepo } from './links-repo';
import { createLogRepo, type LogRepo } from './log-repo';
import { createPlanRepo, type PlanRepo } from './plan-repo';
import { createReferencesRepo, type ReferencesRepo } from './references-repo';
import { createSchedulesRepo, type SchedulesRepo } from './schedules-repo';
import { createSourceStateRepo, type SourceStateRepo } from './source-state-repo';
import { createCheckpointer, type CheckpointResult } from './checkpointer';

export interface Store {
  path: string;
  schemaVersion: number;
  backupPath: string | null;
  settings: SettingsRepo;
  connections: ConnectionsRepo;
  audit: AuditRepo;
  jobs: JobsRepo;
  links: LinksRepo;
  sourceState: SourceStateRepo;
  references: ReferencesRepo;
  cycles: CyclesRepo;
  log: LogRepo;
  plans: PlanRepo;
  /** One writer per job across processes (ARCHITECTURE.md §4). */
  leases: LeasesRepo;
  /** Write-ahead intents of target writes not yet recorded (crash safety). */
  intents: IntentsRepo;
  /** Objects whose last action failed, waiting for their retry (§9.2). */
  escrows: EscrowsRepo;
  /** Which jobs run on their schedule, and the scheduler's settings (issue 9). */
  schedules: SchedulesRepo;
  /** The new-job wizard's draft (issue 10). */
  drafts: DraftsRepo;
  /** The target's own accounts as account discovery found them, and the admin's decisions (issue 12). */
  accounts: AccountsRepo;
  /** One object's link found among many, by key, target id or name (issue 12). */
  linkSearch: LinkSearchRepo;
  /** Runs `work` in one SQLite transaction (all or nothing). */
  transaction<T>(work: () => T): T;
  /**
   * Copies the write-ahead log into the database file as far as readers allow, without waiting for
   * any (PASSIVE), on a thread of its own (checkpointer.ts): the event loop goes on meanwhile. A
   * cycle asks for it as its commits grow the log (write-behind.ts); `frames` is how many pages the
   * log held, `copied` how many of them are now in the file.
   */
  checkpoint(): Promise<CheckpointResult>;
  close(): void;
}

export function openStore(options: OpenDatabaseOptions & { liveness?: LeaseLiveness }): Store {
  const { db, schemaVersion, backupPath } = openDatabase(options);
  const cycles = createCyclesRepo(db);
  const checkpointer = createCheckpointer(options.path, options.nativeBinding);
  return {
    path: options.path,
    schemaVersion,
    backupPath,
    settings: createSettingsRepo(db),
    connections: createConnectionsRepo(db),
    audit: createAuditRepo(db),
    jobs: createJobsRepo(db),
    links: createLinksRepo(db),
    sourceState: createSourceStateRepo(db),
    references: createReferencesRepo(db),
    cycles,
    log: createLogRepo(db),
    plans: createPlanRepo(db),
    leases: createLeasesRepo(db, options.liveness ? { cycles, liveness: options.liveness } : { cycles }),
    intents: createIntentsRepo(db),
    escrows: createEscrowsRepo(db),
    schedules: createSchedulesRepo(db),
    drafts: createDraftsRepo(db),
    accounts: createAccountsRepo(db),
    linkSearch: createLinkSearchRepo(db),
    transaction: (work) => db.transaction(work)(),
    checkpoint: () => checkpointer.run(),
    close: () => {
      void checkpointer.close();
      db.close();
    },
  };
}
