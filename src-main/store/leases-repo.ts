import { hostname } from 'node:os';
import type { CyclesRepo } from './cycles-repo';
import type { Database } from './db';

/**
 * Who may run a job's cycle: one process at a time, across every process on the data folder
 * (ARCHITECTURE.md §4 "One writer per job"). The app, `roster sync`, `roster run` and browser mode
 * each open their own connection to the same SQLite file, so the lock lives in a row, not in memory.
 */
export interface LeaseOwner {
  /** Random per app instance: two apps in one process (tests) are two owners. */
  ownerId: string;
  /** How the owner was started, in words an admin recognises: "roster sync", "the Roster app". */
  label: string;
  pid: number;
  host: string;
}

export interface Lease extends LeaseOwner {
  jobId: string;
  /** The cycle the owner runs under this lease, once it has one. */
  cycleId: string | null;
  acquiredAt: string;
  renewedAt: string;
  expiresAt: string;
}

/** What a refusal tells about the lease's holder (`details.holder`): who, where, since and until when. */
export function leaseHolderDetails(holder: Lease) {
  return {
    label: holder.label,
    pid: holder.pid,
    host: holder.host,
    cycleId: holder.cycleId,
    since: holder.acquiredAt,
    expiresAt: holder.expiresAt,
  };
}

export type AcquireResult =
  | {
      acquired: true;
      lease: Lease;
      /** The lease we replaced (expired, or its owner is dead), for the log; null when the job was free. */
      replaced: Lease | null;
      /** Cycles of the job left 'running' by earlier owners, now marked stopped (Interrupted). */
      abandonedCycles: number;
    }
  | { acquired: false; holder: Lease };

/** Whether a lease still protects its owner's cycle, and why not. */
export type LeaseState = 'live' | 'expired' | 'ownerDead';

export interface LeasesRepo {
  /**
   * Takes the job's lease for `owner` until now + ttlMs, in one IMMEDIATE transaction (the write lock
   * is taken before the row is read, so two processes can never both see "free"). It is taken when
   * there is no lease, when it expired, when its owner is provably dead, or when it is `owner`'s own
   * (left behind; the engine's in-process map keeps one owner from running a job twice). Otherwise
   * the holder is returned. Taking it also marks the job's cycles still 'running' as interrupted:
   * whoever ran them held the lease we now hold, so no live process is running them.
   */
  acquire(jobId: string, owner: LeaseOwner, now: Date, ttlMs: number): AcquireResult;
  /** Extends our lease to now + ttlMs; false when the lease is no longer ours (taken over, or released). */
  renew(jobId: string, ownerId: string, now: Date, ttlMs: number): boolean;
  /** Gives the lease up; a no-op when it is no longer ours. */
  release(jobId: string, ownerId: string): void;
  /** Records the cycle run under our lease (shown to whoever is refused); false when it is no longer ours. */
  setCycle(jobId: string, ownerId: string, cycleId: string): boolean;
  /** The lease row as stored, whatever its state. */
  holder(jobId: string): Lease | null;
  /** The lease when it still protects its owner's cycle (not expired, owner not provably dead). */
  liveHolder(jobId: string, now: Date): Lease | null;
  stateOf(lease: Lease, now: Date): LeaseState;
}

export interface LeaseLiveness {
  /** This machine's name: a pid means something only on the host that issued it. */
  host: string;
  /** False only when the process provably does not exist. */
  isAlive(pid: number): boolean;
}

/**
 * `kill(pid, 0)` sends nothing and only checks the process exists. ESRCH is the one proof of death;
 * EPERM means it exists under another user, and anything else is treated as alive (wait for expiry).
 * A reused pid reads as alive too, which errs on the safe side: the lease then waits for its expiry.
 */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

export const localLiveness: LeaseLiveness = { host: hostname(), isAlive: processIsAlive };

interface LeaseRow {
  job_id: string;
  owner_id: string;
  owner_label: string;
  pid: number;
  host: string;
  cycle_id: string | null;
  acquired_at: string;
  renewed_at: string;
  expires_at: string;
}

