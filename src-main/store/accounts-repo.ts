import type {
  AccountClass,
  AccountCounts,
  AccountDecisionKind,
  AccountNote,
  AccountReport,
  AccountReportWarning,
  AccountRow,
  AccountRowsPage,
} from '@shared/domain/accounts';
import { emptyAccountCounts } from '@shared/domain/accounts';
import type { ObjectType } from '@shared/domain/schema';
import type { Database } from './db';

/** One classified account as discovery writes it (the seq is given by the repo). */
export type NewAccountRow = Omit<AccountRow, 'seq' | 'decision'>;

export interface AccountRowFilter {
  accountClass?: AccountClass | undefined;
  objectType?: ObjectType | undefined;
  /** Lower-cased words to find in the row's search text. */
  search?: string | undefined;
}

/** The process running a job's account discovery (migration 014); `runnerId` is random per app instance. */
export interface DiscoveryRunner {
  runnerId: string;
  /** How the runner was started, in words an admin recognises: "the Roster app", "roster accounts". */
  label: string;
  pid: number;
  host: string;
}

export interface DiscoveryHolder extends DiscoveryRunner {
  since: string;
  /** When the runner last said it is still at work. */
  heardAt: string;
}

export type ClaimResult = { claimed: true } | { claimed: false; holder: DiscoveryHolder };

export interface AccountsRepo {
  report(jobId: string): AccountReport | null;
  /**
   * Replaces the job's report and rows with an empty running one held by `runner` — in one IMMEDIATE
   * transaction, so two processes cannot both take it — unless another runner holds a running report
   * and `isGone` says it still works there: then nothing changes and the holder is returned.
   */
  claimReport(
    jobId: string,
    runner: DiscoveryRunner,
    at: string,
    by: string,
    isGone: (holder: DiscoveryHolder) => boolean,
  ): ClaimResult;
  /** The runner still holds the report: records that it was heard from at `at`; false when it lost it. */
  heard(jobId: string, runnerId: string, at: string): boolean;
  /** Who runs the job's discovery, when its report is running and names a runner. */
  runner(jobId: string): DiscoveryHolder | null;
  /** Replaces the job's report and rows with an empty running one. */
  startReport(jobId: string, at: string, by: string): void;
  progress(jobId: string, listed: number, expected: number | null, counts: AccountCounts): void;
  finishReport(
    jobId: string,
    end: Pick<AccountReport, 'status' | 'endedAt' | 'listed' | 'expected' | 'counts' | 'warnings' | 'error'>,
  ): void;
  /** Appends rows in one transaction; an account already in the report (listed twice) is skipped. */
  insertRows(jobId: string, rows: readonly NewAccountRow[]): number;
  row(jobId: string, objectType: ObjectType, targetId: string): AccountRow | null;
  page(jobId: string, filter: AccountRowFilter, afterSeq: number, limit: number): AccountRowsPage;
  /** Every row matching the filter, in report order, read in batches (exports). */
  iterate(jobId: string, filter: AccountRowFilter): Iterable<AccountRow>;
  /** After an action: the account's new class, source and state. */
  updateRow(
    jobId: string,
    objectType: ObjectType,
    targetId: string,
    patch: Partial<Pick<AccountRow, 'accountClass' | 'active' | 'note'>>,
  ): void;
  decide(
    jobId: string,
    objectType: ObjectType,
    targetId: string,
    decision: AccountDecisionKind,
    at: string,
    by: string,
  ): void;
  /** The report's counts per class, recomputed from its rows (after actions moved accounts). */
  recount(jobId: string): AccountCounts;
}

interface ReportRow {
  job_id: string;
  status: AccountReport['status'];
  started_at: string;
  ended_at: string | null;
  started_by: string;
  listed: number;
  expected: number | null;
  counts_json: string;
  warnings_json: string;
  error_json: string | null;
  runner_id: string | null;
  runner_label: string | null;
  runner_pid: number | null;
  runner_host: string | null;
  heard_at: string | null;
}

