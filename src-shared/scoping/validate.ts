import { compileRegex } from '../expressions/regex';
import { closestMatch } from '../expressions/suggest';
import { isScopingOperator, OPERATOR_INFO, SCOPING_OPERATORS, type ScopingAttributeType } from './operators';
import { scopingFilterSetSchema, type ScopingFilter } from './schema';
import { parseInteger } from './source-value';
import { scopingProblemEnglish, type ScopingMessageCode } from './scoping-problems';

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
  /** The same sentence as a code with parameters, for the app in the admin's language. */
  readonly messageCode: ScopingMessageCode;
  readonly params: Readonly<Record<string, string>>;
}

export interface ScopingValidationOptions {
  readonly attributes?: readonly ScopingAttributeInfo[];
}

/** Attributes that can never be filtered (scoping-filters.md §7), by lower-case name. */
const NEVER_FILTERED: Readonly<Record<string, ScopingMessageCode>> = {
  members: 'neverFilteredMembers',
  approleassignments: 'neverFilteredAppRoleAssignments',
  issoftdeleted: 'neverFilteredIsSoftDeleted',
};

const TYPE_PROBLEMS: Partial<Record<ScopingAttributeType, ScopingMessageCode>> = {
  Reference: 'referenceType',
  DateTime: 'dateTimeType',
  Binary: 'binaryType',
};

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
      const messageCode: ScopingMessageCode = path ? 'invalidShape' : 'invalidShapeRoot';
      const params = { path, detail: issue.message };
      return {
        code: 'invalidShape' as const,
        path,
        message: scopingProblemEnglish(messageCode, params),
        messageCode,
        params,
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
      const messageCode: ScopingMessageCode = filter.title ? 'emptyFilterTitled' : 'emptyFilter';
      const params = { filter: String(f + 1), title: filter.title ?? '' };
      problems.push({
        code: 'emptyFilter',
        path: `filters[${f}].clauses`,
        filterIndex: f,
        message: scopingProblemEnglish(messageCode, params),
        messageCode,
        params,
      });
    }
    filter.clauses.forEach((clause, c) => {
      const base = `filters[${f}].clauses[${c}]`;
      const add = (
        code: ScopingProblemCode,
        field: string,
        messageCode: ScopingMessageCode,
        values: Record<string, string> = {},
      ): void => {
        const params = { filter: String(f + 1), clause: String(c + 1), ...values };
        problems.push({
          code,
          path: `${base}.${field}`,
          filterIndex: f,
          clauseIndex: c,
          message: scopingProblemEnglish(messageCode, params),
          messageCode,
          params,
        });
      };
      const operator = clause.operator;
      if (clause.attribute.trim() === '') add('emptyAttribute', 'attribute', 'emptyAttribute');
      if (!isScopingOperator(operator)) {
        const guess = closestMatch(operator, SCOPING_OPERATORS);
        if (guess) add('unknownOperator', 'operator', 'unknownOperatorGuess', { operator, guess });
        else
          add('unknownOperator', 'operator', 'unknownOperator', {
            operator,
            operators: SCOPING_OPERATORS.join(', '),
          });
        return;
      }
      const info = OPERATOR_INFO[operator];
      const value = clause.value;
      if (info.unary) {
        if (value !== undefined && value !== '')
          add('unexpectedValue', 'value', 'unexpectedValue', { operator, value });
      } else if (value === undefined || value === '') {
        add('missingValue', 'value', 'missingValue', { operator });
      } else if (info.numeric) {
        const n = parseInteger(value);
        if (n === undefined) {
          add('notAnInteger', 'value', 'notAnInteger', { operator, value });
        } else if (n === 0n && (operator === '&' || operator === '!&')) {
          add('zeroMask', 'value', 'zeroMask', { operator });
        }
      } else if (info.regex) {
        const compiled = compileRegex(value);
        // The regex problem's code and parameters ride along so the app can say it in any language.
        if (!compiled.ok)
          add('invalidRegex', 'value', 'invalidRegex', {
            ...compiled.problem.params,
            regexCode: compiled.problem.code,
            detail: compiled.message,
          });
      }
      const never = NEVER_FILTERED[clause.attribute.toLowerCase()];
      if (never) {
        add('unsupportedAttribute', 'attribute', never);
        return;
      }
      if (!schema || clause.attribute.trim() === '') return;
      const attribute = schema.get(clause.attribute.toLowerCase());
      if (!attribute) {
        const guess = closestMatch(
          clause.attribute,
          [...schema.values()].map((a) => a.name),
        );
        if (guess)
          add('unknownAttribute', 'attribute', 'unknownAttributeGuess', {
            attribute: clause.attribute,
            guess,
          });
        else add('unknownAttribute', 'attribute', 'unknownAttribute', { attribute: clause.attribute });
        return;
      }
      if (attribute.multiValued) {
        add('unsupportedAttribute', 'attribute', 'multiValued', { attribute: attribute.name });
        return;
      }
      const typeProblem = TYPE_PROBLEMS[attribute.type];
      if (typeProblem) {
        add('unsupportedAttribute', 'attribute', typeProblem, { attribute: attribute.name });
        return;
      }
      if (!info.types.includes(attribute.type)) {
        add('operatorTypeMismatch', 'operator', 'operatorTypeMismatch', {
          operator,
          attribute: attribute.name,
          type: attribute.type,
          types: info.types.join(' or '),
        });
      }
    });
  });
  return problems;
}
