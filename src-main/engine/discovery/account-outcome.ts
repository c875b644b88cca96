import type { AccountActOutcome, AccountRefusal, AccountRow } from '@shared/domain/accounts';
import type { ObjectType } from '@shared/domain/schema';
import type { TargetConnector } from '../../connectors/connector';
import type { JobRecord } from '../../store/jobs-repo';
import type { Store } from '../../store/store';
import type { ActionRun } from './account-log';

/** What one account's action needs: the store, the job, the run and the open target. */
export interface AccountActionContext {
  store: Store;
  clock: () => Date;
  job: JobRecord;
  run: ActionRun;
  target: TargetConnector;
  targetName: string;
}

export function refused(
  objectType: ObjectType,
  targetId: string,
  row: AccountRow | null,
  refusal: AccountRefusal,
  message: string | null = null,
): AccountActOutcome {
  return { objectType, targetId, displayName: row?.displayName ?? targetId, done: false, refusal, message };
}

export function done(row: AccountRow): AccountActOutcome {
  return {
    objectType: row.objectType,
    targetId: row.targetId,
    displayName: row.displayName,
    done: true,
    refusal: null,
    message: null,
  };
}
