import fc from 'fast-check';
import { FUNCTION_CATALOGUE, quoteString } from '../../../../src-shared/expressions';

/** Expression text shaped by the grammar (expressions.md §2.1), with real and misspelt function names. */
const NAMES = [...FUNCTION_CATALOGUE.map((f) => f.name), 'Apend', 'append', 'Frob'];
const OPERATORS = ['=', '<>', '<', '<=', '>', '>='];
const ATTRIBUTES = ['a', 'b', 'm', 'e', 'n', 'd', 'IsSoftDeleted', 'appRoleAssignments', 'missing'];
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const ws = fc.constantFrom('', '', ' ', '  ', '\n', '\t', '\r\n');

const meaningfulStrings = fc.constantFrom(
  '""',
  '"True"',
  '"false"',
  '"2021-08-24"',
  '"2020-03-16-07:00"',
  '"8/25/2021 5:41:18 PM"',
  '"yyyy-MM-dd"',
  '"yyyyMMddHHmmss.fZ"',
  '"d"',
  '"m"',
  '"ww"',
  '"yyyy"',
  '"(a+)+$"',
  '"(?<g>x)"',
  '"g"',
  '"\\\\d+"',
  '"tr-TR"',
  '","',
  '"vbTextCompare"',
  '"{n}"',
  '"$1${g}$$"',
);

const randomString = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'B',
      ' ',
      '"',
      '\\',
      '$',
      '1',
      '-',
      ':',
      '(',
      ')',
      '[',
      '\u00e9',
      '\u0301',
      'Z',
      '+',
      '.',
      '*',
      '?',
      '{',
      '}',
      '|',
      '^',
      'y',
      'M',
      'd',
      '\u0130',
      'ß',
    ),
    maxLength: 12,
  })
  .map(quoteString);

const integer = fc.oneof(
  fc.integer({ min: -5, max: 300 }).map(String),
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }).map(String),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((n) => '&H' + n.toString(16)),
  fc.constantFrom('129699324000000000', '9223372036854775807', '0'),
);

const leaf = fc.oneof(
  meaningfulStrings,
  randomString,
  integer,
  fc.constantFrom(...ATTRIBUTES).map((a) => `[${a}]`),
  fc.constantFrom('vbTextCompare', 'vbBinaryCompare'),
);

const { expression } = fc.letrec<{ expression: string; call: string; slot: string }>((tie) => ({
  expression: fc.oneof({ depthSize: 'small', maxDepth: 5 }, leaf, tie('call')),
  call: fc
    .tuple(fc.constantFrom(...NAMES), ws, fc.array(tie('slot'), { maxLength: 7 }), ws)
    .map(([name, w1, slots, w2]) => `${name}${w1}(${slots.join(',')}${w2})`),
  slot: fc.oneof(
    { weight: 1, arbitrary: ws },
    { weight: 6, arbitrary: fc.tuple(ws, tie('expression'), ws).map(([a, e, b]) => a + e + b) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tie('expression'), ws, fc.constantFrom(...OPERATORS), ws, tie('expression'))
        .map((parts) => parts.join('')),
    },
  ),
}));

export const expressionText: fc.Arbitrary<string> = expression;

/** Text made of the language's own characters, in any order: mostly not well formed. */
export function tokenSoup(maxLength: number): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.constantFrom(
      'A',
      'b',
      'I',
      'F',
      '(',
      ')',
      '"',
      '[',
      ']',
      ',',
      '=',
      '<',
      '>',
      '-',
      '&',
      'H',
      '1',
      '9',
      ' ',
      '\\',
      '\n',
      '\u201c',
      '.',
      "'",
    ),
    maxLength,
  });
}

const scalar = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom(
    '',
    'True',
    'false',
    '2021-08-24',
    '12/31/2020 11:59 PM',
    '-5',
    '007',
    'a,b',
    '+91 8887779999',
  ),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double(),
);

const role = fc.record({ value: fc.string({ maxLength: 6 }), displayName: fc.string({ maxLength: 6 }) });

