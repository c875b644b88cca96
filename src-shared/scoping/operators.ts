/** The 14 operators of scoping-filters.md §3, spelled exactly as upstream stores them. */
export const SCOPING_OPERATORS = [
  'EQUALS',
  'NOT EQUALS',
  'ENDS_WITH',
  'Includes',
  'REGEX MATCH',
  'NOT REGEX MATCH',
  'Greater_Than',
  'Greater_Than_OR_EQUALS',
  '&',
  '!&',
  'IS TRUE',
  'IS FALSE',
  'IS NULL',
  'IS NOT NULL',
] as const;

export type ScopingOperator = (typeof SCOPING_OPERATORS)[number];

/** Source attribute types a filter may test; the others are rejected on save (scoping-filters.md §7). */
export type ScopingAttributeType = 'String' | 'Integer' | 'Boolean' | 'DateTime' | 'Reference' | 'Binary';

export interface OperatorInfo {
  readonly operator: ScopingOperator;
  readonly unary: boolean;
  /** The value must be an integer (numeric and bit operators). */
  readonly numeric: boolean;
  readonly regex: boolean;
  readonly types: readonly ScopingAttributeType[];
  readonly description: string;
}

const STRING_INTEGER: readonly ScopingAttributeType[] = ['String', 'Integer'];
const ANY: readonly ScopingAttributeType[] = ['String', 'Integer', 'Boolean'];

function info(
  operator: ScopingOperator,
  types: readonly ScopingAttributeType[],
  description: string,
  flags: { unary?: boolean; numeric?: boolean; regex?: boolean } = {},
): OperatorInfo {
  return {
    operator,
    unary: flags.unary ?? false,
    numeric: flags.numeric ?? false,
    regex: flags.regex ?? false,
    types,
    description,
  };
}

export const OPERATOR_INFO: Readonly<Record<ScopingOperator, OperatorInfo>> = {
  EQUALS: info(
    'EQUALS',
    STRING_INTEGER,
    'equals the value exactly (case-sensitive; integers compare as numbers)',
  ),
  'NOT EQUALS': info('NOT EQUALS', STRING_INTEGER, 'does not equal the value'),
  ENDS_WITH: info('ENDS_WITH', ['String'], 'ends with the value (case-sensitive)'),
  Includes: info('Includes', ['String'], 'contains the value (case-sensitive)'),
  'REGEX MATCH': info('REGEX MATCH', STRING_INTEGER, 'matches the pattern somewhere', { regex: true }),
  'NOT REGEX MATCH': info('NOT REGEX MATCH', STRING_INTEGER, 'does not match the pattern', { regex: true }),
  Greater_Than: info('Greater_Than', STRING_INTEGER, 'is an integer greater than the value', {
    numeric: true,
  }),
  Greater_Than_OR_EQUALS: info('Greater_Than_OR_EQUALS', STRING_INTEGER, 'is an integer at least the value', {
    numeric: true,
  }),
  '&': info('&', STRING_INTEGER, 'has every bit of the value set', { numeric: true }),
  '!&': info('!&', STRING_INTEGER, 'has at least one bit of the value clear', { numeric: true }),
  'IS TRUE': info('IS TRUE', ['Boolean'], 'is true', { unary: true }),
  'IS FALSE': info('IS FALSE', ['Boolean'], 'is false', { unary: true }),
  'IS NULL': info('IS NULL', ANY, 'is absent, null or empty', { unary: true }),
  'IS NOT NULL': info('IS NOT NULL', ANY, 'has a value', { unary: true }),
};

export function isScopingOperator(value: string): value is ScopingOperator {
  return (SCOPING_OPERATORS as readonly string[]).includes(value);
}
