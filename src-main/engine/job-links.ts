import type { ObjectType } from '@shared/domain/schema';
import type { LinkRecord } from '../store/links-repo';
import { splitObjectKey } from '../store/object-key';

/**
 * The job's links as a cycle sees them (link key → link). Only what every object needs is held for
 * all of them: that the link exists and its target id (a group's members are target ids). The
 * whole record, with the values Roster last exported, is read by key the first time an object
 * needs it. An incremental cycle touches the objects that changed, so it parses a hundred links
 * where loading them all parsed 100,000 (1.6 s and most of the cycle's garbage at 100k, issue 11).
 *
 * Links set during the cycle are kept here until their outcome is committed (`settled`): their rows
 * wait in the write-behind, so the store would not have them yet. After that the store has them, and
 * they are read from it like any other: an initial cycle of 100,000 users held every new link with
 * its exported values to the end (35 MB of the peak, issue 11). Records read from the store are not
 * kept either: a phase that needs a link again reads it again, one lookup by key.
 */
export interface LinkLookup {
  get(key: string): LinkRecord | undefined;
  has(key: string): boolean;
  /** The linked object's target id, without reading its record. */
  targetIdOf(key: string): string | undefined;
  set(key: string, link: LinkRecord): void;
  /** The outcome that wrote `link` is committed: the store has it now, unless `set` gave a newer one. */
  settled(key: string, link: LinkRecord): void;
  delete(key: string): void;
  readonly size: number;
  keys(): IterableIterator<string>;
  /** Keys whose link this cycle set or deleted (the membership phase skips groups none of them touch). */
  readonly changedKeys: ReadonlySet<string>;
}

/** Reads one link by its key; null when the store has none. */
export type LinkReader = (objectType: ObjectType, anchor: string) => LinkRecord | null;

export class JobLinks implements LinkLookup {
  private readonly records = new Map<string, LinkRecord>();
  private readonly changed = new Set<string>();

  constructor(
    /** Link key → target id, for every link of the job. */
    private readonly targetIds: Map<string, string>,
    private readonly read: LinkReader,
  ) {}

  get(key: string): LinkRecord | undefined {
    const held = this.records.get(key);
    if (held || !this.targetIds.has(key)) return held;
    const { objectType, anchor } = splitObjectKey(key);
    return this.read(objectType, anchor) ?? undefined;
  }

  has(key: string): boolean {
    return this.targetIds.has(key);
  }

  targetIdOf(key: string): string | undefined {
    return this.targetIds.get(key);
  }

  set(key: string, link: LinkRecord): void {
    this.targetIds.set(key, link.targetId);
    this.records.set(key, link);
    this.changed.add(key);
  }

  settled(key: string, link: LinkRecord): void {
    if (this.records.get(key) === link) this.records.delete(key);
  }

  delete(key: string): void {
    this.targetIds.delete(key);
    this.records.delete(key);
    this.changed.add(key);
  }

  get changedKeys(): ReadonlySet<string> {
    return this.changed;
  }

  get size(): number {
    return this.targetIds.size;
  }

  keys(): IterableIterator<string> {
    return this.targetIds.keys();
  }
}
