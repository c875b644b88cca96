import type { ErrorInformation, LogPage, LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { LogMessage } from '@shared/domain/log-messages';
import type { Statement } from 'better-sqlite3';
import type { Database } from './db';
import {
  blocksOf,
  filterClauses,
  identityParams,
  identitySeqsInBlock,
  idSeqs,
  nameSeqsInBlock,
  seqBlockSize,
  where,
  type LogFilter,
  type SeqWindow,
} from './log-query-sql';

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
  /** Migration 013; absent on older schemas, null for entries without codes. */
  error_messages_json?: string | null;
}

/** The reason and advice of an entry under their message codes (column `error_messages_json`). */
interface ErrorMessages {
  reason?: LogMessage;
  recommendedAction?: LogMessage;
}

function errorMessagesOf(info: ErrorInformation | undefined): string | null {
  if (!info) return null;
  const messages: ErrorMessages = {};
  if (info.reasonCode) messages.reason = { code: info.reasonCode, params: info.reasonParams ?? {} };
  if (info.recommendedActionCode)
    messages.recommendedAction = {
      code: info.recommendedActionCode,
      params: info.recommendedActionParams ?? {},
    };
  return messages.reason || messages.recommendedAction ? JSON.stringify(messages) : null;
}

function codesOf(json: string | null | undefined): Partial<ErrorInformation> {
  if (!json) return {};
  const { reason, recommendedAction } = JSON.parse(json) as ErrorMessages;
  return {
    ...(reason ? { reasonCode: reason.code, reasonParams: reason.params } : {}),
    ...(recommendedAction
      ? {
          recommendedActionCode: recommendedAction.code,
          recommendedActionParams: recommendedAction.params,
        }
      : {}),
  };
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
      ...codesOf(row.error_messages_json),
    };
  }
  return entry;
}

/**
 * The columns of the flat CSV export, in its order, as SQLite gives them: the export reads only
 * these (no steps JSON) and as arrays (`.raw()`), which is what lets it write 200,000 rows a second.
 */
export type FlatLogRow = [
  at: string,
  job: string,
  cycleId: string,
  action: string,
  status: string,
  errorCode: string | null,
  reason: string | null,
  sourceId: string,
  sourceDisplayName: string,
  targetId: string | null,
  modifiedJson: string,
  changeId: string,
];

/** Matching entries oldest first; iterating again runs the query again. */
export interface LogEntries extends Iterable<ProvisioningLogEntry & { seq: number }> {
  /** The same entries as the flat export's columns only. */
  flatRows(): Iterable<FlatLogRow>;
}

export interface LogRepo {
  insertMany(entries: readonly ProvisioningLogEntry[]): void;
  /** A page newest first; every filter combination reads its seqs from indexes (migrations 009, 010). */
  page(query: LogQuery): LogPage;
  /** Streams matching entries oldest first, for exports of any size; nothing runs until iterated. */
  iterate(query: LogFilter): LogEntries;
  /**
   * Deletes up to `limit` of the oldest entries written before `cutoffIso`, in one transaction;
   * returns how many went. Retention calls it repeatedly, yielding in between (index `log_at`).
   */
  pruneOlderThan(cutoffIso: string, limit: number): number;
}

const entrySelect = 'SELECT l.*, j.name AS job_name FROM log_entries l LEFT JOIN jobs j ON j.id = l.job_id';
const flatSelect = `SELECT l.at, l.job_id, l.cycle_id, l.action, l.status, l.error_code, l.reason, l.source_id,
  l.source_display_name, l.target_id, l.modified_json, l.change_id FROM log_entries l`;

