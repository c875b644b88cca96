import type { EscrowErrorClass } from '@shared/domain/escrow';
import type { LogMessage } from '@shared/domain/log-messages';
import type { ObjectType } from '@shared/domain/schema';
import type { Database } from './db';

/** An object whose last action failed, waiting for its retry (provisioning-behaviour.md §9.2). */
export interface EscrowRecord {
  jobId: string;
  objectType: ObjectType;
  anchor: string;
  isReference: boolean;
  displayName: string;
  errorClass: EscrowErrorClass;
  errorCode: string;
  errorMessage: string;
  /** The error under its log message code, when the engine wrote it so (migration 016). */
  errorText?: LogMessage;
  firstFailure: string;
  lastAttempt: string;
  attempts: number;
  /** The object's state hash at its last failure: another hash means it changed in the source. */
  attemptedHash: string;
  retryNow: boolean;
}

export type EscrowFailure = Pick<
  EscrowRecord,
  | 'objectType'
  | 'anchor'
  | 'isReference'
  | 'displayName'
  | 'errorClass'
  | 'errorCode'
  | 'errorMessage'
  | 'errorText'
  | 'attemptedHash'
>;

interface EscrowRow {
  job_id: string;
  object_type: ObjectType;
  anchor: string;
  is_reference: number;
  display_name: string;
  error_class: EscrowErrorClass;
  error_code: string;
  error_message: string;
  /** Migration 016; absent on older schemas, null for entries without a code. */
  error_message_json?: string | null;
  first_failure: string;
  last_attempt: string;
  attempts: number;
  attempted_hash: string;
  retry_now: number;
}

export interface EscrowsRepo {
  forJob(jobId: string): EscrowRecord[];
  /**
   * Opens the object's entry, or counts one more attempt on it (first failure kept, retry-now
   * cleared, the latest failure's kind and error replace the earlier ones).
   */
  recordFailure(jobId: string, failure: EscrowFailure, at: string): void;
  /** The object's writes all landed: every entry of it (own and reference) is closed. */
  clearObject(jobId: string, objectType: ObjectType, anchor: string): void;
  /** The admin drops the entry: the object is tried again only when it changes in the source. */
  drop(jobId: string, objectType: ObjectType, anchor: string): boolean;
  /** The admin asks for a retry in the next cycle, whatever the schedule says. */
  retryNow(jobId: string, objectType: ObjectType, anchor: string): boolean;
  /** Restart (§12): every entry goes. */
  clear(jobId: string): void;
  counts(jobId: string): { failed: number; references: number };
}

function toRecord(row: EscrowRow): EscrowRecord {
  return {
    jobId: row.job_id,
    objectType: row.object_type,
    anchor: row.anchor,
    isReference: row.is_reference === 1,
    displayName: row.display_name,
    errorClass: row.error_class,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    ...(row.error_message_json ? { errorText: JSON.parse(row.error_message_json) as LogMessage } : {}),
    firstFailure: row.first_failure,
    lastAttempt: row.last_attempt,
    attempts: row.attempts,
    attemptedHash: row.attempted_hash,
    retryNow: row.retry_now === 1,
  };
}

export function createEscrowsRepo(db: Database): EscrowsRepo {
  const all = db.prepare<[string], EscrowRow>(
    'SELECT * FROM escrows WHERE job_id = ? ORDER BY first_failure, object_type, anchor',
  );
  const withCodes =
    db.prepare("SELECT 1 FROM pragma_table_info('escrows') WHERE name = 'error_message_json'").get() !==
    undefined;
  const upsert = db.prepare(
    `INSERT INTO escrows (job_id, object_type, anchor, is_reference, display_name, error_class, error_code,
                          error_message, first_failure, last_attempt, attempts, attempted_hash, retry_now
                          ${withCodes ? ', error_message_json' : ''})
     VALUES (@job_id, @object_type, @anchor, @is_reference, @display_name, @error_class, @error_code,
             @error_message, @at, @at, 1, @attempted_hash, 0${withCodes ? ', @error_message_json' : ''})
     ON CONFLICT (job_id, object_type, anchor) DO UPDATE SET is_reference = excluded.is_reference,
       display_name = excluded.display_name, error_class = excluded.error_class,
       error_code = excluded.error_code, error_message = excluded.error_message,
       ${withCodes ? 'error_message_json = excluded.error_message_json,' : ''}
       last_attempt = excluded.last_attempt, attempts = escrows.attempts + 1,
       attempted_hash = excluded.attempted_hash, retry_now = 0`,
  );
  const clearOne = db.prepare<[string, ObjectType, string]>(
    'DELETE FROM escrows WHERE job_id = ? AND object_type = ? AND anchor = ?',
  );
  const forceRetry = db.prepare<[string, ObjectType, string]>(
    'UPDATE escrows SET retry_now = 1 WHERE job_id = ? AND object_type = ? AND anchor = ?',
  );
  const clearJob = db.prepare<[string]>('DELETE FROM escrows WHERE job_id = ?');
  const countRows = db.prepare<[string], { failed: number; references: number }>(
    `SELECT COALESCE(SUM(is_reference = 0), 0) AS failed, COALESCE(SUM(is_reference = 1), 0) AS "references"
       FROM escrows WHERE job_id = ?`,
  );
  return {
    forJob: (jobId) => all.all(jobId).map(toRecord),
    recordFailure: (jobId, failure, at) => {
      upsert.run({
        job_id: jobId,
        object_type: failure.objectType,
        anchor: failure.anchor,
        is_reference: failure.isReference ? 1 : 0,
        display_name: failure.displayName,
        error_class: failure.errorClass,
        error_code: failure.errorCode,
        error_message: failure.errorMessage,
        attempted_hash: failure.attemptedHash,
        at,
        ...(withCodes
          ? { error_message_json: failure.errorText ? JSON.stringify(failure.errorText) : null }
          : {}),
      });
    },
    clearObject: (jobId, objectType, anchor) => void clearOne.run(jobId, objectType, anchor),
    drop: (jobId, objectType, anchor) => clearOne.run(jobId, objectType, anchor).changes > 0,
    retryNow: (jobId, objectType, anchor) => forceRetry.run(jobId, objectType, anchor).changes > 0,
    clear: (jobId) => void clearJob.run(jobId),
    counts: (jobId) => countRows.get(jobId) ?? { failed: 0, references: 0 },
  };
}
