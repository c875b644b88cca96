/**
 * The users phase starts its objects in batches beyond the target's concurrency so that their write
 * intents share a commit (bounded-pool.ts runBatched, issue 11), while the SCIM client still keeps
 * no more than `maxConcurrency` requests in flight at the server. Real scimmy; each request held
 * 5 ms so that requests overlap as they would against a remote app.
 */
import type { NextFunction, Request, Response } from 'express';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startScimmyServer } from '../../peers/scimmy-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { EngineKit, employee } from './engine-kit';

describe('write intents committed in batches', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => kit?.stop());

  it('commits the intents of many creates together and never exceeds maxConcurrency at the server', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const overlap = (_request: Request, response: Response, next: NextFunction) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      response.once('finish', () => inFlight--);
      setTimeout(next, 5);
    };
    kit = new EngineKit(await startScimmyServer({ layers: [overlap] }));
    await kit.start(
      Array.from({ length: 80 }, (_, i) => employee(i + 1)),
      { settings: { maxConcurrency: 2, maxRequestsPerSecond: 1000 } },
    );
    const store = kit.app.store;
    let transactions = 0;
    const transactionsWithIntents = new Set<number>();
    let intents = 0;
    const transaction = store.transaction.bind(store);
    store.transaction = (work) => {
      transactions++;
      return transaction(work);
    };
    const begin = store.intents.begin.bind(store.intents);
    store.intents.begin = (intent) => {
      intents++;
      transactionsWithIntents.add(transactions);
      return begin(intent);
    };

    const cycle = await kit.sync();

    expect(cycle.status).toBe('completed');
    expect(cycle.counters.created).toBe(80);
    expect(kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(80);
    // Every write had its intent: the 80 creates and the groups' creates and membership requests.
    expect(intents).toBe(kit.writes().length);
    // One commit per object before; now a commit holds the intents of a batch.
    expect(transactionsWithIntents.size).toBeLessThanOrEqual(intents / 4);
    expect(mostInFlight).toBe(2);
    expect(store.intents.forJob(kit.jobId)).toEqual([]);
  });
});