export function createLogRepo(db: Database): LogRepo {
  // Databases before migration 013 (the migration tests) have no column for the message codes.
  const withCodes =
    db.prepare("SELECT 1 FROM pragma_table_info('log_entries') WHERE name = 'error_messages_json'").get() !==
    undefined;
  const insert = db.prepare(
    `INSERT INTO log_entries (id, job_id, cycle_id, change_id, at, action, status, error_code, error_category, reason,
       additional_details, recommended_action, duration_ms, initiated_by_type, initiated_by_name, identity_type,
       source_id, source_display_name, target_id, target_display_name, modified_json, steps_json
       ${withCodes ? ', error_messages_json' : ''})
     VALUES (@id, @job_id, @cycle_id, @change_id, @at, @action, @status, @error_code, @error_category, @reason,
       @additional_details, @recommended_action, @duration_ms, @initiated_by_type, @initiated_by_name, @identity_type,
       @source_id, @source_display_name, @target_id, @target_display_name, @modified_json, @steps_json
       ${withCodes ? ', @error_messages_json' : ''})`,
  );
  // Databases before migration 010 (the migration tests) have no time blocks to keep.
  let timeBlocks: Statement<[number, string, string]> | null | undefined;
  const upsertTimeBlock = () =>
    (timeBlocks ??= db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_time_blocks'")
      .get()
      ? db.prepare<[number, string, string]>(
          `INSERT INTO log_time_blocks (block, min_at, max_at) VALUES (?, ?, ?)
           ON CONFLICT (block) DO UPDATE SET min_at = min(min_at, excluded.min_at), max_at = max(max_at, excluded.max_at)`,
        )
      : null);
  const insertBatch = db.transaction((entries: readonly ProvisioningLogEntry[]) => {
    // The time span of each block the batch writes into, recorded once per block in the same
    // transaction (a trigger per entry doubled the cost of a log write).
    const spans = new Map<number, { min: string; max: string }>();
    for (const e of entries) {
      const { lastInsertRowid } = insert.run({
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
        ...(withCodes ? { error_messages_json: errorMessagesOf(e.errorInformation) } : {}),
      });
      const block = Math.floor(Number(lastInsertRowid) / seqBlockSize);
      const at = e.activityDateTime;
      const span = spans.get(block);
      if (!span) spans.set(block, { min: at, max: at });
      else {
        if (at < span.min) span.min = at;
        if (at > span.max) span.max = at;
      }
    }
    const upsert = upsertTimeBlock();
    if (upsert) for (const [block, span] of spans) upsert.run(block, span.min, span.max);
  });

  const pruneBatch = db.prepare<[string, number]>(
    `DELETE FROM log_entries WHERE seq IN (SELECT seq FROM log_entries WHERE at < ? ORDER BY at LIMIT ?)`,
  );

  const statements = new Map<string, Statement>();
  /** Statements by SQL text: the text depends only on which filters are set, so few ever exist. */
  function prepared<Row>(sql: string): Statement<Record<string, unknown>, Row> {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement as Statement<Record<string, unknown>, Row>;
  }
  // Prepared on first use: the repository also runs on databases of older schema versions (the
  // migration tests), which have no log_time_blocks yet.
  const scalar = (sql: string, ...params: string[]) =>
    db
      .prepare<string[], number | null>(sql)
      .pluck()
      .get(...params) ?? null;

  /**
   * The seq window of a query's time range and page cursor, or `null` when nothing can match. Exact:
   * a block's recorded span covers every entry in it, so no entry outside the window is in the range.
   */
  function seqWindow(query: LogFilter, beforeSeq: number | undefined): SeqWindow | null {
    let lo = scalar('SELECT min(seq) FROM log_entries');
    let hi = scalar('SELECT max(seq) FROM log_entries');
    if (lo === null || hi === null) return null;
    if (beforeSeq !== undefined) hi = Math.min(hi, beforeSeq - 1);
    if (query.since !== undefined) {
      const block = scalar('SELECT min(block) FROM log_time_blocks WHERE max_at >= ?', query.since);
      if (block === null) return null;
      lo = Math.max(lo, block * seqBlockSize);
    }
    if (query.until !== undefined) {
      const block = scalar('SELECT max(block) FROM log_time_blocks WHERE min_at <= ?', query.until);
      if (block === null) return null;
      hi = Math.min(hi, (block + 1) * seqBlockSize - 1);
    }
    return lo <= hi ? { lo, hi } : null;
  }

  /**
   * The newest `limit` matching seqs. Without an identity one statement does it: each filter (and
   * job + filter) has an index ending in seq, so SQLite reads its matches newest first and stops.
   * With one, the blocks are walked newest first until the page is full (see identitySeqsInBlock).
   */
  function newestSeqs(query: LogFilter, window: SeqWindow, limit: number): number[] {
    const { clauses, params } = filterClauses(query);
    if (!query.identity) {
      return prepared<number>(
        `SELECT l.seq FROM log_entries l ${where(clauses)} ORDER BY l.seq DESC LIMIT @limit`,
      )
        .pluck()
        .all({ ...params, ...window, limit });
    }
    const bound = { ...params, ...identityParams(query.identity), limit };
    const byId = prepared<number>(idSeqs(clauses))
      .pluck()
      .all({ ...bound, ...window });
    const byName = prepared<number>(nameSeqsInBlock(clauses)).pluck();
    const names: number[] = [];
    for (const block of blocksOf(window, true)) {
      names.push(...byName.all({ ...bound, ...block, limit: limit - names.length }));
      // Every match not seen yet lies below this block: stop once the page is full without them.
      const idsInReach = byId.filter((seq) => seq >= block.lo).length;
      if (names.length + idsInReach >= limit) break;
    }
    return [...new Set([...byId, ...names])].sort((a, b) => b - a).slice(0, limit);
  }

  /** Rows of the matching entries oldest first, through `select` (which names `log_entries l`). */
  function* oldestFirst<Row>(query: LogFilter, select: string, raw: boolean): Generator<Row> {
    const window = seqWindow(query, undefined);
    if (!window) return;
    const { clauses, params } = filterClauses(query);
    const run = (sql: string, bound: Record<string, unknown>) => {
      const statement = prepared<Row>(sql);
      return (raw ? statement.raw() : statement).iterate(bound);
    };
    if (!query.identity) {
      yield* run(`${select} ${where(clauses)} ORDER BY l.seq`, { ...params, ...window });
      return;
    }
    const sql = `${select} WHERE l.seq IN (${identitySeqsInBlock(clauses)}) ORDER BY l.seq`;
    for (const block of blocksOf(window, false))
      yield* run(sql, { ...params, ...identityParams(query.identity), ...block });
  }

  return {
    insertMany: (entries) => insertBatch(entries),
    pruneOlderThan: (cutoffIso, limit) => pruneBatch.run(cutoffIso, limit).changes,
    page(query) {
      const window = seqWindow(query, query.beforeSeq);
      const seqs = window ? newestSeqs(query, window, query.limit + 1) : [];
      if (seqs.length === 0) return { entries: [], nextBeforeSeq: null };
      // Only the page's rows are read, by seq, after the indexes chose them.
      const rows = prepared<LogRow>(
        `${entrySelect} WHERE l.seq IN (SELECT value FROM json_each(@seqs)) ORDER BY l.seq DESC`,
      ).all({ seqs: JSON.stringify(seqs.slice(0, query.limit)) });
      const entries = rows.map(logEntryFromRow);
      const last = entries.at(-1);
      return { entries, nextBeforeSeq: seqs.length > query.limit && last ? last.seq : null };
    },
    iterate(query) {
      return {
        *[Symbol.iterator]() {
          for (const row of oldestFirst<LogRow>(query, entrySelect, false)) yield logEntryFromRow(row);
        },
        *flatRows() {
          // Job names from one read of the jobs table rather than a join per row.
          const jobNames = new Map(db.prepare<[], [string, string]>('SELECT id, name FROM jobs').raw().all());
          for (const row of oldestFirst<FlatLogRow>(query, flatSelect, true)) {
            row[1] = jobNames.get(row[1]) ?? row[1];
            yield row;
          }
        },
      };
    },
  };
}
