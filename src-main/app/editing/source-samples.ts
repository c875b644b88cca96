import type { SourceObjectSample } from '@shared/domain/job-editing';
import type { SourceValue } from '@shared/domain/schema';
import type { SourceObject } from '../../connectors/connector';
import { sourceAttributesFor } from '../../engine/object-mappings';

/**
 * One source object as the mapping evaluator sees it (`sourceAttributesFor`): its attributes plus the
 * virtual `objectId` and `IsSoftDeleted`. Without a job there is no scoping filter, so an object is
 * in scope unless the source disables or soft-deletes it (what `scope: all` with no filter decides).
 */
export function sampleOf(
  object: SourceObject,
  inScope = !object.disabled && !object.softDeleted,
): SourceObjectSample {
  const attributes: Record<string, SourceValue> = {};
  for (const [name, value] of Object.entries(sourceAttributesFor(object, inScope))) {
    attributes[name] = toSourceValue(value);
  }
  if (object.type === 'Group' && object.members && !('members' in attributes)) {
    attributes['members'] = [...object.members];
  }
  return { objectType: object.type, anchor: object.anchor, displayName: object.displayName, attributes };
}

function toSourceValue(value: unknown): SourceValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String);
  return JSON.stringify(value);
}
