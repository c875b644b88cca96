import type { ObjectType } from '@shared/domain/schema';
import type { Database } from './db';

export interface PendingReference {
  anchor: string;
  attribute: string;
  referencedAnchor: string;
}

export interface StagedDelete {
  objectType: ObjectType;
  anchor: string;
  action: 'disable' | 'delete';
  reason: string;
  stagedAt: string;
}

/** Pending manager references (§7.1) and deprovisioning held back by the threshold (§11). */
export interface ReferencesRepo {
  pendingFor(jobId: string): PendingReference[];
  setPending(jobId: string, ref: PendingReference): void;
  clearPending(jobId: string, anchor: string, attribute: string): void;
  stagedFor(jobId: string): StagedDelete[];
  replaceStaged(jobId: string, staged: readonly StagedDelete[]): void;
  clearStaged(jobId: string): void;
  clearAll(jobId: string): void;
}

export function createReferencesRepo(db: Database): ReferencesRepo {
  const pending = db.prepare<[string], { anchor: string; attribute: string; referenced_anchor: string }>(
    'SELECT anchor, attribute, referenced_anchor FROM pending_references WHERE job_id = ?',
  );
  const setRow = db.prepare<[string, string, string, string]>(
    `INSERT INTO pending_references (job_id, anchor, attribute, referenced_anchor) VALUES (?, ?, ?, ?)
     ON CONFLICT (job_id, anchor, attribute) DO UPDATE SET referenced_anchor = excluded.referenced_anchor`,
  );
  const clearRow = db.prepare<[string, string, string]>(
    'DELETE FROM pending_references WHERE job_id = ? AND anchor = ? AND attribute = ?',
  );
  const staged = db.prepare<
    [string],
    {
      object_type: ObjectType;
      anchor: string;
      action: 'disable' | 'delete';
      reason: string;
      staged_at: string;
    }
  >('SELECT * FROM staged_deletes WHERE job_id = ? ORDER BY object_type, anchor');
  const insertStaged = db.prepare<[string, string, string, string, string, string]>(
    'INSERT OR REPLACE INTO staged_deletes (job_id, object_type, anchor, action, reason, staged_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const clearStagedRows = db.prepare<[string]>('DELETE FROM staged_deletes WHERE job_id = ?');
  const clearPendingRows = db.prepare<[string]>('DELETE FROM pending_references WHERE job_id = ?');
  const replace = db.transaction((jobId: string, list: readonly StagedDelete[]) => {
    clearStagedRows.run(jobId);
    for (const s of list) insertStaged.run(jobId, s.objectType, s.anchor, s.action, s.reason, s.stagedAt);
  });
  return {
    pendingFor: (jobId) =>
      pending
        .all(jobId)
        .map((r) => ({ anchor: r.anchor, attribute: r.attribute, referencedAnchor: r.referenced_anchor })),
    setPending: (jobId, ref) => void setRow.run(jobId, ref.anchor, ref.attribute, ref.referencedAnchor),
    clearPending: (jobId, anchor, attribute) => void clearRow.run(jobId, anchor, attribute),
    stagedFor: (jobId) =>
      staged.all(jobId).map((r) => ({
        objectType: r.object_type,
        anchor: r.anchor,
        action: r.action,
        reason: r.reason,
        stagedAt: r.staged_at,
      })),
    replaceStaged: (jobId, list) => replace(jobId, list),
    clearStaged: (jobId) => void clearStagedRows.run(jobId),
    clearAll: (jobId) => {
      clearStagedRows.run(jobId);
      clearPendingRows.run(jobId);
    },
  };
}
