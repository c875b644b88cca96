import type { Migration } from './index';

/**
 * The new-job wizard's review dry-runs a real job (src-renderer/views/jobs/wizard/use-preview-job.ts).
 * Until the admin presses Create that job is a preview: `jobs.preview = 1` keeps it out of the Jobs
 * list, the dashboard, the scheduler and the CLI's lists, and lets the Jobs page show one the wizard
 * left behind (the browser closed mid-wizard) as an unfinished setup to resume or discard. Create
 * clears the flag; every job stored before this migration is a real one (0).
 */
export const migration011PreviewJobs: Migration = {
  version: 11,
  name: 'preview-jobs',
  up(db) {
    db.exec(`ALTER TABLE jobs ADD COLUMN preview INTEGER NOT NULL DEFAULT 0 CHECK (preview IN (0, 1));`);
  },
};
