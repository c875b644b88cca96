import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import type { WriteIntent } from '../store/intents-repo';
import type { Store } from '../store/store';

/**
 * Many objects per SQLite transaction (issue 11), without loosening "Send and record"
 * (docs/architecture.md):
 *
 * - An intent is still committed before its write is sent: `beginIntent` resolves only after the
 *   transaction that holds it has committed. Intents asked for in the same turn of the event loop
 *   (objects running side by side) share that transaction, and it holds nothing else, so it writes
 *   only the pages of the intents table.
 * - An outcome (link, log entry, state hash, escrow, the intent's deletion) is still written in one
 *   transaction with the deletion of its intents — only later, together with other outcomes: when
 *   `maxQueued` are waiting, after `maxDelayMs`, or at `flush()` (the engine flushes at the end of
 *   every phase). A crash before that loses the outcome and keeps its intent, which is exactly the
 *   state rule 2 allows: recovery settles the intent (a create is looked up and linked), and an object
 *   whose state hash was not recorded counts as changed. What grows is only the number of intents a
 *   crash leaves behind.
 *
 * Before: two commits per object (intent, outcome), each rewriting the pages of the log table and
 * its many indexes. Then: outcomes rode along with the next intent's commit, which still rewrote
 * those pages once per object (a third of the cycle's busy time in the profile). Now: an intent's
 * commit touches the intents table alone, and the log's pages are written once per batch.
 *
 * A batch's commit is synchronous, so its size bounds a turn of the event loop (issue 11: none over
 * 50 ms; the UI and the scheduler share the process). 200 outcomes took 65–75 ms of CPU at 10k users
 * (a log row with its indexes, a link, a state row each), so the batch is sized by time: after each
 * commit the limit becomes what fits in `maxCommitMs` at the cost per outcome just measured, between
 * `minQueued` and `maxQueued`. The first batch is small (`firstQueued`), and a batch is at most
 * twice the size of the last one measured: the first batch of 200 when a group gained 1,000 members
 * took 45 ms, and one cheap commit (few pages dirtied) must not size the next on a guess.
 *
 * Checkpoints run on a thread of their own (store/checkpointer.ts). SQLite's automatic checkpoint runs
 * inside the commit that grows the write-ahead log past its limit, and copying 1,000 pages took
 * 20–30 ms on top of that commit (the longest turns of a 100k-user cycle); run in a timer's turn on
 * the main thread instead, a cycle's checkpoints were still 150 ms of a 100k delta's event loop and
 * more of an initial cycle's. The write-behind counts the pages its commits may have added — an
 * outcome dirties a log row and its indexes, a link and a state row; an intent a few pages of its
 * table — and past `checkpointPages` asks for a checkpoint. The database's own limit is set higher
 * (store/db.ts), as a backstop.
 */
export interface WriteBehind {
  /**
   * Queues one outcome's writes; they run inside a later transaction, in queue order, and its log
   * entry with the batch's others (one insert of the batch: an insert per entry cost three times as
   * much, 96 against 32 µs of CPU an entry into a 200,000-entry log, each opening a savepoint and
   * updating its time block). `committed` runs once that transaction has committed (never when it
   * failed).
   */
  queue(write: () => void, extra?: { log?: ProvisioningLogEntry | null; committed?: () => void }): void;
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
  /** The fewest outcomes a batch is allowed to shrink to, however slow the last commit was. */
  minQueued?: number;
  /** The first batch's size, before any commit was measured. */
  firstQueued?: number;
  maxDelayMs?: number;
  /** The time one commit of outcomes should take; the batch size follows it. */
  maxCommitMs?: number;
  /** Milliseconds on a monotonic clock (tests give their own). */
  now?: () => number;
  /** Pages the commits may add to the write-ahead log before a checkpoint runs in a turn of its own. */
  checkpointPages?: number;
}

/** A batch is at most this many times the size of the last one measured. */
const maxGrowth = 2;
/**
 * Pages a commit adds to the write-ahead log, at most (a 100k-user job: a log row of 2–3 KB and its
 * four randomly keyed indexes, a link, a state row; an intent's row and index): estimates on the high
 * side, so that checkpoints come early rather than late.
 */
