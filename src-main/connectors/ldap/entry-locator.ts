/**
 * Target ids are the entry's objectGUID (AD) or entryUUID (elsewhere), not its DN: they survive
 * renames and moves, so a link stays valid when an admin reorganises OUs. Writes need the DN, so ids
 * are resolved with a search (cached for the connector's life, updated on Roster's own renames).
 */
import { EqualityFilter, OrFilter, type Filter } from 'ldapts';
import { ConnectorError } from '../connector';
import { guidToBytes, isGuidString } from './ad-values';
import { anchorOf } from './anchors';
import { escapeFilterValue } from './filter';
import type { LdapEntry } from './ldap-entry';
import type { LdapSession } from './ldap-session';

export interface Located {
  id: string;
  entry: LdapEntry;
}

function idFilter(idAttribute: string, id: string): Filter {
  if (idAttribute.toLowerCase() === 'objectguid') {
    if (!isGuidString(id))
      throw new ConnectorError('notFound', 'InvalidAnchor', `"${id}" is not an objectGUID.`);
    // Bytes, not text: ldapts' string filters would turn \xx escapes into characters and garble them.
    return new EqualityFilter({ attribute: 'objectGUID', value: guidToBytes(id) });
  }
  return new EqualityFilter({ attribute: idAttribute, value: id });
}

export class EntryLocator {
  private readonly dns = new Map<string, string>();

  constructor(
    private readonly session: () => Promise<LdapSession>,
    private readonly idAttribute: string,
    private readonly searchBase: string,
  ) {}

  /** The entry with this id, with `attributes`; rejects with notFound (InvalidAnchor) when there is none. */
  async get(id: string, attributes: readonly string[]): Promise<LdapEntry> {
    const session = await this.session();
    const wanted = [...new Set([...attributes, this.idAttribute])];
    const cached = this.dns.get(id);
    if (cached) {
      const entry = await session.readEntry(cached, wanted, { binary: ['objectGUID'] });
      if (entry && anchorOf(entry, this.idAttribute) === id) return entry;
      this.dns.delete(id);
    }
    const found = await session.search(this.searchBase, {
      filter: idFilter(this.idAttribute, id),
      attributes: wanted,
      binary: ['objectGUID'],
      sizeLimit: 2,
    });
    const entry = found[0];
    if (!entry)
      throw new ConnectorError(
        'notFound',
        'InvalidAnchor',
        `No entry below ${this.searchBase} has ${this.idAttribute} ${id}.`,
        { status: 32 },
      );
    this.dns.set(id, entry.dn);
    return entry;
  }

  async dnOf(id: string): Promise<string> {
    return this.dns.get(id) ?? (await this.get(id, ['1.1'])).dn;
  }

  /** DNs of many ids at once (chunks of 100 in one OR filter); ids without an entry are left out. */
  async dnsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const missing = ids.filter((id) => {
      const dn = this.dns.get(id);
      if (dn) result.set(id, dn);
      return !dn;
    });
    const session = await this.session();
    for (let i = 0; i < missing.length; i += 100) {
      const chunk = missing.slice(i, i + 100);
      const filters = chunk
        .filter((id) => this.idAttribute.toLowerCase() !== 'objectguid' || isGuidString(id))
        .map((id) => idFilter(this.idAttribute, id));
      if (filters.length === 0) continue;
      const filter = filters.length === 1 ? (filters[0] as Filter) : new OrFilter({ filters });
      const found = await session.search(this.searchBase, {
        filter,
        attributes: [this.idAttribute],
        binary: ['objectGUID'],
      });
      for (const entry of found) {
        const id = anchorOf(entry, this.idAttribute);
        if (id) {
          result.set(id, entry.dn);
          this.dns.set(id, entry.dn);
        }
      }
    }
    return result;
  }

  idOf(entry: LdapEntry): string | null {
    return anchorOf(entry, this.idAttribute);
  }

  remember(id: string, dn: string): void {
    this.dns.set(id, dn);
  }

  forget(id: string): void {
    this.dns.delete(id);
  }
}

/** `(attr=value)` for matching, with RFC 4515 escaping (see filter.ts). */
export function matchFilter(attribute: string, value: string): string {
  return `(${attribute}=${escapeFilterValue(value)})`;
}
