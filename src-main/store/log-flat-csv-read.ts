import type { Statement } from 'better-sqlite3';
import { csvCell } from '../reports/csv-file-writer';
import type { Database } from './db';
import { escapeFormulas, flatLine, flatRestOfRow, type FlatSourceRow } from './log-flat-csv';
import {
  blocksOf,
  filterClauses,
  identityParams,
  identitySeqsInBlock,
  where,
  type LogFilter,
  type SeqWindow,
} from './log-query-sql';

/**
 * A run of whole lines of the flat CSV, line ends included, in seq order: UTF-8 bytes that SQLite
 * joined (what most of an export is), or text built here for the rows SQLite cannot write alone.
 */
export interface FlatCsvPart {
  text: string | Buffer;
  rows: number;
}

/**
 * How an export finds its rows: through the filters' `(…, seq)` indexes, through the identity's
 * indexes block by block, or by reading the window's rows in seq order and checking each.
 */
export type FlatCsvRead = 'indexed' | 'scan' | 'identity';

/**
 * A scan reads every row of the window; an index read steps the index and then seeks each match in
 * the table. At a million entries the scan was the cheaper of the two once the filters matched
 * about this share of the window (docs/performance.md, "Log pages at 1,000,000 entries").
 */
export const scanShare = 0.25;

/**
 * `at` exactly as `Date.prototype.toISOString` writes it (what Roster stamps every entry with): such
 * a cell needs no quotes and starts with no formula character, so SQLite may write it as it is.
 * Entries with any other time go through `csvCell`.
 */
const isoShape =
  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z';

/**
 * One line per row as the export writes it, or NULL when SQLite cannot write it alone: an entry
 * written before migration 015 (no `flat_csv_rest`), a time in another shape, a job no longer in
 * the jobs table (its name cell is NULL; the export writes its id).
 */
const lineOf = (jobCell: string) =>
  `CASE WHEN l.at GLOB @isoShape THEN l.at || ',' || ${jobCell} || ',' || l.flat_csv_rest || char(13, 10) END`;

/**
 * The lines of one block's matching rows joined by SQLite, as UTF-8 bytes (a BLOB of the text in
 * the store's encoding, SQLite's default UTF-8: no JS string is made and none encoded again), with how many rows matched and how many lines it wrote. The rows
 * reach group_concat in the subquery's seq order: SQLite neither flattens a subquery with ORDER BY
 * into an aggregate query nor drops that ORDER BY when the outer query aggregates with anything
 * but count/min/max (select.c, "omit superfluous ORDER BY", case 4), which is cheaper than sorting
 * inside the aggregate (`group_concat(… ORDER BY …)`, ~30 % slower here). An export of several
 * jobs looks each job's cell up in a small table of the jobs' cells.
 */
function joinedLinesSql(rowsWhere: string, perJob: boolean): string {
  const jobCells = perJob
    ? 'WITH job_cells AS MATERIALIZED (SELECT key AS id, value AS cell FROM json_each(@jobCells)) '
    : '';
  const join = perJob ? 'LEFT JOIN job_cells n ON n.id = l.job_id' : '';
  return `${jobCells}SELECT CAST(group_concat(line, '') AS BLOB), count(*), count(line)
    FROM (SELECT ${lineOf(perJob ? 'n.cell' : '@jobCell')} AS line FROM log_entries l ${join} ${rowsWhere} ORDER BY l.seq)`;
}

/** What a block's rows are rebuilt from when SQLite could not write all of its lines. */
type FallbackRow = FlatSourceRow & { at: string; job_id: string; flat_csv_rest: string | null };

const fallbackSql = (rowsWhere: string, withFlatCsv: boolean) =>
  `SELECT l.at, l.job_id, ${withFlatCsv ? 'l.flat_csv_rest' : 'NULL AS flat_csv_rest'}, l.cycle_id, l.action,
    l.status, l.error_code, l.reason, l.source_id, l.source_display_name, l.target_id, l.modified_json,
    l.change_id FROM log_entries l ${rowsWhere} ORDER BY l.seq`;

