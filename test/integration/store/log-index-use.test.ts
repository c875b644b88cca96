import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Statement } from 'better-sqlite3';
import type { LogQuery } from '@shared/domain/provisioning';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { makeTempDir } from '../temp-dir';
import { logEntry } from '../retention/log-entries';
import { flatCsvRows } from './flat-csv-text';

/** Every statement text the log repository prepares, captured from `db.prepare`. */
function capturing(db: Database): { db: Database; sql: Set<string> } {
  const sql = new Set<string>();
  const prepare = db.prepare.bind(db);
  const spy = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'prepare')
        return (text: string): Statement => {
          sql.add(text);
          return prepare(text);
        };
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: spy, sql };
}

/** The indexes SQLite's plan for `sql` reads, with every parameter bound to a placeholder value. */
function indexesOf(db: Database, sql: string): string[] {
  const named: Record<string, string | number> = {};
  for (const [, name = ''] of sql.matchAll(/@(\w+)/g)) named[name] = name === 'blocks' ? '[1]' : 1;
  const positional = [...sql.matchAll(/\?/g)].map(() => 1);
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const plan = (
    Object.keys(named).length ? explain.all(named, ...positional) : explain.all(...positional)
  ) as {
    detail: string;
  }[];
  return plan.flatMap((row) =>
    [...row.detail.matchAll(/USING (?:COVERING )?INDEX (\w+)/g)].map((m) => m[1] as string),
  );
}

const everyFilter: Omit<LogQuery, 'limit'>[] = [
  {},
  { jobId: 'j1' },
  { status: 'failure' },
  { action: 'create' },
  { jobId: 'j1', status: 'failure' },
  { jobId: 'j1', action: 'create' },
  { cycleId: 'c' },
  { cycleId: 'c', status: 'failure' },
  { changeId: 'x' },
  { identity: 'Ada' },
  { identity: 'Ada', jobId: 'j1', status: 'failure' },
  { since: '2026-01-01T00:00:00.000Z', until: '2026-02-01T00:00:00.000Z' },
  { jobId: 'j1', since: '2026-01-01T00:00:00.000Z' },
  { status: 'failure', beforeSeq: 2 },
];

describe('indexes of the provisioning log', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('every index a log write keeps up is read by a page, an export or retention', () => {
    const opened = openDatabase({ path: join(dir.path, 'roster.db') });
    opened.db.exec(`
      INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
        VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
      INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
        VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
    `);
    const { db, sql } = capturing(opened.db);
    const log = createLogRepo(db);
    log.insertMany([
      logEntry('j1', '2026-01-01T00:00:00.000Z', 'Ada'),
      logEntry('j1', '2026-01-02T00:00:00.000Z', 'Alan'),
    ]);
    for (const filter of everyFilter) {
      log.page({ ...filter, limit: 1 });
      const { beforeSeq: _cursor, ...exportFilter } = filter;
      const rows = [...log.iterate(exportFilter)].length;
      expect(flatCsvRows(log.iterate(exportFilter).flatCsv())).toBe(rows);
      expect(flatCsvRows(log.iterate(exportFilter).flatCsv('scan'))).toBe(rows);
      expect(flatCsvRows(log.iterate(exportFilter).flatCsv('indexed'))).toBe(rows);
    }
    log.pruneOlderThan('2026-01-01T12:00:00.000Z', 10);

    const used = new Set([...sql].flatMap((text) => indexesOf(opened.db, text)));
    const kept = opened.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'log_entries'")
      .pluck()
      .all() as string[];
    // The UNIQUE constraint on an entry's id is kept for what it refuses (an entry written twice), not read.
    expect(kept.length).toBeGreaterThan(10);
    const unique = kept.filter((name) => name.startsWith('sqlite_autoindex_'));
    expect(unique).toHaveLength(1);
    expect(kept.filter((name) => !unique.includes(name) && !used.has(name))).toEqual([]);
    opened.db.close();
  });
});
