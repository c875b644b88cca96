import type { ObjectType, TargetValue } from '@shared/domain/schema';
import type { Database } from './db';
import { objectKeySql } from './object-key';

/** A source object Roster manages in the target, and what Roster last wrote there. */
export interface LinkRecord {
  jobId: string;
  objectType: ObjectType;
  anchor: string;
  targetId: string;
  displayName: string;
  /** target path → value last exported (the CDS "last exported values"). */
  exported: Record<string, TargetValue>;
  active: boolean;
  /** Groups: target ids of members Roster added (members added only in the target are left alone, §7.2). */
  members: string[];
  linkedAt: string;
  updatedAt: string;
}

export interface LinkRow {
  job_id: string;
  object_type: ObjectType;
  anchor: string;
  target_id: string;
  display_name: string;
  exported_json: string;
  active: number;
  members_json: string;
  linked_at: string;
  updated_at: string;
}

/**
 * The same few strings on every row (the job's id, the object type) kept once: SQLite hands each row
 * its own copies, and 100,000 links held 200,000 of them through a cycle.
 */
let lastJobId = '';
function sharedJobId(jobId: string): string {
  if (jobId !== lastJobId) lastJobId = jobId;
  return lastJobId;
}
export function sharedObjectType(objectType: ObjectType): ObjectType {
  return objectType === 'User' ? 'User' : objectType === 'Group' ? 'Group' : objectType;
}

export function fromRow(row: LinkRow): LinkRecord {
  return {
    jobId: sharedJobId(row.job_id),
    objectType: sharedObjectType(row.object_type),
    anchor: row.anchor,
    targetId: row.target_id,
    displayName: row.display_name,
    exported: JSON.parse(row.exported_json) as Record<string, TargetValue>,
    active: row.active === 1,
    // Users have no members: one fresh empty list each, without parsing "[]" 100,000 times.
    members: row.members_json === '[]' ? [] : (JSON.parse(row.members_json) as string[]),
    linkedAt: row.linked_at,
    updatedAt: row.updated_at,
  };
}

/** [object key (object-key.ts), target id] */
export type LinkTargetRow = [string, string];

/** Where a page of `targetIdPage` ends: its last row's place in the `links_target` index. */
export interface LinkTargetCursor {
  objectType: ObjectType;
  anchor: string;
  targetId: string;
}

export interface LinksRepo {
  forJob(jobId: string, objectType?: ObjectType): LinkRecord[];
  /**
   * A page of the job's links as [object key, target id] after `after` (the last row of the page
   * before), in the order of the `links_target` index (object type, target id, anchor): what
   * a cycle holds for every link (engine/job-links.ts), read from that covering index. The primary
   * key holds whole rows, exported values included; stepping along it read 15,000 pages for 100,000
   * links, against 2,200 here (issue 11: a 100k delta's start, 0.25–0.3 s less CPU and wall time).
   */
  targetIdPage(jobId: string, after: LinkTargetCursor | null, limit: number): LinkTargetRow[];
  get(jobId: string, objectType: ObjectType, anchor: string): LinkRecord | null;
  byTargetId(jobId: string, objectType: ObjectType, targetId: string): LinkRecord | null;
  upsert(link: LinkRecord): void;
  delete(jobId: string, objectType: ObjectType, anchor: string): boolean;
  deleteAll(jobId: string): number;
  count(jobId: string, objectType: ObjectType): number;
  /**
   * Counts up to `limit` of the job's links of one type after `after`, in the order of the
   * `links_target` index (target id, then anchor), and says where the step ended: a large job's
   * links are counted in steps with the event loop let run in between. The steps walk that covering
   * index and skip rows inside SQLite (`OFFSET`): the primary key holds whole rows (exported values
   * included), and stepping along it read 15,000 pages for 100,000 links — 92 ms in one turn of a
   * no-op cycle on a cold cache, against 2,200 pages here.
   */
  countStep(jobId: string, objectType: ObjectType, after: LinkCursor | null, limit: number): CountStep;
}

/** A place in the `links_target` index's order. */
export interface LinkCursor {
  targetId: string;
  anchor: string;
}

export interface CountStep {
  counted: number;
  /** Where the next step starts; null when this step counted the last link. */
  next: LinkCursor | null;
}

