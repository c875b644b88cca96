import { compileRegex, regexTest } from '../expressions/regex';
import { isScopingOperator, OPERATOR_INFO } from './operators';
import type { ScopingClause, ScopingFilter } from './schema';
import {
  clauseInteger,
  lookupAttribute,
  parseInteger,
  readClauseInput,
  type ClauseInput,
} from './source-value';

export interface ClauseResult {
  readonly result: boolean;
  /** Why the clause is false when the reason is not the comparison itself (empty, not an integer…). */
  readonly reason?: string;
  /** Set when Roster should write a warning into the scoping step (scoping-filters.md §5). */
  readonly warning?: string;
}

function stringForm(input: Exclude<ClauseInput, { kind: 'empty' }>): string {
  return input.text;
}

function asBoolean(input: ClauseInput): boolean | undefined {
  if (input.kind === 'boolean') return input.value;
  if (input.kind === 'string') {
    const lower = input.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
  }
  return undefined;
}

/** One clause against one raw attribute value. Never throws: a bad clause is false with a warning. */
export function evaluateClause(clause: ScopingClause, raw: unknown): ClauseResult {
  const input = readClauseInput(raw);
  if (!isScopingOperator(clause.operator)) {
    return {
      result: false,
      reason: 'unknown operator',
      warning: `Unknown scoping operator "${clause.operator}".`,
    };
  }
  const op = clause.operator;
  // scoping-filters.md §2: an empty attribute makes every operator false except IS NULL.
  if (input.kind === 'empty')
    return op === 'IS NULL' ? { result: true } : { result: false, reason: 'the attribute is empty' };
  if (op === 'IS NULL') return { result: false };
  if (op === 'IS NOT NULL') return { result: true };
  if (input.kind === 'unsupported') {
    return {
      result: false,
      reason: input.why,
      warning: `Scoping clause on ${clause.attribute}: ${input.why}; the clause is false.`,
    };
  }
  if (op === 'IS TRUE' || op === 'IS FALSE') {
    const b = asBoolean(input);
    if (b === undefined) return { result: false, reason: 'the attribute is not a Boolean' };
    return { result: op === 'IS TRUE' ? b : !b };
  }
  const value = clause.value ?? '';
  const text = stringForm(input);
  const info = OPERATOR_INFO[op];
  if (info.numeric) {
    const a = clauseInteger(input);
    const b = parseInteger(value);
    if (b === undefined) {
      return {
        result: false,
        reason: 'the clause value is not an integer',
        warning: `Scoping clause on ${clause.attribute}: "${value}" is not an integer; the clause is false.`,
      };
    }
    if (a === undefined) {
      return {
        result: false,
        reason: 'the attribute is not an integer',
        warning: `Scoping clause ${clause.attribute} ${op} ${value}: the attribute value "${text}" is not an integer; the clause is false.`,
      };
    }
    switch (op) {
      case 'Greater_Than':
        return { result: a > b };
      case 'Greater_Than_OR_EQUALS':
        return { result: a >= b };
      case '&':
        return { result: (a & b) === b };
      default:
        return { result: (a & b) !== b };
    }
  }
  if (info.regex) {
    const compiled = compileRegex(value);
    if (!compiled.ok) {
      return {
        result: false,
        reason: 'the pattern is not valid',
        warning: `Scoping clause on ${clause.attribute}: ${compiled.message}`,
      };
    }
    const matched = regexTest(compiled.regex, text);
    return { result: op === 'REGEX MATCH' ? matched : !matched };
  }
  switch (op) {
    case 'EQUALS':
    case 'NOT EQUALS': {
      let equal: boolean;
      if (input.kind === 'integer') {
        // An Integer attribute compares numerically: "007" equals 7.
        const b = parseInteger(value);
        equal = b !== undefined && b === input.value;
      } else {
        equal = text === value;
      }
      return { result: op === 'EQUALS' ? equal : !equal };
    }
    case 'ENDS_WITH':
      return { result: text.endsWith(value) };
    case 'Includes':
      return { result: text.includes(value) };
    default:
      return { result: false, reason: 'unknown operator' };
  }
}

/** A filter passes when every clause is true (AND). A filter with no clauses never passes. */
export function filterPasses(filter: ScopingFilter, source: Readonly<Record<string, unknown>>): boolean {
  if (filter.clauses.length === 0) return false;
  return filter.clauses.every((c) => evaluateClause(c, lookupAttribute(source, c.attribute)).result);
}

/**
 * Whether an object passes the filters: at least one filter passes (OR); no filters means every object
 * passes (scoping-filters.md §1). Assignment scope and disabled/deleted state are decided elsewhere.
 */
export function isInScope(
  filters: readonly ScopingFilter[],
  source: Readonly<Record<string, unknown>>,
): boolean {
  if (filters.length === 0) return true;
  return filters.some((f) => filterPasses(f, source));
}
