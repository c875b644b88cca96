import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverAccounts } from '../../src-main/engine/discovery/discover-accounts';
import { openSandboxDatabase, resolveSandboxToken } from '../../src-main/sandbox/sandbox-db';
import { createSandboxStore } from '../../src-main/sandbox/sandbox-store';
import { createScimApp } from '../../src-main/sandbox/scim-app';
import { EngineKit, employee } from '../integration/engine/engine-kit';
import { usePrivateKeyring } from '../integration/use-private-keyring';

const accounts = Number(process.env['ROSTER_BENCH_ACCOUNTS'] ?? 100_000);
/** Nine in ten accounts belong to someone in the source; the rest nobody manages. */
const sourceRows = Math.round(accounts * 0.9);

/**
 * `npx vitest run --project bench test/bench/account-discovery.bench.test.ts`: account discovery
 * (issue 12 item 5) of a Roster Sandbox holding ROSTER_BENCH_ACCOUNTS users (default 100,000)
 * against a CSV source of 90 % of them. Prints the time, the requests and the peak heap; never
 * asserted against a time. The sandbox answers at most 100 resources per page, so 100,000 accounts
 * are 1,000 list requests. It runs in this process (two cores: the figure includes the server).
 */
describe(`account discovery of ${accounts} target accounts`, () => {
  let kit: EngineKit | null = null;
  let server: Server | null = null;
  afterAll(async () => {
    await kit?.stop();
    server?.close();
  });

  it('lists and classifies every account, printing the figures', async () => {
    usePrivateKeyring();
    const requests = { total: 0 };
    const peer = await startSandbox(requests);
    server = peer.server;
    kit = new EngineKit({
      baseUrl: peer.baseUrl,
      token: peer.token,
      requests: [],
      resetRequests: () => undefined,
      stop: async () => undefined,
    });
    seedUsers(peer.dbPath, accounts);
    await kit.start(Array.from({ length: sourceRows }, (_, i) => employee(i + 1)));

    let peakHeap = 0;
    const sample = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 200);
    const startedAt = performance.now();
    const report = await discoverAccounts(
      { store: kit.app.store, connectors: kit.app.context.connectors, clock: () => new Date() },
      {
        jobId: kit.jobId,
        startedBy: 'bench',
        signal: new AbortController().signal,
      },
    );
    const seconds = (performance.now() - startedAt) / 1000;
    clearInterval(sample);

    console.log(
      JSON.stringify({
        accounts,
        sourceRows,
        seconds: Math.round(seconds * 10) / 10,
        accountsPerSecond: Math.round(accounts / seconds),
        listRequests: requests.total,
        peakHeapMiB: Math.round(peakHeap / 1024 / 1024),
        counts: report.counts,
      }),
    );
    expect(report.status).toBe('completed');
    expect(report.counts.unlinkedMatch).toBe(sourceRows);
    expect(report.counts.unmanaged).toBe(accounts - sourceRows);
  });
});

async function startSandbox(requests: { total: number }) {
  const dir = new EngineKit({
    baseUrl: '',
    token: '',
    requests: [],
    resetRequests() {},
    stop: async () => {},
  }).dir;
  const dbPath = join(dir.path, 'sandbox.db');
  const db = openSandboxDatabase(dbPath);
  const token = resolveSandboxToken(db, undefined);
  let origin = '';
  const app = express();
  app.use((_req, _res, next) => {
    requests.total++;
    next();
  });
  app.use(
    createScimApp({
      store: createSandboxStore(db),
      token,
      origin: () => origin,
      onRequest: () => undefined,
      onError: (error) => console.error(error),
    }),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, token, dbPath, baseUrl: `${origin}/scim/v2` };
}

/** Users written in SQL, as the sandbox stores them (far faster than 100,000 POSTs). */
function seedUsers(dbPath: string, count: number): void {
  const db = openSandboxDatabase(dbPath);
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO scim_users (id, user_name, external_id, display_name, active, resource_json, created_at, updated_at)
    SELECT lower(hex(randomblob(16))), 'user' || i || '@example.com', NULL, 'Person ' || i, 1,
      json_object('userName', 'user' || i || '@example.com', 'displayName', 'Person ' || i, 'active', json('true')),
      '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
    FROM n;
  `);
  db.close();
}
