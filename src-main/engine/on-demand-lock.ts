import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RosterError } from '@shared/domain/errors';
import { onDemandMessageEnglish, type OnDemandMessageCode } from '@shared/domain/on-demand-messages';
import { leaseHolderDetails, type Lease, type LeaseOwner, type LeasesRepo } from '../store/leases-repo';

/**
 * The lock that keeps an on-demand run and a cycle off the same objects (§13). A cycle may touch any
 * object of its job (a full read compares every hash), so "a cycle processing the same object" is
 * "a cycle of the same job": the run takes the job's lease in `job_leases` (ARCHITECTURE.md §4, one
 * writer per job across processes) under an owner of its own. Everything that refuses a second
 * writer then refuses a cycle while the run holds it — here (`engine.refusal`, the scheduler, which
 * tries again at its next tick) and in every other process on the data folder — naming the run.
 *
 * The run itself waits for a running cycle rather than failing at once: the admin asked for this
 * object now, and a cycle usually ends within a minute; the wait is shown as a step naming the
 * holder, is bounded, and can be cancelled. `waitMs` 0 refuses at once.
 */
export interface OnDemandLockOptions {
  leases: LeasesRepo;
  jobId: string;
  jobName: string;
  /** This process, as the engine names itself; the label says what the lease is for. */
  owner: Omit<LeaseOwner, 'ownerId'>;
  clock: () => Date;
  ttlMs: number;
  waitMs: number;
  signal: AbortSignal;
  /** Called once, when the job is busy and the run starts waiting. */
  onWait(holder: Lease, until: Date): void;
  pollMs?: number;
}

/** The lock refused: its English message, and the same under its code for the app to translate. */
export class OnDemandLockRefused extends RosterError {
  constructor(
    readonly messageCode: Extract<OnDemandMessageCode, 'jobBusy' | 'jobBusyWaited' | 'cancelledWhileWaiting'>,
    readonly messageParams: Record<string, string>,
    details?: unknown,
  ) {
    // `said` (the same code and parameters) lets whoever passes the refusal on keep it translatable.
    super('conflict', onDemandMessageEnglish(messageCode, messageParams), {
      ...(typeof details === 'object' ? details : {}),
      said: { code: messageCode, params: messageParams },
    });
  }
}

export interface HeldLock {
  /** Aborted when the lease is lost (not renewed in time, taken over): the run must stop. */
  signal: AbortSignal;
  release(): void;
}

export async function acquireOnDemandLock(options: OnDemandLockOptions): Promise<HeldLock> {
  const { leases, jobId, clock, ttlMs } = options;
  const owner: LeaseOwner = { ...options.owner, ownerId: randomUUID() };
  const until = new Date(clock().getTime() + options.waitMs);
  let waiting = false;
  for (;;) {
    const taken = leases.acquire(jobId, owner, clock(), ttlMs);
    if (taken.acquired) break;
    if (clock().getTime() >= until.getTime()) throw busy(options.jobName, taken.holder, options.waitMs);
    if (!waiting) {
      waiting = true;
      options.onWait(taken.holder, until);
    }
    await sleep(options.pollMs ?? 500, undefined, { signal: options.signal }).catch(() => undefined);
    if (options.signal.aborted) throw new OnDemandLockRefused('cancelledWhileWaiting', {});
  }

  const lost = new AbortController();
  // Renewed like a cycle's lease: at a third of its life, so two renewals may fail before another
  // process may take the job over. A run normally ends long before the first renewal.
  const timer = setInterval(() => {
    try {
      if (!leases.renew(jobId, owner.ownerId, clock(), ttlMs))
        lost.abort(new Error(`${options.jobName}: the lease was taken over; provision on demand stops.`));
    } catch {
      // The store was busy past its timeout: the next tick tries again while the lease is valid.
    }
  }, ttlMs / 3);
  timer.unref();
  return {
    signal: lost.signal,
    release() {
      clearInterval(timer);
      leases.release(jobId, owner.ownerId);
    },
  };
}

/** The refusal when the job stayed busy: who holds it, since when, and what to do. */
function busy(jobName: string, holder: Lease, waitMs: number): OnDemandLockRefused {
  const params = {
    job: jobName,
    holder: holder.label,
    pid: String(holder.pid),
    host: holder.host,
    since: holder.acquiredAt,
  };
  return new OnDemandLockRefused(
    waitMs > 0 ? 'jobBusyWaited' : 'jobBusy',
    waitMs > 0 ? { ...params, seconds: String(Math.round(waitMs / 1000)) } : params,
    { holder: leaseHolderDetails(holder) },
  );
}
