import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { createIntentsRepo, type WriteIntent } from '../../../src-main/store/intents-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { makeTempDir } from '../temp-dir';

const upTo016 = migrations.filter((m) => m.version <= 16);
const upTo017 = migrations.filter((m) => m.version <= 17);

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't'),
           ('j2', 'HR → Other', 's', 't', '{}', 'Active', 't', 't');
`;

function intent(jobId: string, anchor: string): Omit<WriteIntent, 'id'> {
  return {
    jobId,
    cycleId: 'c1',
    objectType: 'User',
    anchor,
    displayName: `Person ${anchor}`,
    operation: 'create',
    targetId: null,
    detail: { lookups: [{ path: 'userName', value: `${anchor}@example.com` }], values: { userName: anchor } },
    createdAt: '2026-12-04T00:00:00.000Z',
  };
}

describe('migration 017 (write intents without AUTOINCREMENT and their index)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('keeps the intents a crash left, in their order, and new ones sort after them', () => {
    const path = join(dir.path, 'roster.db');
    const v16 = openDatabase({ path, migrations: upTo016 });
    v16.db.exec(seed);
    const before = createIntentsRepo(v16.db);
    const a = before.begin(intent('j1', 'a'));
    const gone = before.begin(intent('j1', 'gone'));
    const b = before.begin(intent('j1', 'b'));
    before.begin(intent('j2', 'other'));
    before.finish(gone);
    const left = before.forJob('j1');
    v16.db.close();

    const v17 = openDatabase({ path, migrations: upTo017 });
    expect(v17.schemaVersion).toBe(17);
    const intents = createIntentsRepo(v17.db);
    expect(intents.forJob('j1')).toEqual(left);
    expect(intents.forJob('j1').map((i) => i.id)).toEqual([a, b]);
    const next = intents.begin(intent('j1', 'c'));
    expect(next).toBeGreaterThan(b);
    expect(intents.forJob('j1').map((i) => i.anchor)).toEqual(['a', 'b', 'c']);
    expect(intents.count('j1')).toBe(3);
    expect(intents.count('j2')).toBe(1);

    const schema = v17.db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE tbl_name = 'write_intents'")
      .all()
      .map((row) => row.sql);
    expect(schema).toHaveLength(1);
    expect(schema[0]).not.toMatch(/AUTOINCREMENT/i);
    expect(schema[0]).toMatch(/CREATE TABLE "?write_intents"?/);
    const sequence = v17.db
      .prepare("SELECT count(*) AS n FROM sqlite_sequence WHERE name LIKE 'write_intents%'")
      .get() as { n: number };
    expect(sequence.n).toBe(0);
    v17.db.close();
  });

  it('still deletes a job’s intents with the job, and refuses an intent of no job', () => {
    const { db } = openDatabase({ path: join(dir.path, 'roster.db'), migrations: upTo017 });
    db.exec(seed);
    const intents = createIntentsRepo(db);
    intents.begin(intent('j1', 'a'));
    intents.begin(intent('j2', 'b'));
    db.prepare("DELETE FROM jobs WHERE id = 'j1'").run();
    expect(intents.count('j1')).toBe(0);
    expect(intents.count('j2')).toBe(1);
    expect(() => intents.begin(intent('nope', 'x'))).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