export interface FlatCsvStore {
  db: Database;
  /** Statements by SQL text, prepared once (the log repository's cache). */
  prepared<Row>(sql: string): Statement<Record<string, unknown>, Row>;
  /** Migration 015's column exists (the migration tests run the repository on older schemas). */
  withFlatCsv: boolean;
}

/**
 * Whether an export without an identity reads its window through the filters' indexes or in seq
 * order: a scan when no filter but the window is set, or when the matches reach `scanShare` of the
 * window. The count stops there and leaves out the time range (the window already bounds it), so
 * it reads only the filters' covering indexes: ~30 ms for half a million matches.
 */
export function flatCsvRead(store: FlatCsvStore, query: LogFilter, window: SeqWindow): FlatCsvRead {
  if (query.identity !== undefined) return 'identity';
  const { jobId, cycleId, changeId, status, action } = query;
  if ([jobId, cycleId, changeId, status, action].every((value) => value === undefined)) return 'scan';
  const { clauses, params } = filterClauses({ jobId, cycleId, changeId, status, action });
  const enough = Math.ceil(scanShare * (window.hi - window.lo + 1));
  const matches = store
    .prepared<number>(`SELECT count(*) FROM (SELECT 1 FROM log_entries l ${where(clauses)} LIMIT @enough)`)
    .pluck()
    .get({ ...params, ...window, enough }) as number;
  return matches >= enough ? 'scan' : 'indexed';
}

/**
 * The flat CSV lines of the entries matching `query` inside `window`, oldest first, block by block
 * (4,096 seqs): SQLite writes each block's lines in one statement; a block with a row it cannot
 * write is read again as rows and written here, byte for byte as `flatLineOfEntry` writes an entry.
 * No statement stays open between blocks, so the store's connection can write (a cycle's log)
 * while an export waits for the disk, and memory stays one block's lines. `readOverride` forces a
 * scan or the indexes (tests compare them); an identity always reads its own indexes.
 */
export function* flatCsvParts(
  store: FlatCsvStore,
  query: LogFilter,
  window: SeqWindow,
  readOverride?: 'indexed' | 'scan',
): Generator<FlatCsvPart> {
  const read: FlatCsvRead =
    query.identity === undefined && readOverride ? readOverride : flatCsvRead(store, query, window);
  const jobNames = new Map(store.db.prepare<[], [string, string]>('SELECT id, name FROM jobs').raw().all());
  const jobName = (id: string) => jobNames.get(id) ?? id;
  const oneJob = query.jobId;
  const cells =
    oneJob === undefined
      ? {
          jobCells: JSON.stringify(
            Object.fromEntries([...jobNames].map(([id, name]) => [id, csvCell(name, escapeFormulas)])),
          ),
        }
      : { jobCell: csvCell(jobName(oneJob), escapeFormulas) };
  const { clauses, params } = filterClauses(query, read === 'scan' ? 'scan' : 'indexed');
  const rowsWhere = read === 'identity' ? `WHERE l.seq IN (${identitySeqsInBlock(clauses)})` : where(clauses);
  const bound = {
    ...params,
    ...(query.identity === undefined ? {} : identityParams(query.identity)),
    ...cells,
    isoShape,
  };
  const joined = store.withFlatCsv
    ? store.prepared<[Buffer | null, number, number]>(joinedLinesSql(rowsWhere, oneJob === undefined)).raw()
    : null;
  const fallback = store.prepared<FallbackRow>(fallbackSql(rowsWhere, store.withFlatCsv));
  for (const block of blocksOf(window, false)) {
    const values = { ...bound, ...block };
    if (joined) {
      const [bytes, rows, lines] = joined.get(values) as [Buffer | null, number, number];
      if (rows === 0) continue;
      if (bytes && lines === rows) {
        yield { text: bytes, rows };
        continue;
      }
    }
    const rows = fallback.all(values);
    if (rows.length === 0) continue;
    let text = '';
    for (const row of rows)
      text += flatLine(row.at, jobName(row.job_id), row.flat_csv_rest ?? flatRestOfRow(row));
    yield { text, rows: rows.length };
  }
}
