import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';
import { exportLogEntries } from '../../../src-main/reports/log-export';
import { openDatabase } from '../../../src-main/store/db';
import { flatLineOfEntry } from '../../../src-main/store/log-flat-csv';
import { flatCsvParts, flatCsvRead, type FlatCsvStore } from '../../../src-main/store/log-flat-csv-read';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { openStore, type Store } from '../../../src-main/store/store';
import { makeTempDir } from '../temp-dir';
import { flatCsvRows, flatCsvText } from './flat-csv-text';
import { matchesLogFilter } from './log-filter-definition';

/**
 * The flat CSV export over a log that holds every kind of row the export meets: entries written
 * before migration 015 (no stored cells), entries after it, times in another shape than Roster
 * writes, a job deleted behind the foreign key's back, and cells that need quoting or a formula
 * guard — over three blocks of seqs and a fourth partly filled.
 */
const olderEntries = 4_500;
const total = 13_000;
const base = Date.parse('2026-01-01T00:00:00.000Z');
const jobNames: Record<string, string> = { j1: 'HR → App', j2: '=cmd, "HR" → Other' };
/** Entries of the job deleted from the jobs table: its id stands in for its name. */
const goneJobEntries = { from: 6_000, to: 6_100 };
/** Times Roster does not write, which SQLite leaves to the export's own quoting. */
const unusualTimes: Record<number, string> = {
  10_000: '2026-01-07T22:40:00Z',
  10_001: '=2026-01-07, "noon"',
};

function entryAt(i: number): ProvisioningLogEntry {
  const jobId = i >= goneJobEntries.from && i < goneJobEntries.to ? 'j3' : i % 2 ? 'j2' : 'j1';
  const hostile = i % 97 === 0;
  return {
    id: `id-${i}`,
    activityDateTime: unusualTimes[i] ?? new Date(base + i * 60_000).toISOString(),
    jobId,
    cycleId: `cycle-${Math.floor(i / 1000)}`,
    changeId: `change-${i}`,
    provisioningAction: i % 5 === 0 ? 'create' : 'update',
    status: i % 11 === 0 ? 'failure' : 'success',
    durationInMilliseconds: 3,
    initiatedBy: { type: 'system', displayName: 'schedule' },
    sourceIdentity: {
      id: hostile ? `+E${i}` : `E${i}`,
      displayName: hostile ? `Park, "Minji" ${i}\r\n박민지` : `Person ${i}`,
      identityType: 'User',
    },
    targetIdentity: { id: i % 4 ? `T${i}` : null, displayName: `Person ${i}`, identityType: 'User' },
    modifiedProperties:
      i % 3
        ? [
            { displayName: 'userName', oldValue: null, newValue: hostile ? `@p${i}` : `p${i}@example.com` },
            { displayName: 'title', oldValue: 'Rep', newValue: hostile ? '-1, "senior"' : 'Senior Rep' },
          ]
        : [],
    provisioningSteps: [],
    ...(i % 11 === 0
      ? {
          errorInformation: {
            errorCode: 'HttpConflict',
            errorCategory: 'NonServiceFailure',
            reason: hostile ? '=the target said "no",\ntwice' : 'The target refused the value',
          },
        }
      : {}),
  };
}

const filters: Record<string, Omit<LogQuery, 'limit' | 'beforeSeq'>> = {
  none: {},
  job: { jobId: 'j1' },
  'the deleted job': { jobId: 'j3' },
  status: { status: 'failure' },
  action: { action: 'create' },
  'job + status': { jobId: 'j2', status: 'failure' },
  cycle: { cycleId: 'cycle-4' },
  change: { changeId: 'change-9001' },
  'time range across the upgrade': {
    since: new Date(base + 4_000 * 60_000).toISOString(),
    until: new Date(base + 9_000 * 60_000).toISOString(),
  },
  'job + since': { jobId: 'j2', since: new Date(base + 8_000 * 60_000).toISOString() },
  'identity (name prefix)': { identity: 'park' },
  'identity (source id)': { identity: '+E97' },
  'job + identity': { jobId: 'j1', identity: 'Person 12' },
};

