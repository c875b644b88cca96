import type { TargetSchemaAttribute } from '@shared/domain/schema';

/** The properties an admin can see and change in the schema editor; a difference in one is a change. */
export const schemaProperties = [
  'type',
  'primaryKey',
  'required',
  'multiValued',
  'caseExact',
  'referencedObject',
] as const;
export type SchemaProperty = (typeof schemaProperties)[number];

export interface SchemaChange {
  /** `User:emails[type eq "work"].value`: object type and name, the name compared ignoring case (SCIM names are). */
  key: string;
  before: TargetSchemaAttribute;
  after: TargetSchemaAttribute;
  properties: SchemaProperty[];
}

export interface SchemaDiff {
  added: TargetSchemaAttribute[];
  removed: TargetSchemaAttribute[];
  changed: SchemaChange[];
  unchanged: number;
}

export function schemaKey(attribute: Pick<TargetSchemaAttribute, 'objectType' | 'name'>): string {
  return `${attribute.objectType}:${attribute.name.toLowerCase()}`;
}

function differences(before: TargetSchemaAttribute, after: TargetSchemaAttribute): SchemaProperty[] {
  return schemaProperties.filter((p) => (before[p] ?? null) !== (after[p] ?? null));
}

/**
 * What "Refresh from the app" would change in the job's attribute list: attributes the app publishes
 * that the job lacks, attributes the job has that the app no longer publishes, and attributes whose
 * properties differ (which ones). Order follows the lists, so the review reads like the app's schema.
 */
export function diffTargetSchema(
  current: readonly TargetSchemaAttribute[],
  discovered: readonly TargetSchemaAttribute[],
): SchemaDiff {
  const now = new Map(current.map((a) => [schemaKey(a), a]));
  const found = new Map(discovered.map((a) => [schemaKey(a), a]));
  const diff: SchemaDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, after] of found) {
    const before = now.get(key);
    if (!before) {
      diff.added.push(after);
      continue;
    }
    const properties = differences(before, after);
    if (properties.length > 0) diff.changed.push({ key, before, after, properties });
    else diff.unchanged++;
  }
  for (const [key, before] of now) if (!found.has(key)) diff.removed.push(before);
  return diff;
}

export function isEmptyDiff(diff: SchemaDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/**
 * The job's attribute list with the chosen parts of a diff applied (keys from `schemaKey`). Changed
 * attributes stay where they were, so the table does not jump; added ones go after the last attribute
 * of their object type (at the end when there is none). A description the admin wrote survives a change the app publishes without one.
 */
export function applySchemaDiff(
  current: readonly TargetSchemaAttribute[],
  diff: SchemaDiff,
  chosen: ReadonlySet<string>,
): TargetSchemaAttribute[] {
  const changes = new Map(diff.changed.filter((c) => chosen.has(c.key)).map((c) => [c.key, c]));
  const removed = new Set(diff.removed.map(schemaKey).filter((key) => chosen.has(key)));
  const result: TargetSchemaAttribute[] = [];
  for (const attribute of current) {
    const key = schemaKey(attribute);
    if (removed.has(key)) continue;
    const change = changes.get(key);
    result.push(
      change
        ? {
            ...change.after,
            name: attribute.name,
            ...(change.after.description === undefined && attribute.description !== undefined
              ? { description: attribute.description }
              : {}),
          }
        : attribute,
    );
  }
  for (const attribute of diff.added) {
    if (!chosen.has(schemaKey(attribute))) continue;
    const lastOfType = result.map((a) => a.objectType).lastIndexOf(attribute.objectType);
    if (lastOfType < 0) result.push(attribute);
    else result.splice(lastOfType + 1, 0, attribute);
  }
  return result;
}
