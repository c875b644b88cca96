import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { exportLogEntries } from '../../../src-main/reports/log-export';
import { migrations, type Migration } from '../../../src-main/store/migrations/index';
import { migration015LogFlatCsv } from '../../../src-main/store/migrations/015-log-flat-csv';
import { makeTempDir } from '../temp-dir';
import { logEntry } from '../retention/log-entries';

const before015 = migrations.filter((m) => m.version < 15);
const upTo015 = [...before015, migration015LogFlatCsv];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
`;

/** An entry with every cell the flat export derives or quotes: changes, an error, a formula, quotes. */
function richEntry(at: string, key: string): ProvisioningLogEntry {
  return {
    ...logEntry('j1', at, key),
    status: 'failure',
    sourceIdentity: { id: key, displayName: `=HYPERLINK("x"), ${key}`, identityType: 'User' },
    modifiedProperties: [
      { displayName: 'displayName', oldValue: null, newValue: 'Ada "the first"' },
      { displayName: 'userName', oldValue: 'ada', newValue: 'ada@example.com' },
      { displayName: 'title', oldValue: 'Rep\nSenior', newValue: null },
    ],
    errorInformation: {
      errorCode: 'SystemForCrossDomainIdentityManagementBadRequest',
      errorCategory: 'NonServiceFailure',
      reason: 'The target said: "no", twice',
    },
  };
}

async function flatCsv(
  db: ReturnType<typeof openDatabase>['db'],
  dir: string,
  name: string,
): Promise<string> {
  const [file] = await exportLogEntries(createLogRepo(db).iterate({ jobId: 'j1' }), {
    dir,
    baseName: name,
    format: 'csv',
    bom: true,
    systems: () => ({ source: 'HR', target: 'App' }),
  });
  return readFileSync(file?.path ?? '', 'utf8');
}

describe('migration 015 (ready-made flat CSV cells of the provisioning log)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('upgrades a version-14 log: older entries export the same bytes as before, new ones from their stored cells', async () => {
    const path = join(dir.path, 'roster.db');
    const v14 = openDatabase({ path, migrations: before015 });
    expect(v14.schemaVersion).toBe(14);
    v14.db.exec(seed);
    createLogRepo(v14.db).insertMany([
      richEntry('2026-01-01T00:00:00.000Z', 'old'),
      logEntry('j1', '2026-01-02T00:00:00.000Z', 'plain'),
    ]);
    const exportedAt14 = await flatCsv(v14.db, dir.path, 'v14');
    v14.db.close();

    const v15 = openDatabase({ path, migrations: upTo015 });
    expect(v15.schemaVersion).toBe(15);
    // Nothing is rewritten at upgrade: the older entries have no stored cells.
    expect(v15.db.prepare('SELECT count(*) FROM log_entries WHERE flat_csv_rest IS NULL').pluck().get()).toBe(
      2,
    );
    expect(await flatCsv(v15.db, dir.path, 'v15')).toBe(exportedAt14);

    // The same entries written again at version 15 store their cells, and export the same lines.
    const rows = [...createLogRepo(v15.db).iterate({ jobId: 'j1' })];
    v15.db.exec('DELETE FROM log_entries');
    createLogRepo(v15.db).insertMany(rows.map(({ seq: _seq, jobName: _name, ...entry }) => entry));
    expect(v15.db.prepare('SELECT count(*) FROM log_entries WHERE flat_csv_rest IS NULL').pluck().get()).toBe(
      0,
    );
    expect(await flatCsv(v15.db, dir.path, 'v15-new')).toBe(exportedAt14);
    expect(exportedAt14).toContain(
      `"'=HYPERLINK(""x""), old",t-old,ada@example.com,"displayName: ∅ → Ada ""the first""; userName: ada → ada@example.com; title: Rep\nSenior → ∅"`,
    );
    v15.db.close();
  });

  it('leaves a usable version-14 file when the upgrade fails midway, and upgrades it on the next start', () => {
    const path = join(dir.path, 'roster.db');
    const v14 = openDatabase({ path, migrations: before015 });
    v14.db.exec(seed);
    createLogRepo(v14.db).insertMany([richEntry('2026-01-01T00:00:00.000Z', 'kept')]);
    v14.db.close();

    const crashing: Migration = {
      ...migration015LogFlatCsv,
      up(db) {
        migration015LogFlatCsv.up(db);
        throw new Error('power cut');
      },
    };
    expect(() => openDatabase({ path, migrations: [...before015, crashing] })).toThrow('power cut');

    const again = openDatabase({ path, migrations: before015 });
    expect(again.schemaVersion).toBe(14);
    expect(
      again.db.prepare("SELECT 1 FROM pragma_table_info('log_entries') WHERE name = 'flat_csv_rest'").get(),
    ).toBeUndefined();
    expect(
      createLogRepo(again.db)
        .page({ limit: 10 })
        .entries.map((e) => e.sourceIdentity.id),
    ).toEqual(['kept']);
    again.db.close();

    const v15 = openDatabase({ path, migrations: upTo015 });
    expect(v15.schemaVersion).toBe(15);
    expect(
      createLogRepo(v15.db)
        .page({ limit: 10 })
        .entries.map((e) => e.sourceIdentity.id),
    ).toEqual(['kept']);
    v15.db.close();
  });
});
