import { randomUUID } from 'node:crypto';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { Store } from '../../../src-main/store/store';

/** A connection pair and a job to hang log entries on; returns the job id. */
export function seedJob(store: Store, jobId = 'job-1'): string {
  const now = '2026-01-01T00:00:00.000Z';
  for (const [id, name, kind] of [
    ['s', 'HR', 'csv'],
    ['t', 'App', 'scim'],
  ] as const)
    store.connections.insert({ id, name, kind, settings: {}, secretIds: {}, createdAt: now, updatedAt: now });
  store.jobs.insert({
    id: jobId,
    name: 'HR → App',
    sourceConnectionId: 's',
    targetConnectionId: 't',
    config: {} as never,
    status: 'Active',
    statusInfo: {},
    watermark: null,
    createdAt: now,
    updatedAt: now,
  });
  return jobId;
}

/** One ordinary log entry, written at `at`, named `key` (so a test can tell which survived). */
export function logEntry(jobId: string, at: string, key: string): ProvisioningLogEntry {
  return {
    id: randomUUID(),
    activityDateTime: at,
    jobId,
    cycleId: `cycle-${at.slice(0, 10)}`,
    changeId: randomUUID(),
    provisioningAction: 'update',
    status: 'success',
    durationInMilliseconds: 5,
    initiatedBy: { type: 'system', displayName: 'schedule' },
    sourceIdentity: { id: key, displayName: key, identityType: 'User' },
    targetIdentity: { id: `t-${key}`, displayName: key, identityType: 'User' },
    modifiedProperties: [],
    provisioningSteps: [],
  };
}

/** The source keys of the entries left, oldest first. */
export function keysLeft(store: Store, jobId: string): string[] {
  return [...store.log.iterate({ jobId })].map((e) => e.sourceIdentity.id);
}
