import type { ObjectType } from '@shared/domain/schema';
import type { Database } from './db';
import { sharedObjectType } from './links-repo';
import { objectKey, objectKeySql } from './object-key';

export interface SourceStateRecord {
  objectType: ObjectType;
  anchor: string;
  /** Hash of the source content, the scope verdict and the configuration that produced them. */
  stateHash: string;
  displayName: string;
}

/** [object key (object-key.ts), state hash] */
export type StateHashRow = [string, string];

/** What each source object looked like at the last completed cycle (for hash-based deltas). */
export interface SourceStateRepo {
  forJob(jobId: string): Map<string, SourceStateRecord>;
  /**
   * A page of the job's records as [object key, state hash], in key order after `after`:
   * what a cycle compares each object's new hash with.
   */
  hashPage(
    jobId: string,
    after: Pick<SourceStateRecord, 'objectType' | 'anchor'> | null,
    limit: number,
  ): StateHashRow[];
  upsertMany(jobId: string, records: readonly SourceStateRecord[]): void;
  deleteMany(jobId: string, keys: readonly { objectType: ObjectType; anchor: string }[]): void;
  clear(jobId: string): void;
}

export function createSourceStateRepo(db: Database): SourceStateRepo {
  const all = db.prepare<
    [string],
    { object_type: ObjectType; anchor: string; state_hash: string; display_name: string }
  >('SELECT object_type, anchor, state_hash, display_name FROM source_objects WHERE job_id = ?');
  type StateRow = { object_type: ObjectType; anchor: string; state_hash: string; display_name: string };
  const hashColumns = `${objectKeySql}, state_hash`;
  const firstHashPage = db
    .prepare<[string, number], StateHashRow>(
      `SELECT ${hashColumns} FROM source_objects WHERE job_id = ? ORDER BY object_type, anchor LIMIT ?`,
    )
    .raw();
  const nextHashPage = db
    .prepare<[string, string, string, number], StateHashRow>(
      `SELECT ${hashColumns} FROM source_objects WHERE job_id = ? AND (object_type, anchor) > (?, ?)
       ORDER BY object_type, anchor LIMIT ?`,
    )
    .raw();
  const toRecord = (row: StateRow): SourceStateRecord => ({
    objectType: sharedObjectType(row.object_type),
    anchor: row.anchor,
    stateHash: row.state_hash,
    displayName: row.display_name,
  });
  const upsert = db.prepare(
    `INSERT INTO source_objects (job_id, object_type, anchor, state_hash, display_name) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (job_id, object_type, anchor) DO UPDATE SET state_hash = excluded.state_hash, display_name = excluded.display_name`,
  );
  const remove = db.prepare<[string, string, string]>(
    'DELETE FROM source_objects WHERE job_id = ? AND object_type = ? AND anchor = ?',
  );
  const clearAll = db.prepare<[string]>('DELETE FROM source_objects WHERE job_id = ?');
  const upsertBatch = db.transaction((jobId: string, records: readonly SourceStateRecord[]) => {
    for (const r of records) upsert.run(jobId, r.objectType, r.anchor, r.stateHash, r.displayName);
  });
  const deleteBatch = db.transaction(
    (jobId: string, keys: readonly { objectType: ObjectType; anchor: string }[]) => {
      for (const k of keys) remove.run(jobId, k.objectType, k.anchor);
    },
  );

  return {
    forJob(jobId) {
      const map = new Map<string, SourceStateRecord>();
      for (const row of all.iterate(jobId)) map.set(objectKey(row.object_type, row.anchor), toRecord(row));
      return map;
    },
    hashPage: (jobId, after, limit) =>
      after
        ? nextHashPage.all(jobId, after.objectType, after.anchor, limit)
        : firstHashPage.all(jobId, limit),
    upsertMany: (jobId, records) => upsertBatch(jobId, records),
    deleteMany: (jobId, keys) => deleteBatch(jobId, keys),
    clear: (jobId) => void clearAll.run(jobId),
  };
}
