/**
 * Turns a parsed SCIM filter into SQL when every branch is a plain `eq` on an indexed column, which is
 * what provisioning clients send (`userName eq "…"`, `externalId eq "…"`, `displayName eq "…"`).
 * Anything else is answered by scanning with SCIMMY's own filter matcher instead.
 */

/** Columns a filter may reach; the names are fixed here, never taken from a request. */
export type IndexedColumn = 'id' | 'user_name' | 'external_id' | 'display_name' | 'active';

export interface Equality {
  column: IndexedColumn;
  value: string | number;
}

export type FilterPlan =
  | { kind: 'all' }
  /** OR of ANDs, the same shape as SCIMMY's parsed filter. */
  | { kind: 'indexed'; anyOf: Equality[][] }
  | { kind: 'scan' };

/** Maps lower-cased SCIM attribute names to their columns, per resource type. */
export type IndexedAttributes = Readonly<Record<string, IndexedColumn>>;

export const userIndexedAttributes: IndexedAttributes = {
  id: 'id',
  username: 'user_name',
  externalid: 'external_id',
  displayname: 'display_name',
  active: 'active',
};

export const groupIndexedAttributes: IndexedAttributes = {
  id: 'id',
  displayname: 'display_name',
  externalid: 'external_id',
};

/**
 * `branches` is SCIMMY's parsed filter as plain data: a list of objects (OR), each mapping attribute
 * names to an expression such as `["eq", "ann"]` (AND). Nested objects are sub-attributes.
 */
export function planFilter(
  branches: readonly unknown[] | undefined,
  attributes: IndexedAttributes,
): FilterPlan {
  if (branches === undefined || branches.length === 0) return { kind: 'all' };
  const anyOf: Equality[][] = [];
  for (const branch of branches) {
    if (!isPlainObject(branch)) return { kind: 'scan' };
    const allOf: Equality[] = [];
    for (const [name, expression] of Object.entries(branch)) {
      const column = attributes[name.toLowerCase()];
      if (column === undefined || !Array.isArray(expression) || expression.length !== 2)
        return { kind: 'scan' };
      const [operator, value] = expression as unknown[];
      if (typeof operator !== 'string' || operator.toLowerCase() !== 'eq') return { kind: 'scan' };
      const sqlValue =
        column === 'active' ? booleanValue(value) : typeof value === 'string' ? value : undefined;
      if (sqlValue === undefined) return { kind: 'scan' };
      allOf.push({ column, value: sqlValue });
    }
    if (allOf.length === 0) return { kind: 'scan' };
    anyOf.push(allOf);
  }
  return { kind: 'indexed', anyOf };
}

/** Builds `(a = ? AND b = ?) OR (…)`; collation comes from the column definitions. */
export function whereClause(anyOf: readonly Equality[][]): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  const sql = anyOf
    .map((allOf) =>
      allOf
        .map(({ column, value }) => {
          params.push(value);
          return `${column} = ?`;
        })
        .join(' AND '),
    )
    .map((clause) => `(${clause})`)
    .join(' OR ');
  return { sql, params };
}

/** Entra filters on `active eq "False"` as well as on the boolean, so both forms are accepted. */
function booleanValue(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^(true|false)$/i.test(value))
    return value.toLowerCase() === 'true' ? 1 : 0;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
