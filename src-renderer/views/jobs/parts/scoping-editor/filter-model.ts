import { compileRegex } from '@shared/expressions/regex';
import { parseInteger } from '@shared/scoping/source-value';
import type { ScopingAttributeType, ScopingFilter } from '@shared/scoping';
import { defaultOperatorFor, operatorsFor, valueKindOf, type ValueKind } from './operator-metadata';

/**
 * The editor's working copy of a job's scoping filters. A group is one stored filter (its clauses are
 * ANDed); the groups are ORed. Ids only give Vue stable keys; they never reach the job.
 */
export interface ClauseDraft {
  id: number;
  attribute: string;
  operator: string;
  value: string;
  /**
   * The value a switch to a valueless operator put aside, given back when the admin switches to an
   * operator that can use it again (IS NULL and back must not lose a typed pattern).
   */
  setAside?: string;
}

export interface GroupDraft {
  id: number;
  title: string;
  clauses: ClauseDraft[];
}

let nextId = 1;
function newId(): number {
  return nextId++;
}

export function newClause(attribute = '', type?: ScopingAttributeType): ClauseDraft {
  return { id: newId(), attribute, operator: defaultOperatorFor(type), value: '' };
}

export function newGroup(): GroupDraft {
  return { id: newId(), title: '', clauses: [newClause()] };
}

export function fromFilters(filters: readonly ScopingFilter[]): GroupDraft[] {
  return filters.map((filter) => ({
    id: newId(),
    title: filter.title ?? '',
    clauses: filter.clauses.map((clause) => ({
      id: newId(),
      attribute: clause.attribute,
      operator: clause.operator,
      value: clause.value ?? '',
    })),
  }));
}

/**
 * The job's stored shape (objectMappings[].scope.filters): `value` is left out for operators that take
 * none, exactly as a job file writes them, and kept as typed (even empty) for the others so that
 * validation can name the missing value.
 */
export function toFilters(groups: readonly GroupDraft[]): ScopingFilter[] {
  return groups.map((group) => ({
    title: group.title,
    clauses: group.clauses.map((clause) =>
      valueKindOf(clause.operator) === 'none'
        ? { attribute: clause.attribute, operator: clause.operator }
        : { attribute: clause.attribute, operator: clause.operator, value: clause.value },
    ),
  }));
}

export function addGroup(groups: readonly GroupDraft[]): GroupDraft[] {
  return [...groups, newGroup()];
}

export function removeGroup(groups: readonly GroupDraft[], groupId: number): GroupDraft[] {
  return groups.filter((group) => group.id !== groupId);
}

export function addClause(groups: readonly GroupDraft[], groupId: number): GroupDraft[] {
  return groups.map((group) =>
    group.id === groupId ? { ...group, clauses: [...group.clauses, newClause()] } : group,
  );
}

/**
 * Removes one clause. A group left without clauses is removed with it: an empty filter is invalid
 * (it would match nothing), and "remove the last condition" means "remove this group" to an admin.
 */
export function removeClause(groups: readonly GroupDraft[], groupId: number, clauseId: number): GroupDraft[] {
  return groups.flatMap((group) => {
    if (group.id !== groupId) return [group];
    const clauses = group.clauses.filter((clause) => clause.id !== clauseId);
    return clauses.length === 0 ? [] : [{ ...group, clauses }];
  });
}

export function updateClause(
  groups: readonly GroupDraft[],
  groupId: number,
  clauseId: number,
  change: (clause: ClauseDraft) => ClauseDraft,
): GroupDraft[] {
  return groups.map((group) =>
    group.id === groupId
      ? {
          ...group,
          clauses: group.clauses.map((clause) => (clause.id === clauseId ? change(clause) : clause)),
        }
      : group,
  );
}

export function setGroupTitle(groups: readonly GroupDraft[], groupId: number, title: string): GroupDraft[] {
  return groups.map((group) => (group.id === groupId ? { ...group, title } : group));
}

/** Whether a value typed for one operator still means something to an operator asking for `kind`. */
export function valueFits(value: string, kind: ValueKind): boolean {
  switch (kind) {
    case 'none':
      return false;
    case 'text':
      return true;
    case 'integer':
      return parseInteger(value) !== undefined;
    case 'bitmask': {
      const n = parseInteger(value);
      return n !== undefined && n !== 0n;
    }
    case 'regex':
      return compileRegex(value).ok;
  }
}

/**
 * Switches the operator and decides what happens to the value: kept when it still fits the new
 * operator (EQUALS "Sales" → NOT EQUALS "Sales", 5 → Greater_Than 5), cleared when it cannot
 * ("Sales" → Greater_Than), put aside for a valueless operator and given back after it.
 */
export function setOperator(clause: ClauseDraft, operator: string): ClauseDraft {
  const kind = valueKindOf(operator);
  const { setAside, ...rest } = clause;
  if (kind === 'none') {
    const aside = clause.value !== '' ? clause.value : setAside;
    return { ...rest, operator, value: '', ...(aside !== undefined ? { setAside: aside } : {}) };
  }
  const candidate = clause.value !== '' ? clause.value : (setAside ?? '');
  return { ...rest, operator, value: candidate !== '' && valueFits(candidate, kind) ? candidate : '' };
}

/**
 * Chooses another attribute. The operator stays when the new attribute's type allows it; otherwise
 * the clause moves to that type's first operator (a Boolean starts at IS TRUE), with the value rule
 * of setOperator.
 */
export function setAttribute(
  clause: ClauseDraft,
  attribute: string,
  type: ScopingAttributeType | undefined,
): ClauseDraft {
  const allowed = operatorsFor(type) as string[];
  const next = { ...clause, attribute };
  if (allowed.length === 0 || allowed.includes(clause.operator)) return next;
  return setOperator(next, defaultOperatorFor(type));
}

export function clauseCount(groups: readonly GroupDraft[]): number {
  return groups.reduce((sum, group) => sum + group.clauses.length, 0);
}
