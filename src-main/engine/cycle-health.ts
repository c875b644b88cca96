import { ConnectorError, isConnectorError, type TargetConnector } from '../connectors/connector';
import type { Store } from '../store/store';
import { ConnectionCheckFailure } from './checked-target';
import { escrowThresholdReason } from './escrow-thresholds';

/**
 * What a finished cycle says about the job's health (§10): `healthy` ends a quarantine, `unhealthy`
 * enters or keeps one, `null` changes nothing (a dry run, a cancel, a source that could not be read,
 * a target that could not be reached — the next interval simply tries again).
 */
export type CycleHealth = { kind: 'healthy' } | { kind: 'unhealthy'; reason: string; detail: string } | null;

/** §10.2, after a cycle that ran to the end: the deletion threshold first, then the escrow counts. */
export function completedHealth(
  store: Store,
  jobId: string,
  linked: number,
  staged: { count: number; threshold: number } | null,
): CycleHealth {
  if (staged) {
    return {
      kind: 'unhealthy',
      reason: 'TooManyDeletes',
      detail: `${staged.count} disables and deletes held back (threshold ${staged.threshold}).`,
    };
  }
  const breach = escrowBreach(store, jobId, linked);
  return breach ? { kind: 'unhealthy', ...breach } : { kind: 'healthy' };
}

/** The escrow threshold the job's open entries break, if any (§10.2, counts of current state). */
export function escrowBreach(
  store: Store,
  jobId: string,
  linked: number,
): { reason: string; detail: string } | null {
  const { failed, references } = store.escrows.counts(jobId);
  const succeeded = Math.max(0, linked - failed);
  const reason = escrowThresholdReason({ failed, references, succeeded });
  if (!reason) return null;
  return {
    reason,
    detail: `${failed} objects and ${references} references are waiting for a retry; ${succeeded} linked objects are fine.`,
  };
}

const credentialCodes = new Set(['Unauthorized', 'InsufficientRights', 'NotPermitted']);

/**
 * §10.1, after a cycle that stopped: a failed connection check about the credentials or the endpoint
 * quarantines. A 401/403 in the middle of a cycle runs the check again (with its retries), and only
 * its verdict quarantines. An unreachable target does not (Roster decision: a laptop that is
 * offline, or a target down for an hour, should not push the next attempt 6 hours away).
 */
export async function stoppedHealth(
  error: unknown,
  target: TargetConnector | null,
  userMatchPath: string,
  groups: boolean,
): Promise<CycleHealth> {
  if (error instanceof ConnectionCheckFailure) return checkVerdict(error.kind, error.code, error.message);
  if (!target || !isConnectorError(error) || !credentialCodes.has(error.code)) return null;
  try {
    const result = await target.testConnection({ userMatchPath, groups, retry: true });
    if (result.ok) return null;
    return checkVerdict(
      result.error?.kind ?? 'unreachable',
      result.error?.code ?? error.code,
      result.summary,
    );
  } catch {
    return null;
  }
}

function checkVerdict(kind: ConnectionCheckFailure['kind'], code: string, message: string): CycleHealth {
  if (kind !== 'credentials' && kind !== 'incompatible') return null;
  return { kind: 'unhealthy', reason: 'EncounteredQuarantineException', detail: `${code}: ${message}` };
}

/** An incremental cycle broke an escrow threshold: it stops at once and the job is quarantined (§10.2). */
export class EscrowThresholdBreached extends ConnectorError {
  constructor(readonly health: { kind: 'unhealthy'; reason: string; detail: string }) {
    super('stopCycle', health.reason, `The cycle stopped: ${health.detail}`);
  }
}

/**
 * Watches the escrow thresholds while an incremental cycle processes objects (§10.2: a breach stops
 * it at once). The store is asked only after new failures, and only once the failures could reach the
 * smallest threshold, so a healthy cycle pays nothing.
 */
export function escrowWatch(store: Store, jobId: string, linked: number) {
  const atStart = store.escrows.counts(jobId);
  const openAtStart = atStart.failed + atStart.references;
  let seenFailures = 0;
  let breach: EscrowThresholdBreached | null = null;
  return {
    /** True once a threshold is broken: no new object starts. */
    breached(failures: number): boolean {
      if (breach) return true;
      if (failures === seenFailures || openAtStart + failures < escrowMinimumToCheck) return false;
      seenFailures = failures;
      const found = escrowBreach(store, jobId, linked);
      if (found) breach = new EscrowThresholdBreached({ kind: 'unhealthy', ...found });
      return breach !== null;
    },
    throwIfBreached(): void {
      if (breach) throw breach;
    },
  };
}

/** Below this many open entries no threshold can apply (§10.2: F ≥ 5,000, or F + R > 60,000). */
const escrowMinimumToCheck = 5_000;
