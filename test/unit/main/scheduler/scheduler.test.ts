import { describe, expect, it } from 'vitest';
import { FakeTime, settle } from './fake-time';
import { FakeWorld } from './fake-world';

const t0 = '2026-03-02T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

function world(options: ConstructorParameters<typeof FakeWorld>[1] = {}) {
  const time = new FakeTime(t0);
  return { time, w: new FakeWorld(time, options) };
}

describe('the scheduler on fake time', () => {
  it('runs the first cycle at Start, then every interval counted from the previous START', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 40, cycleMs: 5 * 60_000 });
    w.scheduler.start();
    expect(w.startsOf('a')).toEqual([]); // never started: nothing runs
    w.scheduler.startJob('a', 'admin');
    await settle();
    expect(w.startsOf('a')).toEqual([at(0)]);
    // The cycle Start runs is the admin's; the ones after it are the schedule's.
    expect(w.cycles[0]?.initiatedBy).toBe('admin');
    await time.advanceMinutes(39);
    expect(w.startsOf('a')).toEqual([at(0)]);
    expect(w.scheduler.nextRunAt('a')).toBe(at(40));
    await time.advanceMinutes(1);
    expect(w.startsOf('a')).toEqual([at(0), at(40)]);
    await time.advanceMinutes(80);
    expect(w.startsOf('a')).toEqual([at(0), at(40), at(80), at(120)]);
    expect(w.finished.map((c) => c.status)).toEqual(['completed', 'completed', 'completed']);
    expect(w.cycles[1]?.initiatedBy).toBe('schedule');
    await w.scheduler.stop();
  });

  it('starts the next cycle as soon as a cycle longer than the interval ends', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 10, cycleMs: 25 * 60_000 });
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advanceMinutes(60);
    expect(w.startsOf('a')).toEqual([at(0), at(25), at(50)]);
    await w.scheduler.stop();
  });

  it('runs an overdue job at launch, and waits for one that is not due yet', async () => {
    const { time, w } = world();
    w.addJob('late', { intervalMinutes: 40, status: 'Active' });
    w.addJob('soon', { intervalMinutes: 40, status: 'Active' });
    w.schedules.set('late', { jobId: 'late', state: 'started', changedAt: at(-500), changedBy: 'x' });
    w.schedules.set('soon', { jobId: 'soon', state: 'started', changedAt: at(-500), changedBy: 'x' });
    w.addPastCycle('late', at(-120));
    w.addPastCycle('soon', at(-10));
    expect(w.scheduler.nextRunAt('late')).toBe(at(-80)); // overdue: shown as due in the past
    w.scheduler.start();
    await settle();
    expect(w.startsOf('late')).toEqual([at(-120), at(0)]);
    expect(w.startsOf('soon')).toEqual([at(-10)]);
    await time.advanceMinutes(30);
    expect(w.startsOf('soon')).toEqual([at(-10), at(30)]);
    await w.scheduler.stop();
  });

  it('pauses (stopping the running cycle, starting no new one) and resumes', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 40, cycleMs: 10 * 60_000 });
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advanceMinutes(2);
    expect(w.scheduler.pauseJob('a', 'admin')).toEqual({ cancelled: true });
    await settle();
    expect(w.finished.map((c) => c.status)).toEqual(['cancelled']);
    expect(w.scheduler.scheduleOf('a')).toBe('paused');
    expect(w.scheduler.nextRunAt('a')).toBeNull();
    await time.advanceMinutes(300);
    expect(w.startsOf('a')).toEqual([at(0)]);
    // Resumed long after the next run was due: it runs at once, then on the interval again.
    w.scheduler.startJob('a', 'admin');
    await settle();
    expect(w.startsOf('a')).toEqual([at(0), at(302)]);
    await time.advanceMinutes(40);
    expect(w.startsOf('a')).toEqual([at(0), at(302), at(342)]);
    await w.scheduler.stop();
  });

  it('runs now once, never twice at a time, and outside the schedule', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 40, cycleMs: 10 * 60_000 });
    w.scheduler.start();
    // Not started: Run now runs one cycle and leaves the schedule off.
    expect(w.scheduler.runNow('a', 'admin')).toBe('started');
    expect(w.scheduler.runNow('a', 'admin')).toBe('alreadyRunning');
    await time.advanceMinutes(1);
    expect(w.scheduler.runNow('a', 'admin')).toBe('alreadyRunning');
    await time.advanceMinutes(200);
    expect(w.startsOf('a')).toEqual([at(0)]);
    expect(w.cycles[0]?.initiatedBy).toBe('admin');
    expect(w.scheduler.scheduleOf('a')).toBe('notStarted');
    await w.scheduler.stop();
  });

  it('runs at most the configured number of jobs at once; the others wait for a slot', async () => {
    const { time, w } = world();
    for (const id of ['a', 'b', 'c']) w.addJob(id, { intervalMinutes: 60, cycleMs: 10 * 60_000 });
    w.scheduler.start();
    for (const id of ['a', 'b', 'c']) w.scheduler.startJob(id, 'admin');
    await settle();
    expect(w.running.size).toBe(2);
    expect([...w.running.keys()]).toEqual(['a', 'b']);
    // Run now joins the queue (first in line) rather than exceeding the limit.
    expect(w.scheduler.runNow('c', 'admin')).toBe('queued');
    expect(w.scheduler.runNow('c', 'admin')).toBe('queued');
    await time.advanceMinutes(10);
    expect(w.startsOf('c')).toEqual([at(10)]);
    expect(w.cycles.filter((c) => c.jobId === 'c')).toHaveLength(1);

    w.scheduler.updateSettings({ maxConcurrentJobs: 1 });
    await time.advanceMinutes(50); // a and b are due at 60
    await time.advanceMinutes(10);
    expect(w.running.size).toBe(1);
    await time.advanceMinutes(10);
    expect(w.startsOf('a')).toEqual([at(0), at(60)]);
    expect(w.startsOf('b')).toEqual([at(0), at(70)]);
    await w.scheduler.stop();
  });

  it('notices a sleep with the monotonic clock and runs the missed cycle once on wake', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 40, cycleMs: 60_000 });
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advanceMinutes(10);
    time.sleep(3 * 60 * 60_000); // the lid is closed for three hours: no timer fires
    expect(w.startsOf('a')).toEqual([at(0)]);
    await time.advance(15_000); // the first tick after waking
    expect(w.log.some((line) => /slept or the clock moved forward \(180 min\)/.test(line))).toBe(true);
    // One cycle for the missed ones, not one per 40 minutes slept.
    expect(w.startsOf('a')).toEqual([at(0), at(190.25)]);
    await time.advanceMinutes(39);
    expect(w.startsOf('a')).toHaveLength(2);
    await time.advanceMinutes(1);
    expect(w.startsOf('a')).toEqual([at(0), at(190.25), at(230.25)]);
    await w.scheduler.stop();
  });

  it('runs missed cycles at once when the shell reports a resume', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 40, cycleMs: 60_000 });
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advanceMinutes(5);
    time.sleep(60 * 60_000);
    w.scheduler.onResume();
    await settle();
    expect(w.startsOf('a')).toEqual([at(0), at(65)]);
    await w.scheduler.stop();
  });

  it('runs once, then keeps the interval, when the clock is set back', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 40, cycleMs: 60_000 });
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advanceMinutes(20);
    time.setWall(at(-100));
    await time.advance(15_000);
    expect(w.log.some((line) => /clock was set back/.test(line))).toBe(true);
    expect(w.startsOf('a')).toEqual([at(0), at(-99.75)]);
    await time.advanceMinutes(40);
    expect(w.startsOf('a')).toEqual([at(0), at(-99.75), at(-59.75)]);
    await w.scheduler.stop();
  });

  it('leaves a job another process runs alone, without spending a slot on it', async () => {
    const { time, w } = world();
    w.settings = { maxConcurrentJobs: 1 };
    w.addJob('a', { intervalMinutes: 40 });
    w.addJob('b', { intervalMinutes: 40 });
    w.elsewhere.add('a');
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    w.scheduler.startJob('b', 'admin');
    await settle();
    expect(w.startsOf('a')).toEqual([]);
    expect(w.startsOf('b')).toEqual([at(0)]);
    expect(w.scheduler.runNow('a', 'admin')).toBe('alreadyRunning');
    w.elsewhere.delete('a');
    await time.advanceMinutes(1); // b ends, the tick looks again
    expect(w.startsOf('a')).toEqual([at(1)]);
    await w.scheduler.stop();
  });

  it('does not retry in a loop a cycle that fails before it is recorded', async () => {
    const { time, w } = world({
      prepare: () => Promise.reject(new Error('sandbox would not start')),
    });
    w.addJob('a', { intervalMinutes: 40 });
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    await time.advanceMinutes(39);
    expect(w.log.filter((line) => line.includes('did not start'))).toHaveLength(1);
    await time.advanceMinutes(1);
    expect(w.log.filter((line) => line.includes('did not start'))).toHaveLength(2);
    await w.scheduler.stop();
  });

  it('survives a store that fails for a moment, and tries again at the next tick', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 40 });
    w.schedules.set('a', { jobId: 'a', state: 'started', changedAt: t0, changedBy: 'x' });
    const settings = w.settings;
    let failures = 1;
    Object.defineProperty(w, 'settings', {
      get: () => {
        if (failures-- > 0) throw new Error('SQLITE_BUSY: database is locked');
        return settings;
      },
    });
    w.scheduler.start();
    expect(w.log.some((line) => line.includes('SQLITE_BUSY'))).toBe(true);
    expect(w.startsOf('a')).toEqual([]);
    await time.advance(15_000);
    expect(w.startsOf('a')).toEqual([at(0.25)]);
    await w.scheduler.stop();
  });

  it('stops: cancels running cycles at a safe point, waits for them, and starts nothing more', async () => {
    const { time, w } = world();
    w.addJob('a', { intervalMinutes: 1, cycleMs: 30 * 60_000 });
    w.addJob('b', { intervalMinutes: 1, cycleMs: 30 * 60_000 });
    w.scheduler.start();
    w.scheduler.startJob('a', 'admin');
    w.scheduler.startJob('b', 'admin');
    await time.advanceMinutes(1);
    let stopped = false;
    const stopping = w.scheduler.stop().then(() => (stopped = true));
    await settle();
    await stopping;
    expect(stopped).toBe(true);
    expect(w.running.size).toBe(0);
    expect(w.finished.map((c) => c.status)).toEqual(['cancelled', 'cancelled']);
    await time.advanceMinutes(120);
    expect(w.cycles).toHaveLength(2);
    expect(time.timerCount()).toBe(0);
  });

  it('runs quarantine attempts at +6 h, +12 h, +24 h, then daily, and disables the job after 28 days', async () => {
    const time = new FakeTime(t0);
    const notices: string[] = [];
    // Hourly looks are enough for a schedule in hours, and keep 28 fake days quick.
    const q = new FakeWorld(time, {
      onQuarantine: (n) => notices.push(`${n.effect} ${n.jobId}`),
      tickMs: 60 * 60_000,
    });
    q.addJob('a', {
      intervalMinutes: 40,
      status: 'Quarantine',
      info: { quarantine: { reason: 'EncounteredQuarantineException', since: t0, detail: '401' } },
      cycleMs: 60_000,
    });
    q.addPastCycle('a', at(-1));
    q.schedules.set('a', { jobId: 'a', state: 'started', changedAt: at(-100), changedBy: 'x' });
    q.scheduler.start();
    expect(q.scheduler.nextRunAt('a')).toBe(at(6 * 60));
    await time.advanceMinutes(5 * 24 * 60);
    expect(q.startsOf('a').slice(1)).toEqual([
      at(6 * 60),
      at(12 * 60),
      at(24 * 60),
      at(48 * 60),
      at(72 * 60),
      at(96 * 60),
      at(120 * 60),
    ]);
    await time.advanceMinutes(23 * 24 * 60);
    expect(q.jobs.get('a')?.status).toBe('Disabled');
    expect(notices).toEqual(['disabled a']);
    expect(q.scheduler.nextRunAt('a')).toBeNull();
    const attempts = q.startsOf('a').length;
    await time.advanceMinutes(3 * 24 * 60);
    expect(q.startsOf('a')).toHaveLength(attempts);
    // The admin starts it again: the quarantine is lifted and it runs at once.
    q.scheduler.startJob('a', 'admin');
    await settle();
    expect(q.jobs.get('a')?.status).toBe('NotRun');
    expect(q.jobs.get('a')?.statusInfo.quarantine).toBeUndefined();
    expect(q.startsOf('a')).toHaveLength(attempts + 1);
    expect(notices).toEqual(['disabled a', 'lifted a']);
    await q.scheduler.stop();
  });

  it('gives every job its next run time as an ISO string', async () => {
    const { w } = world();
    w.addJob('a', { intervalMinutes: 15 });
    expect(w.scheduler.nextRunAt('a')).toBeNull();
    w.schedules.set('a', { jobId: 'a', state: 'started', changedAt: t0, changedBy: 'x' });
    expect(w.scheduler.nextRunAt('a')).toBe(t0);
    w.addPastCycle('a', at(-5));
    expect(w.scheduler.nextRunAt('a')).toBe(at(10));
    expect(w.scheduler.nextRunAt('missing')).toBeNull();
  });
});
