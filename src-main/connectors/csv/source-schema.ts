/**
 * What discoverSchema reports: one User attribute per column (typed as configured, the manager column
 * a Reference to a User), the computed displayName when the file has none, and the Group attributes
 * when groups are configured. Virtual attributes such as IsSoftDeleted are the engine's.
 */
import { type SourceSchemaAttribute } from '@shared/domain/schema';
import { type ColumnPlan } from './columns';

export function userSchema(plan: ColumnPlan, addsDisplayName: boolean): SourceSchemaAttribute[] {
  const attributes = plan.columns.map((column): SourceSchemaAttribute => ({
    objectType: 'User',
    name: column.name,
    type: column.type,
    multiValued: column.separator !== null,
    ...(column.type === 'Reference' ? { referencedObject: 'User' as const } : {}),
  }));
  if (addsDisplayName) {
    attributes.push({ objectType: 'User', name: 'displayName', type: 'String', multiValued: false });
  }
  return attributes;
}

export function groupSchema(): SourceSchemaAttribute[] {
  return [
    { objectType: 'Group', name: 'displayName', type: 'String', multiValued: false },
    { objectType: 'Group', name: 'objectId', type: 'String', multiValued: false },
    { objectType: 'Group', name: 'members', type: 'Reference', multiValued: true, referencedObject: 'User' },
  ];
}
