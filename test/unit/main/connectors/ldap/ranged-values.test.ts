/**
 * Ranged retrieval (MS-ADTS §3.1.1.3.1.3.3 "Range Retrieval of Attribute Values"). The responses
 * below have the shape AD sends for a group over MaxValRange (1500 by default): the first search
 * answer carries `member;range=0-1499`, a follow-up asking `member;range=1500-*` gets
 * `member;range=1500-2999`, and the last answer's range ends in `*`. (samba-ad.test.ts runs the
 * explicit-range requests against a real Samba AD DC, which ranges only when asked.)
 */
import { describe, expect, it } from 'vitest';
import { memberDnsOf, readRangedValues } from '../../../../../src-main/connectors/ldap/group-members';
import type { LdapEntry } from '../../../../../src-main/connectors/ldap/ldap-entry';
import {
  nextRangeStart,
  parseRangedName,
  rangeRequest,
} from '../../../../../src-main/connectors/ldap/ranged-values';

const group = 'CN=All Staff,OU=Groups,DC=example,DC=com';
const members = Array.from({ length: 3200 }, (_, i) => `CN=User ${i},OU=Staff,DC=example,DC=com`);

function entry(attributes: Record<string, string[]>): LdapEntry {
  return {
    dn: group,
    attributes: new Map(
      Object.entries(attributes).map(([name, values]) => [name.toLowerCase(), { name, values }]),
    ),
  };
}

describe('range option names', () => {
  it('parses member;range=low-high and the open end', () => {
    expect(parseRangedName('member;range=0-1499')).toEqual({ attribute: 'member', low: 0, high: 1499 });
    expect(parseRangedName('member;Range=1500-*')).toEqual({ attribute: 'member', low: 1500, high: null });
    expect(parseRangedName('member')).toBeNull();
    expect(rangeRequest('member', 1500)).toBe('member;range=1500-*');
    expect(rangeRequest('member', 100, 50)).toBe('member;range=100-149');
    expect(nextRangeStart({ attribute: 'member', low: 0, high: 1499 }, 1500)).toBe(1500);
    expect(nextRangeStart({ attribute: 'member', low: 3000, high: null }, 200)).toBeNull();
    expect(nextRangeStart({ attribute: 'member', low: 0, high: 1499 }, 0)).toBeNull();
  });
});

describe('a group larger than MaxValRange', () => {
  const requests: string[] = [];
  const fetch = (dn: string, description: string): Promise<LdapEntry | null> => {
    requests.push(description);
    expect(dn).toBe(group);
    const low = parseRangedName(description)?.low ?? 0;
    const high = Math.min(low + 1499, members.length - 1);
    const last = high === members.length - 1;
    return Promise.resolve(
      entry({ [`member;range=${low}-${last ? '*' : high}`]: members.slice(low, high + 1) }),
    );
  };

  it('follows the ranges from the first search answer to the end', async () => {
    requests.length = 0;
    const first = entry({ cn: ['All Staff'], 'member;range=0-1499': members.slice(0, 1500) });
    const dns = await memberDnsOf(first, fetch);
    expect(requests).toEqual(['member;range=1500-*', 'member;range=3000-*']);
    expect(dns).toEqual(members);
  });

  it('reads everything with bounded steps when asked', async () => {
    requests.length = 0;
    const dns = await readRangedValues(group, 'member', 0, fetch, 1500);
    expect(requests).toEqual(['member;range=0-1499', 'member;range=1500-2999', 'member;range=3000-4499']);
    expect(dns).toEqual(members);
  });

  it('takes plain member values as complete', async () => {
    expect(await memberDnsOf(entry({ member: members.slice(0, 3) }), fetch)).toEqual(members.slice(0, 3));
  });

  it('stops the read when the group vanishes mid-way', async () => {
    await expect(readRangedValues(group, 'member', 1500, () => Promise.resolve(null))).rejects.toMatchObject({
      errorClass: 'stopCycle',
      code: 'GroupVanished',
    });
  });
});
