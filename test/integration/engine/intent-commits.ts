import type { Store } from '../../../src-main/store/store';

export interface IntentCommits {
  /** Write intents begun since the count started. */
  intents: number;
  /** The transactions (numbered from the start) that held at least one intent. */
  withIntents: Set<number>;
  /** The same per intent operation ('create', 'update', 'reference' …). */
  byOperation: Map<string, Set<number>>;
}

/**
 * Counts, from now on, the write intents a store begins and the SQLite transactions that held them
 * (issue 11: intents started together share a commit). Wraps the store's own methods; nothing else
 * changes.
 */
export function countIntentCommits(store: Store): IntentCommits {
  const counted: IntentCommits = { intents: 0, withIntents: new Set(), byOperation: new Map() };
  let transactions = 0;
  const transaction = store.transaction.bind(store);
  store.transaction = (work) => {
    transactions++;
    return transaction(work);
  };
  const begin = store.intents.begin.bind(store.intents);
  store.intents.begin = (intent) => {
    counted.intents++;
    counted.withIntents.add(transactions);
    const of = counted.byOperation.get(intent.operation) ?? new Set<number>();
    of.add(transactions);
    counted.byOperation.set(intent.operation, of);
    return begin(intent);
  };
  return counted;
}
