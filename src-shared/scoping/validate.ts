import { compileRegex } from '../expressions/regex';
import { closestMatch } from '../expressions/suggest';
import { isScopingOperator, OPERATOR_INFO, SCOPING_OPERATORS, type ScopingAttributeType } from './operators';
import { scopingFilterSetSchema, type ScopingFilter } from './schema';
import { parseInteger } from './source-value';

/** What validation needs to know about a source attribute; omit the schema to skip attribute checks. */
export interface ScopingAttributeInfo {
  readonly name: string;
  readonly type: ScopingAttributeType;
  readonly multiValued?: boolean;
}

export type ScopingProblemCode =
  | 'invalidShape'
  | 'emptyFilter'
  | 'emptyAttribute'
  | 'unknownOperator'
  | 'missingValue'
  | 'unexpectedValue'
  | 'notAnInteger'
  | 'zeroMask'
  | 'invalidRegex'
  | 'unknownAttribute'
  | 'unsupportedAttribute'
  | 'operatorTypeMismatch';

export interface ScopingProblem {
  readonly code: ScopingProblemCode;
  /** Where, as a path into the configuration: `filters[0].clauses[1].operator`. */
  readonly path: string;
  readonly filterIndex?: number;
  readonly clauseIndex?: number;
  /** A full sentence naming the filter and clause, with the fix where one helps. */
  readonly message: string;
}

export interface ScopingValidationOptions {
  readonly attributes?: readonly ScopingAttributeInfo[];
}

/** Attributes that can never be filtered (scoping-filters.md §7). */
const NEVER_FILTERED: Readonly<Record<string, string>> = {
  members: 'the group members attribute cannot be filtered; scope groups through assignments',
  approleassignments: 'appRoleAssignments cannot be filtered; scope by assignment instead',
  issoftdeleted: 'IsSoftDeleted cannot be filtered: it is derived from scope itself',
};

const TYPE_PROBLEMS: Partial<Record<ScopingAttributeType, string>> = {
  Reference: 'reference attributes (such as manager) cannot be filtered',
  DateTime:
    'date attributes cannot be filtered; a date held in a String attribute can be tested with REGEX MATCH',
  Binary: 'binary attributes cannot be filtered',
};

function where(f: number, c?: number): string {
  return c === undefined ? `Filter ${f + 1}` : `Filter ${f + 1}, clause ${c + 1}`;
}

/**
 * Checks a filter set before it is saved (scoping-filters.md §1, §3, §7). Accepts unknown input (from a
 * file or the UI) and never throws; an empty list means valid.
 */
export function validateScopingFilters(
  input: unknown,
  options: ScopingValidationOptions = {},
): ScopingProblem[] {
  const parsed = scopingFilterSetSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const path = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
      return {
        code: 'invalidShape' as const,
        path,
        message: `${path || 'The filter set'}: ${issue.message}.`,
      };
    });
  }
  return validateFilterList(parsed.data.filters, options);
}

export function validateFilterList(
  filters: readonly ScopingFilter[],
  options: ScopingValidationOptions = {},
): ScopingProblem[] {
  const problems: ScopingProblem[] = [];
  const schema = options.attributes
    ? new Map(options.attributes.map((a) => [a.name.toLowerCase(), a]))
    : undefined;
  filters.forEach((filter, f) => {
    if (filter.clauses.length === 0) {
      problems.push({
        code: 'emptyFilter',
        path: `filters[${f}].clauses`,
        filterIndex: f,
        message: `${where(f)}${filter.title ? ` "${filter.title}"` : ''} has no clauses; add a clause or delete the filter.`,
      });
    }
    filter.clauses.forEach((clause, c) => {
      const base = `filters[${f}].clauses[${c}]`;
      const add = (code: ScopingProblemCode, field: string, message: string): void => {
        problems.push({
          code,
          path: `${base}.${field}`,
          filterIndex: f,
          clauseIndex: c,
          message: `${where(f, c)}: ${message}`,
        });
      };
      if (clause.attribute.trim() === '') add('emptyAttribute', 'attribute', 'choose an attribute.');
      if (!isScopingOperator(clause.operator)) {
        const guess = closestMatch(clause.operator, SCOPING_OPERATORS);
        add(
          'unknownOperator',
          'operator',
          `"${clause.operator}" is not an operator` +
            (guess ? `; did you mean "${guess}"?` : `; use one of ${SCOPING_OPERATORS.join(', ')}.`),
        );
        return;
      }
      const info = OPERATOR_INFO[clause.operator];
      const value = clause.value;
      if (info.unary) {
        if (value !== undefined && value !== '')
          add('unexpectedValue', 'value', `${clause.operator} takes no value; remove "${value}".`);
      } else if (value === undefined || value === '') {
        add('missingValue', 'value', `${clause.operator} needs a value.`);
      } else if (info.numeric) {
        const n = parseInteger(value);
        if (n === undefined) {
          add(
            'notAnInteger',
            'value',
            `${clause.operator} compares integers, but "${value}" is not one (digits with an optional leading "-").`,
          );
        } else if (n === 0n && (clause.operator === '&' || clause.operator === '!&')) {
          add(
            'zeroMask',
            'value',
            `${clause.operator} needs a non-zero bit mask (for example 2 for "account disabled").`,
          );
        }
      } else if (info.regex) {
        const compiled = compileRegex(value);
        if (!compiled.ok) add('invalidRegex', 'value', compiled.message);
      }
      const never = NEVER_FILTERED[clause.attribute.toLowerCase()];
      if (never) {
        add('unsupportedAttribute', 'attribute', `${never}.`);
        return;
      }
      if (!schema || clause.attribute.trim() === '') return;
      const attribute = schema.get(clause.attribute.toLowerCase());
      if (!attribute) {
        const guess = closestMatch(
          clause.attribute,
          [...schema.values()].map((a) => a.name),
        );
        add(
          'unknownAttribute',
          'attribute',
          `the source has no attribute "${clause.attribute}"` + (guess ? `; did you mean "${guess}"?` : '.'),
        );
        return;
      }
      if (attribute.multiValued) {
        add(
          'unsupportedAttribute',
          'attribute',
          `${attribute.name} is multi-valued, and multi-valued attributes cannot be filtered.`,
        );
        return;
      }
      const typeProblem = TYPE_PROBLEMS[attribute.type];
      if (typeProblem) {
        add('unsupportedAttribute', 'attribute', `${attribute.name}: ${typeProblem}.`);
        return;
      }
      if (!info.types.includes(attribute.type)) {
        add(
          'operatorTypeMismatch',
          'operator',
          `${clause.operator} cannot be used on ${attribute.name}, a ${attribute.type} attribute; it works on ${info.types.join(' or ')} attributes.`,
        );
      }
    });
  });
  return problems;
}
