/**
 * Noticing deletions without remembering every anchor. The watermark keeps the count and an
 * order-independent digest (a sum of anchor hashes) of the objects that were "settled" at the last
 * read: created before its cutoff (the watermark's USN on AD; the second before the watermark's time
 * elsewhere, since creation times have one-second granularity). Next time, the objects created before
 * that same cutoff are summed again: nothing deleted (or moved out of scope) gives the same set, so
 * the same count and digest; anything else does not, and the read turns full so the engine can
 * compare anchors. (An object moved into scope also changes the set: a harmless extra full read.)
 */
import { createHash } from 'node:crypto';

const modulus = 2n ** 64n;

export function anchorHash(anchor: string): bigint {
  return createHash('sha256').update(anchor).digest().readBigUInt64BE(0);
}

export class SettledSet {
  count = 0;
  private sum = 0n;

  add(anchor: string): void {
    this.count++;
    this.sum = (this.sum + anchorHash(anchor)) % modulus;
  }

  /** 16 hex digits. */
  digest(): string {
    return this.sum.toString(16).padStart(16, '0');
  }
}

/** Digest of `base` plus more anchors (AD: the deleted ones named by the show-deleted control). */
export function digestWith(base: string, anchors: readonly string[]): string {
  let sum = BigInt(`0x${base}`);
  for (const anchor of anchors) sum = (sum + anchorHash(anchor)) % modulus;
  return sum.toString(16).padStart(16, '0');
}
