import type { AccountRow } from '@shared/domain/accounts';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import { LogBuilder } from '../log-builder';

/** The run an admin's action on discovered accounts belongs to: its log entries share the id. */
export interface ActionRun {
  jobId: string;
  runId: string;
  initiatedBy: { type: 'admin'; displayName: string };
}

const classWords: Record<AccountRow['accountClass'], string> = {
  linked: 'linked to this job',
  unlinkedMatch: 'matches an in-scope source object that is not linked',
  outOfScopeMatch: 'matches a source object that is out of scope',
  unmanaged: 'no source object matches it',
};

/**
 * A log entry for one discovered account (§14): the source object when the account matches one,
 * else the account itself as the identity (an unmanaged account has no source object, so its
 * source id is empty). The matching step says how discovery found it, with a message code.
 */
export function accountLog(
  run: ActionRun,
  row: AccountRow,
  /** Steps that come before matching (import, scoping), when the action read the source. */
  before?: (log: LogBuilder) => void,
): LogBuilder {
  const log = new LogBuilder(
    {
      id: row.source?.anchor ?? '',
      displayName: row.source?.displayName || row.displayName,
      type: row.objectType,
    },
    { jobId: run.jobId, cycleId: run.runId, initiatedBy: run.initiatedBy },
  );
  log.targetId = row.targetId;
  log.targetDisplayName = row.displayName;
  before?.(log);
  log.step('matching', 'success', `Found by account discovery: ${classWords[row.accountClass]}`, {
    messageCode: `AccountDiscovery.${row.accountClass}`,
    targetId: row.targetId,
    ...(row.matched ? { [`${row.matched.path} eq "${row.matched.value}"`]: 'matched' } : {}),
  });
  return log;
}

/**
 * A link-only or decision-only action succeeded once it is recorded, although nothing was exported:
 * the entry says success rather than the builder's "skipped" (no export step succeeded).
 */
export function recordedAsSuccess(entry: ProvisioningLogEntry): ProvisioningLogEntry {
  return entry.status === 'skipped' ? { ...entry, status: 'success' } : entry;
}
