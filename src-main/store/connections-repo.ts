import type { ConnectionKind } from '@shared/domain/connections';
import type { Database } from './db';

/** A connection profile as stored: settings as validated JSON, secrets only as vault ids. */
export interface ConnectionRecord {
  id: string;
  name: string;
  kind: ConnectionKind;
  settings: Record<string, unknown>;
  secretIds: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

interface ConnectionRow {
  id: string;
  name: string;
  kind: ConnectionKind;
  settings_json: string;
  secret_ids_json: string;
  created_at: string;
  updated_at: string;
}

function fromRow(row: ConnectionRow): ConnectionRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    settings: JSON.parse(row.settings_json) as Record<string, unknown>,
    secretIds: JSON.parse(row.secret_ids_json) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ConnectionsRepo {
  list(): ConnectionRecord[];
  get(id: string): ConnectionRecord | null;
  findByName(name: string): ConnectionRecord | null;
  insert(record: ConnectionRecord): void;
  update(record: ConnectionRecord): void;
  delete(id: string): boolean;
}

export function createConnectionsRepo(db: Database): ConnectionsRepo {
  const selectAll = db.prepare<[], ConnectionRow>('SELECT * FROM connections ORDER BY name COLLATE NOCASE');
  const selectById = db.prepare<[string], ConnectionRow>('SELECT * FROM connections WHERE id = ?');
  const selectByName = db.prepare<[string], ConnectionRow>(
    'SELECT * FROM connections WHERE name = ? COLLATE NOCASE',
  );
  const insertRow = db.prepare(
    `INSERT INTO connections (id, name, kind, settings_json, secret_ids_json, created_at, updated_at)
     VALUES (@id, @name, @kind, @settings_json, @secret_ids_json, @created_at, @updated_at)`,
  );
  const updateRow = db.prepare(
    `UPDATE connections SET name = @name, settings_json = @settings_json, secret_ids_json = @secret_ids_json,
       updated_at = @updated_at WHERE id = @id`,
  );
  const deleteRow = db.prepare<[string]>('DELETE FROM connections WHERE id = ?');

  function toRow(record: ConnectionRecord): ConnectionRow {
    return {
      id: record.id,
      name: record.name,
      kind: record.kind,
      settings_json: JSON.stringify(record.settings),
      secret_ids_json: JSON.stringify(record.secretIds),
      created_at: record.createdAt,
      updated_at: record.updatedAt,
    };
  }

  return {
    list: () => selectAll.all().map(fromRow),
    get(id) {
      const row = selectById.get(id);
      return row ? fromRow(row) : null;
    },
    findByName(name) {
      const row = selectByName.get(name);
      return row ? fromRow(row) : null;
    },
    insert: (record) => void insertRow.run(toRow(record)),
    update: (record) => void updateRow.run(toRow(record)),
    delete: (id) => deleteRow.run(id).changes > 0,
  };
}
