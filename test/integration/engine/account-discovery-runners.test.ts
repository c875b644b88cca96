/**
 * Issue 12: one account discovery per job across processes. Two Roster apps open one data folder (two
 * Stores on one SQLite file, as the app and `roster accounts discover` do); while the first discovers
 * a job, the second is refused with who holds it and sees the report as running, not interrupted; once
 * the first has finished the second may run. A runner whose process is gone is taken over, and the
 * run that was taken over writes nothing more into the report.
 */
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountReport } from '@shared/domain/accounts';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { discoverAccounts } from '../../../src-main/engine/discovery/discover-accounts';
import { claimDiscovery, newDiscoveryRunner } from '../../../src-main/engine/discovery/discovery-runner';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

/** Holds every list page of /Users until opened: a discovery in the middle of its target read. */
function listGate() {
  let release: () => void = () => undefined;
  let opened = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  return {
    close() {
      opened = new Promise<void>((resolve) => (release = resolve));
    },
    open: () => release(),
    held: () => held,
    layer: (request: Request, _response: Response, next: NextFunction) => {
      if (request.method !== 'GET' || request.path !== '/Users' || request.query['startIndex'] === undefined)
        return next();
      held++;
      void opened.then(() => next());
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('account discovery across processes', () => {
  let kit: EngineKit | null = null;
  let other: RosterApp | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await other?.close();
    other = null;
    await kit?.stop();
    kit = null;
  });

  it('refuses a second process with who holds the discovery, then lets it run once the first is done', async () => {
    const gate = listGate();
    gate.open();
    const peer = await startScimmyServer({ layers: [gate.layer] });
    kit = new EngineKit(peer);
    await kit.start([1, 2, 3].map((n) => employee(n)));
    expect((await kit.sync()).counters.created).toBe(3);
    other = createApp({
      dataDir: join(kit.dir.path, 'data'),
      mode: 'cli',
      osUser: 'bob',
      logger: { info() {}, warn() {}, error() {} },
    });

    const finished: AccountReport[] = [];
    kit.app.context.events.onAny((name, payload) => {
      if (name === 'accounts.finished') finished.push(payload as AccountReport);
    });
    gate.close();
    const heldBefore = gate.held();
    const started = await kit.app.dispatch('accounts.discover', { jobId: kit.jobId });
    expect(started.ok).toBe(true);
    await until(() => gate.held() > heldBefore);

    const refused = await other.dispatch('accounts.discover', { jobId: kit.jobId });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.message).toMatch(
      new RegExp(`being discovered by the roster command \\(process ${process.pid} on host .+\\) since `),
    );
    expect(refused.error.details).toMatchObject({ reason: 'discoveryRunning', holder: { pid: process.pid } });
    // The other process sees the report as running, not as interrupted.
    const seen = await other.dispatch('accounts.report', { jobId: kit.jobId });
    expect(seen.ok && (seen.value as AccountReport).status).toBe('running');
    const act = await other.dispatch('accounts.act', {
      jobId: kit.jobId,
      action: 'leave',
      accounts: [{ objectType: 'User', targetId: 'x' }],
    });
    expect(!act.ok && act.error.code).toBe('conflict');

    gate.open();
    await until(() => finished.length > 0);
    expect(finished[0]).toMatchObject({ status: 'completed', listed: 3 });

    const second = await other.dispatch('accounts.discover', { jobId: kit.jobId });
    expect(second.ok).toBe(true);
    await until(() => other?.store.accounts.report(kit!.jobId)?.status !== 'running');
    expect(other.store.accounts.report(kit.jobId)).toMatchObject({ status: 'completed', startedBy: 'bob' });
  });

  it('takes over the report of a runner whose process is gone, and the run taken over writes nothing more', async () => {
    const gate = listGate();
    const peer = await startScimmyServer({ layers: [gate.layer] });
    kit = new EngineKit(peer);
    gate.open();
    await kit.start([1, 2].map((n) => employee(n)));
    await kit.sync();
    gate.close();
    const first = discoverAccounts(
      { store: kit.app.store, connectors: kit.app.context.connectors, clock: () => new Date() },
      { jobId: kit.jobId, startedBy: 'alice', signal: new AbortController().signal },
    );
    await until(() => gate.held() > 0);

    // Its process looks gone (a pid no one has): another runner may take the report over.
    const job = { id: kit.jobId, name: 'HR → App' };
    const later = newDiscoveryRunner('the Roster app');
    expect(() =>
      claimDiscovery({ store: kit!.app.store, clock: () => new Date() }, job, later, 'bob'),
    ).toThrow(/being discovered by a Roster process/);
    claimDiscovery(
      { store: kit.app.store, clock: () => new Date(), liveness: { host: later.host, isAlive: () => false } },
      job,
      later,
      'bob',
    );
    expect(kit.app.store.accounts.runner(kit.jobId)).toMatchObject({
      runnerId: later.runnerId,
      label: 'the Roster app',
    });

    gate.open();
    const report = await first;
    expect(report.status).toBe('failed');
    expect(report.error?.code).toBe('TakenOver');
    // The report is the new runner's: empty and running, with nothing of the old run in it.
    expect(kit.app.store.accounts.report(kit.jobId)).toMatchObject({
      status: 'running',
      startedBy: 'bob',
      listed: 0,
    });
    expect(kit.app.store.accounts.page(kit.jobId, {}, 0, 10).total).toBe(0);
  });
});
