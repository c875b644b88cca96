import { describe, expect, it } from 'vitest';
import type { StoredJobStatus } from '@shared/domain/job-status';
import type { CycleHealth } from '../../../../src-main/engine/cycle-health';
import { nextJobStatus } from '../../../../src-main/engine/job-status-update';
import type { JobRecord, JobStatusInfo } from '../../../../src-main/store/jobs-repo';

const t = (h: number) => new Date(Date.UTC(2026, 2, 2, 9) + h * 3_600_000).toISOString();

function job(status: StoredJobStatus, info: JobStatusInfo = {}): JobRecord {
  return {
    id: 'j1',
    name: 'HR → App',
    sourceConnectionId: 's',
    targetConnectionId: 't',
    config: {} as JobRecord['config'],
    status,
    statusInfo: info,
    watermark: null,
    createdAt: t(-100),
    updatedAt: t(-1),
  };
}

const quarantined = (reason: string, since: string, seriesBegan = since, seriesCount = 1): JobStatusInfo => ({
  lastCompletedAt: t(-2),
  quarantine: { reason, since, detail: 'before', seriesBegan, seriesCount },
});

const healthy: CycleHealth = { kind: 'healthy' };
const unhealthy = (reason: string): CycleHealth => ({ kind: 'unhealthy', reason, detail: `${reason} now` });
const completed = { cycleId: 'c1', steady: false };

/**
 * The job's stored status after a cycle, row by row (§10.3 through the quarantine table): what it
 * becomes, what the stored quarantine says, and which notice someone is told.
 */
describe('the status a cycle leaves', () => {
  const rows: {
    name: string;
    before: JobRecord;
    health: CycleHealth;
    done: typeof completed | null;
    status: StoredJobStatus;
    reason: string | null;
    since?: string;
    seriesBegan?: string;
    seriesCount?: number;
    effect: string | null;
  }[] = [
    {
      name: 'first cycle completes',
      before: job('NotRun'),
      health: healthy,
      done: completed,
      status: 'Active',
      reason: null,
      effect: null,
    },
    {
      name: 'healthy stays healthy',
      before: job('Active', { lastCompletedAt: t(-1) }),
      health: healthy,
      done: completed,
      status: 'Active',
      reason: null,
      effect: null,
    },
    {
      name: 'a stopped cycle with no verdict changes nothing',
      before: job('Active', { lastCompletedAt: t(-1) }),
      health: null,
      done: null,
      status: 'Active',
      reason: null,
      effect: null,
    },
    {
      name: 'a stopped first cycle leaves NotRun',
      before: job('NotRun'),
      health: null,
      done: null,
      status: 'NotRun',
      reason: null,
      effect: null,
    },
    {
      name: 'a failed check quarantines',
      before: job('Active', { lastCompletedAt: t(-1) }),
      health: unhealthy('EncounteredQuarantineException'),
      done: null,
      status: 'Quarantine',
      reason: 'EncounteredQuarantineException',
      since: t(0),
      seriesBegan: t(0),
      seriesCount: 1,
      effect: 'entered',
    },
    {
      name: 'held-back deletes quarantine a job that never completed before',
      before: job('NotRun'),
      health: unhealthy('TooManyDeletes'),
      done: completed,
      status: 'Quarantine',
      reason: 'TooManyDeletes',
      since: t(0),
      effect: 'entered',
    },
    {
      name: 'the same reason again: nothing new to tell, the schedule keeps its start',
      before: job('Quarantine', quarantined('EncounteredQuarantineException', t(-6))),
      health: unhealthy('EncounteredQuarantineException'),
      done: null,
      status: 'Quarantine',
      reason: 'EncounteredQuarantineException',
      since: t(-6),
      seriesBegan: t(-6),
      seriesCount: 1,
      effect: null,
    },
    {
      name: 'a new reason restarts the attempt schedule within the same series',
      before: job('Quarantine', quarantined('TooManyDeletes', t(-6))),
      health: unhealthy('EncounteredQuarantineException'),
      done: null,
      status: 'Quarantine',
      reason: 'EncounteredQuarantineException',
      since: t(0),
      seriesBegan: t(-6),
      seriesCount: 2,
      effect: 'reasonChanged',
    },
    {
      name: 'a healthy attempt recovers',
      before: job('Quarantine', quarantined('EncounteredQuarantineException', t(-6))),
      health: healthy,
      done: completed,
      status: 'Active',
      reason: null,
      effect: 'recovered',
    },
    {
      name: '28 days into the series, a failing attempt disables the job',
      before: job('Quarantine', quarantined('EncounteredQuarantineException', t(-24 * 20), t(-24 * 28))),
      health: unhealthy('EncounteredQuarantineException'),
      done: null,
      status: 'Disabled',
      reason: 'EncounteredQuarantineException',
      effect: 'disabled',
    },
    {
      name: 'a Disabled job run by hand and healthy recovers',
      before: job('Disabled', quarantined('EncounteredQuarantineException', t(-24 * 30))),
      health: healthy,
      done: completed,
      status: 'Active',
      reason: null,
      effect: 'recovered',
    },
    {
      name: 'a Disabled job run by hand and still failing stays Disabled',
      before: job('Disabled', quarantined('EncounteredQuarantineException', t(-24 * 30))),
      health: unhealthy('EncounteredQuarantineException'),
      done: null,
      status: 'Disabled',
      reason: 'EncounteredQuarantineException',
      effect: null,
    },
  ];

  for (const row of rows) {
    it(row.name, () => {
      const next = nextJobStatus(row.before, row.health, t(0), row.done);
      expect(next.status).toBe(row.status);
      expect(next.info.quarantine?.reason ?? null).toBe(row.reason);
      if (row.since) expect(next.info.quarantine?.since).toBe(row.since);
      if (row.seriesBegan) expect(next.info.quarantine?.seriesBegan).toBe(row.seriesBegan);
      if (row.seriesCount) expect(next.info.quarantine?.seriesCount).toBe(row.seriesCount);
      expect(next.notice?.effect ?? null).toBe(row.effect);
      if (row.health?.kind === 'unhealthy' && row.reason)
        expect(next.info.quarantine?.detail).toBe(row.health.detail);
    });
  }

  it('records the completed cycle and consumes "Allow deletes"', () => {
    const before = job('Quarantine', { ...quarantined('TooManyDeletes', t(-1)), allowDeletes: true });
    const next = nextJobStatus(before, healthy, t(0), { cycleId: 'c9', steady: true });
    expect(next.info).toMatchObject({
      lastCycleId: 'c9',
      lastCompletedAt: t(0),
      steadyStateLastAchievedTime: t(0),
    });
    expect(next.info.allowDeletes).toBeUndefined();
    expect(next.notice).toMatchObject({
      effect: 'recovered',
      jobId: 'j1',
      quarantine: { reason: 'TooManyDeletes' },
    });
  });
});
