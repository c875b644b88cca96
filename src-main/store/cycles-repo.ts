import type { CycleCounters, CycleKind, CycleStatus, CycleSummary } from '@shared/domain/provisioning';
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
    counters: JSON.parse(row.counters_json) as CycleCounters,
    error: row.error_json ? (JSON.parse(row.error_json) as CycleSummary['error']) : null,
  };
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
  get(id: string): CycleSummary | null;
  forJob(jobId: string, limit: number): CycleSummary[];
  /** Cycles left 'running' by a crash: marked stopped at start-up. */
  markAbandoned(at: string): number;
}

export function createCyclesRepo(db: Database): CyclesRepo {
  const insert = db.prepare(
    `INSERT INTO cycles (id, job_id, kind, dry_run, status, started_at, initiated_by, watermark_before)
     VALUES (@id, @job_id, @kind, @dry_run, 'running', @started_at, @initiated_by, @watermark_before)`,
  );
  const finishRow = db.prepare(
    `UPDATE cycles SET status = @status, ended_at = @ended_at, counters_json = @counters_json, error_json = @error_json,
       watermark_after = @watermark_after WHERE id = @id`,
  );
  const one = db.prepare<[string], CycleRow>('SELECT * FROM cycles WHERE id = ?');
  const recent = db.prepare<[string, number], CycleRow>(
    'SELECT * FROM cycles WHERE job_id = ? ORDER BY started_at DESC LIMIT ?',
  );
  const abandon = db.prepare<[string]>(
    `UPDATE cycles SET status = 'stopped', ended_at = ?, error_json = '{"code":"Interrupted","message":"Roster stopped while this cycle ran"}'
     WHERE status = 'running'`,
  );
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
    get: (id) => {
      const row = one.get(id);
      return row ? fromRow(row) : null;
    },
    forJob: (jobId, limit) => recent.all(jobId, limit).map(fromRow),
    markAbandoned: (at) => abandon.run(at).changes,
  };
}
