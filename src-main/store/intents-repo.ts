import type { ObjectType, TargetValue } from '@shared/domain/schema';
import type { Database } from './db';

export type IntentOperation = 'create' | 'update' | 'reference' | 'members' | 'disable' | 'enable' | 'delete';

/** What recovery needs to find out whether the write landed (docs/architecture.md "Send and record"). */
export interface IntentDetail {
  /** create: the matching lookups, in priority order, that find the object if it was created. */
  lookups?: { path: string; value: string }[];
  /** create: the values sent, kept as the link's last exported values if the object is found. */
  values?: Record<string, TargetValue>;
  /** members: the target ids of this request. */
  add?: string[];
  remove?: string[];
}

export interface WriteIntent {
  id: number;
  jobId: string;
  cycleId: string;
  objectType: ObjectType;
  anchor: string;
  displayName: string;
  operation: IntentOperation;
  targetId: string | null;
  detail: IntentDetail;
  createdAt: string;
}

interface IntentRow {
  id: number;
  job_id: string;
  cycle_id: string;
  object_type: ObjectType;
  anchor: string;
  operation: IntentOperation;
  target_id: string | null;
  detail_json: string;
  created_at: string;
}

/**
 * Write-ahead intents: one row, committed before a target write is sent, deleted in the transaction
 * that records the write's outcome. A row that outlives its process marks a write that may or may
 * not have landed.
 */
export interface IntentsRepo {
  /** Commits the intent at once (its own transaction unless called inside one) and returns its id. */
  begin(intent: Omit<WriteIntent, 'id'>): number;
  forJob(jobId: string): WriteIntent[];
  finish(id: number): void;
  count(jobId: string): number;
  clear(jobId: string): void;
}

export function createIntentsRepo(db: Database): IntentsRepo {
  const insert = db.prepare(
    `INSERT INTO write_intents (job_id, cycle_id, object_type, anchor, operation, target_id, detail_json, created_at)
     VALUES (@job_id, @cycle_id, @object_type, @anchor, @operation, @target_id, @detail_json, @created_at)`,
  );
  const all = db.prepare<[string], IntentRow>('SELECT * FROM write_intents WHERE job_id = ? ORDER BY id');
  const remove = db.prepare<[number]>('DELETE FROM write_intents WHERE id = ?');
  const countRows = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM write_intents WHERE job_id = ?',
  );
  const clearRows = db.prepare<[string]>('DELETE FROM write_intents WHERE job_id = ?');
  return {
    begin: (intent) =>
      Number(
        insert.run({
          job_id: intent.jobId,
          cycle_id: intent.cycleId,
          object_type: intent.objectType,
          anchor: intent.anchor,
          operation: intent.operation,
          target_id: intent.targetId,
          // The display name rides in the detail so that the table stays narrow.
          detail_json: JSON.stringify({ ...intent.detail, displayName: intent.displayName }),
          created_at: intent.createdAt,
        }).lastInsertRowid,
      ),
    forJob: (jobId) =>
      all.all(jobId).map((row) => {
        const { displayName, ...detail } = JSON.parse(row.detail_json) as IntentDetail & {
          displayName?: string;
        };
        return {
          id: row.id,
          jobId: row.job_id,
          cycleId: row.cycle_id,
          objectType: row.object_type,
          anchor: row.anchor,
          displayName: displayName ?? '',
          operation: row.operation,
          targetId: row.target_id,
          detail,
          createdAt: row.created_at,
        };
      }),
    finish: (id) => void remove.run(id),
    count: (jobId) => countRows.get(jobId)?.n ?? 0,
    clear: (jobId) => void clearRows.run(jobId),
  };
}
