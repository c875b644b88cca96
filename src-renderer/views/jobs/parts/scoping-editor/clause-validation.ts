import { compileRegex } from '@shared/expressions/regex';
import { closestMatch } from '@shared/expressions/suggest';
import { OPERATOR_INFO, SCOPING_OPERATORS, isScopingOperator } from '@shared/scoping';
import { parseInteger } from '@shared/scoping/source-value';
import type { SourceSchemaAttribute } from '@shared/domain/schema';
import type { ClauseDraft, GroupDraft } from './filter-model';

/**
 * The editor's checks, one problem per field with a code the locales translate (the shared
 * validateFilterList says the same things as English sentences for files and logs; a test keeps the
 * two in step).
 */
export type ClauseField = 'attribute' | 'operator' | 'value';

export type ClauseProblemCode =
  | 'emptyAttribute'
  | 'unknownAttribute'
  | 'neverFiltered'
  | 'multiValued'
  | 'unfilterableType'
  | 'unknownOperator'
  | 'operatorTypeMismatch'
  | 'missingValue'
  | 'unexpectedValue'
  | 'notAnInteger'
  | 'zeroMask'
  | 'invalidRegex';

export interface ClauseProblem {
  field: ClauseField;
  code: ClauseProblemCode;
  /** Values for the message: the suggestion, the attribute's type, the regex problem's code (`regexCode`)… */
  params: Record<string, string>;
}

export interface EditorProblem extends ClauseProblem {
  groupId: number;
  clauseId: number;
  /** Where in the job, as the app's own messages name it: `filters[0].clauses[1].value`. */
  path: string;
}

/** Attributes Entra and Roster never filter (scoping-filters.md §7), by lower-case name. */
const NEVER_FILTERED = new Set(['members', 'approleassignments', 'issoftdeleted']);
const UNFILTERABLE_TYPES = new Set(['Reference', 'DateTime', 'Binary']);

function attributeProblem(
  name: string,
  schema: readonly SourceSchemaAttribute[] | undefined,
): ClauseProblem | null {
  if (name.trim() === '') return { field: 'attribute', code: 'emptyAttribute', params: {} };
  if (NEVER_FILTERED.has(name.toLowerCase()))
    return { field: 'attribute', code: 'neverFiltered', params: { attribute: name } };
  if (!schema) return null;
  const found = schema.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (!found) {
    const guess = closestMatch(
      name,
      schema.map((a) => a.name),
    );
    return { field: 'attribute', code: 'unknownAttribute', params: { attribute: name, guess: guess ?? '' } };
  }
  if (found.multiValued)
    return { field: 'attribute', code: 'multiValued', params: { attribute: found.name } };
  if (UNFILTERABLE_TYPES.has(found.type))
    return {
      field: 'attribute',
      code: 'unfilterableType',
      params: { attribute: found.name, type: found.type },
    };
  return null;
}

function valueProblem(clause: ClauseDraft): ClauseProblem | null {
  if (!isScopingOperator(clause.operator)) return null;
  const info = OPERATOR_INFO[clause.operator];
  const value = clause.value;
  if (info.unary) return value === '' ? null : { field: 'value', code: 'unexpectedValue', params: { value } };
  if (value === '') return { field: 'value', code: 'missingValue', params: {} };
  if (info.numeric) {
    const n = parseInteger(value);
    if (n === undefined) return { field: 'value', code: 'notAnInteger', params: { value } };
    if (n === 0n && (clause.operator === '&' || clause.operator === '!&'))
      return { field: 'value', code: 'zeroMask', params: {} };
  }
  if (info.regex) {
    const compiled = compileRegex(value);
    // The regex engine's own problem code: the locales say it (`regexProblems.<regexCode>`).
    if (!compiled.ok)
      return {
        field: 'value',
        code: 'invalidRegex',
        params: { ...compiled.problem.params, regexCode: compiled.problem.code },
      };
  }
  return null;
}

function operatorProblem(
  clause: ClauseDraft,
  schema: readonly SourceSchemaAttribute[] | undefined,
): ClauseProblem | null {
  if (!isScopingOperator(clause.operator)) {
    const guess = closestMatch(clause.operator, SCOPING_OPERATORS);
    return {
      field: 'operator',
      code: 'unknownOperator',
      params: { operator: clause.operator, guess: guess ?? '' },
    };
  }
  const attribute = schema?.find((a) => a.name.toLowerCase() === clause.attribute.toLowerCase());
  if (!attribute || attribute.multiValued || UNFILTERABLE_TYPES.has(attribute.type)) return null;
  const info = OPERATOR_INFO[clause.operator];
  if (info.types.includes(attribute.type)) return null;
  return {
    field: 'operator',
    code: 'operatorTypeMismatch',
    params: { attribute: attribute.name, type: attribute.type, types: info.types.join(', ') },
  };
}

/** Every problem of one clause, at most one per field. Without a schema, attributes are not checked. */
export function clauseProblems(
  clause: ClauseDraft,
  schema?: readonly SourceSchemaAttribute[],
): ClauseProblem[] {
  return [
    attributeProblem(clause.attribute, schema),
    operatorProblem(clause, schema),
    valueProblem(clause),
  ].filter((problem): problem is ClauseProblem => problem !== null);
}

export function editorProblems(
  groups: readonly GroupDraft[],
  schema?: readonly SourceSchemaAttribute[],
): EditorProblem[] {
  return groups.flatMap((group, f) =>
    group.clauses.flatMap((clause, c) =>
      clauseProblems(clause, schema).map((problem) => ({
        ...problem,
        groupId: group.id,
        clauseId: clause.id,
        path: `filters[${f}].clauses[${c}].${problem.field}`,
      })),
    ),
  );
}