export function createLinksRepo(db: Database): LinksRepo {
  const forJobAll = db.prepare<[string], LinkRow>('SELECT * FROM links WHERE job_id = ?');
  const forJobType = db.prepare<[string, string], LinkRow>(
    'SELECT * FROM links WHERE job_id = ? AND object_type = ?',
  );
  // links_target (job_id, object_type, target_id, then the key's anchor) serves the row-value
  // comparison and the order, and holds every column read: a covering index.
  const targetColumns = `${objectKeySql}, target_id`;
  const firstTargetPage = db
    .prepare<[string, number], LinkTargetRow>(
      `SELECT ${targetColumns} FROM links WHERE job_id = ? ORDER BY object_type, target_id, anchor LIMIT ?`,
    )
    .raw();
  const nextTargetPage = db
    .prepare<[string, string, string, string, number], LinkTargetRow>(
      `SELECT ${targetColumns} FROM links WHERE job_id = ? AND (object_type, target_id, anchor) > (?, ?, ?)
       ORDER BY object_type, target_id, anchor LIMIT ?`,
    )
    .raw();
  const one = db.prepare<[string, string, string], LinkRow>(
    'SELECT * FROM links WHERE job_id = ? AND object_type = ? AND anchor = ?',
  );
  const byTarget = db.prepare<[string, string, string], LinkRow>(
    'SELECT * FROM links WHERE job_id = ? AND object_type = ? AND target_id = ?',
  );
  const upsertRow = db.prepare(
    `INSERT INTO links (job_id, object_type, anchor, target_id, display_name, exported_json, active, members_json, linked_at, updated_at)
     VALUES (@job_id, @object_type, @anchor, @target_id, @display_name, @exported_json, @active, @members_json, @linked_at, @updated_at)
     ON CONFLICT (job_id, object_type, anchor) DO UPDATE SET target_id = excluded.target_id, display_name = excluded.display_name,
       exported_json = excluded.exported_json, active = excluded.active, members_json = excluded.members_json, updated_at = excluded.updated_at`,
  );
  const deleteRow = db.prepare<[string, string, string]>(
    'DELETE FROM links WHERE job_id = ? AND object_type = ? AND anchor = ?',
  );
  const deleteAllRows = db.prepare<[string]>('DELETE FROM links WHERE job_id = ?');
  const countRows = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM links WHERE job_id = ? AND object_type = ?',
  );

  // Both use links_target as a covering index: the row-value comparison and the order are its own.
  const stepEnd = db
    .prepare<[string, string, string, string, number], [string, string]>(
      `SELECT target_id, anchor FROM links WHERE job_id = ? AND object_type = ? AND (target_id, anchor) > (?, ?)
       ORDER BY target_id, anchor LIMIT 1 OFFSET ?`,
    )
    .raw();
  const countRest = db
    .prepare<[string, string, string, string], number>(
      'SELECT COUNT(*) FROM links WHERE job_id = ? AND object_type = ? AND (target_id, anchor) > (?, ?)',
    )
    .pluck();

  return {
    forJob: (jobId, objectType) =>
      (objectType ? forJobType.all(jobId, objectType) : forJobAll.all(jobId)).map(fromRow),
    targetIdPage: (jobId, after, limit) =>
      after
        ? // The index's order: object type, target id, anchor.
          nextTargetPage.all(jobId, after.objectType, after.targetId, after.anchor, limit)
        : firstTargetPage.all(jobId, limit),
    get: (jobId, objectType, anchor) => {
      const row = one.get(jobId, objectType, anchor);
      return row ? fromRow(row) : null;
    },
    byTargetId: (jobId, objectType, targetId) => {
      const row = byTarget.get(jobId, objectType, targetId);
      return row ? fromRow(row) : null;
    },
    upsert: (link) =>
      void upsertRow.run({
        job_id: link.jobId,
        object_type: link.objectType,
        anchor: link.anchor,
        target_id: link.targetId,
        display_name: link.displayName,
        exported_json: JSON.stringify(link.exported),
        active: link.active ? 1 : 0,
        members_json: JSON.stringify(link.members),
        linked_at: link.linkedAt,
        updated_at: link.updatedAt,
      }),
    delete: (jobId, objectType, anchor) => deleteRow.run(jobId, objectType, anchor).changes > 0,
    deleteAll: (jobId) => deleteAllRows.run(jobId).changes,
    count: (jobId, objectType) => countRows.get(jobId, objectType)?.n ?? 0,
    countStep(jobId, objectType, after, limit) {
      const from = [jobId, objectType, after?.targetId ?? '', after?.anchor ?? ''] as const;
      // The step's last link, found without handing the links before it to JavaScript.
      const end = limit > 0 ? stepEnd.get(...from, limit - 1) : undefined;
      if (end) return { counted: limit, next: { targetId: end[0], anchor: end[1] } };
      return { counted: countRest.get(...from) ?? 0, next: null };
    },
  };
}
