import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What one checkpoint did: frames in the write-ahead log, and how many it copied into the database. */
export interface CheckpointResult {
  frames: number;
  copied: number;
}

/**
 * Copies the write-ahead log into the database on a thread of its own (issue 11). A checkpoint on the
 * main thread held the event loop 10–30 ms per 1,000 pages, and a cycle over 100,000 users needs
 * hundreds of them: time the UI, the scheduler and every request in flight waited for. A PASSIVE
 * checkpoint from a second connection runs beside the main connection's commits (SQLite's WAL lets
 * one writer and a checkpointer work at once), and loses nothing if the process dies mid-way: the
 * log keeps every frame until SQLite has copied it and the next writer resets the log.
 *
 * The worker's code is a string, so that the same file works from the bundle and from the sources
 * (tests) alike; it loads the same better-sqlite3 the store uses, with the same native addon (the
 * Electron app opens its store with a build for Electron's ABI, which Node's build cannot replace).
 */
export interface Checkpointer {
  /** Starts a checkpoint unless one is running; resolves when the running one ends. */
  run(): Promise<CheckpointResult>;
  close(): Promise<void>;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const options = { fileMustExist: true };
if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
const db = new Database(workerData.path, options);
db.pragma('busy_timeout = 1000');
parentPort.on('message', () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ frames: Math.max(0, row.log), copied: Math.max(0, row.checkpointed) });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
`;

type Answer = CheckpointResult | { error: string };

/**
 * Where better-sqlite3 is, for the worker to load the same package. The app's bundle and the tests
 * are CommonJS (`__filename`); an ES module bundle that opens a store (the bench's harness) has none,
 * and resolves from its entry script, which sits in the project like the package.
 */
function driverPath(): string {
  const from = typeof __filename === 'string' ? __filename : (process.argv[1] ?? join(process.cwd(), 'x'));
  return createRequire(from).resolve('better-sqlite3');
}

export function createCheckpointer(
  path: string,
  /** The store's build of better-sqlite3's addon when it is not the package's own (Electron's ABI). */
  nativeBinding?: string,
): Checkpointer {
  const driver = driverPath();
  let worker: Worker | null = null;
  let running: Promise<CheckpointResult> | null = null;
  let closed = false;

  function started(): Worker {
    if (worker) return worker;
    const created = new Worker(workerSource, { eval: true, workerData: { driver, path, nativeBinding } });
    // A checkpoint never keeps the process alive: the next one (or the next open) copies the rest.
    created.unref();
    worker = created;
    return created;
  }

  return {
    run() {
      if (closed) return Promise.resolve({ frames: 0, copied: 0 });
      running ??= new Promise<CheckpointResult>((resolve, reject) => {
        const thread = started();
        const settle = (answer: Answer | Error) => {
          thread.off('message', settle);
          thread.off('error', settle);
          thread.off('exit', ended);
          running = null;
          if (answer instanceof Error) {
            // A worker that failed (its connection could not open) is made again next time.
            worker = null;
            reject(answer);
          } else if ('error' in answer) reject(new Error(answer.error));
          else resolve(answer);
        };
        // Closed (or the thread died) before it answered: what it did not copy stays in the log.
        const ended = () => settle(new Error('The checkpoint thread ended before it answered'));
        thread.on('message', settle);
        thread.on('error', settle);
        thread.on('exit', ended);
        thread.postMessage('checkpoint');
      });
      return running;
    },
    async close() {
      closed = true;
      const thread = worker;
      worker = null;
      if (thread) await thread.terminate();
    },
  };
}