/** A source object with the attribute names the generated expressions use. */
export const sourceObject: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    a: scalar,
    b: scalar,
    m: fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
    e: fc.constant(''),
    n: fc.oneof(fc.integer({ min: -3, max: 10 }), fc.bigInt({ min: INT64_MIN, max: INT64_MAX })),
    d: fc.constantFrom('2021-08-24', '2020-03-16-07:00', 'nope', '20150123105347.1Z'),
    IsSoftDeleted: fc.boolean(),
    appRoleAssignments: fc.oneof(fc.array(role, { maxLength: 3 }), fc.constant('bad')),
  },
  { requiredKeys: [] },
);

const ROLE_CALLS = [
  'AppRoleAssignmentsComplex([appRoleAssignments])',
  'AssertiveAppRoleAssignmentsComplex([appRoleAssignments])',
  'SingleAppRoleAssignment([appRoleAssignments])',
];
const REPLACE_MODES: readonly (readonly number[])[] = [
  [1, 4],
  [1, 6],
  [2, 4],
  [2, 3, 4],
  [2, 3, 5],
];
const NESTABLE = FUNCTION_CATALOGUE.filter(
  (f) => !f.rootOnly && f.name !== 'Replace' && !ROLE_CALLS.some((r) => r.startsWith(f.name + '(')),
);

const plainLeaf = fc.oneof(
  meaningfulStrings,
  randomString,
  integer,
  fc.constantFrom(...ATTRIBUTES.filter((a) => a !== 'appRoleAssignments')).map((a) => `[${a}]`),
);

const { wellFormed } = fc.letrec<{ wellFormed: string; call: string; argument: string; replace: string }>(
  (tie) => ({
    wellFormed: fc.oneof({ depthSize: 'small', maxDepth: 4 }, plainLeaf, tie('call'), tie('replace')),
    argument: fc.oneof(
      { weight: 5, arbitrary: tie('wellFormed') },
      {
        weight: 1,
        arbitrary: fc
          .tuple(tie('wellFormed'), fc.constantFrom(...OPERATORS), tie('wellFormed'))
          .map(([l, op, r]) => `${l} ${op} ${r}`),
      },
    ),
    call: fc.constantFrom(...NESTABLE).chain((info) => {
      const max = info.maxArgs ?? info.minArgs + 4;
      return fc.integer({ min: info.minArgs, max }).chain((n) => {
        const count = info.name === 'Switch' && n % 2 === 1 ? n + 1 : n;
        const slots = Array.from({ length: count }, (_, i) => {
          const optional =
            info.parameters[Math.min(i, info.parameters.length - 1)]?.optional && i < info.parameters.length;
          if (info.name === 'InStr' && i === 3) {
            return fc.oneof(
              fc.constant(''),
              fc.constantFrom('vbTextCompare', 'vbBinaryCompare', '"vbTextCompare"', '1'),
            );
          }
          return optional ? fc.oneof(fc.constant(''), tie('argument')) : tie('argument');
        });
        return fc.tuple(...slots).map((args) => `${info.name}(${args.join(', ')})`);
      });
    }),
    replace: fc
      .constantFrom(...REPLACE_MODES)
      .chain((mode) =>
        fc
          .tuple(
            ...[0, 1, 2, 3, 4, 5, 6].map((i) =>
              i === 0 || mode.includes(i) ? tie('wellFormed') : fc.constant(''),
            ),
          )
          .map((args) => `Replace(${args.join(', ')})`),
      ),
  }),
);

/** Expressions that mostly pass validation, so evaluation itself is exercised. */
export const wellFormedExpression: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: wellFormed },
  { weight: 1, arbitrary: wellFormed.map((e) => `IgnoreFlowIfNullOrEmpty(${e})`) },
  { weight: 1, arbitrary: fc.tuple(wellFormed, wellFormed).map(([a, b]) => `SelectUniqueValue(${a}, ${b})`) },
  { weight: 1, arbitrary: fc.constantFrom(...ROLE_CALLS) },
);
