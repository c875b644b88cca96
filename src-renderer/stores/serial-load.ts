/**
 * Runs a store's load one at a time, so an older answer can never overwrite a newer one.
 *
 * Stores reload from the app on events (`jobs.changed`, `connections.changed`, …) and after the
 * admin's own changes, so loads overlap; their answers may come back in any order, and the last to
 * arrive wins. An older list arriving last once brought back a connection's earlier `updatedAt`, and
 * a wizard's passed connection test no longer counted. Here a load never starts while another runs:
 * a call meanwhile schedules one more run after it, and all calls meanwhile share that run.
 *
 * The promise a caller gets settles when a load that started after the call has finished, so after
 * `await load()` the state is at least as new as the moment of the call. A load that fails rejects
 * the calls it served; the run queued behind it still happens.
 *
 * `onBusy` hears true when a load starts after none ran, and false when the last queued one ends
 * (for a `loading` flag that does not flicker between a run and the one queued behind it).
 */
export function serialLoad<T>(load: () => Promise<T>, onBusy?: (busy: boolean) => void): () => Promise<T> {
  let running = false;
  /** The run that starts when the current one ends, shared by every call made meanwhile. */
  let queued: Deferred<T> | null = null;

  function start(): Promise<T> {
    running = true;
    // A loader that throws before its first await rejects like one that fails later.
    const run = new Promise<T>((resolve) => resolve(load()));
    void run.then(finished, finished);
    return run;
  }

  function finished(): void {
    const next = queued;
    queued = null;
    if (next) {
      void start().then(next.resolve, next.reject);
      return;
    }
    running = false;
    onBusy?.(false);
  }

  return function serialized(): Promise<T> {
    if (!running) {
      onBusy?.(true);
      return start();
    }
    queued ??= deferred<T>();
    return queued.promise;
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
