import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import { exportLogEntries } from '../../src-main/reports/log-export';
import { openStore } from '../../src-main/store/store';
import { makeTempDir } from '../integration/temp-dir';

const entries = Number(process.env['ROSTER_BENCH_LOG_ROWS'] ?? 1_000_000);

/** `npm run bench`: a million provisioning-log entries streamed to CSV with flat memory. */
describe(`export of ${entries} log entries`, () => {
  const dir = makeTempDir('roster-bench-export-');
  afterAll(() => dir.remove());

  it('streams to CSV without holding the rows in memory', async () => {
    const store = openStore({ path: join(dir.path, 'roster.db') });
    const now = new Date().toISOString();
    const jobId = 'scim.bench';
    store.connections.insert({
      id: 's',
      name: 'HR',
      kind: 'csv',
      settings: {},
      secretIds: {},
      createdAt: now,
      updatedAt: now,
    });
    store.connections.insert({
      id: 't',
      name: 'App',
      kind: 'scim',
      settings: {},
      secretIds: {},
      createdAt: now,
      updatedAt: now,
    });
    store.jobs.insert({
      id: jobId,
      name: 'Bench',
      sourceConnectionId: 's',
      targetConnectionId: 't',
      config: {} as never,
      status: 'Active',
      statusInfo: {},
      watermark: null,
      createdAt: now,
      updatedAt: now,
    });
    let started = Date.now();
    const batch: ProvisioningLogEntry[] = [];
    for (let i = 0; i < entries; i++) {
      batch.push({
        id: randomUUID(),
        activityDateTime: now,
        jobId,
        cycleId: 'c1',
        changeId: randomUUID(),
        provisioningAction: 'update',
        status: 'success',
        durationInMilliseconds: 12,
        initiatedBy: { type: 'system', displayName: 'Roster' },
        sourceIdentity: { id: `E${i}`, displayName: `Person ${i}`, identityType: 'User' },
        targetIdentity: { id: `t${i}`, displayName: `Person ${i}`, identityType: 'User' },
        modifiedProperties: [{ displayName: 'title', oldValue: 'Rep', newValue: 'Senior Rep' }],
        provisioningSteps: [
          {
            name: 'Export',
            provisioningStepType: 'export',
            status: 'success',
            description: 'Updated 1 attribute',
            details: {},
          },
        ],
      });
      if (batch.length === 10_000) store.log.insertMany(batch.splice(0));
    }
    store.log.insertMany(batch.splice(0));
    console.log(`[bench] inserted ${entries} log entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
    started = Date.now();
    const [file] = await exportLogEntries(store.log.iterate({ jobId }), {
      dir: dir.path,
      baseName: 'bench',
      format: 'csv',
      bom: true,
      systems: () => ({ source: 'HR', target: 'App' }),
    });
    clearInterval(sampler);
    console.log(
      `[bench] exported ${file?.rows} rows (${Math.round(statSync(file!.path).size / 1e6)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s; heap grew at most ${Math.round((peakHeap - heapBefore) / 1e6)} MB`,
    );
    expect(file?.rows).toBe(entries);
    store.close();
  });
});
