import type { Database } from './db';

/** Whether a job runs on its schedule. No row: never started. */
export type StoredScheduleState = 'started' | 'paused';

export interface JobSchedule {
  jobId: string;
  state: StoredScheduleState;
  changedAt: string;
  changedBy: string;
}

/** Settings of the scheduler as a whole. */
export interface SchedulerSettings {
  /** How many jobs' cycles may run at once in one Roster process. */
  maxConcurrentJobs: number;
}

export const defaultSchedulerSettings: SchedulerSettings = { maxConcurrentJobs: 2 };
export const maxConcurrentJobsLimit = 16;

interface ScheduleRow {
  job_id: string;
  state: StoredScheduleState;
  changed_at: string;
  changed_by: string;
}

const fromRow = (row: ScheduleRow): JobSchedule => ({
  jobId: row.job_id,
  state: row.state,
  changedAt: row.changed_at,
  changedBy: row.changed_by,
});

export interface SchedulesRepo {
  get(jobId: string): JobSchedule | null;
  list(): JobSchedule[];
  set(jobId: string, state: StoredScheduleState, at: string, by: string): void;
  /**
   * ISO start of the job's latest real (not dry-run) cycle from any process, among those that started
   * at or before `notAfter` (a cycle "in the future" is one from before the clock was set back); null if none.
   */
  lastCycleStart(jobId: string, notAfter: string): string | null;
  settings(): SchedulerSettings;
  saveSettings(settings: SchedulerSettings): void;
}

const settingsKey = 'scheduler';

function parseSettings(json: string | undefined): SchedulerSettings {
  if (json === undefined) return { ...defaultSchedulerSettings };
  // A hand-edited or unreadable value falls back to the default rather than stopping the scheduler.
  try {
    const value = (JSON.parse(json) as { maxConcurrentJobs?: unknown }).maxConcurrentJobs;
    return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= maxConcurrentJobsLimit
      ? { maxConcurrentJobs: value as number }
      : { ...defaultSchedulerSettings };
  } catch {
    return { ...defaultSchedulerSettings };
  }
}

export function createSchedulesRepo(db: Database): SchedulesRepo {
  const one = db.prepare<[string], ScheduleRow>('SELECT * FROM job_schedules WHERE job_id = ?');
  const all = db.prepare<[], ScheduleRow>('SELECT * FROM job_schedules');
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO job_schedules (job_id, state, changed_at, changed_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (job_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at,
       changed_by = excluded.changed_by`,
  );
  // Walks the (job_id, started_at) index backwards and stops at the first real cycle.
  const lastStart = db.prepare<[string, string], { started_at: string }>(
    `SELECT started_at FROM cycles WHERE job_id = ? AND dry_run = 0 AND started_at <= ?
     ORDER BY started_at DESC LIMIT 1`,
  );
  const readSettings = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeSettings = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (jobId) => {
      const row = one.get(jobId);
      return row ? fromRow(row) : null;
    },
    list: () => all.all().map(fromRow),
    set: (jobId, state, at, by) => void upsert.run(jobId, state, at, by),
    lastCycleStart: (jobId, notAfter) => lastStart.get(jobId, notAfter)?.started_at ?? null,
    settings: () => parseSettings(readSettings.get(settingsKey)?.value),
    saveSettings: (settings) => void writeSettings.run(settingsKey, JSON.stringify(settings)),
  };
}
