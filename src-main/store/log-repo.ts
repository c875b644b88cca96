import type { LogPage, LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { Database } from './db';

interface LogRow {
  seq: number;
  id: string;
  job_id: string;
  job_name?: string | null;
  cycle_id: string;
  change_id: string;
  at: string;
  action: ProvisioningLogEntry['provisioningAction'];
  status: ProvisioningLogEntry['status'];
  error_code: string | null;
  error_category: string | null;
  reason: string | null;
  additional_details: string | null;
  recommended_action: string | null;
  duration_ms: number;
  initiated_by_type: 'system' | 'admin';
  initiated_by_name: string;
  identity_type: 'User' | 'Group';
  source_id: string;
  source_display_name: string;
  target_id: string | null;
  target_display_name: string | null;
  modified_json: string;
  steps_json: string;
}

export function logEntryFromRow(row: LogRow): ProvisioningLogEntry & { seq: number } {
  const entry: ProvisioningLogEntry & { seq: number } = {
    seq: row.seq,
    id: row.id,
    activityDateTime: row.at,
    jobId: row.job_id,
    cycleId: row.cycle_id,
    changeId: row.change_id,
    provisioningAction: row.action,
    status: row.status,
    durationInMilliseconds: row.duration_ms,
    initiatedBy: { type: row.initiated_by_type, displayName: row.initiated_by_name },
    sourceIdentity: {
      id: row.source_id,
      displayName: row.source_display_name,
      identityType: row.identity_type,
    },
    targetIdentity: {
      id: row.target_id,
      displayName: row.target_display_name,
      identityType: row.identity_type,
    },
    modifiedProperties: JSON.parse(row.modified_json) as ProvisioningLogEntry['modifiedProperties'],
    provisioningSteps: JSON.parse(row.steps_json) as ProvisioningLogEntry['provisioningSteps'],
  };
  if (row.job_name) entry.jobName = row.job_name;
  if (row.error_code) {
    entry.errorInformation = {
      errorCode: row.error_code,
      errorCategory: row.error_category ?? '',
      reason: row.reason ?? '',
      ...(row.additional_details ? { additionalDetails: row.additional_details } : {}),
      ...(row.recommended_action ? { recommendedAction: row.recommended_action } : {}),
    };
  }
  return entry;
}

/** WHERE clause and parameters for a log query: every filter has an index ending in seq (migration 009). */
function whereOf(query: Omit<LogQuery, 'limit' | 'beforeSeq'>): {
  sql: string;
  params: Record<string, unknown>;
} {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, name: string, value: unknown) => {
    if (value === undefined) return;
    clauses.push(sql);
    params[name] = value;
  };
  // A cycle (or a change) is the narrowest filter: the unary + keeps SQLite from walking a whole
  // job's or status's index in seq order instead of the cycle's few rows (migration 009).
  const narrow = query.cycleId !== undefined || query.changeId !== undefined ? '+' : '';
  add(`${narrow}l.job_id = @jobId`, 'jobId', query.jobId);
  add('l.cycle_id = @cycleId', 'cycleId', query.cycleId);
  add('l.change_id = @changeId', 'changeId', query.changeId);
  add(`${narrow}l.status = @status`, 'status', query.status);
  add(`${narrow}l.action = @action`, 'action', query.action);
  add('l.at >= @since', 'since', query.since);
  add('l.at <= @until', 'until', query.until);
  if (query.identity) {
    clauses.push(
      "(l.source_id = @identity OR l.target_id = @identity OR l.source_display_name LIKE @identityPrefix ESCAPE '\\' COLLATE NOCASE)",
    );
    params['identity'] = query.identity;
    params['identityPrefix'] = `${query.identity.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export interface LogRepo {
  insertMany(entries: readonly ProvisioningLogEntry[]): void;
  page(query: LogQuery): LogPage;
  /** Streams matching entries oldest first, for exports of any size. */
  iterate(
    query: Omit<LogQuery, 'limit' | 'beforeSeq'>,
  ): IterableIterator<ProvisioningLogEntry & { seq: number }>;
  /**
   * Deletes up to `limit` of the oldest entries written before `cutoffIso`, in one transaction;
   * returns how many went. Retention calls it repeatedly, yielding in between (index `log_at`).
   */
  pruneOlderThan(cutoffIso: string, limit: number): number;
}

export function createLogRepo(db: Database): LogRepo {
  const insert = db.prepare(
    `INSERT INTO log_entries (id, job_id, cycle_id, change_id, at, action, status, error_code, error_category, reason,
       additional_details, recommended_action, duration_ms, initiated_by_type, initiated_by_name, identity_type,
       source_id, source_display_name, target_id, target_display_name, modified_json, steps_json)
     VALUES (@id, @job_id, @cycle_id, @change_id, @at, @action, @status, @error_code, @error_category, @reason,
       @additional_details, @recommended_action, @duration_ms, @initiated_by_type, @initiated_by_name, @identity_type,
       @source_id, @source_display_name, @target_id, @target_display_name, @modified_json, @steps_json)`,
  );
  const insertBatch = db.transaction((entries: readonly ProvisioningLogEntry[]) => {
    for (const e of entries) {
      insert.run({
        id: e.id,
        job_id: e.jobId,
        cycle_id: e.cycleId,
        change_id: e.changeId,
        at: e.activityDateTime,
        action: e.provisioningAction,
        status: e.status,
        error_code: e.errorInformation?.errorCode ?? null,
        error_category: e.errorInformation?.errorCategory ?? null,
        reason: e.errorInformation?.reason ?? null,
        additional_details: e.errorInformation?.additionalDetails ?? null,
        recommended_action: e.errorInformation?.recommendedAction ?? null,
        duration_ms: e.durationInMilliseconds,
        initiated_by_type: e.initiatedBy.type,
        initiated_by_name: e.initiatedBy.displayName,
        identity_type: e.sourceIdentity.identityType,
        source_id: e.sourceIdentity.id,
        source_display_name: e.sourceIdentity.displayName,
        target_id: e.targetIdentity.id,
        target_display_name: e.targetIdentity.displayName,
        modified_json: JSON.stringify(e.modifiedProperties),
        steps_json: JSON.stringify(e.provisioningSteps),
      });
    }
  });

  const pruneBatch = db.prepare<[string, number]>(
    `DELETE FROM log_entries WHERE seq IN (SELECT seq FROM log_entries WHERE at < ? ORDER BY at LIMIT ?)`,
  );

  return {
    insertMany: (entries) => insertBatch(entries),
    pruneOlderThan: (cutoffIso, limit) => pruneBatch.run(cutoffIso, limit).changes,
    page(query) {
      const { sql, params } = whereOf(query);
      const seqClause = query.beforeSeq ? `${sql ? `${sql} AND` : 'WHERE'} l.seq < @beforeSeq` : sql;
      const rows = db
        .prepare<Record<string, unknown>, LogRow>(
          `SELECT l.*, j.name AS job_name FROM log_entries l LEFT JOIN jobs j ON j.id = l.job_id ${seqClause}
           ORDER BY l.seq DESC LIMIT @limit`,
        )
        .all({
          ...params,
          ...(query.beforeSeq ? { beforeSeq: query.beforeSeq } : {}),
          limit: query.limit + 1,
        });
      const entries = rows.slice(0, query.limit).map(logEntryFromRow);
      const last = entries.at(-1);
      return { entries, nextBeforeSeq: rows.length > query.limit && last ? last.seq : null };
    },
    iterate(query) {
      const { sql, params } = whereOf(query);
      const rows = db
        .prepare<Record<string, unknown>, LogRow>(
          `SELECT l.*, j.name AS job_name FROM log_entries l LEFT JOIN jobs j ON j.id = l.job_id ${sql} ORDER BY l.seq`,
        )
        .iterate(params);
      return (function* () {
        for (const row of rows) yield logEntryFromRow(row);
      })();
    },
  };
}
