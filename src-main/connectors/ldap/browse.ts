/**
 * The base-DN browser behind the connection form: one level of the tree at a time. The empty DN
 * lists the server's naming contexts. Whether an entry has children comes from hasSubordinates
 * (OpenLDAP and most servers), msDS-Approx-Immed-Subordinates (AD), or else a one-entry probe.
 */
import type { LdapSession } from './ldap-session';
import { leafRdn } from './dn';
import { textOf, textsOf, type LdapEntry } from './ldap-entry';

export interface BrowseEntry {
  dn: string;
  rdn: string;
  objectClass: string[];
  hasChildren: boolean;
}

export interface BrowseResult {
  entries: BrowseEntry[];
  /** More children exist than `limit`; the first ones are listed. */
  truncated: boolean;
}

const childrenAttributes = ['objectClass', 'hasSubordinates', 'msDS-Approx-Immed-Subordinates'];

async function hasChildren(session: LdapSession, entry: LdapEntry): Promise<boolean> {
  const flag = textOf(entry, 'hasSubordinates');
  if (flag !== null) return flag.toUpperCase() === 'TRUE';
  const approx = textOf(entry, 'msDS-Approx-Immed-Subordinates');
  if (approx !== null) return Number(approx) > 0;
  const probe = await session.search(entry.dn, {
    scope: 'one',
    filter: '(objectClass=*)',
    attributes: ['1.1'],
    sizeLimit: 1,
  });
  return probe.length > 0;
}

export async function listChildren(session: LdapSession, dn: string, limit = 1000): Promise<BrowseResult> {
  let found: LdapEntry[];
  let truncated = false;
  if (dn.trim() === '') {
    found = [];
    for (const context of session.rootDse.namingContexts) {
      const entry = await session.readEntry(context, childrenAttributes);
      if (entry) found.push(entry);
    }
  } else {
    found = [];
    for await (const page of session.pages(dn, {
      scope: 'one',
      filter: '(objectClass=*)',
      attributes: childrenAttributes,
      pageSize: 500,
      read: false,
    })) {
      found.push(...page);
      if (found.length > limit) {
        truncated = true;
        break;
      }
    }
    found = found.slice(0, limit);
  }
  const entries: BrowseEntry[] = [];
  for (const entry of found) {
    entries.push({
      dn: entry.dn,
      rdn: leafRdn(entry.dn),
      objectClass: textsOf(entry, 'objectClass'),
      hasChildren: await hasChildren(session, entry),
    });
  }
  entries.sort((a, b) => a.rdn.localeCompare(b.rdn));
  return { entries, truncated };
}