function fromRow(row: LeaseRow): Lease {
  return {
    jobId: row.job_id,
    ownerId: row.owner_id,
    label: row.owner_label,
    pid: row.pid,
    host: row.host,
    cycleId: row.cycle_id,
    acquiredAt: row.acquired_at,
    renewedAt: row.renewed_at,
    expiresAt: row.expires_at,
  };
}

export function createLeasesRepo(
  db: Database,
  deps: { cycles: CyclesRepo; liveness?: LeaseLiveness },
): LeasesRepo {
  const liveness = deps.liveness ?? localLiveness;
  const one = db.prepare<[string], LeaseRow>('SELECT * FROM job_leases WHERE job_id = ?');
  const upsert = db.prepare(
    `INSERT INTO job_leases (job_id, owner_id, owner_label, pid, host, cycle_id, acquired_at, renewed_at, expires_at)
     VALUES (@job_id, @owner_id, @owner_label, @pid, @host, NULL, @now, @now, @expires_at)
     ON CONFLICT (job_id) DO UPDATE SET owner_id = excluded.owner_id, owner_label = excluded.owner_label,
       pid = excluded.pid, host = excluded.host, cycle_id = NULL, acquired_at = excluded.acquired_at,
       renewed_at = excluded.renewed_at, expires_at = excluded.expires_at`,
  );
  const extend = db.prepare<[string, string, string, string]>(
    'UPDATE job_leases SET renewed_at = ?, expires_at = ? WHERE job_id = ? AND owner_id = ?',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM job_leases WHERE job_id = ? AND owner_id = ?');
  const cycle = db.prepare<[string, string, string]>(
    'UPDATE job_leases SET cycle_id = ? WHERE job_id = ? AND owner_id = ?',
  );

  const stateOf = (lease: Lease, now: Date): LeaseState => {
    // Wall clocks are compared across processes; on one host they agree, and SQLite on a folder
    // shared between hosts is unsafe for other reasons (locking), so skew is not designed for.
    if (Date.parse(lease.expiresAt) <= now.getTime()) return 'expired';
    if (lease.host === liveness.host && !liveness.isAlive(lease.pid)) return 'ownerDead';
    return 'live';
  };

  const holder = (jobId: string): Lease | null => {
    const row = one.get(jobId);
    return row ? fromRow(row) : null;
  };

  const take = db.transaction((jobId: string, owner: LeaseOwner, now: Date, ttlMs: number): AcquireResult => {
    const current = holder(jobId);
    if (current && current.ownerId !== owner.ownerId && stateOf(current, now) === 'live')
      return { acquired: false, holder: current };
    const at = now.toISOString();
    upsert.run({
      job_id: jobId,
      owner_id: owner.ownerId,
      owner_label: owner.label,
      pid: owner.pid,
      host: owner.host,
      now: at,
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    });
    const abandonedCycles = deps.cycles.markAbandoned(at, {
      jobId,
      message: current
        ? `${current.label} (process ${current.pid} on ${current.host}) stopped while this cycle ran`
        : undefined,
    });
    return { acquired: true, lease: holder(jobId) as Lease, replaced: current, abandonedCycles };
  });

  return {
    // .immediate(): BEGIN IMMEDIATE takes the write lock before the read, waiting up to the store's
    // busy_timeout for another process's write; a deferred BEGIN could read "free" in two processes.
    acquire: (jobId, owner, now, ttlMs) => take.immediate(jobId, owner, now, ttlMs),
    renew: (jobId, ownerId, now, ttlMs) =>
      extend.run(now.toISOString(), new Date(now.getTime() + ttlMs).toISOString(), jobId, ownerId).changes ===
      1,
    release: (jobId, ownerId) => void remove.run(jobId, ownerId),
    setCycle: (jobId, ownerId, cycleId) => cycle.run(cycleId, jobId, ownerId).changes === 1,
    holder,
    liveHolder: (jobId, now) => {
      const lease = holder(jobId);
      return lease && stateOf(lease, now) === 'live' ? lease : null;
    },
    stateOf,
  };
}
