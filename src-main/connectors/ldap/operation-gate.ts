/**
 * At most `limit` LDAP operations of a target in flight at once, started in the order they asked
 * (issue 11). With the gate the target declares `limitsConcurrency`, so the engine may start more
 * objects than the job's `maxConcurrency` (bounded-pool.ts runBatched): their write intents then share
 * a SQLite commit, while the directory still sees no more than `maxConcurrency` operations.
 *
 * A counter and a queue of waiters, no timer: an operation that finds a free slot starts in the same
 * turn, and one that finishes hands its slot to the next waiter directly.
 */
export interface OperationGate {
  run<T>(operation: () => Promise<T>): Promise<T>;
}

export function createOperationGate(limit: number): OperationGate {
  const slots = Math.max(1, Math.floor(limit));
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    // The slot passes to the next waiter as it is: `running` stays the same.
    if (next) next();
    else running--;
  };

  return {
    async run(operation) {
      if (running < slots) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await operation();
      } finally {
        release();
      }
    },
  };
}
