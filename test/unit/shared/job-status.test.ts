import { describe, expect, it } from 'vitest';
import { deriveJobStatus, statusBadge, type JobStatusInput } from '@shared/domain/job-status';
import { emptyCounters, type CycleSummary } from '@shared/domain/provisioning';

const cycle = (over: Partial<CycleSummary> = {}): CycleSummary => ({
  id: 'c1',
  jobId: 'j',
  kind: 'incremental',
  dryRun: false,
  status: 'completed',
  startedAt: '2026-03-02T09:00:00.000Z',
  endedAt: '2026-03-02T09:01:00.000Z',
  initiatedBy: 'schedule',
  counters: emptyCounters(),
  error: null,
  ...over,
});

const input = (over: Partial<JobStatusInput> = {}): JobStatusInput => ({
  stored: { status: 'Active', quarantine: null },
  gaps: [],
  schedule: 'started',
  nextRunAt: '2026-03-02T09:40:00.000Z',
  running: false,
  progress: null,
  lastCycle: cycle(),
  ...over,
});

const stopped = cycle({
  status: 'stopped',
  error: { code: 'EmptySource', message: 'The source read 0 rows' },
});

describe('the one status model (§15)', () => {
  it('derives each code, most important first', () => {
    const cases: [Partial<JobStatusInput>, string][] = [
      [
        { gaps: [{ role: 'target', problem: 'secretNotSet', field: 'bearerToken' }], running: true },
        'NotConfigured',
      ],
      [{ running: true, stored: { status: 'Quarantine', quarantine: null } }, 'Running'],
      [{ stored: { status: 'Disabled', quarantine: { reason: 'x', since: 's', detail: '' } } }, 'Disabled'],
      [
        {
          stored: { status: 'Quarantine', quarantine: { reason: 'x', since: 's', detail: '' } },
          schedule: 'paused',
        },
        'Quarantine',
      ],
      [{ schedule: 'paused' }, 'Paused'],
      [{ schedule: 'notStarted' }, 'Paused'],
      [{ stored: { status: 'NotRun', quarantine: null }, lastCycle: null }, 'NotRun'],
      [{ stored: { status: 'NotRun', quarantine: null }, lastCycle: null, schedule: 'notStarted' }, 'NotRun'],
      [{ stored: { status: 'NotRun', quarantine: null }, lastCycle: null, schedule: 'paused' }, 'Paused'],
      [{}, 'Active'],
    ];
    for (const [over, code] of cases) expect(deriveJobStatus(input(over)).code, code).toBe(code);
  });

  it('shows a stopped or failed cycle, with its reason, until the next good cycle', () => {
    const status = deriveJobStatus(input({ lastCycle: stopped }));
    expect(status.code).toBe('Active');
    expect(status.problem).toEqual({
      cycleId: 'c1',
      outcome: 'stopped',
      code: 'EmptySource',
      message: 'The source read 0 rows',
      at: '2026-03-02T09:01:00.000Z',
    });
    expect(statusBadge(status)).toEqual({ label: 'Stopped', tone: 'warning' });
    // Never "Not run yet" beside "Stopped": a first cycle that stopped says Stopped.
    const first = deriveJobStatus(
      input({ stored: { status: 'NotRun', quarantine: null }, lastCycle: stopped }),
    );
    expect(statusBadge(first).label).toBe('Stopped');
    expect(statusBadge(deriveJobStatus(input({ lastCycle: cycle({ status: 'failed' }) })))).toEqual({
      label: 'Failed',
      tone: 'error',
    });
    // The next good cycle clears it; a dry run neither sets nor clears it.
    expect(deriveJobStatus(input()).problem).toBeNull();
    expect(
      deriveJobStatus(input({ lastCycle: cycle({ status: 'failed', dryRun: true }) })).problem,
    ).toBeNull();
    // Paused by the admin, the badge says Paused; the problem is still there for the job page.
    const paused = deriveJobStatus(input({ schedule: 'paused', lastCycle: cycle({ status: 'cancelled' }) }));
    expect(statusBadge(paused).label).toBe('Paused');
    expect(paused.problem?.outcome).toBe('cancelled');
  });

  it('labels a job that was never started, and gives each code a tone', () => {
    expect(statusBadge(deriveJobStatus(input({ schedule: 'notStarted' })))).toEqual({
      label: 'NotStarted',
      tone: 'default',
    });
    expect(statusBadge(deriveJobStatus(input()))).toEqual({ label: 'Active', tone: 'success' });
    expect(statusBadge(deriveJobStatus(input({ running: true })))).toEqual({
      label: 'Running',
      tone: 'info',
    });
  });

  it('carries the next run, the progress while running, and the quarantine with its next attempt and hint', () => {
    expect(deriveJobStatus(input()).nextRunAt).toBe('2026-03-02T09:40:00.000Z');
    const progress = {
      jobId: 'j',
      cycleId: 'c2',
      dryRun: false,
      phase: 'users' as const,
      processed: 3,
      total: 10,
      percent: 30,
      counters: emptyCounters(),
    };
    expect(deriveJobStatus(input({ running: true, progress })).progress).toEqual(progress);
    expect(deriveJobStatus(input({ progress })).progress).toBeNull();
    const q = deriveJobStatus(
      input({
        stored: {
          status: 'Quarantine',
          quarantine: { reason: 'EncounteredQuarantineException', since: 's', detail: '401' },
        },
        nextRunAt: '2026-03-02T15:00:00.000Z',
      }),
    );
    expect(q.quarantine).toEqual({
      reason: 'EncounteredQuarantineException',
      since: 's',
      detail: '401',
      nextAttemptAt: '2026-03-02T15:00:00.000Z',
      hint: 'checkConnection',
    });
    const deletes = deriveJobStatus(
      input({
        stored: { status: 'Quarantine', quarantine: { reason: 'TooManyDeletes', since: 's', detail: '' } },
      }),
    );
    expect(deletes.quarantine?.hint).toBe('reviewDeletes');
    const disabled = deriveJobStatus(
      input({
        stored: {
          status: 'Disabled',
          quarantine: { reason: 'EncounteredTotalEscrowThreshold', since: 's', detail: '' },
        },
      }),
    );
    expect(disabled.nextRunAt).toBeNull();
    expect(disabled.quarantine).toMatchObject({ nextAttemptAt: null, hint: 'reviewFailures' });
  });
});
