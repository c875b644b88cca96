import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { say } from '@shared/domain/log-messages';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration013LogMessageCodes } from '../../../src-main/store/migrations/013-log-message-codes';
import { makeTempDir } from '../temp-dir';
import { logEntry } from '../retention/log-entries';

const before013 = migrations.filter((m) => m.version < 13);
const upTo013 = [...before013, migration013LogMessageCodes];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
`;

/** A failed update whose reason and advice the engine wrote under their codes. */
function failedUpdate(at: string, key: string): ProvisioningLogEntry {
  const reason = say('errorRequiredMissing', { attributes: 'userName' });
  const advice = say('adviceRequiredMissing');
  return {
    ...logEntry('j1', at, key),
    status: 'failure',
    errorInformation: {
      errorCode: 'MandatoryFieldsMissing',
      reason: reason.text,
      reasonCode: reason.code,
      reasonParams: reason.params,
      errorCategory: 'NonServiceFailure',
      recommendedAction: advice.text,
      recommendedActionCode: advice.code,
      recommendedActionParams: advice.params,
    },
  };
}

describe('migration 013 (log message codes of reason and advice)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('keeps older entries as they were (English only), and stores and reads back the codes of new ones', () => {
    const path = join(dir.path, 'roster.db');
    const v12 = openDatabase({ path, migrations: before013 });
    expect(v12.schemaVersion).toBe(12);
    v12.db.exec(seed);
    createLogRepo(v12.db).insertMany([failedUpdate('2026-01-01T00:00:00.000Z', 'old')]);
    v12.db.close();

    const v13 = openDatabase({ path, migrations: upTo013 });
    expect(v13.schemaVersion).toBe(13);
    const log = createLogRepo(v13.db);
    log.insertMany([failedUpdate('2026-02-01T00:00:00.000Z', 'new')]);
    const [newer, older] = log.page({ jobId: 'j1', limit: 10 }).entries;

    expect(older?.errorInformation).toEqual({
      errorCode: 'MandatoryFieldsMissing',
      reason: 'The target requires userName, and the mappings give no value (and no default).',
      errorCategory: 'NonServiceFailure',
      recommendedAction: 'Give the mapping a default value, or fix the source data.',
    });
    expect(newer?.errorInformation).toEqual({
      ...older?.errorInformation,
      reasonCode: 'errorRequiredMissing',
      reasonParams: { attributes: 'userName' },
      recommendedActionCode: 'adviceRequiredMissing',
      recommendedActionParams: {},
    });
    // The English columns the exports and the CLI read are the same for both.
    const english = v13.db
      .prepare('SELECT reason, recommended_action, error_messages_json FROM log_entries ORDER BY seq')
      .all() as { reason: string; recommended_action: string; error_messages_json: string | null }[];
    expect(english[0]?.error_messages_json).toBeNull();
    expect(english[1]?.reason).toBe(english[0]?.reason);
    expect(english[1]?.recommended_action).toBe(english[0]?.recommended_action);
    v13.db.close();
  });

  it('writes no codes for an entry that has none, or no error at all', () => {
    const { db } = openDatabase({ path: join(dir.path, 'r.db'), migrations: upTo013 });
    db.exec(seed);
    const log = createLogRepo(db);
    const targetWords: ProvisioningLogEntry = {
      ...logEntry('j1', '2026-02-01T00:00:00.000Z', 'a'),
      status: 'failure',
      errorInformation: {
        errorCode: 'Unauthorized',
        reason: 'The token was refused.',
        errorCategory: 'NonServiceFailure',
        recommendedAction: 'Ask the vendor.',
      },
    };
    log.insertMany([targetWords, logEntry('j1', '2026-02-02T00:00:00.000Z', 'b')]);
    expect(db.prepare('SELECT error_messages_json FROM log_entries').pluck().all()).toEqual([null, null]);
    const entries = log.page({ jobId: 'j1', limit: 10 }).entries;
    expect(entries.find((e) => e.sourceIdentity.id === 'a')?.errorInformation).toEqual(
      targetWords.errorInformation,
    );
    db.close();
  });
});
