import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeaseOwner } from '../../../src-main/store/leases-repo';
import { openStore, type Store } from '../../../src-main/store/store';
import { makeTempDir } from '../temp-dir';

const t0 = new Date('2030-01-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const ttl = 1000;

function owner(label: string, extra: Partial<LeaseOwner> = {}): LeaseOwner {
  return { ownerId: `${label}-id`, label, pid: process.pid, host: hostname(), ...extra };
}

/** A pid that belonged to a process of this host and is gone now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('job leases (one writer per job across processes)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let path: string;
  // Two stores on one file: two connections, as two processes have.
  let a: Store;
  let b: Store;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    dir = makeTempDir();
    path = join(dir.path, 'roster.db');
    a = openStore({ path });
    b = openStore({ path });
    const raw = new BetterSqlite3(path);
    raw
      .prepare(
        "INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at) VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't')",
      )
      .run();
    const job = raw.prepare(
      "INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, created_at, updated_at) VALUES (?, ?, 's', 't', '{}', 't', 't')",
    );
    for (const id of ['j1', 'j2', 'j3']) job.run(id, `Job ${id}`);
    raw.close();
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    a.close();
    b.close();
    dir.remove();
  });

  const startCycle = (store: Store, id: string, jobId = 'j1') =>
    store.cycles.start({
      id,
      jobId,
      kind: 'initial',
      dryRun: false,
      startedAt: t0.toISOString(),
      initiatedBy: 'tester',
      watermarkBefore: null,
    });

  it('gives a free job to the first owner and names the holder to the second', () => {
    const app = owner('the Roster app');
    const taken = a.leases.acquire('j1', app, t0, ttl);
    expect(taken).toMatchObject({ acquired: true, replaced: null, abandonedCycles: 0 });
    expect(taken.acquired && taken.lease).toMatchObject({
      jobId: 'j1',
      ownerId: app.ownerId,
      label: 'the Roster app',
      pid: process.pid,
      host: hostname(),
      cycleId: null,
      acquiredAt: t0.toISOString(),
      expiresAt: at(ttl).toISOString(),
    });

    const refused = b.leases.acquire('j1', owner('roster sync'), at(10), ttl);
    expect(refused).toMatchObject({
      acquired: false,
      holder: { label: 'the Roster app', pid: process.pid, ownerId: app.ownerId },
    });
    // Another job is independent.
    expect(b.leases.acquire('j2', owner('roster sync'), at(10), ttl).acquired).toBe(true);
  });

  it('renews only the owner’s lease, and frees the job on release', () => {
    const app = owner('the Roster app');
    const sync = owner('roster sync');
    a.leases.acquire('j1', app, t0, ttl);
    expect(b.leases.renew('j1', sync.ownerId, at(100), ttl)).toBe(false);
    expect(a.leases.renew('j1', app.ownerId, at(900), ttl)).toBe(true);
    expect(b.leases.holder('j1')).toMatchObject({
      renewedAt: at(900).toISOString(),
      expiresAt: at(1900).toISOString(),
    });
    // Renewed past the first expiry: still held.
    expect(b.leases.acquire('j1', sync, at(1500), ttl).acquired).toBe(false);

    expect(a.leases.setCycle('j1', app.ownerId, 'c1')).toBe(true);
    expect(b.leases.setCycle('j1', sync.ownerId, 'c2')).toBe(false);
    expect(b.leases.holder('j1')?.cycleId).toBe('c1');

    b.leases.release('j1', sync.ownerId); // not ours: nothing happens
    expect(a.leases.holder('j1')?.ownerId).toBe(app.ownerId);
    a.leases.release('j1', app.ownerId);
    expect(b.leases.holder('j1')).toBeNull();
    expect(b.leases.acquire('j1', sync, at(1500), ttl).acquired).toBe(true);
    expect(a.leases.renew('j1', app.ownerId, at(1600), ttl)).toBe(false);
  });

  it('lets a lease be taken over once it has expired, and stops the old owner’s cycle', () => {
    const app = owner('the Roster app', { pid: process.pid });
    const sync = owner('roster sync');
    a.leases.acquire('j1', app, t0, ttl);
    startCycle(a, 'c-app');
    a.leases.setCycle('j1', app.ownerId, 'c-app');

    expect(b.leases.acquire('j1', sync, at(ttl - 1), ttl).acquired).toBe(false);
    expect(b.leases.liveHolder('j1', at(ttl - 1))?.label).toBe('the Roster app');
    expect(b.leases.liveHolder('j1', at(ttl))).toBeNull();
    expect(b.leases.stateOf(b.leases.holder('j1')!, at(ttl))).toBe('expired');

    const taken = b.leases.acquire('j1', sync, at(ttl), ttl);
    expect(taken).toMatchObject({
      acquired: true,
      replaced: { ownerId: app.ownerId, cycleId: 'c-app' },
      abandonedCycles: 1,
    });
    expect(b.cycles.get('c-app')).toMatchObject({
      status: 'stopped',
      endedAt: at(ttl).toISOString(),
      error: { code: 'Interrupted', message: expect.stringContaining('the Roster app (process') as unknown },
    });
    // The stalled owner finds out at its next renewal.
    expect(a.leases.renew('j1', app.ownerId, at(ttl + 5), ttl)).toBe(false);
  });

  it('takes a lease over at once when its owner on this host is provably dead', () => {
    const gone = owner('roster sync', { pid: deadPid() });
    a.leases.acquire('j1', gone, t0, 60_000);
    startCycle(a, 'c-gone');
    expect(b.leases.stateOf(b.leases.holder('j1')!, at(1))).toBe('ownerDead');
    const taken = b.leases.acquire('j1', owner('the Roster app'), at(1), 60_000);
    expect(taken).toMatchObject({ acquired: true, replaced: { label: 'roster sync' }, abandonedCycles: 1 });
    expect(b.cycles.get('c-gone')).toMatchObject({
      status: 'stopped',
      error: {
        code: 'Interrupted',
        message: `roster sync (process ${gone.pid} on ${hostname()}) stopped while this cycle ran`,
      },
    });
  });

  it('waits for expiry when the owner is alive, or on another host where its pid proves nothing', () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    children.push(sleeper);
    const alive = owner('roster run', { pid: sleeper.pid! });
    a.leases.acquire('j1', alive, t0, 60_000);
    expect(b.leases.acquire('j1', owner('the Roster app'), at(1), 60_000)).toMatchObject({
      acquired: false,
      holder: { label: 'roster run', pid: sleeper.pid },
    });

    // A dead pid means nothing on another host: that host's process of that number may be running.
    const foreign = owner('roster sync', { pid: deadPid(), host: 'some-other-host' });
    a.leases.acquire('j2', foreign, t0, 60_000);
    expect(b.leases.stateOf(b.leases.holder('j2')!, at(59_999))).toBe('live');
    expect(b.leases.acquire('j2', owner('the Roster app'), at(59_999), 60_000).acquired).toBe(false);
    expect(b.leases.acquire('j2', owner('the Roster app'), at(60_000), 60_000).acquired).toBe(true);
  });

  it('lets an owner take back its own lease left behind', () => {
    const app = owner('the Roster app');
    a.leases.acquire('j1', app, t0, 60_000);
    expect(a.leases.acquire('j1', app, at(5), 60_000)).toMatchObject({
      acquired: true,
      replaced: { ownerId: app.ownerId },
    });
  });

  it('waits for another process’s write instead of deciding on a stale read', async () => {
    // Another process takes the lease in a write transaction and commits 800 ms later. acquire()
    // must wait for the write lock and then see that holder: a deferred transaction would read
    // "free" from its snapshot first and then fail (SQLITE_BUSY_SNAPSHOT) when it tried to write.
    const script = `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO job_leases VALUES ('j1', 'other-id', 'roster sync', ?, ?, NULL, 't', 't', '2099-01-01T00:00:00.000Z')")
        .run(process.pid, require('node:os').hostname());
      process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 800);
    `;
    const child = spawn(process.execPath, ['-e', script, path], { cwd: process.cwd() });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`the locking process exited (${code})`)));
    });
    // The row exists only once the other process commits: seeing its owner means acquire() waited.
    const result = a.leases.acquire('j1', owner('the Roster app'), t0, ttl);
    expect(result).toMatchObject({ acquired: false, holder: { ownerId: 'other-id', label: 'roster sync' } });
  });

  it('at start-up, marks abandoned only the running cycles no live lease protects', () => {
    const other = owner('roster sync');
    // j1: run by a live process right now. j2: its owner's lease expired. j3: no lease at all.
    a.leases.acquire('j1', other, t0, 60_000);
    startCycle(a, 'c1', 'j1');
    a.leases.acquire('j2', owner('roster run'), t0, 1000);
    startCycle(a, 'c2', 'j2');
    startCycle(a, 'c3', 'j3');

    const now = at(5000);
    const changed = b.cycles.markAbandoned(now.toISOString(), {
      keep: (jobId) => b.leases.liveHolder(jobId, now) !== null,
    });
    expect(changed).toBe(2);
    expect(b.cycles.get('c1')?.status).toBe('running');
    expect(b.cycles.get('c2')).toMatchObject({ status: 'stopped', error: { code: 'Interrupted' } });
    expect(b.cycles.get('c3')).toMatchObject({ status: 'stopped', error: { code: 'Interrupted' } });
  });

  it('goes with its job', () => {
    a.leases.acquire('j1', owner('roster sync'), t0, ttl);
    const raw = new BetterSqlite3(path);
    raw.pragma('foreign_keys = ON');
    raw.prepare("DELETE FROM jobs WHERE id = 'j1'").run();
    raw.close();
    expect(b.leases.holder('j1')).toBeNull();
  });
});
