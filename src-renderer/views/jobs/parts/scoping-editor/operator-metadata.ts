import {
  OPERATOR_INFO,
  SCOPING_OPERATORS,
  isScopingOperator,
  type ScopingAttributeType,
  type ScopingOperator,
} from '@shared/scoping';

/**
 * What the value field of a clause asks for: nothing (IS NULL…), any text, an integer (Greater_Than),
 * a non-zero bit mask (& and !&) or a pattern (REGEX MATCH).
 */
export type ValueKind = 'none' | 'text' | 'integer' | 'bitmask' | 'regex';

/** Locale key under `scopingEditor.operators` for each operator (the stored spellings are not keys). */
const LABEL_KEYS: Readonly<Record<ScopingOperator, string>> = {
  EQUALS: 'equals',
  'NOT EQUALS': 'notEquals',
  ENDS_WITH: 'endsWith',
  Includes: 'includes',
  'REGEX MATCH': 'regexMatch',
  'NOT REGEX MATCH': 'notRegexMatch',
  Greater_Than: 'greaterThan',
  Greater_Than_OR_EQUALS: 'greaterThanOrEquals',
  '&': 'allBits',
  '!&': 'notAllBits',
  'IS TRUE': 'isTrue',
  'IS FALSE': 'isFalse',
  'IS NULL': 'isNull',
  'IS NOT NULL': 'isNotNull',
};

export function operatorLabelKey(operator: ScopingOperator): string {
  return LABEL_KEYS[operator];
}

export function valueKindOf(operator: string): ValueKind {
  if (!isScopingOperator(operator)) return 'text';
  const info = OPERATOR_INFO[operator];
  if (info.unary) return 'none';
  if (info.regex) return 'regex';
  if (operator === '&' || operator === '!&') return 'bitmask';
  return info.numeric ? 'integer' : 'text';
}

export function takesValue(operator: string): boolean {
  return valueKindOf(operator) !== 'none';
}

/**
 * Operators that make sense on an attribute of this type, in the order the menu shows them. An
 * attribute the schema does not know (typed by hand) gets every operator; validation says the rest.
 */
export function operatorsFor(type: ScopingAttributeType | undefined): ScopingOperator[] {
  if (type === undefined) return [...SCOPING_OPERATORS];
  return SCOPING_OPERATORS.filter((operator) => OPERATOR_INFO[operator].types.includes(type));
}

/** The operator a new clause, or a clause whose attribute changed type, starts with. */
export function defaultOperatorFor(type: ScopingAttributeType | undefined): ScopingOperator {
  return type === 'Boolean' ? 'IS TRUE' : 'EQUALS';
}
