/**
 * Groups as they are collected from a groups column or a memberships file, before they become
 * SourceObjects: an anchor, a display name, the member anchors, and where the group was first seen.
 */
export interface GroupDraft {
  anchor: string;
  displayName: string;
  members: Set<string>;
  /** Where the group was first mentioned: `hr.csv:3`, `memberships.csv:2`. */
  origin: string;
}

export function addMember(
  groups: Map<string, GroupDraft>,
  anchor: string,
  displayName: string,
  member: string | null,
  origin: string,
): GroupDraft {
  let group = groups.get(anchor);
  if (!group) {
    group = { anchor, displayName, members: new Set(), origin };
    groups.set(anchor, group);
  }
  if (member !== null) group.members.add(member);
  return group;
}
