/**
 * "The latest request wins", for lists the admin filters while answers are still coming: a search
 * typed on, a filter changed, a page reloaded. Answers can arrive out of order (a broad query
 * answers after the narrow one typed after it), and an older answer must not fill the list, report
 * an error or end the loading state of the newer request.
 *
 * Each request takes a ticket, and checks it after every await: `next()` for a request that
 * replaces what is shown (every earlier ticket stops being current), `same()` for one that adds to
 * it (a next page: current until a new request starts, and it does not stop the one under way).
 *
 * Beside `serialLoad` (one load at a time, callers share the next) and `newestValue` (a read loses
 * to news that came meanwhile): those keep a store's one value fresh; this keeps the answer to what
 * the admin asked last.
 */
export interface LatestRequest {
  /** A request that replaces what is shown: earlier tickets stop being current. */
  next(): () => boolean;
  /** A request that continues the current one (a next page). */
  same(): () => boolean;
  /** No request under way stays current (a reset). */
  drop(): void;
}

export function latestRequest(): LatestRequest {
  let generation = 0;
  const ticket = (mine: number) => () => mine === generation;
  return {
    next: () => ticket(++generation),
    same: () => ticket(generation),
    drop() {
      generation++;
    },
  };
}
