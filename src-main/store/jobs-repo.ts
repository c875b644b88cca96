import type { JobConfig } from '@shared/domain/jobs';
import type { Database } from './db';

import type { JobStatusCode } from '@shared/domain/job-view';

export type { JobStatusCode };

export interface JobStatusInfo {
  /**
   * §10.3. `since` is when the current reason began (currentBegan); `seriesBegan` and `seriesCount`
   * span an unbroken run of quarantines (28 days from seriesBegan make the job Disabled).
   */
  quarantine?: { reason: string; since: string; detail: string; seriesBegan?: string; seriesCount?: number };
  lastCycleId?: string;
  lastCompletedAt?: string;
  steadyStateLastAchievedTime?: string;
  /** "Allow deletes" (§11): the next cycle runs the staged disables and deletes past the threshold. */
  allowDeletes?: boolean;
}

/** The stored job: its configuration (connections by id) and its run state. */
export interface JobRecord {
  id: string;
  name: string;
  sourceConnectionId: string;
  targetConnectionId: string;
  config: Omit<JobConfig, 'name' | 'sourceConnection' | 'targetConnection'>;
  status: JobStatusCode;
  statusInfo: JobStatusInfo;
  /** null: the next cycle is an initial one. */
  watermark: string | null;
  /**
   * Stored by the new-job wizard's review to dry-run it, not created yet (migration 011): hidden
   * from `list()`, so from the Jobs list, the dashboard, the scheduler and the CLI. Absent: false.
   */
  preview?: boolean;
  createdAt: string;
  updatedAt: string;
}

interface JobRow {
  id: string;
  name: string;
  source_connection_id: string;
  target_connection_id: string;
  config_json: string;
  status: JobStatusCode;
  status_json: string;
  watermark: string | null;
  preview: 0 | 1;
  created_at: string;
  updated_at: string;
}

function fromRow(row: JobRow): JobRecord {
  return {
    id: row.id,
    name: row.name,
    sourceConnectionId: row.source_connection_id,
    targetConnectionId: row.target_connection_id,
    config: JSON.parse(row.config_json) as JobRecord['config'],
    status: row.status,
    statusInfo: JSON.parse(row.status_json) as JobStatusInfo,
    watermark: row.watermark,
    preview: row.preview === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface JobsRepo {
  /** The jobs an admin has created; previews are not among them. */
  list(): JobRecord[];
  /** The wizard's preview jobs, oldest first. */
  previews(): JobRecord[];
  get(id: string): JobRecord | null;
  findByName(name: string): JobRecord | null;
  usingConnection(connectionId: string): JobRecord[];
  insert(job: JobRecord): void;
  update(job: JobRecord): void;
  setWatermark(id: string, watermark: string | null, at: string): void;
  setStatus(id: string, status: JobStatusCode, info: JobStatusInfo, at: string): void;
  /** Create in the wizard: the preview becomes a job like any other. False when it was not a preview. */
  finishPreview(id: string, at: string): boolean;
  delete(id: string): boolean;
}

export function createJobsRepo(db: Database): JobsRepo {
  const all = db.prepare<[], JobRow>('SELECT * FROM jobs WHERE preview = 0 ORDER BY name COLLATE NOCASE');
  const previewRows = db.prepare<[], JobRow>('SELECT * FROM jobs WHERE preview = 1 ORDER BY created_at');
  const byId = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?');
  const byName = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE name = ? COLLATE NOCASE');
  const byConnection = db.prepare<[string, string], JobRow>(
    'SELECT * FROM jobs WHERE source_connection_id = ? OR target_connection_id = ?',
  );
  const insertRow = db.prepare(
    `INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, status_json, watermark, preview, created_at, updated_at)
     VALUES (@id, @name, @source_connection_id, @target_connection_id, @config_json, @status, @status_json, @watermark, @preview, @created_at, @updated_at)`,
  );
  const updateRow = db.prepare(
    `UPDATE jobs SET name = @name, source_connection_id = @source_connection_id, target_connection_id = @target_connection_id,
       config_json = @config_json, status = @status, status_json = @status_json, watermark = @watermark, updated_at = @updated_at
     WHERE id = @id`,
  );
  const watermarkRow = db.prepare<[string | null, string, string]>(
    'UPDATE jobs SET watermark = ?, updated_at = ? WHERE id = ?',
  );
  const statusRow = db.prepare<[string, string, string, string]>(
    'UPDATE jobs SET status = ?, status_json = ?, updated_at = ? WHERE id = ?',
  );
  const finishRow = db.prepare<[string, string]>(
    'UPDATE jobs SET preview = 0, updated_at = ? WHERE id = ? AND preview = 1',
  );
  const deleteRow = db.prepare<[string]>('DELETE FROM jobs WHERE id = ?');

  function toRow(job: JobRecord): JobRow {
    return {
      id: job.id,
      name: job.name,
      source_connection_id: job.sourceConnectionId,
      target_connection_id: job.targetConnectionId,
      config_json: JSON.stringify(job.config),
      status: job.status,
      status_json: JSON.stringify(job.statusInfo),
      watermark: job.watermark,
      preview: job.preview ? 1 : 0,
      created_at: job.createdAt,
      updated_at: job.updatedAt,
    };
  }

  return {
    list: () => all.all().map(fromRow),
    previews: () => previewRows.all().map(fromRow),
    get: (id) => {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
    findByName: (name) => {
      const row = byName.get(name);
      return row ? fromRow(row) : null;
    },
    usingConnection: (connectionId) => byConnection.all(connectionId, connectionId).map(fromRow),
    insert: (job) => void insertRow.run(toRow(job)),
    update: (job) => void updateRow.run(toRow(job)),
    setWatermark: (id, watermark, at) => void watermarkRow.run(watermark, at, id),
    setStatus: (id, status, info, at) => void statusRow.run(status, JSON.stringify(info), at, id),
    finishPreview: (id, at) => finishRow.run(at, id).changes > 0,
    delete: (id) => deleteRow.run(id).changes > 0,
  };
}
