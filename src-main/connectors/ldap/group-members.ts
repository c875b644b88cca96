/**
 * A group's member DNs, complete: the plain `member`/`uniqueMember` values, or — when the server
 * answered with a range (`member;range=0-1499`, AD's MaxValRange) — every further range, fetched
 * with base reads of the group until a range ends in `*`.
 */
import { ConnectorError } from '../connector';
import { textsOf, type LdapEntry } from './ldap-entry';
import { nextRangeStart, parseRangedName, rangeRequest } from './ranged-values';

/** Reads `attributeDescription` (e.g. `member;range=1500-*`) of the group; null when it is gone. */
export type RangeFetcher = (dn: string, attributeDescription: string) => Promise<LdapEntry | null>;

/** Guards against a server that keeps answering the same range. */
const maxRangeRequests = 100_000;

/**
 * Every value of a ranged attribute from `start` on. `step` asks bounded ranges (tests and servers
 * that only range when asked); without it the server decides the size of each range.
 */
export async function readRangedValues(
  dn: string,
  attribute: string,
  start: number,
  fetch: RangeFetcher,
  step?: number,
): Promise<string[]> {
  const values: string[] = [];
  let low: number | null = start;
  for (let requests = 0; low !== null; requests++) {
    if (requests >= maxRangeRequests) {
      throw new ConnectorError(
        'stopCycle',
        'RangeRetrievalLoop',
        `Ranged retrieval of ${attribute} on ${dn} did not end.`,
      );
    }
    const entry = await fetch(dn, rangeRequest(attribute, low, step));
    if (!entry)
      throw new ConnectorError(
        'stopCycle',
        'GroupVanished',
        `${dn} disappeared while its members were read.`,
      );
    const ranged = [...entry.attributes.values()]
      .map((a) => ({ a, range: parseRangedName(a.name) }))
      .find((x) => x.range && x.range.attribute.toLowerCase() === attribute.toLowerCase());
    if (!ranged?.range) {
      // No ranged answer: the server returned the values plainly (all of them; the caller's set
      // drops the repeats), or none are left.
      values.push(...textsOf(entry, attribute));
      return values;
    }
    const received = textsOf(entry, ranged.a.name);
    values.push(...received);
    low = nextRangeStart(ranged.range, received.length);
  }
  return values;
}

/** All member DNs of a group entry as read by a search, fetching further ranges when needed. */
export async function memberDnsOf(entry: LdapEntry, fetch: RangeFetcher): Promise<string[]> {
  const dns: string[] = [];
  for (const attribute of entry.attributes.values()) {
    const range = parseRangedName(attribute.name);
    const base = range ? range.attribute.toLowerCase() : attribute.name.toLowerCase();
    if (base !== 'member' && base !== 'uniquemember') continue;
    const values = textsOf(entry, attribute.name);
    dns.push(...values);
    if (range) {
      const next = nextRangeStart(range, values.length);
      if (next !== null) dns.push(...(await readRangedValues(entry.dn, range.attribute, next, fetch)));
    }
  }
  return dns;
}
