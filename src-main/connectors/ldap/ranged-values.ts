/**
 * Ranged attribute retrieval (MS-ADTS §3.1.1.3.1.3.3): AD returns at most MaxValRange values of a
 * multi-valued attribute per entry (1500 by default), under a name like `member;range=0-1499`; the
 * rest is asked for as `member;range=1500-*` until the answer's range ends in `*`.
 */

export interface RangedName {
  /** The attribute without the range option: `member`. */
  attribute: string;
  low: number;
  /** Null when the range ends with `*`: these are the last values. */
  high: number | null;
}

const rangeOption = /^(.*?);range=(\d+)-(\d+|\*)$/i;

/** `member;range=0-1499` → { attribute: 'member', low: 0, high: 1499 }; null for plain names. */
export function parseRangedName(name: string): RangedName | null {
  const m = rangeOption.exec(name);
  if (!m) return null;
  const [, attribute = '', low = '0', high = '*'] = m;
  return { attribute, low: Number(low), high: high === '*' ? null : Number(high) };
}

/** The attribute description asking for values from `low` on: `member;range=1500-*`, or a bounded step. */
export function rangeRequest(attribute: string, low: number, step?: number): string {
  return `${attribute};range=${low}-${step === undefined ? '*' : low + step - 1}`;
}

/** The next `low` after a ranged answer, or null when that answer held the last values. */
export function nextRangeStart(range: RangedName, received: number): number | null {
  if (range.high === null) return null;
  // An empty answer that does not end in `*` would loop forever; treat it as the end.
  if (received === 0) return null;
  return range.high + 1;
}