function holderOf(row: ReportRow | undefined): DiscoveryHolder | null {
  if (!row || row.status !== 'running' || row.runner_id === null) return null;
  return {
    runnerId: row.runner_id,
    label: row.runner_label ?? 'a Roster process',
    pid: row.runner_pid ?? 0,
    host: row.runner_host ?? '',
    since: row.started_at,
    heardAt: row.heard_at ?? row.started_at,
  };
}

interface RowRow {
  seq: number;
  object_type: ObjectType;
  target_id: string;
  display_name: string;
  key_value: string | null;
  active: number | null;
  class: AccountClass;
  note: AccountNote | null;
  source_anchor: string | null;
  source_name: string | null;
  scope_detail: string | null;
  matched_path: string | null;
  matched_value: string | null;
  decision: AccountDecisionKind | null;
  decided_at: string | null;
  decided_by: string | null;
}

function reportOf(row: ReportRow): AccountReport {
  return {
    jobId: row.job_id,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    startedBy: row.started_by,
    listed: row.listed,
    expected: row.expected,
    counts: { ...emptyAccountCounts(), ...(JSON.parse(row.counts_json) as Partial<AccountCounts>) },
    warnings: JSON.parse(row.warnings_json) as AccountReportWarning[],
    error: row.error_json ? (JSON.parse(row.error_json) as AccountReport['error']) : null,
  };
}

function rowOf(row: RowRow): AccountRow {
  return {
    seq: row.seq,
    objectType: row.object_type,
    targetId: row.target_id,
    displayName: row.display_name,
    keyValue: row.key_value,
    active: row.active === null ? null : row.active === 1,
    accountClass: row.class,
    note: row.note,
    source: row.source_anchor ? { anchor: row.source_anchor, displayName: row.source_name ?? '' } : null,
    scopeDetail: row.scope_detail,
    matched:
      row.matched_path !== null && row.matched_value !== null
        ? { path: row.matched_path, value: row.matched_value }
        : null,
    decision:
      row.decision && row.decided_at && row.decided_by
        ? { kind: row.decision, at: row.decided_at, by: row.decided_by }
        : null,
  };
}

/** What the search box looks in, lower-cased once when the row is written. */
function searchTextOf(row: NewAccountRow): string {
  return [
    row.displayName,
    row.keyValue ?? '',
    row.targetId,
    row.source?.anchor ?? '',
    row.source?.displayName ?? '',
  ]
    .join('\u0001')
    .toLowerCase();
}

/** A LIKE pattern that finds `words` literally (%, _ and \ in them are not wildcards). */
function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const selectRow = `
  SELECT r.seq, r.object_type, r.target_id, r.display_name, r.key_value, r.active, r.class, r.note,
         r.source_anchor, r.source_name, r.scope_detail, r.matched_path, r.matched_value,
         d.decision, d.decided_at, d.decided_by
  FROM account_rows r
  LEFT JOIN account_decisions d
    ON d.job_id = r.job_id AND d.object_type = r.object_type AND d.target_id = r.target_id`;

