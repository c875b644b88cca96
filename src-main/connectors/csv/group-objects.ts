/**
 * Collected groups → Group SourceObjects, sorted by anchor so that reads are reproducible. Members
 * are user anchors (nested groups are not read from CSV: capabilities.nestedGroups is false).
 */
import { type SourceObject } from '../connector';
import { createYielder } from './event-loop';
import { type GroupDraft } from './group-drafts';
import { objectHash } from './object-hash';

/** Async because large groups take a while to sort and hash: it yields between groups. */
export async function toGroupObjects(drafts: ReadonlyMap<string, GroupDraft>): Promise<SourceObject[]> {
  const anchors = [...drafts.keys()].sort();
  const objects: SourceObject[] = [];
  const yielder = createYielder(1);
  for (const anchor of anchors) {
    const pause = yielder.maybeYield();
    if (pause) await pause;
    const draft = drafts.get(anchor);
    if (!draft) continue;
    const members = [...draft.members].sort();
    // One literal, hash filled in after (see user-object.ts: a spread would give each object its own hidden class).
    const object: SourceObject = {
      type: 'Group',
      anchor,
      displayName: draft.displayName,
      // `members` is an attribute too, so the default mapping members → members (§5.8) has a source.
      attributes: { displayName: draft.displayName, objectId: anchor, members },
      disabled: false,
      softDeleted: false,
      members,
      hash: '',
      origin: draft.origin,
    };
    object.hash = objectHash(object);
    objects.push(object);
  }
  return objects;
}
