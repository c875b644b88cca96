import type { SourceSchemaAttribute } from '@shared/domain/schema';
import type { SourceSchemaResult } from '@shared/domain/job-editing';
import { searchFields, searchObjects } from '../../engine/on-demand-search';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { connectionForRole } from './connection-lookup';
import type { SourceSnapshot, SourceSnapshots } from './source-snapshots';
import { withConnectorErrors } from './connector-failure';
import { sampleOf } from './source-samples';
import { seenAttributes } from './seen-attributes';

/** What every object carries for expressions whatever the source (engine/object-mappings.ts). */
function virtualAttributes(groups: boolean): SourceSchemaAttribute[] {
  const types = groups ? (['User', 'Group'] as const) : (['User'] as const);
  return types.flatMap((objectType) => [
    { objectType, name: 'objectId', type: 'String' as const, multiValued: false },
    { objectType, name: 'IsSoftDeleted', type: 'Boolean' as const, multiValued: false },
  ]);
}

function originOf(
  connection: ConnectionRecord,
): Pick<SourceSchemaResult, 'origin' | 'originCode' | 'originParams'> {
  const settings = connection.settings;
  if (connection.kind === 'csv') {
    const path = typeof settings['path'] === 'string' ? settings['path'] : '';
    const file = path.split(/[\\/]/).pop() ?? path;
    return { origin: `header of ${file}`, originCode: 'csvHeader', originParams: { file } };
  }
  const base = typeof settings['baseDn'] === 'string' ? settings['baseDn'] : connection.name;
  return { origin: `subschema and objects of ${base}`, originCode: 'directory', originParams: { base } };
}

/** Adds the attributes a list lacks, by (object type, name case-insensitively). */
function union(first: SourceSchemaAttribute[], more: SourceSchemaAttribute[]): SourceSchemaAttribute[] {
  const seen = new Set(first.map((a) => `${a.objectType}:${a.name.toLowerCase()}`));
  const out = [...first];
  for (const a of more) {
    const key = `${a.objectType}:${a.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/**
 * The attributes an editor may choose from: what the connector declares (a CSV header with its column
 * roles applied, a directory's subschema), the virtual ones every object carries, and — for a
 * directory, whose subschema may miss auxiliary classes — what the read objects really hold.
 */
export function schemaOf(snapshot: SourceSnapshot, connection: ConnectionRecord): SourceSchemaAttribute[] {
  const groups = snapshot.groupsRead || snapshot.schema.some((a) => a.objectType === 'Group');
  const declared = union(snapshot.schema, virtualAttributes(groups));
  return connection.kind === 'csv' ? declared : union(declared, seenAttributes(snapshot));
}

export function sourceHandlers(
  ctx: AppContext,
  snapshots: SourceSnapshots,
): HandlerGroup<'sources.schema' | 'sources.search'> {
  return {
    'sources.schema': async ({ sourceConnection }): Promise<SourceSchemaResult> => {
      const connection = connectionForRole(ctx, sourceConnection, 'source', 'sourceConnection');
      const snapshot = await withConnectorErrors(connection.name, 'sourceConnection', () =>
        snapshots.get(connection),
      );
      return { attributes: schemaOf(snapshot, connection), ...originOf(connection) };
    },
    'sources.search': async ({ sourceConnection, objectType, query, limit }) => {
      const connection = connectionForRole(ctx, sourceConnection, 'source', 'sourceConnection');
      const snapshot = await withConnectorErrors(connection.name, 'sourceConnection', () =>
        snapshots.get(connection),
      );
      const objects = objectType === 'User' ? snapshot.users : snapshot.groups;
      const found =
        query === ''
          ? [...objects.values()].slice(0, limit)
          : searchObjects(objects.values(), searchFields(null), query)
              .slice(0, limit)
              .map((hit) => hit.object);
      return { items: found.map((object) => sampleOf(object)), total: objects.size, readAt: snapshot.readAt };
    },
  };
}
