/**
 * One data row → one User SourceObject: typed attributes, anchor, display name, disabled and
 * soft-deleted flags, content hash. The validating pass and the reading pass both use this, so a
 * file that validated reads exactly the same way.
 */
import { type SourceValue } from '@shared/domain/schema';
import { type SourceObject } from '../connector';
import { findColumn, type ColumnPlan } from './columns';
import { type CsvSourceOptions } from './csv-options';
import { at } from './csv-errors';
import { hashKeys, objectHash } from './object-hash';
import { readCell } from './values';

export interface CellProblem {
  line: number;
  column: string;
  /** The raw cell was empty in the key column, or did not fit its column's type. */
  kind: 'missingKey' | 'invalidValue';
  problem: string;
}

export type RowResult = { ok: true; object: SourceObject } | { ok: false; problems: CellProblem[] };

export interface RowReader {
  /** `hash: false` for the validating pass, which needs the checks but not the hash. */
  read(fields: readonly string[], line: number, hash?: boolean): RowResult;
  /** True when the file has no displayName column and the connector adds the computed one. */
  addsDisplayName: boolean;
}

const hangulOnly = /^[\p{Script=Hangul}]+$/u;

/** Korean names are written family name first, without a space (김 + 민준 → 김민준). */
export function joinName(given: string | null, surname: string | null): string | null {
  if (given && surname) {
    return hangulOnly.test(given) && hangulOnly.test(surname) ? `${surname}${given}` : `${given} ${surname}`;
  }
  return given ?? surname;
}

function text(value: SourceValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * `hashed`: the lower-cased attribute names a user's content hash covers (a cycle's mappings and
 * scoping filters read only those: engine/attributes-read.ts); every column when absent. The
 * display name, key and status are hashed either way (as the object's own fields).
 */
export function createRowReader(
  fileName: string,
  plan: ColumnPlan,
  options: CsvSourceOptions,
  hashed?: ReadonlySet<string>,
): RowReader {
  const disabledValues = new Set(options.disabledValues.map((v) => v.toLowerCase()));
  const softDeletedValues = new Set(options.softDeletedValues.map((v) => v.toLowerCase()));
  const addsDisplayName =
    findColumn(
      plan.columns.map((c) => c.name),
      'displayName',
    ) === null;
  const { columns } = plan;
  const columnName = (index: number | null): string | null =>
    index === null ? null : (columns[index]?.name ?? null);
  const keyName = columnName(plan.key) ?? '';
  const displayNameColumn = columnName(plan.displayName);
  const givenNameColumn = columnName(plan.givenName);
  const surnameColumn = columnName(plan.surname);

  const attributeNames = [...columns.map((c) => c.name), ...(addsDisplayName ? ['displayName'] : [])];
  const keys = hashKeys(hashed ? attributeNames.filter((n) => hashed.has(n.toLowerCase())) : attributeNames);

  function read(fields: readonly string[], line: number, hash = true): RowResult {
    const attributes: Record<string, SourceValue> = {};
    const problems: CellProblem[] = [];
    const anchor = (fields[plan.key] ?? '').trim();
    if (anchor === '') problems.push({ line, column: keyName, kind: 'missingKey', problem: 'no key' });
    for (let i = 0; i < columns.length; i++) {
      const spec = columns[i];
      if (!spec) continue;
      const result = readCell(fields[i] ?? '', spec);
      if (result.ok) attributes[spec.name] = result.value;
      else problems.push({ line, column: spec.name, kind: 'invalidValue', problem: result.problem });
    }
    if (problems.length > 0) return { ok: false, problems };

    const displayName =
      (displayNameColumn !== null ? text(attributes[displayNameColumn]) : null) ??
      joinName(
        givenNameColumn !== null ? text(attributes[givenNameColumn]) : null,
        surnameColumn !== null ? text(attributes[surnameColumn]) : null,
      ) ??
      anchor;
    if (addsDisplayName) attributes['displayName'] = displayName;

    // The raw cell, not the typed value: a Boolean "enabled" column can list "false" as a disabled value.
    const status = plan.status !== null ? fields[plan.status]?.trim().toLowerCase() : undefined;
    // One literal with every field, hash filled in after: an object spread into a new literal with
    // fields added gets a hidden class of its own in V8 (100,000 users: 100,000 maps, 40 MB, and
    // every property read of a source object megamorphic). objectHash reads only the content fields.
    const object: SourceObject = {
      type: 'User',
      anchor,
      displayName,
      attributes,
      disabled: status !== undefined && disabledValues.has(status),
      softDeleted: status !== undefined && softDeletedValues.has(status),
      hash: '',
      origin: at(fileName, line),
    };
    if (hash) object.hash = objectHash(object, keys);
    return { ok: true, object };
  }

  return { read, addsDisplayName };
}
