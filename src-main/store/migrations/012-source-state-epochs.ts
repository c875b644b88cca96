import type { Migration } from './index';

/**
 * The unchanged-source shortcut (issue 11, engine/unchanged-source.ts) may end a cycle without
 * reading anything only if the job's links and recorded source state are exactly what its last
 * completed cycle left. Cycles only add to and update them in ways the next cycle's hashes agree
 * with; what makes a later cycle do work is a row taken away between cycles (an admin unlinks an
 * object, adopts an account, resets the job). So every delete of a link or a state row counts one
 * more in the job's epoch, and each cycle records the epoch it ended at: a different epoch now
 * means somebody changed the state since, and the cycle does its full work.
 *
 * Deletes are rare (objects gone from the source, unlinks, resets), so the triggers cost nothing
 * in the cycles that matter.
 */
export const migration012SourceStateEpochs: Migration = {
  version: 12,
  name: 'source-state-epochs',
  up(db) {
    db.exec(`
      CREATE TABLE source_state_epochs (
        job_id TEXT PRIMARY KEY,
        epoch  INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE cycles ADD COLUMN source_state_epoch INTEGER;
      CREATE TRIGGER source_objects_epoch AFTER DELETE ON source_objects BEGIN
        INSERT INTO source_state_epochs (job_id, epoch) VALUES (old.job_id, 1)
          ON CONFLICT (job_id) DO UPDATE SET epoch = epoch + 1;
      END;
      CREATE TRIGGER links_epoch AFTER DELETE ON links BEGIN
        INSERT INTO source_state_epochs (job_id, epoch) VALUES (old.job_id, 1)
          ON CONFLICT (job_id) DO UPDATE SET epoch = epoch + 1;
      END;
      CREATE TRIGGER jobs_epoch_gone AFTER DELETE ON jobs BEGIN
        DELETE FROM source_state_epochs WHERE job_id = old.id;
      END;
    `);
  },
};