describe('the flat CSV export, joined by SQLite or rebuilt row by row', () => {
  const dir = makeTempDir();
  const path = join(dir.path, 'roster.db');
  const entries = Array.from({ length: total }, (_, i) => ({ ...entryAt(i), seq: i + 1 }));
  let store: Store;

  beforeAll(() => {
    const v14 = openDatabase({ path, migrations: migrations.filter((m) => m.version < 15) });
    v14.db.exec(`
      INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
        VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
      INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
        VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't'),
               ('j2', '=cmd, "HR" → Other', 's', 't', '{}', 'Active', 't', 't'),
               ('j3', 'Gone', 's', 't', '{}', 'Active', 't', 't');
    `);
    createLogRepo(v14.db).insertMany(entries.slice(0, olderEntries).map(({ seq: _seq, ...e }) => e));
    v14.db.close();
    store = openStore({ path });
    for (let i = olderEntries; i < total; i += 1000)
      store.log.insertMany(entries.slice(i, Math.min(i + 1000, total)).map(({ seq: _seq, ...e }) => e));
    // A job removed while foreign keys were off (an older build, a hand edit): its entries stay.
    const raw = new BetterSqlite3(path);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("DELETE FROM jobs WHERE id = 'j3'").run();
    raw.close();
  });
  afterAll(() => {
    store.close();
    dir.remove();
  });

  const expectedLines = (filter: Omit<LogQuery, 'limit' | 'beforeSeq'>) =>
    entries
      .filter((e) => matchesLogFilter(e, filter))
      .map((e) => flatLineOfEntry({ ...e, ...(jobNames[e.jobId] ? { jobName: jobNames[e.jobId] } : {}) }));

  it('holds entries from before migration 015 and after it', () => {
    const raw = new BetterSqlite3(path, { readonly: true });
    const withoutCells = raw
      .prepare('SELECT count(*) FROM log_entries WHERE flat_csv_rest IS NULL')
      .pluck()
      .get();
    raw.close();
    expect(withoutCells).toBe(olderEntries);
  });

  for (const [name, filter] of Object.entries(filters)) {
    it(`exports "${name}" with the same bytes through a scan, the indexes and whole entries`, () => {
      const lines = expectedLines(filter);
      expect(lines.length).toBeGreaterThan(0);
      for (const read of [undefined, 'scan', 'indexed'] as const) {
        expect(flatCsvText(store.log.iterate(filter).flatCsv(read))).toBe(lines.join(''));
        expect(flatCsvRows(store.log.iterate(filter).flatCsv(read))).toBe(lines.length);
      }
    });
  }

  it('has SQLite join the blocks it can and rebuilds only the others', () => {
    const kinds = (filter: Omit<LogQuery, 'limit' | 'beforeSeq'>) =>
      [...store.log.iterate(filter).flatCsv()].map((part) => (typeof part.text === 'string' ? 'js' : 'sql'));
    // Blocks 0 and 1 hold entries from before 015; block 1 also the deleted job's; block 2 the
    // unusual times; block 3 only ordinary rows.
    expect(kinds({})).toEqual(['js', 'js', 'js', 'sql']);
    expect(kinds({ jobId: 'j1' })).toEqual(['js', 'js', 'js', 'sql']);
    expect(kinds({ jobId: 'j2' })).toEqual(['js', 'js', 'js', 'sql']);
    expect(kinds({ status: 'failure' })).toEqual(['js', 'js', 'sql', 'sql']);
    expect(kinds({ jobId: 'j1', since: new Date(base + 8_200 * 60_000).toISOString() })).toEqual([
      'js',
      'sql',
    ]);
  });

  it('writes the same file from the store as from whole entries, header and BOM included', async () => {
    const options = (baseName: string) => ({
      dir: dir.path,
      baseName,
      format: 'csv' as const,
      bom: true,
      systems: () => ({ source: 'HR', target: 'App' }),
    });
    const [fromStore] = await exportLogEntries(store.log.iterate({}), options('store'));
    const [fromEntries] = await exportLogEntries([...store.log.iterate({})], options('entries'));
    expect(fromStore?.rows).toBe(total);
    expect(fromEntries?.rows).toBe(total);
    expect(readFileSync(fromStore?.path ?? '').equals(readFileSync(fromEntries?.path ?? ''))).toBe(true);
  });

  it('lets a cycle write its log while an export waits between blocks, and exports what was there when it began', () => {
    const before = flatCsvText(store.log.iterate({ jobId: 'j1' }).flatCsv());
    const parts = store.log.iterate({ jobId: 'j1' }).flatCsv()[Symbol.iterator]();
    const read = [parts.next()];
    const late = { ...entryAt(total), id: 'late', changeId: 'late', jobId: 'j1' };
    store.log.insertMany([late]);
    for (let next = parts.next(); !next.done; next = parts.next()) read.push(next);
    expect(flatCsvText(read.flatMap((next) => (next.done ? [] : [next.value])))).toBe(before);

    const whole = store.log.iterate({ jobId: 'j1' })[Symbol.iterator]();
    whole.next();
    store.log.insertMany([{ ...late, id: 'later', changeId: 'later' }]);
    let count = 1;
    while (!whole.next().done) count++;
    expect(count).toBe(expectedLines({ jobId: 'j1' }).length + 1);
  });
});

