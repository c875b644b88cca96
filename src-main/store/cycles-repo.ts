import {
  emptyCounters,
  type CycleCounters,
  type CycleKind,
  type CycleStatus,
  type CycleSummary,
} from '@shared/domain/provisioning';
import type { Database } from './db';

interface CycleRow {
  id: string;
  job_id: string;
  kind: CycleKind;
  dry_run: number;
  status: CycleStatus;
  started_at: string;
  ended_at: string | null;
  initiated_by: string;
  counters_json: string;
  error_json: string | null;
}

function fromRow(row: CycleRow): CycleSummary {
  return {
    id: row.id,
    jobId: row.job_id,
    kind: row.kind,
    dryRun: row.dry_run === 1,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    initiatedBy: row.initiated_by,
    // Cycles recorded before a counter existed read it as 0.
    counters: { ...emptyCounters(), ...(JSON.parse(row.counters_json) as Partial<CycleCounters>) },
    error: row.error_json ? (JSON.parse(row.error_json) as CycleSummary['error']) : null,
  };
}

/** The facts of a job's latest real (not dry-run) cycle that say whether anything can have changed since. */
export interface LastRealCycle {
  id: string;
  status: CycleStatus;
  /** The configuration digest it ran under; null before migration 007. */
  configDigest: string | null;
  watermarkAfter: string | null;
  /** The job's source-state epoch when it ended (migration 012); null before, or while it runs. */
  sourceStateEpoch: number | null;
  counters: CycleCounters;
  error: CycleSummary['error'];
}

export interface CyclesRepo {
  start(cycle: {
    id: string;
    jobId: string;
    kind: CycleKind;
    dryRun: boolean;
    startedAt: string;
    initiatedBy: string;
    watermarkBefore: string | null;
    /** The digest of the configuration the cycle runs under (engine/config-digest.ts). */
    configDigest?: string;
  }): void;
  finish(
    id: string,
    outcome: {
      status: CycleStatus;
      endedAt: string;
      counters: CycleCounters;
      error: CycleSummary['error'];
      watermarkAfter: string | null;
    },
  ): void;
  /** Replaces a finished cycle's error: the engine knows why it was aborted (e.g. its lease was lost). */
  setError(id: string, error: NonNullable<CycleSummary['error']>): void;
  get(id: string): CycleSummary | null;
  /**
   * The configuration digest of the job's last completed real (not dry-run) cycle: what its stored
   * watermark and state hashes were computed under. Undefined when there is none; null when that
   * cycle ran before digests were recorded.
   */
  lastCompletedDigest(jobId: string): string | null | undefined;
  /** The job's latest real (not dry-run) cycle, whatever its status; undefined when there is none. */
  lastReal(jobId: string): LastRealCycle | undefined;
  /**
   * How many links and source-state rows of the job were ever deleted (migration 012): a cycle ends
   * early over an unchanged source only when nothing was taken away since the last one.
   */
  sourceStateEpoch(jobId: string): number;
  forJob(jobId: string, limit: number): CycleSummary[];
  /**
   * Marks cycles left 'running' by a process that is gone as stopped (code Interrupted), and returns
   * how many. Never touches a cycle a live process still runs (ARCHITECTURE.md §4):
   * - `{ jobId }`: that job's running cycles; called by the leases repo inside the transaction that
   *   takes the job's lease, so nobody else can be running them.
   * - `{ keep }`: every job's, except jobs `keep` says a live lease protects (start-up). Runs as one
   *   IMMEDIATE transaction, so no lease can be taken between the check and the update.
   */
  markAbandoned(at: string, which: AbandonScope): number;
}

export type AbandonScope =
  | { jobId: string; message?: string | undefined }
  | { keep: (jobId: string) => boolean; message?: string | undefined };

const interrupted = 'Roster stopped while this cycle ran';

