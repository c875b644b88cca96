import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo, type LogRepo } from '../../../src-main/store/log-repo';
import { makeTempDir } from '../temp-dir';

/**
 * The identity walk of a log page (blocks probed in growing runs, dense blocks read alone, sparse
 * ones together) against the plain definition, over 60 blocks of 4,096 seqs: empty stretches, blocks
 * where every entry matches, blocks with one or two matches, and names that equal an id, so one
 * entry matches by name and by id at once.
 */
const blockSize = 4096;
const blocks = 60;

interface Written {
  seq: number;
  entry: ProvisioningLogEntry;
}

function entryAt(block: number, i: number, name: string, sourceId: string): ProvisioningLogEntry {
  const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + (block * 100 + i) * 60_000).toISOString();
  return {
    id: `id-${block}-${i}`,
    activityDateTime: at,
    jobId: i % 2 ? 'job-b' : 'job-a',
    cycleId: `cycle-${block}`,
    changeId: `change-${block}-${i}`,
    provisioningAction: 'update',
    status: i % 3 === 0 ? 'failure' : 'success',
    durationInMilliseconds: 1,
    initiatedBy: { type: 'system', displayName: 'schedule' },
    sourceIdentity: { id: sourceId, displayName: name, identityType: 'User' },
    targetIdentity: { id: `T-${block}-${i}`, displayName: name, identityType: 'User' },
    modifiedProperties: [],
    provisioningSteps: [],
  };
}

/** What block `block` holds: a few entries whose names make dense, sparse and empty blocks. */
function entriesOfBlock(block: number): ProvisioningLogEntry[] {
  if (block % 13 === 5) return Array.from({ length: 30 }, (_, i) => entryAt(block, i, `Dense ${i}`, `D${i}`));
  if (block % 7 === 3) return [entryAt(block, 0, 'Sparse one', `S${block}`), entryAt(block, 1, 'Other', 'O')];
  if (block % 11 === 4) return [entryAt(block, 0, 'Twin', 'Twin'), entryAt(block, 1, 'Sparse two', 'X')];
  if (block % 11 === 9) return [entryAt(block, 0, 'Twin cousin', `C${block}`)];
  return [entryAt(block, 0, 'Other', `O${block}`)];
}

const lower = (text: string) => text.toLowerCase();

function matches(e: ProvisioningLogEntry, q: Omit<LogQuery, 'limit'>): boolean {
  if (q.jobId !== undefined && e.jobId !== q.jobId) return false;
  if (q.status !== undefined && e.status !== q.status) return false;
  const identity = q.identity ?? '';
  return (
    e.sourceIdentity.id === identity ||
    e.targetIdentity.id === identity ||
    lower(e.sourceIdentity.displayName).startsWith(lower(identity))
  );
}

describe('identity pages across many blocks', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: ReturnType<typeof openDatabase>['db'];
  let log: LogRepo;
  const written: Written[] = [];

  beforeAll(() => {
    dir = makeTempDir();
    db = openDatabase({ path: join(dir.path, 'roster.db') }).db;
    db.exec(`
      INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
        VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
      INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
        VALUES ('job-a', 'A', 's', 't', '{}', 'Active', 't', 't'), ('job-b', 'B', 's', 't', '{}', 'Active', 't', 't');
    `);
    log = createLogRepo(db);
    for (let block = 0; block < blocks; block++) {
      // Each block's entries start at its first seq, so the log spans `blocks` blocks with few rows.
      if (block > 0)
        db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'log_entries'").run(
          block * blockSize - 1,
        );
      const entries = entriesOfBlock(block);
      log.insertMany(entries);
      entries.forEach((entry, i) => written.push({ seq: Math.max(1, block * blockSize) + i, entry }));
    }
  });
  afterAll(() => {
    db.close();
    dir.remove();
  });

  const queries: Record<string, Omit<LogQuery, 'limit'>> = {
    'dense prefix': { identity: 'dense' },
    'sparse prefix': { identity: 'Sparse' },
    'a name that is also an id': { identity: 'Twin' },
    'an id only': { identity: 'S10' },
    'no match': { identity: 'Nobody' },
    'dense prefix + job + status': { identity: 'Dense 1', jobId: 'job-b', status: 'failure' },
    'a common prefix': { identity: 'O' },
  };

  for (const [name, query] of Object.entries(queries))
    for (const limit of [1, 5, 40, 500])
      it(`${name}, pages of ${limit}, newest first, every match once`, () => {
        const expected = written
          .filter((w) => matches(w.entry, query))
          .map((w) => w.seq)
          .sort((a, b) => b - a);
        const seen: number[] = [];
        let beforeSeq: number | undefined;
        for (let page = 0; page < 1000; page++) {
          const result = log.page({ ...query, limit, ...(beforeSeq === undefined ? {} : { beforeSeq }) });
          seen.push(...result.entries.map((e) => e.seq));
          expect(result.entries.length).toBe(result.nextBeforeSeq === null ? result.entries.length : limit);
          if (result.nextBeforeSeq === null) break;
          beforeSeq = result.nextBeforeSeq;
        }
        expect(seen).toEqual(expected);
      });
});