function whereOf(filter: AccountRowFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.accountClass) {
    clauses.push('r.class = ?');
    params.push(filter.accountClass);
  }
  if (filter.objectType) {
    clauses.push('r.object_type = ?');
    params.push(filter.objectType);
  }
  if (filter.search) {
    clauses.push("r.search_text LIKE ? ESCAPE '\\'");
    params.push(likePattern(filter.search.toLowerCase()));
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

export function createAccountsRepo(db: Database): AccountsRepo {
  const getReport = db.prepare<[string], ReportRow>('SELECT * FROM account_reports WHERE job_id = ?');
  const deleteRows = db.prepare<[string]>('DELETE FROM account_rows WHERE job_id = ?');
  const upsertReport = db.prepare(
    `INSERT INTO account_reports (job_id, status, started_at, ended_at, started_by, listed, expected, counts_json, warnings_json, error_json)
     VALUES (@job_id, 'running', @started_at, NULL, @started_by, 0, NULL, @counts_json, '[]', NULL)
     ON CONFLICT (job_id) DO UPDATE SET status = 'running', started_at = excluded.started_at, ended_at = NULL,
       started_by = excluded.started_by, listed = 0, expected = NULL, counts_json = excluded.counts_json,
       warnings_json = '[]', error_json = NULL`,
  );
  const setProgress = db.prepare<[number, number | null, string, string]>(
    'UPDATE account_reports SET listed = ?, expected = ?, counts_json = ? WHERE job_id = ?',
  );
  const setFinished = db.prepare(
    `UPDATE account_reports SET status = @status, ended_at = @ended_at, listed = @listed, expected = @expected,
       counts_json = @counts_json, warnings_json = @warnings_json, error_json = @error_json WHERE job_id = @job_id`,
  );
  const maxSeq = db.prepare<[string], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM account_rows WHERE job_id = ?',
  );
  const insertRow = db.prepare(
    `INSERT OR IGNORE INTO account_rows (job_id, seq, object_type, target_id, display_name, key_value, active, class, note,
       source_anchor, source_name, scope_detail, matched_path, matched_value, search_text)
     VALUES (@job_id, @seq, @object_type, @target_id, @display_name, @key_value, @active, @class, @note,
       @source_anchor, @source_name, @scope_detail, @matched_path, @matched_value, @search_text)`,
  );
  const oneRow = db.prepare<[string, string, string], RowRow>(
    `${selectRow} WHERE r.job_id = ? AND r.object_type = ? AND r.target_id = ?`,
  );
  const upsertDecision = db.prepare(
    `INSERT INTO account_decisions (job_id, object_type, target_id, decision, decided_at, decided_by)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (job_id, object_type, target_id) DO UPDATE SET decision = excluded.decision,
       decided_at = excluded.decided_at, decided_by = excluded.decided_by`,
  );
  const setRunner = db.prepare(
    `UPDATE account_reports SET runner_id = @runner_id, runner_label = @runner_label, runner_pid = @runner_pid,
       runner_host = @runner_host, heard_at = @at WHERE job_id = @job_id`,
  );
  const setHeard = db.prepare<[string, string, string]>(
    "UPDATE account_reports SET heard_at = ? WHERE job_id = ? AND runner_id = ? AND status = 'running'",
  );
  const claim = db.transaction(
    (
      jobId: string,
      runner: DiscoveryRunner,
      at: string,
      by: string,
      isGone: (holder: DiscoveryHolder) => boolean,
    ): ClaimResult => {
      const holder = holderOf(getReport.get(jobId));
      if (holder && holder.runnerId !== runner.runnerId && !isGone(holder)) return { claimed: false, holder };
      deleteRows.run(jobId);
      upsertReport.run({
        job_id: jobId,
        started_at: at,
        started_by: by,
        counts_json: JSON.stringify(emptyAccountCounts()),
      });
      setRunner.run({
        job_id: jobId,
        runner_id: runner.runnerId,
        runner_label: runner.label,
        runner_pid: runner.pid,
        runner_host: runner.host,
        at,
      });
      return { claimed: true };
    },
  );
  const classCounts = db.prepare<[string], { class: AccountClass; object_type: ObjectType; n: number }>(
    'SELECT class, object_type, COUNT(*) AS n FROM account_rows WHERE job_id = ? GROUP BY class, object_type',
  );

  const insertBatch = db.transaction((jobId: string, rows: readonly NewAccountRow[]) => {
    let seq = maxSeq.get(jobId)?.seq ?? 0;
    let inserted = 0;
    for (const row of rows) {
      const changes = insertRow.run({
        job_id: jobId,
        seq: seq + 1,
        object_type: row.objectType,
        target_id: row.targetId,
        display_name: row.displayName,
        key_value: row.keyValue,
        active: row.active === null ? null : row.active ? 1 : 0,
        class: row.accountClass,
        note: row.note,
        source_anchor: row.source?.anchor ?? null,
        source_name: row.source?.displayName ?? null,
        scope_detail: row.scopeDetail,
        matched_path: row.matched?.path ?? null,
        matched_value: row.matched?.value ?? null,
        search_text: searchTextOf(row),
      }).changes;
      if (changes > 0) {
        seq++;
        inserted++;
      }
    }
    return inserted;
  });

  function page(jobId: string, filter: AccountRowFilter, afterSeq: number, limit: number): AccountRowsPage {
    const where = whereOf(filter);
    const rows = db
      .prepare<(string | number)[], RowRow>(
        `${selectRow} WHERE r.job_id = ? AND r.seq > ?${where.sql} ORDER BY r.seq LIMIT ?`,
      )
      .all(jobId, afterSeq, ...where.params, limit + 1);
    const total =
      db
        .prepare<(string | number)[], { n: number }>(
          `SELECT COUNT(*) AS n FROM account_rows r WHERE r.job_id = ?${where.sql}`,
        )
        .get(jobId, ...where.params)?.n ?? 0;
    const shown = rows.slice(0, limit).map(rowOf);
    return {
      rows: shown,
      total,
      nextAfterSeq: rows.length > limit ? (shown.at(-1)?.seq ?? null) : null,
    };
  }

  return {
    report(jobId) {
      const row = getReport.get(jobId);
      return row ? reportOf(row) : null;
    },
    // .immediate(): the write lock is taken before the holder is read, so two processes cannot both see it free.
    claimReport: (jobId, runner, at, by, isGone) => claim.immediate(jobId, runner, at, by, isGone),
    heard: (jobId, runnerId, at) => setHeard.run(at, jobId, runnerId).changes === 1,
    runner: (jobId) => holderOf(getReport.get(jobId)),
    startReport: db.transaction((jobId: string, at: string, by: string) => {
      deleteRows.run(jobId);
      upsertReport.run({
        job_id: jobId,
        started_at: at,
        started_by: by,
        counts_json: JSON.stringify(emptyAccountCounts()),
      });
    }),
    progress(jobId, listed, expected, counts) {
      setProgress.run(listed, expected, JSON.stringify(counts), jobId);
    },
    finishReport(jobId, end) {
      setFinished.run({
        job_id: jobId,
        status: end.status,
        ended_at: end.endedAt,
        listed: end.listed,
        expected: end.expected,
        counts_json: JSON.stringify(end.counts),
        warnings_json: JSON.stringify(end.warnings),
        error_json: end.error ? JSON.stringify(end.error) : null,
      });
    },
    insertRows: (jobId, rows) => insertBatch(jobId, rows),
    row(jobId, objectType, targetId) {
      const row = oneRow.get(jobId, objectType, targetId);
      return row ? rowOf(row) : null;
    },
    page,
    *iterate(jobId, filter) {
      let after = 0;
      for (;;) {
        const next = page(jobId, filter, after, 1000);
        yield* next.rows;
        if (next.nextAfterSeq === null) return;
        after = next.nextAfterSeq;
      }
    },
    updateRow(jobId, objectType, targetId, patch) {
      const sets: string[] = [];
      const params: (string | number | null)[] = [];
      if (patch.accountClass !== undefined) {
        sets.push('class = ?');
        params.push(patch.accountClass);
      }
      if (patch.active !== undefined) {
        sets.push('active = ?');
        params.push(patch.active === null ? null : patch.active ? 1 : 0);
      }
      if (patch.note !== undefined) {
        sets.push('note = ?');
        params.push(patch.note);
      }
      if (sets.length === 0) return;
      db.prepare(
        `UPDATE account_rows SET ${sets.join(', ')} WHERE job_id = ? AND object_type = ? AND target_id = ?`,
      ).run(...params, jobId, objectType, targetId);
    },
    decide(jobId, objectType, targetId, decision, at, by) {
      upsertDecision.run(jobId, objectType, targetId, decision, at, by);
    },
    recount(jobId) {
      const counts = emptyAccountCounts();
      for (const row of classCounts.all(jobId)) {
        counts[row.class] += row.n;
        if (row.object_type === 'User') counts.users += row.n;
        else counts.groups += row.n;
      }
      return counts;
    },
  };
}