const pagesPerOutcome = 8;
const pagesPerIntent = 3;

export function createWriteBehind(store: Store, options: WriteBehindOptions = {}): WriteBehind {
  const maxQueued = options.maxQueued ?? 200;
  const minQueued = Math.min(options.minQueued ?? 16, maxQueued);
  const maxDelayMs = options.maxDelayMs ?? 1000;
  const maxCommitMs = options.maxCommitMs ?? 15;
  const now = options.now ?? (() => performance.now());
  const checkpointPages = options.checkpointPages ?? 1000;
  let pagesSinceCheckpoint = 0;
  /** How many queued outcomes trigger a commit: `firstQueued` until a commit's cost says otherwise. */
  let limit = Math.max(minQueued, Math.min(maxQueued, options.firstQueued ?? 32));
  let writes: (() => void)[] = [];
  /** What to tell once the queued writes are committed (the writes' own order; fewer than `writes`). */
  let onCommit: (() => void)[] = [];
  /** The queued outcomes' log entries, in queue order. */
  let entries: ProvisioningLogEntry[] = [];
  let intents: PendingIntent[] = [];
  let immediate: NodeJS.Immediate | null = null;
  let timer: NodeJS.Timeout | null = null;
  /** A failed commit: its outcomes are lost (their intents stay for recovery), and the cycle must fail. */
  let failure: Error | null = null;

  /** Commits the waiting intents, and the queued outcomes too when `withOutcomes`. */
  function commit(withOutcomes: boolean): void {
    if (immediate) clearImmediate(immediate);
    immediate = null;
    const batch = withOutcomes ? writes : [];
    const committed = withOutcomes ? onCommit : [];
    const logged = withOutcomes ? entries : [];
    if (withOutcomes) {
      if (timer) clearTimeout(timer);
      timer = null;
      writes = [];
      onCommit = [];
      entries = [];
    }
    const waiting = intents;
    intents = [];
    if (batch.length === 0 && waiting.length === 0) return;
    let ids: number[];
    const started = now();
    try {
      ids = store.transaction(() => {
        for (const write of batch) write();
        if (logged.length > 0) store.log.insertMany(logged);
        return waiting.map((w) => store.intents.begin(w.intent));
      });
      if (batch.length > 0) limit = batchLimit(batch.length, now() - started);
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
      for (const w of waiting) w.reject(error);
      return;
    }
    waiting.forEach((w, i) => w.resolve(ids[i] as number));
    for (const tell of committed) tell();
    pagesSinceCheckpoint += batch.length * pagesPerOutcome + waiting.length * pagesPerIntent;
    if (pagesSinceCheckpoint >= checkpointPages) {
      pagesSinceCheckpoint = 0;
      // A checkpoint that fails loses nothing (the pages stay in the log); the next one, or SQLite's
      // own limit, copies them.
      store.checkpoint().catch(() => undefined);
    }
  }

  /** What fits in `maxCommitMs` at the cost per outcome of a commit of `size` that took `ms`. */
  function batchLimit(size: number, ms: number): number {
    const fits = ms > 0 ? Math.floor((maxCommitMs * size) / ms) : maxQueued;
    return Math.max(minQueued, Math.min(maxQueued, size * maxGrowth, fits));
  }

  return {
    queue(write, extra) {
      writes.push(write);
      if (extra?.log) entries.push(extra.log);
      if (extra?.committed) onCommit.push(extra.committed);
      if (writes.length >= limit) commit(true);
      else timer ??= setTimeout(() => commit(true), maxDelayMs).unref();
    },
    beginIntent(intent) {
      if (failure) return Promise.reject(failure);
      return new Promise<number>((resolve, reject) => {
        intents.push({ intent, resolve, reject });
        immediate ??= setImmediate(() => commit(false));
      });
    },
    flush() {
      commit(true);
      if (failure) throw failure;
    },
  };
}

/**
 * A phase's last commit, then a turn of the event loop: the next phase's first synchronous steps
 * would otherwise run in the same turn as the commit (52 ms of CPU at the end of a 10k-user delta's
 * user phase, issue 11).
 */
export async function commitPhase(writes: WriteBehind): Promise<void> {
  writes.flush();
  await nextTurn();
}
