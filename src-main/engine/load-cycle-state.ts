import type { CountStep, LinkCursor } from '../store/links-repo';
import type { Store } from '../store/store';
import { throwIfCancelled, type CycleContext } from './cycle-context';
import { loopBudget } from './event-loop-budget';
import { JobLinks } from './job-links';
import { splitObjectKey } from '../store/object-key';

/** Rows per query: small enough that one page reads in a few milliseconds. */
const pageRows = 2000;

/** [object key, value]: the key is the one the cycle's maps use (objectKey), built by SQLite. */
type KeyedRow = [string, string];
/** A page of rows after `after`, the last row of the page before (each table pages in its own order). */
type PageOf = (after: KeyedRow | null, limit: number) => KeyedRow[];

/**
 * Fills `map` with link key → the row's second column, page by page, yielding between pages so that
 * the caller can let the event loop run.
 */
function* keyedPages(pageOf: PageOf, map: Map<string, string>): Generator<void, void, undefined> {
  let after: KeyedRow | null = null;
  for (;;) {
    const page = pageOf(after, pageRows);
    for (const [key, value] of page) map.set(key, value);
    const last = page.at(-1);
    if (!last || page.length < pageRows) return;
    after = last;
    yield;
  }
}

function readers(store: Store, jobId: string): { targetIds: PageOf; hashes: PageOf } {
  return {
    // Links page along their covering index, state along its key (links-repo.ts, source-state-repo.ts);
    // the next page starts after the last row's place, split back out of its key once a page.
    targetIds: (after, limit) =>
      store.links.targetIdPage(
        jobId,
        after ? { ...splitObjectKey(after[0]), targetId: after[1] } : null,
        limit,
      ),
    hashes: (after, limit) =>
      store.sourceState.hashPage(jobId, after ? splitObjectKey(after[0]) : null, limit),
  };
}

function stateOf(
  store: Store,
  jobId: string,
  targetIds: Map<string, string>,
  previousHashes: Map<string, string>,
): Pick<CycleContext, 'links' | 'previousHashes'> {
  const links = new JobLinks(targetIds, (objectType, anchor) => store.links.get(jobId, objectType, anchor));
  return { links, previousHashes };
}

/**
 * What a cycle holds for every object of the job before it reads the source: each link's target id
 * (the records themselves are read by key when an object needs one, job-links.ts) and each object's
 * last state hash. Read in pages with the event loop let run in between: read whole, 100,000 links
 * with their exported values held the event loop for seconds.
 */
export async function loadCycleState(
  store: Store,
  jobId: string,
  signal: AbortSignal,
): Promise<Pick<CycleContext, 'links' | 'previousHashes'>> {
  throwIfCancelled({ signal });
  const budget = loopBudget();
  const { targetIds, hashes } = readers(store, jobId);
  const links = new Map<string, string>();
  const previousHashes = new Map<string, string>();
  for (const pages of [keyedPages(targetIds, links), keyedPages(hashes, previousHashes)]) {
    for (let step = pages.next(); !step.done; step = pages.next()) {
      await budget.pause();
      throwIfCancelled({ signal });
    }
  }
  return stateOf(store, jobId, links, previousHashes);
}

/** The same, read at once: provision on demand, which works on a few objects and sends at once. */
export function loadCycleStateNow(
  store: Store,
  jobId: string,
): Pick<CycleContext, 'links' | 'previousHashes'> {
  const { targetIds, hashes } = readers(store, jobId);
  const links = new Map<string, string>();
  const previousHashes = new Map<string, string>();
  for (const pages of [keyedPages(targetIds, links), keyedPages(hashes, previousHashes)]) {
    while (!pages.next().done);
  }
  return stateOf(store, jobId, links, previousHashes);
}

/**
 * Links counted per step: 1 ms on a warm cache, under 10 ms on a cold one (the first steps of a
 * freshly started process; 100,000 links read in 67 ms in steps of 20,000, the first taking 16 ms).
 */
const countRows = 10_000;

/** How many links the job has (both types), counted in steps with the event loop let run between. */
export async function countLinks(store: Store, jobId: string): Promise<number> {
  const budget = loopBudget();
  let total = 0;
  for (const objectType of ['User', 'Group'] as const) {
    let after: LinkCursor | null = null;
    for (;;) {
      const step: CountStep = store.links.countStep(jobId, objectType, after, countRows);
      total += step.counted;
      if (step.next === null) break;
      after = step.next;
      await budget.pause();
    }
  }
  return total;
}
