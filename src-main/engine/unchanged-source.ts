import { emptyCounters, type CycleCounters } from '@shared/domain/provisioning';
import type { ObjectType } from '@shared/domain/schema';
import type { SourceConnector } from '../connectors/connector';
import type { LastRealCycle } from '../store/cycles-repo';
import type { JobRecord } from '../store/jobs-repo';
import type { Store } from '../store/store';
import { escrowDue } from './escrow';

/**
 * The unchanged-source shortcut (issue 11): when nothing a cycle depends on can have changed since
 * the job's last completed cycle, the cycle ends after this check — no rows parsed, no links loaded,
 * no requests. It must never skip work a full cycle would do, so every condition below names
 * something that makes a full cycle act although the source is the same:
 *
 * - the last real cycle did not complete (it failed or stopped half-way: objects may be owed), or
 *   completed with held-back deprovisioning (its error says so);
 * - the configuration changed (the digest of engine/config-digest.ts differs, e.g. a mapping edit
 *   or a restored default), or the last cycle ran before digests or epochs were recorded;
 * - the job's links or recorded state lost rows since (an unlink, an adopted account, a reset:
 *   store migration 012 counts every such delete in the job's epoch);
 * - a write intent is open (crash recovery must settle it), an escrow retry is due or was asked
 *   for, a deprovisioning is staged, a quarantine is on, or deletes were allowed for this run;
 * - a pending manager reference could now resolve (its referenced object has a link);
 * - the admin asked for a full cycle, or this is a dry run (its plan lists every object);
 * - the source cannot name its whole content cheaply (no `fingerprint`, e.g. LDAP), or its
 *   fingerprint differs from the watermark the last cycle stored.
 *
 * Like Entra's incremental cycles, this does not look at the target: a change made there behind
 * Roster's back is not noticed until the object changes in the source or a full cycle runs
 * (docs/performance.md says so).
 */
export type ShortcutVerdict =
  | { unchanged: true; watermark: string; counters: CycleCounters }
  | { unchanged: false; reason: ShortcutRefusal };

export type ShortcutRefusal =
  | 'dryRun'
  | 'fullRequested'
  | 'initial'
  | 'noFingerprint'
  | 'lastCycleNotCompleted'
  | 'deletesHeldBack'
  | 'configChanged'
  | 'stateChanged'
  | 'quarantined'
  | 'openIntents'
  | 'escrowDue'
  | 'referenceResolvable'
  | 'sourceChanged';

export interface ShortcutInput {
  store: Store;
  job: JobRecord;
  dryRun: boolean;
  full: boolean;
  forceDeletes: boolean;
  /** The digest of the configuration this cycle runs under. */
  configDigest: string;
  /** The job's latest real cycle, read before this cycle's own row was written. */
  last: LastRealCycle | undefined;
  source: SourceConnector;
  objectTypes: readonly ObjectType[];
  now: Date;
  signal: AbortSignal;
}

/** The store-only conditions, cheapest first; null when every one allows the shortcut. */
function storeRefusal(input: ShortcutInput): ShortcutRefusal | null {
  const { store, job, last } = input;
  if (input.dryRun) return 'dryRun';
  if (input.full) return 'fullRequested';
  if (job.watermark === null || !last) return 'initial';
  if (!input.source.fingerprint) return 'noFingerprint';
  if (last.status !== 'completed') return 'lastCycleNotCompleted';
  if (last.error !== null || store.references.stagedFor(job.id).length > 0) return 'deletesHeldBack';
  if (last.configDigest !== input.configDigest) return 'configChanged';
  if (last.watermarkAfter === null || last.watermarkAfter !== job.watermark) return 'stateChanged';
  if (last.sourceStateEpoch === null || last.sourceStateEpoch !== store.cycles.sourceStateEpoch(job.id))
    return 'stateChanged';
  if (job.statusInfo.quarantine || input.forceDeletes) return 'quarantined';
  if (store.intents.count(job.id) > 0) return 'openIntents';
  const escrows = store.escrows.forJob(job.id);
  if (escrows.some((e) => e.retryNow || escrowDue(e, input.now, false).due)) return 'escrowDue';
  const resolvable = store.references
    .pendingFor(job.id)
    .some(
      (ref) =>
        store.links.get(job.id, 'User', ref.referencedAnchor) !== null ||
        store.links.get(job.id, 'Group', ref.referencedAnchor) !== null,
    );
  if (resolvable) return 'referenceResolvable';
  return null;
}

export async function checkUnchangedSource(input: ShortcutInput): Promise<ShortcutVerdict> {
  const refusal = storeRefusal(input);
  if (refusal) return { unchanged: false, reason: refusal };
  const { source, last } = input;
  if (!source.fingerprint || !last?.watermarkAfter) return { unchanged: false, reason: 'noFingerprint' };
  const fingerprint = await source.fingerprint({ objectTypes: input.objectTypes, signal: input.signal });
  if (fingerprint !== last.watermarkAfter) return { unchanged: false, reason: 'sourceChanged' };
  // What a full cycle over the same source would count: every object read and unchanged, except
  // those whose escrow retry is not due (a full cycle counts them as waiting).
  const waiting = Math.min(input.store.escrows.forJob(input.job.id).length, last.counters.read);
  return {
    unchanged: true,
    watermark: fingerprint,
    counters: {
      ...emptyCounters(),
      read: last.counters.read,
      inScope: last.counters.inScope,
      unchanged: last.counters.read - waiting,
      escrowWaiting: waiting,
    },
  };
}
