import type { LogQuery } from '@shared/domain/provisioning';

/** A log query without its page cursor and size: what a page and an export filter by. */
export type LogFilter = Omit<LogQuery, 'limit' | 'beforeSeq'>;

/**
 * Entries live in blocks of 2^12 consecutive seq. Migration 010 keys two things by block: each
 * block's time span (`log_time_blocks`, which turns a time range into a seq window) and the name
 * index (`log_name_blocks`, so a name prefix is sought block by block, newest first).
 */
export const seqBlockSize = 2 ** 12;

/** The seq range a query can match, inclusive. */
export interface SeqWindow {
  lo: number;
  hi: number;
}

/**
 * The filters other than identity, on rows of `log_entries l`, always with the seq window
 * (`@lo`, `@hi`); with `read` 'scan', none of them can choose an index. Time bounds carry a unary `+` so SQLite never drives a page from the `at` index
 * (rows in time order, every match sorted): the seq window already narrows the scan to the range's
 * blocks, and the `(…, seq)` indexes of the other filters serve the order.
 */
export function filterClauses(
  query: LogFilter,
  read: 'indexed' | 'scan' = 'indexed',
): { clauses: string[]; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, name: string, value: unknown) => {
    if (value === undefined) return;
    clauses.push(sql);
    params[name] = value;
  };
  // A cycle (or a change) is the narrowest filter: the unary + keeps SQLite from walking a whole
  // job's or status's index in seq order instead of the cycle's few rows (migration 009).
  // A scan (an export whose filters match much of the window) reads the table in seq order and
  // checks every filter per row: no filter column may lead SQLite to an index.
  const scan = read === 'scan' ? '+' : '';
  const narrow = scan || (query.cycleId !== undefined || query.changeId !== undefined ? '+' : '');
  add(`${narrow}l.job_id = @jobId`, 'jobId', query.jobId);
  add(`${scan}l.cycle_id = @cycleId`, 'cycleId', query.cycleId);
  add(`${scan}l.change_id = @changeId`, 'changeId', query.changeId);
  add(`${narrow}l.status = @status`, 'status', query.status);
  add(`${narrow}l.action = @action`, 'action', query.action);
  add('+l.at >= @since', 'since', query.since);
  add('+l.at <= @until', 'until', query.until);
  clauses.push('l.seq BETWEEN @lo AND @hi');
  return { clauses, params };
}

/** `WHERE …` of the given clauses, or nothing. */
export function where(clauses: readonly string[]): string {
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

/**
 * The end of a case-insensitive prefix range: every string that starts with the prefix sorts below
 * the prefix followed by the highest code point (UTF-8 F4 8F BF BF), under NOCASE as under BINARY.
 */
const prefixRangeEnd = '\u{10FFFF}';

/**
 * The identity filter's parameters. The text matches a source or target id exactly, or the start of
 * the source display name case-insensitively (ASCII letters, as SQLite's NOCASE and LIKE fold).
 */
export function identityParams(identity: string): Record<string, unknown> {
  return { identity, nameFrom: identity, nameTo: `${identity}${prefixRangeEnd}` };
}

const namePrefix =
  'l.source_display_name >= @nameFrom COLLATE NOCASE AND l.source_display_name < @nameTo COLLATE NOCASE';
const nameInBlock = `l.seq >> 12 = @block AND ${namePrefix}`;

/**
 * How many entries of each block in `@blocks` (a JSON array) have a display name starting with the
 * identity and pass the other filters, counted up to `@cap`: one seek per block in `log_name_blocks`
 * inside one statement (a correlated subquery seeks the expression index; a join does not), so a
 * page learns which blocks to read, and which are dense, for ~4 µs a block.
 */
export function nameHitsPerBlock(clauses: readonly string[]): string {
  const inBlock = `l.seq >> 12 = b.value AND ${namePrefix}`;
  return `SELECT b.value, (SELECT count(*) FROM (SELECT 1 FROM log_entries l INDEXED BY log_name_blocks
      ${where([inBlock, ...clauses])} LIMIT @cap)) FROM json_each(@blocks) b`;
}

/**
 * Seqs of the entries in the blocks of `@blocks` (a JSON array) whose display name starts with the
 * identity, newest first, `@limit` at most: one seek per block, then the matches sorted, so callers
 * pass blocks whose matches they know to be few (see nameHitsPerBlock).
 */
export function nameSeqsInBlocks(clauses: readonly string[]): string {
  const inBlocks = `l.seq >> 12 IN (SELECT value FROM json_each(@blocks)) AND ${namePrefix}`;
  return `SELECT l.seq FROM log_entries l INDEXED BY log_name_blocks ${where([inBlocks, ...clauses])}
    ORDER BY l.seq DESC LIMIT @limit`;
}

/**
 * The blocks of a window newest first, in runs that grow fourfold (4, 16, 64 … blocks): a page that
 * fills in the newest blocks probes only those, and a prefix without matches costs a few statements.
 */
export function* blockRunsNewestFirst(window: SeqWindow): Generator<number[]> {
  let run: number[] = [];
  let size = 4;
  for (const { block } of blocksOf(window, true)) {
    run.push(block);
    if (run.length === size) {
      yield run;
      run = [];
      size *= 4;
    }
  }
  if (run.length) yield run;
}

/** Seqs of the entries whose source or target id is the identity, newest first, `@limit` at most. */
export function idSeqs(clauses: readonly string[]): string {
  const branch = (index: string, match: string) =>
    `SELECT seq FROM (SELECT l.seq FROM log_entries l INDEXED BY ${index} ${where([match, ...clauses])}
      ORDER BY l.seq DESC LIMIT @limit)`;
  return `${branch('log_source', 'l.source_id = @identity')} UNION ${branch('log_target', 'l.target_id = @identity')}
    ORDER BY seq DESC LIMIT @limit`;
}

/** Every identity match inside one block, for an export (oldest first is the caller's ORDER BY). */
export function identitySeqsInBlock(clauses: readonly string[]): string {
  return `SELECT l.seq FROM log_entries l INDEXED BY log_name_blocks ${where([nameInBlock, ...clauses])}
    UNION SELECT l.seq FROM log_entries l INDEXED BY log_source ${where(['l.source_id = @identity', ...clauses])}
    UNION SELECT l.seq FROM log_entries l INDEXED BY log_target ${where(['l.target_id = @identity', ...clauses])}`;
}

/** The seq windows of the blocks a window spans, newest first or oldest first. */
export function* blocksOf(window: SeqWindow, newestFirst: boolean): Generator<SeqWindow & { block: number }> {
  const first = Math.floor(window.lo / seqBlockSize);
  const last = Math.floor(window.hi / seqBlockSize);
  for (let i = 0; i <= last - first; i++) {
    const block = newestFirst ? last - i : first + i;
    yield {
      block,
      lo: Math.max(window.lo, block * seqBlockSize),
      hi: Math.min(window.hi, (block + 1) * seqBlockSize - 1),
    };
  }
}
