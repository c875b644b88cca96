/**
 * Matching without a filter, for a target that cannot filter on the matching attribute: the server
 * declares `filter.supported: false`, or the app documents which attributes `filter=` works on and
 * this one is not among them (an AWS- or Atlassian-like app answers 400 invalidFilter). Sending the
 * filter would fail every object; instead the type's objects are listed once per connector (once per
 * cycle), page by page, only `id` and the matching attribute kept, and each lookup is answered from
 * that index with a read by id of the hits — one GET per match, as with a filter.
 *
 * The list is a snapshot, so it is kept honest for the rest of the cycle: what this connector creates
 * is added, and a create that conflicted (409: someone else has the value) or whose answer was lost
 * drops the snapshot, so the engine's live look-up after it (apply-create.ts) lists again.
 */
import type { ObjectType, TargetValue } from '@shared/domain/schema';
import { isConnectorError, type TargetObjectState, type TargetPage } from '../connector';

export interface ListMatchDeps {
  list(type: ObjectType, paths: readonly string[]): AsyncIterable<TargetPage>;
  get(type: ObjectType, id: string, paths: readonly string[]): Promise<TargetObjectState>;
}

export interface ListMatcher {
  /** Like a `path eq value` query: case-insensitive, as SCIM compares attributes that are not caseExact. */
  find(type: ObjectType, path: string, value: string, paths: readonly string[]): Promise<TargetObjectState[]>;
  /** An object this connector created: matched from now on without listing again. */
  created(type: ObjectType, object: TargetObjectState): void;
  /** The snapshot of this type may be wrong (a conflict, a lost answer): the next look-up lists again. */
  forget(type: ObjectType): void;
}

type ValueIndex = Map<string, string[]>;

function fold(value: string): string {
  return value.toLowerCase();
}

function valuesOf(value: TargetValue | undefined): string[] {
  if (value === null || value === undefined || value === '') return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function addTo(index: ValueIndex, value: string, id: string): void {
  const key = fold(value);
  const ids = index.get(key);
  if (!ids) index.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

export function createListMatcher(deps: ListMatchDeps): ListMatcher {
  /** `${type}\0${path}` → the index being built or built; lookups running at once share one listing. */
  const indexes = new Map<string, Promise<ValueIndex>>();
  const keyOf = (type: ObjectType, path: string) => `${type}\u0000${path}`;

  async function build(type: ObjectType, path: string): Promise<ValueIndex> {
    const index: ValueIndex = new Map();
    for await (const page of deps.list(type, [path])) {
      for (const object of page.objects) {
        for (const value of valuesOf(object.values[path])) addTo(index, value, object.id);
      }
    }
    return index;
  }

  function indexFor(type: ObjectType, path: string): Promise<ValueIndex> {
    const key = keyOf(type, path);
    let index = indexes.get(key);
    if (!index) {
      index = build(type, path);
      indexes.set(key, index);
      // A list that failed is not kept: the next look-up tries again (the object fails as a query would).
      index.catch(() => {
        if (indexes.get(key) === index) indexes.delete(key);
      });
    }
    return index;
  }

  return {
    async find(type, path, value, paths) {
      const ids = (await indexFor(type, path)).get(fold(value)) ?? [];
      const found: TargetObjectState[] = [];
      for (const id of ids) {
        try {
          const object = await deps.get(type, id, paths);
          // Changed since the list was read: it no longer has the value.
          if (!(path in object.values) || valuesOf(object.values[path]).some((v) => fold(v) === fold(value)))
            found.push(object);
        } catch (error) {
          // Deleted since the list was read.
          if (isConnectorError(error) && error.errorClass === 'notFound') continue;
          throw error;
        }
      }
      return found;
    },

    created(type, object) {
      for (const [key, index] of indexes) {
        const [keyType, path] = key.split('\u0000') as [string, string];
        if (keyType !== type) continue;
        void index.then(
          (values) => {
            for (const value of valuesOf(object.values[path])) addTo(values, value, object.id);
          },
          () => undefined,
        );
      }
    },

    forget(type) {
      for (const key of [...indexes.keys()]) if (key.startsWith(`${type}\u0000`)) indexes.delete(key);
    },
  };
}