export function createCyclesRepo(db: Database): CyclesRepo {
  const insert = db.prepare(
    `INSERT INTO cycles (id, job_id, kind, dry_run, status, started_at, initiated_by, watermark_before, config_digest)
     VALUES (@id, @job_id, @kind, @dry_run, 'running', @started_at, @initiated_by, @watermark_before, @config_digest)`,
  );
  const lastDigest = db.prepare<[string], { config_digest: string | null }>(
    `SELECT config_digest FROM cycles WHERE job_id = ? AND status = 'completed' AND dry_run = 0
     ORDER BY started_at DESC LIMIT 1`,
  );
  const epoch = db.prepare<[string], { epoch: number }>(
    'SELECT COALESCE((SELECT epoch FROM source_state_epochs WHERE job_id = ?), 0) AS epoch',
  );
  // The epoch is taken in the same statement that ends the cycle, after every write the cycle made.
  const finishRow = db.prepare(
    `UPDATE cycles SET status = @status, ended_at = @ended_at, counters_json = @counters_json, error_json = @error_json,
       watermark_after = @watermark_after,
       source_state_epoch = COALESCE((SELECT epoch FROM source_state_epochs WHERE job_id = cycles.job_id), 0)
     WHERE id = @id`,
  );
  const lastRealRow = db.prepare<
    [string],
    CycleRow & {
      config_digest: string | null;
      watermark_after: string | null;
      source_state_epoch: number | null;
    }
  >(`SELECT * FROM cycles WHERE job_id = ? AND dry_run = 0 ORDER BY started_at DESC, rowid DESC LIMIT 1`);
  const errorRow = db.prepare<[string, string]>('UPDATE cycles SET error_json = ? WHERE id = ?');
  const one = db.prepare<[string], CycleRow>('SELECT * FROM cycles WHERE id = ?');
  const recent = db.prepare<[string, number], CycleRow>(
    'SELECT * FROM cycles WHERE job_id = ? ORDER BY started_at DESC LIMIT ?',
  );
  const abandonJob = db.prepare<[string, string, string]>(
    `UPDATE cycles SET status = 'stopped', ended_at = ?, error_json = ? WHERE job_id = ? AND status = 'running'`,
  );
  const runningJobs = db.prepare<[], string>("SELECT DISTINCT job_id FROM cycles WHERE status = 'running'");
  const errorJson = (message: string | undefined) =>
    JSON.stringify({ code: 'Interrupted', message: message ?? interrupted });
  // Nested in the leases repo's IMMEDIATE transaction this is a savepoint; on its own (start-up) the
  // .immediate() below makes the lease check and the update one write-locked step.
  const abandonUnkept = db.transaction((at: string, keep: (jobId: string) => boolean, error: string) => {
    let changed = 0;
    for (const jobId of runningJobs.pluck().all()) {
      if (!keep(jobId)) changed += abandonJob.run(at, error, jobId).changes;
    }
    return changed;
  });
  return {
    start: (c) =>
      void insert.run({
        id: c.id,
        job_id: c.jobId,
        kind: c.kind,
        dry_run: c.dryRun ? 1 : 0,
        started_at: c.startedAt,
        initiated_by: c.initiatedBy,
        watermark_before: c.watermarkBefore,
        config_digest: c.configDigest ?? null,
      }),
    finish: (id, o) =>
      void finishRow.run({
        id,
        status: o.status,
        ended_at: o.endedAt,
        counters_json: JSON.stringify(o.counters),
        error_json: o.error ? JSON.stringify(o.error) : null,
        watermark_after: o.watermarkAfter,
      }),
    setError: (id, error) => void errorRow.run(JSON.stringify(error), id),
    get: (id) => {
      const row = one.get(id);
      return row ? fromRow(row) : null;
    },
    lastCompletedDigest: (jobId) => lastDigest.get(jobId)?.config_digest,
    lastReal: (jobId) => {
      const row = lastRealRow.get(jobId);
      if (!row) return undefined;
      const summary = fromRow(row);
      return {
        id: row.id,
        status: row.status,
        configDigest: row.config_digest,
        watermarkAfter: row.watermark_after,
        sourceStateEpoch: row.source_state_epoch,
        counters: summary.counters,
        error: summary.error,
      };
    },
    sourceStateEpoch: (jobId) => epoch.get(jobId)?.epoch ?? 0,
    forJob: (jobId, limit) => recent.all(jobId, limit).map(fromRow),
    markAbandoned: (at, which) =>
      'jobId' in which
        ? abandonJob.run(at, errorJson(which.message), which.jobId).changes
        : abandonUnkept.immediate(at, which.keep, errorJson(which.message)),
  };
}
