import type { JobDraft } from '@shared/domain/job-editing';
import type { Database } from './db';

interface DraftRow {
  step: number;
  data_json: string;
  saved_at: string;
}

/** The new-job wizard's one draft (migration 007). Secrets are refused before they get here. */
export interface DraftsRepo {
  getJob(): JobDraft | null;
  saveJob(draft: { step: number; data: Record<string, unknown>; savedAt: string }): void;
  /** True when there was a draft to delete. */
  deleteJob(): boolean;
}

export function createDraftsRepo(db: Database): DraftsRepo {
  const select = db.prepare<[], DraftRow>("SELECT step, data_json, saved_at FROM drafts WHERE kind = 'job'");
  const upsert = db.prepare<[number, string, string]>(
    `INSERT INTO drafts (kind, step, data_json, saved_at) VALUES ('job', ?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET step = excluded.step, data_json = excluded.data_json, saved_at = excluded.saved_at`,
  );
  const remove = db.prepare("DELETE FROM drafts WHERE kind = 'job'");
  return {
    getJob() {
      const row = select.get();
      if (!row) return null;
      return {
        step: row.step,
        data: JSON.parse(row.data_json) as Record<string, unknown>,
        savedAt: row.saved_at,
      };
    },
    saveJob: (draft) => void upsert.run(draft.step, JSON.stringify(draft.data), draft.savedAt),
    deleteJob: () => remove.run().changes > 0,
  };
}
