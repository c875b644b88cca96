import type { LinkRecord } from '../store/links-repo';
import type { SourceStateRecord } from '../store/source-state-repo';
import type { Store } from '../store/store';
import { linkKey, throwIfCancelled } from './cycle-context';
import { loopBudget } from './event-loop-budget';

/** Rows per query: small enough that one page reads and parses in a few milliseconds. */
const pageRows = 500;

/**
 * The job's links and recorded source state, read page by page in key order with the event loop let
 * run in between: read whole, 100,000 links (each with its exported values as JSON) held the event
 * loop for seconds. The cycle holds the job's lease, so no other cycle changes them meanwhile.
 */
export async function loadCycleState(
  store: Store,
  jobId: string,
  signal: AbortSignal,
): Promise<{ links: Map<string, LinkRecord>; previousState: Map<string, SourceStateRecord> }> {
  const budget = loopBudget();
  const links = new Map<string, LinkRecord>();
  for (let page = store.links.page(jobId, null, pageRows); page.length > 0;) {
    for (const link of page) links.set(linkKey(link.objectType, link.anchor), link);
    await budget.pause();
    throwIfCancelled({ signal });
    const last = page.at(-1);
    page = last && page.length === pageRows ? store.links.page(jobId, last, pageRows) : [];
  }
  const previousState = new Map<string, SourceStateRecord>();
  for (let page = store.sourceState.page(jobId, null, pageRows); page.length > 0;) {
    for (const state of page) previousState.set(linkKey(state.objectType, state.anchor), state);
    await budget.pause();
    throwIfCancelled({ signal });
    const last = page.at(-1);
    page = last && page.length === pageRows ? store.sourceState.page(jobId, last, pageRows) : [];
  }
  return { links, previousState };
}
