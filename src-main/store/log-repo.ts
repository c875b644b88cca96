import type { ErrorInformation, LogPage, LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { LogMessage } from '@shared/domain/log-messages';
import type { Statement } from 'better-sqlite3';
import type { Database } from './db';
import {
  blockRunsNewestFirst,
  blocksOf,
  filterClauses,
  identityParams,
  identitySeqsInBlock,
  idSeqs,
  nameHitsPerBlock,
  nameSeqsInBlocks,
  seqBlockSize,
  where,
  type LogFilter,
  type SeqWindow,
} from './log-query-sql';
import { flatRestOfEntry } from './log-flat-csv';
import { flatCsvParts, type FlatCsvPart } from './log-flat-csv-read';

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
 * Matching entries oldest first; iterating again runs the query again. Entries are read a block of
 * seqs at a time and no statement stays open between blocks, so the store can write (a running
 * cycle's log) while an export awaits the disk.
 */
export interface LogEntries extends Iterable<ProvisioningLogEntry & { seq: number }> {
  /**
   * The same entries as the flat CSV export's lines (store/log-flat-csv.ts), in runs of whole lines;
   * `read` forces a scan or the indexes, which otherwise the export chooses (log-flat-csv-read.ts).
   */
  flatCsv(read?: 'indexed' | 'scan'): Iterable<FlatCsvPart>;
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

/** The columns every schema since migration 010 has, in the order of `insertValues`. */
const insertColumns = [
  'id',
  'job_id',
  'cycle_id',
  'change_id',
  'at',
  'action',
  'status',
  'error_code',
  'error_category',
  'reason',
  'additional_details',
  'recommended_action',
  'duration_ms',
  'initiated_by_type',
  'initiated_by_name',
  'identity_type',
  'source_id',
  'source_display_name',
  'target_id',
  'target_display_name',
  'modified_json',
  'steps_json',
];

function insertValues(e: ProvisioningLogEntry): (string | number | null)[] {
  return [
    e.id,
    e.jobId,
    e.cycleId,
    e.changeId,
    e.activityDateTime,
    e.provisioningAction,
    e.status,
    e.errorInformation?.errorCode ?? null,
    e.errorInformation?.errorCategory ?? null,
    e.errorInformation?.reason ?? null,
    e.errorInformation?.additionalDetails ?? null,
    e.errorInformation?.recommendedAction ?? null,
    e.durationInMilliseconds,
    e.initiatedBy.type,
    e.initiatedBy.displayName,
    e.sourceIdentity.identityType,
    e.sourceIdentity.id,
    e.sourceIdentity.displayName,
    e.targetIdentity.id,
    e.targetIdentity.displayName,
    JSON.stringify(e.modifiedProperties),
    JSON.stringify(e.provisioningSteps),
  ];
}

/**
 * A block with this many name matches is read on its own (newest matches first, the LIMIT stops the
 * read); blocks with fewer are read together, so one sort never holds more than a few per block.
 */
const denseBlockHits = 8;

const entrySelect = 'SELECT l.*, j.name AS job_name FROM log_entries l LEFT JOIN jobs j ON j.id = l.job_id';

export function createLogRepo(db: Database): LogRepo {
  // Databases before migration 013 (the migration tests) have no column for the message codes.
  const hasColumn = (name: string) =>
    db.prepare("SELECT 1 FROM pragma_table_info('log_entries') WHERE name = ?").get(name) !== undefined;
  const withCodes = hasColumn('error_messages_json');
  // Before migration 015 the export builds every row's cells from its columns.
  const withFlatCsv = hasColumn('flat_csv_rest');
  const columns = [
    ...insertColumns,
    ...(withCodes ? ['error_messages_json'] : []),
    ...(withFlatCsv ? ['flat_csv_rest'] : []),
  ];
  // Positional values: binding an array costs about half of binding an object of 24 named values.
  const insert = db.prepare<unknown[]>(
    `INSERT INTO log_entries (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
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
      const values = insertValues(e);
      if (withCodes) values.push(errorMessagesOf(e.errorInformation));
      if (withFlatCsv) values.push(flatRestOfEntry(e));
      const { lastInsertRowid } = insert.run(values);
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
   * With one, see identitySeqs.
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
    return identitySeqs(clauses, { ...params, ...identityParams(query.identity), ...window }, window, limit);
  }

  /**
   * The newest `limit` seqs matching an identity: ids from their own indexes in one statement; name
   * prefixes block by block from the newest (`log_name_blocks`). Blocks are probed in growing runs
   * for how many matches each holds (up to `denseBlockHits`), so empty blocks cost one seek inside
   * a statement rather than a statement each; a dense block is read alone (its newest matches
   * only) and consecutive sparse blocks together, until the page is full.
   */
  function identitySeqs(
    clauses: string[],
    bound: Record<string, unknown>,
    window: SeqWindow,
    limit: number,
  ): number[] {
    const byId = prepared<number>(idSeqs(clauses))
      .pluck()
      .all({ ...bound, limit });
    const probe = prepared<[number, number]>(nameHitsPerBlock(clauses)).raw();
    const read = prepared<number>(nameSeqsInBlocks(clauses)).pluck();
    const found = new Set<number>();
    // Every match not seen yet lies below `lowestRead`'s block: the page is full once the matches
    // seen, with the ids at or above that block, reach the limit.
    const full = (lowestRead: number) => {
      const floor = lowestRead * seqBlockSize;
      return new Set([...found, ...byId.filter((seq) => seq >= floor)]).size >= limit;
    };
    let group: number[] = [];
    let groupHits = 0;
    const readGroup = () => {
      if (group.length === 0) return false;
      for (const seq of read.all({ ...bound, blocks: JSON.stringify(group), limit: limit - found.size }))
        found.add(seq);
      const lowest = group.at(-1) as number;
      group = [];
      groupHits = 0;
      return full(lowest);
    };
    for (const run of blockRunsNewestFirst(window)) {
      const hits = probe.all({ ...bound, blocks: JSON.stringify(run), cap: denseBlockHits });
      for (const [block, count] of hits) {
        if (count === 0) continue;
        if (count >= denseBlockHits) {
          if (readGroup()) break;
          group = [block];
          if (readGroup()) break;
          continue;
        }
        group.push(block);
        groupHits += count;
        if (groupHits >= limit - found.size && readGroup()) break;
      }
      if (readGroup() || full(run.at(-1) as number)) break;
    }
    return [...new Set([...byId, ...found])].sort((a, b) => b - a).slice(0, limit);
  }

  /**
   * Whole matching entries oldest first, a block of seqs at a time: each block's rows are read
   * whole (`all`), so no statement is open while the caller awaits between them.
   */
  function* oldestFirst(query: LogFilter): Generator<LogRow> {
    const window = seqWindow(query, undefined);
    if (!window) return;
    const { clauses, params } = filterClauses(query);
    const rowsWhere = query.identity ? `WHERE l.seq IN (${identitySeqsInBlock(clauses)})` : where(clauses);
    const read = prepared<LogRow>(`${entrySelect} ${rowsWhere} ORDER BY l.seq`);
    const bound = { ...params, ...(query.identity ? identityParams(query.identity) : {}) };
    for (const block of blocksOf(window, false)) yield* read.all({ ...bound, ...block });
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
          for (const row of oldestFirst(query)) yield logEntryFromRow(row);
        },
        *flatCsv(read) {
          const window = seqWindow(query, undefined);
          if (window) yield* flatCsvParts({ db, prepared, withFlatCsv }, query, window, read);
        },
      };
    },
  };
}
