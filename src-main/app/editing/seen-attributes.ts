import type { SourceSchemaAttribute } from '@shared/domain/schema';
import type { SourceObject } from '../../connectors/connector';
import type { SourceSnapshot } from './source-snapshots';

/** Looking at every object of a huge directory adds nothing after the first few thousand. */
const sampleSize = 5_000;

function typeOf(value: unknown): SourceSchemaAttribute['type'] {
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return 'Integer';
  return 'String';
}

/** The attributes the read objects really hold, typed from their values. */
export function seenAttributes(snapshot: SourceSnapshot): SourceSchemaAttribute[] {
  const found = new Map<string, SourceSchemaAttribute>();
  const look = (objects: Iterable<SourceObject>) => {
    let n = 0;
    for (const object of objects) {
      if (++n > sampleSize) break;
      for (const [name, value] of Object.entries(object.attributes)) {
        const key = `${object.type}:${name.toLowerCase()}`;
        if (value === null || found.has(key)) continue;
        found.set(key, {
          objectType: object.type,
          name,
          type: typeOf(value),
          multiValued: Array.isArray(value),
        });
      }
    }
  };
  look(snapshot.users.values());
  look(snapshot.groups.values());
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
