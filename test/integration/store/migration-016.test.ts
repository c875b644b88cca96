import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { say, messageOf } from '@shared/domain/log-messages';
import { openDatabase } from '../../../src-main/store/db';
import { createEscrowsRepo, type EscrowFailure } from '../../../src-main/store/escrows-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration016EscrowMessageCodes } from '../../../src-main/store/migrations/016-escrow-message-codes';
import { makeTempDir } from '../temp-dir';

const before016 = migrations.filter((m) => m.version < 16);
const upTo016 = [...before016, migration016EscrowMessageCodes];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
`;

const reason = say('errorRequiredMissing', { attributes: 'userName' });

function failure(anchor: string): EscrowFailure {
  return {
    objectType: 'User',
    anchor,
    isReference: false,
    displayName: anchor,
    errorClass: 'permanent',
    errorCode: 'MandatoryFieldsMissing',
    errorMessage: reason.text,
    errorText: messageOf(reason),
    attemptedHash: 'h1',
  };
}

describe('migration 016 (escrow message codes)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('keeps older entries in English only, and stores and reads back the code of new ones', () => {
    const path = join(dir.path, 'roster.db');
    const v15 = openDatabase({ path, migrations: before016 });
    expect(v15.schemaVersion).toBe(15);
    v15.db.exec(seed);
    // A repository on the older schema writes what it can: the English.
    createEscrowsRepo(v15.db).recordFailure('j1', failure('old'), '2026-01-01T00:00:00.000Z');
    v15.db.close();

    const v16 = openDatabase({ path, migrations: upTo016 });
    expect(v16.schemaVersion).toBe(16);
    const escrows = createEscrowsRepo(v16.db);
    escrows.recordFailure('j1', failure('new'), '2026-02-01T00:00:00.000Z');
    const [older, newer] = escrows.forJob('j1');
    expect(older?.errorMessage).toBe(reason.text);
    expect(older?.errorText).toBeUndefined();
    expect(newer?.errorMessage).toBe(reason.text);
    expect(newer?.errorText).toEqual({ code: 'errorRequiredMissing', params: { attributes: 'userName' } });

    // A later failure without a code replaces the code too, never leaving an earlier one behind.
    escrows.recordFailure(
      'j1',
      { ...failure('new'), errorMessage: 'The token was refused.', errorText: undefined },
      '2026-02-02T00:00:00.000Z',
    );
    const again = escrows.forJob('j1').find((e) => e.anchor === 'new');
    expect(again?.errorMessage).toBe('The token was refused.');
    expect(again?.errorText).toBeUndefined();
    expect(again?.attempts).toBe(2);
    v16.db.close();
  });
});
