import type { WriteIntent } from '../store/intents-repo';
import type { Store } from '../store/store';

/**
 * Many objects per SQLite transaction (issue 11), without loosening "Send and record"
 * (docs/architecture.md):
 *
 * - An intent is still committed before its write is sent: `beginIntent` resolves only after the
 *   transaction that holds it has committed. Intents asked for in the same turn of the event loop
 *   (objects running side by side) share that transaction.
 * - An outcome (link, log entry, state hash, escrow, the intent's deletion) is still written in one
 *   transaction with the deletion of its intents — only later, together with other outcomes: queued
 *   outcomes ride along with the next intent's commit, or go when `maxQueued` are waiting, after
 *   `maxDelayMs`, or at `flush()` (the engine flushes at the end of every phase). A crash before
 *   that loses the outcome and keeps its intent, which is exactly the state rule 2 allows: recovery
 *   settles the intent (a create is looked up and linked), and an object whose state hash was not
 *   recorded counts as changed. What grows is only the number of intents a crash leaves behind.
 *
 * Before: two commits per object (intent, outcome), each rewriting the pages of the log table and
 * its eight indexes. After: about one commit per sent write, and far fewer pages per object.
 */
export interface WriteBehind {
  /** Queues one outcome's writes; they run inside a later transaction, in queue order. */
  queue(write: () => void): void;
  /** Commits the intent (with every queued outcome) and resolves with its id once committed. */
  beginIntent(intent: Omit<WriteIntent, 'id'>): Promise<number>;
  /** Commits everything queued now. Throws the first failed commit, if any failed earlier. */
  flush(): void;
}

interface PendingIntent {
  intent: Omit<WriteIntent, 'id'>;
  resolve(id: number): void;
  reject(error: unknown): void;
}

export interface WriteBehindOptions {
  maxQueued?: number;
  maxDelayMs?: number;
}

export function createWriteBehind(store: Store, options: WriteBehindOptions = {}): WriteBehind {
  const maxQueued = options.maxQueued ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 1000;
  let writes: (() => void)[] = [];
  let intents: PendingIntent[] = [];
  let immediate: NodeJS.Immediate | null = null;
  let timer: NodeJS.Timeout | null = null;
  /** A failed commit: its outcomes are lost (their intents stay for recovery), and the cycle must fail. */
  let failure: Error | null = null;

  function commit(): void {
    if (immediate) clearImmediate(immediate);
    if (timer) clearTimeout(timer);
    immediate = null;
    timer = null;
    if (writes.length === 0 && intents.length === 0) return;
    const batch = writes;
    const waiting = intents;
    writes = [];
    intents = [];
    let ids: number[];
    try {
      ids = store.transaction(() => {
        for (const write of batch) write();
        return waiting.map((w) => store.intents.begin(w.intent));
      });
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
      for (const w of waiting) w.reject(error);
      return;
    }
    waiting.forEach((w, i) => w.resolve(ids[i] as number));
  }

  return {
    queue(write) {
      writes.push(write);
      if (writes.length >= maxQueued) commit();
      else timer ??= setTimeout(commit, maxDelayMs).unref();
    },
    beginIntent(intent) {
      if (failure) return Promise.reject(failure);
      return new Promise<number>((resolve, reject) => {
        intents.push({ intent, resolve, reject });
        immediate ??= setImmediate(commit);
      });
    },
    flush() {
      commit();
      if (failure) throw failure;
    },
  };
}
