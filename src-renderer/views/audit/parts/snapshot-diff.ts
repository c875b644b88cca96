/**
 * What changed between two audit snapshots, as rows a person reads: a setting as "field: before →
 * after", a list of mappings (or schema attributes, scoping filters, assignments) as rows added,
 * removed or changed — matched by what identifies them (a mapping by its target attribute), so
 * reordering or one edited mapping never shows as a wall of JSON.
 */

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface FieldChange {
  /** Segments from the snapshot's root: ['settings', 'baseUrl'], ['objectMappings', 'Users', 'attributeMappings', 'userName']. */
  segments: string[];
  /** The same, dotted (stable key for lists and tests). */
  path: string;
  kind: ChangeKind;
  /** One line, never JSON: a value, or a row's summary. null when there is none (added / removed). */
  before: string | null;
  after: string | null;
}

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What identifies a row of a list, by the list's name; lists not named here are matched by position. */
const rowKeys: Record<string, (row: Record<string, Json>) => string | null> = {
  objectMappings: (row) => text(row['name']),
  attributeMappings: (row) => text(row['target']),
  targetSchema: (row) => {
    const type = text(row['objectType']);
    const name = text(row['name']);
    return type && name ? `${type}.${name}` : null;
  },
};

function text(value: Json): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A value on one line: strings as they are, lists joined, objects as "key: value" pairs. */
export function showValue(value: Json): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${k}: ${showValue(v)}`)
      .join('; ');
  }
  return '';
}

/** A row of a list in a few words: a mapping as "Expression Join(…) → displayName", others by their fields. */
export function summarizeRow(list: string, row: Json): string {
  if (!isRecord(row)) return showValue(row);
  if (list === 'attributeMappings') {
    const source = text(row['source']);
    const arrow = source ? `${source} → ` : '';
    const extras = [
      row['apply'] && row['apply'] !== 'Always' ? String(showValue(row['apply'])) : null,
      typeof row['matchingPriority'] === 'number' && row['matchingPriority'] > 0
        ? `match #${row['matchingPriority']}`
        : null,
      text(row['defaultValue']) ? `default ${showValue(row['defaultValue'])}` : null,
    ].filter((x): x is string => x !== null);
    return `${showValue(row['type'])}: ${arrow}${showValue(row['target'])}${extras.length ? ` (${extras.join(', ')})` : ''}`;
  }
  if (list === 'objectMappings') {
    const mappings = Array.isArray(row['attributeMappings']) ? row['attributeMappings'].length : 0;
    return `${showValue(row['name'])}: ${showValue(row['sourceObject'])} → ${showValue(row['targetObject'])}, ${mappings} mappings`;
  }
  if (list === 'targetSchema') {
    const flags = ['primaryKey', 'required', 'multiValued', 'caseExact'].filter((f) => row[f] === true);
    return `${showValue(row['objectType'])}.${showValue(row['name'])} (${[showValue(row['type']), ...flags].filter(Boolean).join(', ')})`;
  }
  if (list === 'filters' && Array.isArray(row['clauses'])) {
    return row['clauses']
      .map((clause) =>
        isRecord(clause)
          ? [clause['attribute'], clause['operator'], clause['value']]
              .map(showValue)
              .filter(Boolean)
              .join(' ')
          : showValue(clause),
      )
      .join(' AND ');
  }
  return showValue(row);
}

function push(
  out: FieldChange[],
  segments: string[],
  kind: ChangeKind,
  before: string | null,
  after: string | null,
): void {
  out.push({ segments, path: segments.join('.'), kind, before, after });
}

function diffLists(list: string, a: Json[], b: Json[], segments: string[], out: FieldChange[]): void {
  const keyOf = rowKeys[list];
  const primitives = [...a, ...b].every((v) => !isRecord(v) && !Array.isArray(v));
  if (primitives) {
    // Assignments, object classes, status values: which values came and went.
    const before = new Set(a.map(showValue));
    const after = new Set(b.map(showValue));
    const removed = [...before].filter((v) => !after.has(v));
    const added = [...after].filter((v) => !before.has(v));
    for (const value of removed) push(out, [...segments, value], 'removed', value, null);
    for (const value of added) push(out, [...segments, value], 'added', null, value);
    return;
  }
  const keyed = (rows: Json[]) =>
    rows.map((row, index) => ({
      key: (isRecord(row) && keyOf ? keyOf(row) : null) ?? `#${index + 1}`,
      row,
    }));
  const before = keyed(a);
  const after = keyed(b);
  const afterKeys = new Set(after.map((r) => r.key));
  const beforeByKey = new Map(before.map((r) => [r.key, r.row]));
  for (const { key, row } of before)
    if (!afterKeys.has(key)) push(out, [...segments, key], 'removed', summarizeRow(list, row), null);
  for (const { key, row } of after) {
    if (!beforeByKey.has(key)) {
      push(out, [...segments, key], 'added', null, summarizeRow(list, row));
      continue;
    }
    diffValue(beforeByKey.get(key), row, [...segments, key], out);
  }
}

function diffValue(a: Json, b: Json, segments: string[], out: FieldChange[]): void {
  const absent = (v: Json) => v === null || v === undefined;
  // An object that appears or disappears (a creation, a memberships file added) is compared with
  // an empty one, so each of its fields shows as added or removed.
  if ((isRecord(a) || absent(a)) && (isRecord(b) || absent(b)) && (isRecord(a) || isRecord(b))) {
    const left = isRecord(a) ? a : {};
    const right = isRecord(b) ? b : {};
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys) diffValue(left[key], right[key], [...segments, key], out);
    return;
  }
  const list = segments.at(-1) ?? '';
  if (Array.isArray(a) || Array.isArray(b)) {
    diffLists(list, Array.isArray(a) ? a : [], Array.isArray(b) ? b : [], segments, out);
    return;
  }
  const before = showValue(a);
  const after = showValue(b);
  if (before === after) return;
  const kind: ChangeKind = before === '' ? 'added' : after === '' ? 'removed' : 'changed';
  push(out, segments, kind, before === '' ? null : before, after === '' ? null : after);
}

/**
 * The changes between two snapshots. `secretsChanged` (the secret fields a connection update
 * replaced) is not a value that changed: it becomes one "replaced" row per secret, and an empty
 * list — written by older versions on every save — says nothing.
 */
export function diffSnapshots(before: Json, after: Json): FieldChange[] {
  const replaced = isRecord(after) && Array.isArray(after['secretsChanged']) ? after['secretsChanged'] : [];
  const strip = (snapshot: Json): Json => {
    if (!isRecord(snapshot) || !('secretsChanged' in snapshot)) return snapshot;
    const { secretsChanged: _ignored, ...rest } = snapshot;
    return rest;
  };
  const out: FieldChange[] = [];
  diffValue(strip(before), strip(after), [], out);
  const changedSecrets = new Set(out.filter((c) => c.segments[0] === 'secrets').map((c) => c.segments[1]));
  for (const field of replaced) {
    const name = showValue(field);
    // A removed secret already shows as set → not set.
    if (name && !changedSecrets.has(name)) push(out, ['secrets', name], 'changed', 'set', 'replaced');
  }
  return out;
}
