import { describe, expect, it } from 'vitest';
import type { SourceChangePoll, SourceConnector } from '../../../../src-main/connectors/connector';
import type { SourceWatchDeps } from '../../../../src-main/scheduler/change-triggers/trigger-set';
import { FakeTime, settle } from './fake-time';
import { FakeWorld } from './fake-world';

/**
 * A directory source on fake time: `change()` is an edit in the directory; its poll says "changed"
 * when an edit is newer than the watermark the scheduler passes (as the LDAP connector's does).
 */
class FakeDirectory {
  edits = 0;
  polls = 0;
  closed = 0;
  opened = 0;
  change(): void {
    this.edits++;
  }
  source(): SourceConnector {
    this.opened++;
    return {
      capabilities: { delta: true, groups: false, nestedGroups: false },
      testConnection: () => Promise.reject(new Error('not used')),
      discoverSchema: () => Promise.reject(new Error('not used')),
      read: () => Promise.reject(new Error('not used')),
      pollChanges: (watermark): Promise<SourceChangePoll> => {
        this.polls++;
        return Promise.resolve({ changed: this.edits > Number(watermark ?? 0), by: 'csn' });
      },
      close: () => {
        this.closed++;
        return Promise.resolve();
      },
    };
  }
}

function world(watching = true) {
  const time = new FakeTime('2026-03-02T09:00:00.000Z');
  const directory = new FakeDirectory();
  const sourceWatch: SourceWatchDeps = {
    watchKey: (jobId) => (w.jobs.get(jobId)?.config.settings.watchSource === false ? null : 'dir'),
    openSource: () => Promise.resolve(directory.source()),
    timing: { directoryPollMs: 60_000 },
  };
  const w: FakeWorld = new FakeWorld(time, { sourceWatch });
  w.addJob('a', { intervalMinutes: 40, cycleMs: 90_000 });
  if (!watching) {
    const job = w.jobs.get('a');
    if (job) job.config.settings.watchSource = false;
  }
  return { time, w, directory };
}

/** The watermark a completed cycle stores: how many edits it saw (set at the cycle's start). */
function completeWithWatermark(w: FakeWorld, directory: FakeDirectory) {
  const seen = directory.edits;
  return () => {
    const job = w.jobs.get('a');
    if (job) w.jobs.set('a', { ...job, watermark: String(seen) });
  };
}

describe('fast deprovisioning in the scheduler, on fake time', () => {
  it('starts a cycle within a minute of a directory change, and none while nothing changes', async () => {
    const { time, w, directory } = world();
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await settle();
    const recordFirst = completeWithWatermark(w, directory);
    await time.advance(90_000);
    recordFirst();
    expect(w.cycles).toHaveLength(1);
    expect(w.scheduler.sourceWatchOf('a')).toEqual({ kind: 'poll', everySeconds: 60, by: 'csn' });

    await time.advanceMinutes(10);
    expect(w.cycles).toHaveLength(1);
    expect(directory.polls).toBeGreaterThanOrEqual(10);

    directory.change();
    await time.advance(60_000);
    expect(w.cycles).toHaveLength(2);
    expect(w.cycles[1]?.initiatedBy).toBe('source change');
    await w.scheduler.stop();
  });

  it('queues exactly one follow-up cycle for changes during a running cycle', async () => {
    const { time, w, directory } = world();
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await settle();
    await time.advance(90_000);
    w.jobs.set('a', { ...w.jobs.get('a')!, watermark: '0' });

    directory.change();
    await time.advance(60_000); // the poll fires: cycle 2 starts and runs 90 s
    expect(w.cycles).toHaveLength(2);
    const record = completeWithWatermark(w, directory);
    // The poll that comes while cycle 2 runs sees the same watermark it fired on: quiet.
    directory.change();
    directory.change();
    await time.advance(60_000);
    expect(w.cycles).toHaveLength(2);
    await time.advance(30_000); // cycle 2 ends, having seen only the first change
    record();
    await time.advance(60_000); // the next poll sees changes after the new watermark: one more cycle
    expect(w.cycles).toHaveLength(3);
    await time.advance(90_000);
    w.jobs.set('a', { ...w.jobs.get('a')!, watermark: String(directory.edits) });
    await time.advanceMinutes(5);
    expect(w.cycles).toHaveLength(3);
    await w.scheduler.stop();
  });

  it('runs one follow-up, not one per change, when changes arrive while the cycle runs', async () => {
    const { time, w, directory } = world();
    w.cycleMs.set('a', 5 * 60_000);
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await settle();
    // Four polls during the 5-minute initial cycle each see a change the poll before did not (the
    // watermark moves under them, as another process's cycles would move it): four signals.
    for (let minute = 1; minute <= 4; minute++) {
      directory.change();
      w.jobs.set('a', { ...w.jobs.get('a')!, watermark: String(directory.edits - 1) });
      await time.advance(60_000);
    }
    expect(directory.polls).toBe(4);
    expect(w.cycles).toHaveLength(1);
    await time.advance(60_000); // the cycle ends: exactly one follow-up starts at once
    expect(w.cycles).toHaveLength(2);
    expect(w.cycles[1]?.startedAt).toBe(w.cycles[0]?.endedAt);
    expect(w.cycles[1]?.initiatedBy).toBe('source change');
    w.jobs.set('a', { ...w.jobs.get('a')!, watermark: String(directory.edits) });
    await time.advanceMinutes(20);
    expect(w.cycles).toHaveLength(2);
    await w.scheduler.stop();
  });

  it('does not trigger a paused job, closes its watch on pause and on stop, and reopens on resume', async () => {
    const { time, w, directory } = world();
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advance(90_000);
    w.jobs.set('a', { ...w.jobs.get('a')!, watermark: '0' });
    w.scheduler.pauseJob('a', 'admin');
    await settle();
    expect(directory.closed).toBe(1);
    expect(w.scheduler.sourceWatchOf('a')).toBeNull();
    directory.change();
    await time.advanceMinutes(10);
    expect(w.cycles).toHaveLength(1);

    w.scheduler.startJob('a', 'admin'); // resume: overdue? no (interval 40) — the poll finds the change
    await time.advance(60_000);
    expect(w.cycles).toHaveLength(2);
    expect(directory.opened).toBe(2);
    await w.scheduler.stop();
    expect(directory.closed).toBe(2);
    const polls = directory.polls;
    await time.advanceMinutes(10);
    expect(directory.polls).toBe(polls);
  });

  it('watches nothing when the job switches fast deprovisioning off', async () => {
    const { time, w, directory } = world(false);
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advance(90_000);
    directory.change();
    await time.advanceMinutes(10);
    expect(directory.opened).toBe(0);
    expect(w.scheduler.sourceWatchOf('a')).toBeNull();
    expect(w.cycles).toHaveLength(1);
    await w.scheduler.stop();
  });

  it('leaves a quarantined job to its quarantine schedule', async () => {
    const { time, w, directory } = world();
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advance(90_000);
    w.jobs.set('a', {
      ...w.jobs.get('a')!,
      watermark: '0',
      status: 'Quarantine',
      statusInfo: {
        quarantine: {
          reason: 'EncounteredQuarantineException',
          since: w.time.now().toISOString(),
          detail: '401',
        },
      },
    });
    directory.change();
    await time.advanceMinutes(10);
    expect(w.cycles).toHaveLength(1);
    await w.scheduler.stop();
  });
});
