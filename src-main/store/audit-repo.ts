import type { AuditAction, AuditEntry, AuditPage } from '@shared/domain/audit';
import type { Database } from './db';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  target_type: AuditEntry['targetType'];
  target_id: string | null;
  target_name: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface AuditRepo {
  append(entry: NewAuditEntry): number;
  page(query: { beforeId?: number | undefined; limit: number; action?: AuditAction | undefined }): AuditPage;
}

export function createAuditRepo(db: Database): AuditRepo {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, action, target_type, target_id, target_name, before_json, after_json)
     VALUES (@at, @actor, @action, @target_type, @target_id, @target_name, @before_json, @after_json)`,
  );
  const select = db.prepare<{ beforeId: number; action: string | null; limit: number }, AuditRow>(
    `SELECT * FROM audit_log
      WHERE id < @beforeId AND (@action IS NULL OR action = @action)
      ORDER BY id DESC LIMIT @limit`,
  );

  return {
    append(entry) {
      const result = insert.run({
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        target_name: entry.targetName,
        before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
        after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      });
      return Number(result.lastInsertRowid);
    },
    page({ beforeId, limit, action }) {
      // One extra row tells whether another page exists without a COUNT over the whole table.
      const rows = select.all({
        beforeId: beforeId ?? Number.MAX_SAFE_INTEGER,
        action: action ?? null,
        limit: limit + 1,
      });
      const entries = rows.slice(0, limit).map((row): AuditEntry => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        targetName: row.target_name,
        before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
        after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
      }));
      const last = entries.at(-1);
      return { entries, nextBeforeId: rows.length > limit && last ? last.id : null };
    },
  };
}