describe('how the flat CSV export finds its rows', () => {
  const dir = makeTempDir();
  const path = join(dir.path, 'roster.db');
  let db: BetterSqlite3.Database;
  const sql: string[] = [];
  let source: FlatCsvStore;

  beforeAll(() => {
    const store = openStore({ path });
    store.connections.insert({
      id: 's',
      name: 'HR',
      kind: 'csv',
      settings: {},
      secretIds: {},
      createdAt: 't',
      updatedAt: 't',
    });
    for (const id of ['j1', 'j2'])
      store.jobs.insert({
        id,
        name: id,
        sourceConnectionId: 's',
        targetConnectionId: 's',
        config: {} as never,
        status: 'Active',
        statusInfo: {},
        watermark: null,
        createdAt: 't',
        updatedAt: 't',
      });
    // j1 holds 90 % of the log, j2 10 %; one cycle in a hundred.
    const all = Array.from({ length: 5_000 }, (_, i) => ({ ...entryAt(i), jobId: i % 10 ? 'j1' : 'j2' }));
    store.log.insertMany(all);
    store.close();
    db = new BetterSqlite3(path);
    const statements = new Map<string, Statement>();
    source = {
      db,
      withFlatCsv: true,
      prepared<Row>(text: string) {
        sql.push(text);
        let statement = statements.get(text);
        if (!statement) statements.set(text, (statement = db.prepare(text)));
        return statement as Statement<Record<string, unknown>, Row>;
      },
    };
  });
  afterAll(() => {
    db.close();
    dir.remove();
  });

  const window = { lo: 1, hi: 5_000 };
  /** The plan of the statement that joins a block's lines, with every parameter bound. */
  function planOf(query: Omit<LogQuery, 'limit' | 'beforeSeq'>, read?: 'scan' | 'indexed'): string {
    sql.length = 0;
    expect(flatCsvRows(flatCsvParts(source, query, window, read))).toBeGreaterThan(0);
    const joined = sql.find((text) => text.includes('group_concat')) ?? '';
    const params: Record<string, unknown> = { lo: 1, hi: 4095, isoShape: '*', jobCell: 'x', jobCells: '{}' };
    for (const [, name = ''] of joined.matchAll(/@(\w+)/g))
      params[name] ??= (query as Record<string, unknown>)[name] ?? 1;
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${joined}`).all(params) as { detail: string }[];
    return plan.map((row) => row.detail).join(' | ');
  }

  it('scans the window when the filters match much of it, and reads the indexes when they match little', () => {
    expect(flatCsvRead(source, {}, window)).toBe('scan');
    expect(flatCsvRead(source, { jobId: 'j1' }, window)).toBe('scan');
    expect(flatCsvRead(source, { jobId: 'j2' }, window)).toBe('indexed');
    expect(flatCsvRead(source, { status: 'failure' }, window)).toBe('indexed');
    expect(flatCsvRead(source, { cycleId: 'cycle-3' }, window)).toBe('indexed');
    expect(flatCsvRead(source, { identity: 'Person 1' }, window)).toBe('identity');
  });

  it('a scan reads the table in seq order and the index read seeks the filter’s index', () => {
    expect(planOf({ jobId: 'j1' })).toMatch(/SEARCH l USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(planOf({ jobId: 'j1' })).not.toMatch(/INDEX log_/);
    expect(planOf({ jobId: 'j2' })).toMatch(/USING INDEX log_job_seq/);
    expect(planOf({ status: 'failure' }, 'indexed')).toMatch(/USING INDEX log_status_seq/);
    expect(planOf({ status: 'failure' }, 'scan')).toMatch(/USING INTEGER PRIMARY KEY/);
    // The lines reach group_concat in seq order from the subquery, never sorted afterwards.
    expect(planOf({})).not.toMatch(/USE TEMP B-TREE/);
  });
});
