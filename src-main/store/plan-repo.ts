import type { PlanItem } from '@shared/domain/provisioning';
import type { Database } from './db';

interface PlanRow {
  seq: number;
  object_type: PlanItem['objectType'];
  anchor: string;
  display_name: string;
  situation: PlanItem['situation'];
  action: PlanItem['action'];
  target_id: string | null;
  changes_json: string;
  note: string | null;
}

function fromRow(row: PlanRow): PlanItem {
  return {
    seq: row.seq,
    objectType: row.object_type,
    anchor: row.anchor,
    displayName: row.display_name,
    situation: row.situation,
    action: row.action,
    targetId: row.target_id,
    changes: JSON.parse(row.changes_json) as PlanItem['changes'],
    note: row.note,
  };
}

/** The plans dry runs write: one row per object and action. */
export interface PlanRepo {
  insertMany(cycleId: string, items: readonly PlanItem[]): void;
  page(cycleId: string, afterSeq: number, limit: number): PlanItem[];
  iterate(cycleId: string): IterableIterator<PlanItem>;
  count(cycleId: string): number;
}

export function createPlanRepo(db: Database): PlanRepo {
  const insert = db.prepare(
    `INSERT INTO plan_items (cycle_id, seq, object_type, anchor, display_name, situation, action, target_id, changes_json, note)
     VALUES (@cycle_id, @seq, @object_type, @anchor, @display_name, @situation, @action, @target_id, @changes_json, @note)`,
  );
  const insertBatch = db.transaction((cycleId: string, items: readonly PlanItem[]) => {
    for (const item of items) {
      insert.run({
        cycle_id: cycleId,
        seq: item.seq,
        object_type: item.objectType,
        anchor: item.anchor,
        display_name: item.displayName,
        situation: item.situation,
        action: item.action,
        target_id: item.targetId,
        changes_json: JSON.stringify(item.changes),
        note: item.note,
      });
    }
  });
  const pageRows = db.prepare<[string, number, number], PlanRow>(
    'SELECT * FROM plan_items WHERE cycle_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const allRows = db.prepare<[string], PlanRow>('SELECT * FROM plan_items WHERE cycle_id = ? ORDER BY seq');
  const countRows = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM plan_items WHERE cycle_id = ?',
  );
  return {
    insertMany: (cycleId, items) => insertBatch(cycleId, items),
    page: (cycleId, afterSeq, limit) => pageRows.all(cycleId, afterSeq, limit).map(fromRow),
    iterate(cycleId) {
      const rows = allRows.iterate(cycleId);
      return (function* () {
        for (const row of rows) yield fromRow(row);
      })();
    },
    count: (cycleId) => countRows.get(cycleId)?.n ?? 0,
  };
}
