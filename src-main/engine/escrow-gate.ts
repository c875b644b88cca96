import type { Store } from '../store/store';
import { escrowDue } from './escrow';
import { objectKey } from '../store/object-key';

/** What a cycle needs to know of the job's escrow entries (§9.2), read once at its start. */
export interface EscrowGate {
  /**
   * The object changed (its state hash differs from the recorded one) only because its last action
   * failed, and its retry is not due: it is left alone this cycle. A different hash from the one it
   * failed with means it changed in the source, which makes it due at once.
   */
  waits(key: string, stateHash: string): boolean;
  /**
   * Some entry is due although its object did not change: a delta read would not return it, so the
   * cycle reads in full.
   */
  owesUnchanged: boolean;
}

export function loadEscrow(store: Store, jobId: string, now: Date): EscrowGate {
  const entries = new Map(store.escrows.forJob(jobId).map((e) => [objectKey(e.objectType, e.anchor), e]));
  const dueUnchanged = (key: string): boolean => {
    const entry = entries.get(key);
    return entry !== undefined && (entry.retryNow || escrowDue(entry, now, false).due);
  };
  return {
    waits: (key, stateHash) => {
      const entry = entries.get(key);
      if (!entry || entry.attemptedHash !== stateHash) return false;
      return !dueUnchanged(key);
    },
    owesUnchanged: [...entries.keys()].some(dueUnchanged),
  };
}
