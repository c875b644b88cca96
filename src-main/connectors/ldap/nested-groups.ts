/**
 * The users a group contains at any depth. On AD one search does it with the in-chain matching rule
 * (LDAP_MATCHING_RULE_IN_CHAIN, 1.2.840.113556.1.4.1941); elsewhere Roster walks the member lists,
 * visiting each group once, so membership cycles are harmless. Reads give direct members only (the
 * engine expands them when the job's expandNestedGroups is on); this is for showing an admin who is
 * in a group after nesting, and for checking the engine's view against the directory's.
 */
import { anchorOf } from './anchors';
import { normalizeDn } from './dn';
import { andFilter, escapeFilterValue } from './filter';
import { memberDnsOf } from './group-members';
import { textsOf } from './ldap-entry';
import type { LdapSession } from './ldap-session';
import { inChainRule } from './server-type';
import type { SourceConfig } from './source-config';

export interface EffectiveMember {
  dn: string;
  anchor: string;
}

export async function effectiveUserMembers(
  session: LdapSession,
  config: SourceConfig,
  groupDn: string,
): Promise<EffectiveMember[]> {
  const members: EffectiveMember[] = [];
  if (session.rootDse.serverType === 'activeDirectory') {
    const filter = andFilter(config.userFilter, `(memberOf:${inChainRule}:=${escapeFilterValue(groupDn)})`);
    for await (const page of session.pages(config.userBase, {
      filter,
      attributes: [config.anchorAttribute],
      binary: ['objectGUID'],
      pageSize: config.pageSize,
      read: false,
    })) {
      for (const entry of page) {
        const anchor = anchorOf(entry, config.anchorAttribute);
        if (anchor) members.push({ dn: entry.dn, anchor });
      }
    }
    return members;
  }
  const visited = new Set<string>();
  const seenUsers = new Set<string>();
  const queue = [groupDn];
  const groupClasses = new Set(config.groupClasses.map((c) => c.toLowerCase()));
  while (queue.length > 0) {
    const dn = queue.shift() as string;
    if (visited.has(normalizeDn(dn))) continue;
    visited.add(normalizeDn(dn));
    const group = await session.readEntry(dn, ['member', 'uniqueMember']);
    if (!group) continue;
    for (const memberDn of await memberDnsOf(group, (d, description) =>
      session.readEntry(d, [description]),
    )) {
      const entry = await session.readEntry(
        memberDn.replace(/#'[01]*'B$/, ''),
        ['objectClass', config.anchorAttribute],
        { binary: ['objectGUID'] },
      );
      if (!entry) continue;
      const isGroup = textsOf(entry, 'objectClass').some((c) => groupClasses.has(c.toLowerCase()));
      if (isGroup) {
        queue.push(entry.dn);
        continue;
      }
      const anchor = anchorOf(entry, config.anchorAttribute);
      if (anchor && !seenUsers.has(anchor)) {
        seenUsers.add(anchor);
        members.push({ dn: entry.dn, anchor });
      }
    }
  }
  return members;
}
