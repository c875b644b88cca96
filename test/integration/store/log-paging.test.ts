import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';
import { openStore, type Store } from '../../../src-main/store/store';
import { flatLineOfEntry } from '../../../src-main/store/log-flat-csv';
import { seedJob } from '../retention/log-entries';
import { flatCsvText } from './flat-csv-text';
import { matchesLogFilter } from './log-filter-definition';
import { makeTempDir } from '../temp-dir';

/**
 * Pages and exports of the provisioning log against the plain definition of each filter, over
 * enough entries to span several seq blocks of migration 010 (4,096 each), with times that run a
 * little out of seq order as they do when batches from two writers interleave.
 */
const total = 14_000;
const base = Date.parse('2026-01-01T00:00:00.000Z');
const names = [
  'Ada Lovelace',
  'ada Byron',
  'Adam Smith',
  'Alan Turing',
  'Grace Hopper',
  '=HYPERLINK(1)',
  '50%_off',
];

function entryAt(i: number): ProvisioningLogEntry {
  // Mostly rising with seq; every 7th entry is stamped up to 40 minutes earlier than its neighbours.
  const at = new Date(base + i * 60_000 - (i % 7 === 0 ? (i % 40) * 60_000 : 0)).toISOString();
  const name = `${names[i % names.length] as string} ${i}`;
  return {
    id: `id-${i}`,
    activityDateTime: at,
    jobId: i % 3 === 0 ? 'job-b' : 'job-a',
    cycleId: `cycle-${Math.floor(i / 1000)}`,
    changeId: `change-${i}`,
    provisioningAction: i % 5 === 0 ? 'create' : 'update',
    status: i % 11 === 0 ? 'failure' : i % 13 === 0 ? 'skipped' : 'success',
    durationInMilliseconds: 3,
    initiatedBy: { type: 'system', displayName: 'schedule' },
    sourceIdentity: { id: `E${i % 500}`, displayName: name, identityType: 'User' },
    targetIdentity: { id: i % 4 === 0 ? null : `T${i % 300}`, displayName: name, identityType: 'User' },
    modifiedProperties: [],
    provisioningSteps: [],
  };
}

/** The filter as the contract describes it, on entries in memory. */
const matches = matchesLogFilter;

const iso = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

const filters: Record<string, Omit<LogQuery, 'limit' | 'beforeSeq'>> = {
  none: {},
  job: { jobId: 'job-b' },
  status: { status: 'failure' },
  action: { action: 'create' },
  'job + status': { jobId: 'job-a', status: 'skipped' },
  'job + action': { jobId: 'job-b', action: 'create' },
  'status + action': { status: 'failure', action: 'create' },
  cycle: { cycleId: 'cycle-7' },
  'cycle + status': { cycleId: 'cycle-7', status: 'failure' },
  'job + cycle': { jobId: 'job-a', cycleId: 'cycle-12' },
  change: { changeId: 'change-4242' },
  'since (recent)': { since: iso(13_000) },
  'until (old)': { until: iso(1_500) },
  'a window across blocks': { since: iso(3_000), until: iso(9_000) },
  'a window with no entries': { since: iso(50_000) },
  'job + window': { jobId: 'job-b', since: iso(4_000), until: iso(4_500) },
  'name prefix, any case': { identity: 'ADA' },
  'name prefix, narrower': { identity: 'ada l' },
  'name prefix with LIKE wildcards': { identity: '50%_' },
  'name prefix of a formula': { identity: '=hyper' },
  'source id': { identity: 'E42' },
  'target id': { identity: 'T7' },
  'name + job + status': { identity: 'alan', jobId: 'job-a', status: 'failure' },
  'name + window': { identity: 'grace', since: iso(2_000), until: iso(10_000) },
  'name + cycle': { identity: 'Adam', cycleId: 'cycle-3' },
  'identity that matches nothing': { identity: 'Nobody' },
};

describe('provisioning log pages and exports', () => {
  const dir = makeTempDir();
  let store: Store;
  let all: (ProvisioningLogEntry & { seq: number })[];

  beforeAll(() => {
    store = openStore({ path: join(dir.path, 'roster.db') });
    seedJob(store, 'job-a');
    store.jobs.insert({
      id: 'job-b',
      name: 'HR → Other',
      sourceConnectionId: 's',
      targetConnectionId: 't',
      config: {} as never,
      status: 'Active',
      statusInfo: {},
      watermark: null,
      createdAt: iso(0),
      updatedAt: iso(0),
    });
    const entries = Array.from({ length: total }, (_, i) => entryAt(i));
    for (let i = 0; i < total; i += 1000) store.log.insertMany(entries.slice(i, i + 1000));
    all = entries.map((e, i) => ({ ...e, seq: i + 1 }));
  });
  afterAll(() => {
    store.close();
    dir.remove();
  });

  for (const [name, filter] of Object.entries(filters)) {
    it(`pages "${name}" newest first, and every page joins up to exactly the matching entries`, () => {
      const expected = all
        .filter((e) => matches(e, filter))
        .map((e) => e.seq)
        .reverse();
      const seen: number[] = [];
      let beforeSeq: number | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = store.log.page({ ...filter, limit: 500, ...(beforeSeq ? { beforeSeq } : {}) });
        expect(page.entries.length).toBeLessThanOrEqual(500);
        seen.push(...page.entries.map((e) => e.seq));
        if (page.nextBeforeSeq === null) break;
        expect(page.entries).toHaveLength(500);
        beforeSeq = page.nextBeforeSeq;
      }
      expect(seen).toEqual(expected);
    });
  }

  it('reads whole entries on a page, with the job name', () => {
    const [first] = store.log.page({ jobId: 'job-b', limit: 1 }).entries;
    const source = all.filter((e) => e.jobId === 'job-b').at(-1);
    expect(first).toEqual({ ...source, jobName: 'HR → Other' });
  });

  for (const [name, filter] of Object.entries(filters)) {
    it(`exports "${name}" oldest first, whole or as the flat CSV, the same through a scan or the indexes`, () => {
      const expected = all.filter((e) => matches(e, filter));
      const streamed = [...store.log.iterate(filter)];
      expect(streamed.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
      // The lines SQLite joins from the stored cells (migration 015) are the lines the export
      // builds from whole entries, whichever way the rows are found.
      const lines = expected
        .map((e) => flatLineOfEntry({ ...e, jobName: e.jobId === 'job-a' ? 'HR → App' : 'HR → Other' }))
        .join('');
      expect(flatCsvText(store.log.iterate(filter).flatCsv())).toBe(lines);
      expect(flatCsvText(store.log.iterate(filter).flatCsv('scan'))).toBe(lines);
      expect(flatCsvText(store.log.iterate(filter).flatCsv('indexed'))).toBe(lines);
    });
  }

  it('finds entries written after retention pruned older ones, and the time blocks survive the pruning', () => {
    const cutoff = iso(2_000);
    while (store.log.pruneOlderThan(cutoff, 500) > 0);
    all = all.filter((e) => e.activityDateTime >= cutoff);
    const late = { ...entryAt(total), activityDateTime: iso(1_000), id: 'late', changeId: 'late' };
    store.log.insertMany([late]);
    all.push({ ...late, seq: total + 1 });
    const window = { since: iso(900), until: iso(1_100) };
    expect(store.log.page({ ...window, limit: 50 }).entries.map((e) => e.id)).toEqual(
      all
        .filter((e) => matches(e, window))
        .map((e) => e.id)
        .reverse(),
    );
    expect(store.log.page({ ...window, limit: 50 }).entries.map((e) => e.id)).toContain('late');
  });
});
