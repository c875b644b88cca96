/**
 * Runs `work` over `items` with at most `concurrency` in flight. When one item throws, or
 * `shouldStop` says so, no further item starts; the items already running finish (a request in
 * flight is never abandoned half-recorded), and then the first error is rethrown. A plain loop of
 * workers costs nothing per item, unlike a scheduler that awaits timers per job.
 */
export async function runBounded<T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | null = null;
  const next = (): { item: T } | null => {
    if (failure || shouldStop()) return null;
    const step = iterator.next();
    return step.done ? null : { item: step.value };
  };
  const worker = async () => {
    for (let taken = next(); taken; taken = next()) {
      try {
        await work(taken.item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.max(1, Math.floor(concurrency));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
