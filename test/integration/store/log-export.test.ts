import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import { exportLogEntries } from '../../../src-main/reports/log-export';
import { openStore, type Store } from '../../../src-main/store/store';
import { logEntry, seedJob } from '../retention/log-entries';
import { makeTempDir } from '../temp-dir';

/** Entries with the values an export must survive: commas, quotes, line breaks, formulas, Korean. */
function hostileEntries(jobId: string): ProvisioningLogEntry[] {
  const plain = logEntry(jobId, '2026-01-01T00:00:00.000Z', 'E1');
  const failed: ProvisioningLogEntry = {
    ...logEntry(jobId, '2026-01-01T00:01:00.000Z', '=HYPERLINK("http://x")'),
    status: 'failure',
    sourceIdentity: {
      id: '=HYPERLINK("http://x")',
      displayName: 'Park, "Minji"\n박민지',
      identityType: 'User',
    },
    errorInformation: {
      errorCode: 'HttpConflict',
      errorCategory: 'NonServiceFailure',
      reason: '+1 line\r\nbreak',
    },
    modifiedProperties: [
      { displayName: 'mail', oldValue: null, newValue: '@minji@example.com' },
      { displayName: 'userName', oldValue: 'old', newValue: 'minji.park' },
    ],
    provisioningSteps: [
      {
        name: 'Export',
        provisioningStepType: 'export',
        status: 'failure',
        description: 'POST /Users answered 409',
        details: { status: '409' },
      },
    ],
  };
  const group: ProvisioningLogEntry = {
    ...logEntry(jobId, '2026-01-01T00:02:00.000Z', 'G1'),
    sourceIdentity: { id: 'G1', displayName: 'Sales', identityType: 'Group' },
    targetIdentity: { id: null, displayName: null, identityType: 'Group' },
    modifiedProperties: [{ displayName: 'displayName', oldValue: '-old', newValue: 'Sales' }],
  };
  return [plain, failed, group];
}

describe('provisioning log export', () => {
  const dir = makeTempDir();
  let store: Store;
  let jobId: string;
  const options = (format: 'csv' | 'json' | 'csv-full', baseName: string) => ({
    dir: dir.path,
    baseName,
    format,
    bom: true,
    systems: () => ({ source: 'HR', target: 'App' }),
  });

  beforeAll(() => {
    store = openStore({ path: join(dir.path, 'roster.db') });
    jobId = seedJob(store);
    store.log.insertMany(hostileEntries(jobId));
  });
  afterAll(() => {
    store.close();
    dir.remove();
  });

  it('writes the flat CSV from the store’s column-only read exactly as from whole entries', async () => {
    const [fromStore] = await exportLogEntries(store.log.iterate({ jobId }), options('csv', 'store'));
    const [fromEntries] = await exportLogEntries(
      [...store.log.iterate({ jobId })],
      options('csv', 'entries'),
    );
    expect(fromStore?.rows).toBe(3);
    const text = readFileSync(fromStore?.path ?? '', 'utf8');
    expect(text).toBe(readFileSync(fromEntries?.path ?? '', 'utf8'));
    expect(text.startsWith('\uFEFFtime,job,cycle,action,status,')).toBe(true);

    const rows = parse<Record<string, string>>(text.slice(1), { columns: true });
    expect(rows[1]).toEqual({
      time: '2026-01-01T00:01:00.000Z',
      job: 'HR → App',
      cycle: 'cycle-2026-01-01',
      action: 'update',
      status: 'failure',
      errorCode: 'HttpConflict',
      reason: "'+1 line\r\nbreak",
      sourceKey: `'=HYPERLINK("http://x")`,
      sourceDisplayName: 'Park, "Minji"\n박민지',
      targetId: 't-=HYPERLINK("http://x")',
      userNameOrEmail: 'minji.park',
      modifiedProperties: 'mail: ∅ → @minji@example.com; userName: old → minji.park',
      changeId: rows[1]?.['changeId'] ?? '',
    });
    expect(rows[2]?.['targetId']).toBe('');
    expect(rows[2]?.['modifiedProperties']).toBe('displayName: -old → Sales');
  });

  it('writes the JSON array of whole entries, which reads back to what was logged', async () => {
    const [file] = await exportLogEntries(store.log.iterate({ jobId }), options('json', 'all'));
    const read = JSON.parse(readFileSync(file?.path ?? '', 'utf8')) as ProvisioningLogEntry[];
    expect(read).toEqual([...store.log.iterate({ jobId })]);
    expect(read[1]?.provisioningSteps[0]?.details).toEqual({ status: '409' });
  });

  it('writes the three joined CSV files, formula-safe, with one row per step and per changed attribute', async () => {
    const files = await exportLogEntries(store.log.iterate({ jobId }), options('csv-full', 'full'));
    expect(files.map((f) => f.rows)).toEqual([3, 1, 3]);
    const [logs, steps, modified] = files.map((f) =>
      parse<Record<string, string>>(readFileSync(f.path, 'utf8').slice(1), { columns: true }),
    );
    expect(logs?.[1]?.['sourceIdentityId']).toBe(`'=HYPERLINK("http://x")`);
    expect(logs?.[1]?.['sourceSystem']).toBe('HR');
    expect(steps?.[0]).toMatchObject({ stepNumber: '1', status: 'failure', details: '{"status":"409"}' });
    expect(modified?.map((m) => m['newValue'])).toEqual(["'@minji@example.com", 'minji.park', 'Sales']);
  });

  it('exports only the entries the filter keeps, an identity by name prefix among them', async () => {
    const [file] = await exportLogEntries(
      store.log.iterate({ jobId, identity: 'park' }),
      options('csv', 'park'),
    );
    expect(file?.rows).toBe(1);
    const [none] = await exportLogEntries(
      store.log.iterate({ jobId, since: '2027-01-01T00:00:00.000Z' }),
      options('csv', 'none'),
    );
    expect(none?.rows).toBe(0);
    expect(readFileSync(none?.path ?? '', 'utf8')).toBe(
      '\uFEFFtime,job,cycle,action,status,errorCode,reason,sourceKey,sourceDisplayName,targetId,userNameOrEmail,modifiedProperties,changeId\r\n',
    );
  });
});
