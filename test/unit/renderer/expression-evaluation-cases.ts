/**
 * Each evaluation failure site (evaluate*.ts, coerce.ts, functions/*.ts), provoked with source data, and
 * the English it said before the failures had codes.
 */
export interface EvaluationCase {
  readonly site: string;
  readonly expression: string;
  readonly source?: Readonly<Record<string, unknown>>;
  readonly isTaken?: (candidate: string) => boolean | Promise<boolean>;
  readonly randomBytes?: (length: number) => Uint8Array;
  /** Evaluated without the checks that run first, for failures the checker already rules out. */
  readonly unchecked?: boolean;
  /** Without crypto.getRandomValues. */
  readonly noCrypto?: boolean;
}
const person = { givenName: 'Jane', roles: ['a', 'b'], empty: '', zero: '0', minus: '-1' };
export const evaluationCases: readonly EvaluationCase[] = [
  { site: 'coerce multi-valued', expression: 'Left(Split("a,b", ","), 1)' },
  {
    site: 'coerce role list',
    expression: 'Left([appRoleAssignments], 1)',
    source: { appRoleAssignments: [{ value: 'r' }] },
    unchecked: true,
  },
  {
    site: 'coerce role objects',
    expression: 'Left(AppRoleAssignmentsComplex([appRoleAssignments]), 1)',
    source: { appRoleAssignments: [{ value: 'r' }] },
  },
  { site: 'coerce not an integer', expression: 'Left([givenName], [givenName])', source: person },
  { site: 'coerce date not integer', expression: 'Left([givenName], CDate("2021-01-01"))', source: person },
  { site: 'coerce integer not date', expression: 'DateAdd("d", 1, [n])', source: { n: 5 } },
  { site: 'coerce not a date', expression: 'CDate([givenName])', source: person },
  { site: 'logic not boolean', expression: 'CBool([givenName])', source: person },
  { site: 'logic IIF condition', expression: 'IIF([roles], "a", "b")', source: person },
  { site: 'logic Not', expression: 'Not([roles])', source: person },
  {
    site: 'node roles not a list',
    expression: 'AppRoleAssignmentsComplex([appRoleAssignments])',
    source: { appRoleAssignments: 'x' },
  },
  {
    site: 'node roles bad entry',
    expression: 'AppRoleAssignmentsComplex([appRoleAssignments])',
    source: { appRoleAssignments: [1] },
  },
  { site: 'node unsupported value', expression: 'ToLower([a])', source: { a: { x: 1 } } },
  { site: 'node unsupported entry', expression: 'ToLower([a])', source: { a: [{ x: 1 }] } },
  { site: 'node comparison', expression: 'IIF([roles] = "a", "y", "n")', source: person },
  {
    site: 'evaluate all taken',
    expression: 'SelectUniqueValue([givenName], "x")',
    source: person,
    isTaken: () => true,
  },
  {
    site: 'evaluate probe failed',
    expression: 'SelectUniqueValue([givenName], "x")',
    source: person,
    isTaken: () => {
      throw new Error('target down');
    },
  },
  {
    site: 'evaluate probe async',
    expression: 'SelectUniqueValue([givenName], "x")',
    source: person,
    isTaken: () => Promise.resolve(false),
  },
  { site: 'evaluate too few random bytes', expression: 'Guid()', randomBytes: () => new Uint8Array(0) },
  {
    site: 'replace regex',
    expression: 'Replace([givenName], , [p], , "x", , )',
    source: { ...person, p: '(' },
  },
  {
    site: 'replace no such group',
    expression: 'Replace([givenName], , "(?<a>J)", [g], "x", , )',
    source: { ...person, g: 'b' },
  },
  {
    site: 'replace old value empty',
    expression: 'Replace([givenName], [empty], , , "x", , )',
    source: person,
  },
  {
    site: 'lists roles only',
    expression: 'Join(",", AppRoleAssignmentsComplex([appRoleAssignments]))',
    source: { appRoleAssignments: [{ value: 'r' }] },
  },
  { site: 'lists delimiter empty', expression: 'Split([givenName], [empty])', source: person },
  { site: 'text culture', expression: 'ToLower([givenName], [c])', source: { ...person, c: 'xx-nope-nope' } },
  { site: 'text Mid start', expression: 'Mid([givenName], [zero], 1)', source: person },
  { site: 'text Mid length', expression: 'Mid([givenName], 1, [minus])', source: person },
  { site: 'text InStr start', expression: 'InStr([givenName], "a", [zero])', source: person },
  {
    site: 'text InStr compare',
    expression: 'InStr([givenName], "a", 1, [c])',
    source: { ...person, c: 'x' },
  },
  {
    site: 'roles argument',
    expression: 'AppRoleAssignmentsComplex([givenName])',
    source: person,
    unchecked: true,
  },
  { site: 'random count negative', expression: 'RandomString(8, [minus], 0, 0, 0, "")', source: person },
  { site: 'random count too large', expression: 'RandomString(8, [n], 0, 0, 0, "")', source: { n: 300 } },
  { site: 'random length', expression: 'RandomString([zero], 0, 0, 0, 0, "")', source: person },
  { site: 'random sum', expression: 'RandomString([n], 2, 2, 0, 0, "")', source: { n: 3 } },
  { site: 'random avoid class', expression: 'RandomString(4, 1, 0, 0, 0, [a])', source: { a: '0123456789' } },
  {
    site: 'random avoid all',
    expression: 'RandomString(4, 0, 0, 0, 0, [a])',
    source: {
      a: '0123456789~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    },
  },
  { site: 'dates interval', expression: 'DateAdd([givenName], 1, "2021-01-01")', source: person },
  {
    site: 'dates format',
    expression: 'FormatDateTime("2021-01-01", , [f], "yyyy")',
    source: { f: 'yyyy ffffffff' },
  },
  { site: 'dates out of range', expression: 'DateAdd("yyyy", 9999, "2021-01-01")' },
  { site: 'dates not a filetime', expression: 'DateFromNum([minus])', source: person },
  { site: 'dates before 1601', expression: 'NumFromDate("1500-01-01")' },
  { site: 'dates styles', expression: 'FormatDateTime("2021", [s], "yyyy", "yyyy")', source: { s: 'Nope' } },
  { site: 'dates input format', expression: 'FormatDateTime([givenName], , "yyyy", "yyyy")', source: person },
  {
    site: 'flow root only',
    expression: 'Join(",", IgnoreFlowIfNullOrEmpty([givenName]))',
    source: person,
    unchecked: true,
  },
  { site: 'replace mode', expression: 'Replace([givenName], , , , , , )', source: person, unchecked: true },
  { site: 'node unknown function', expression: 'Nope([givenName])', source: person, unchecked: true },
  { site: 'node not a value', expression: 'Left([givenName], vbNope)', source: person, unchecked: true },
  { site: 'evaluate no random source', expression: 'Guid()', noCrypto: true },
  {
    site: 'evaluate unexpected',
    expression: '[a]',
    source: Object.defineProperty({}, 'a', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    }),
  },
  {
    site: 'dates expected character',
    expression: 'FormatDateTime([v], , "yyyy-MM", "yyyy")',
    source: { v: '2021x01' },
  },
  { site: 'dates expected Z', expression: 'FormatDateTime([v], , "yyyyZ", "yyyy")', source: { v: '2021' } },
  {
    site: 'dates unexpected rest',
    expression: 'FormatDateTime([v], , "yyyy", "yyyy")',
    source: { v: '2021-01' },
  },
  {
    site: 'dates no AM/PM',
    expression: 'FormatDateTime([v], , [f], "yyyy")',
    source: { v: '2021 5', f: 'yyyy h' },
  },
  {
    site: 'dates PM hour range',
    expression: 'FormatDateTime([v], , "yyyy HH tt", "yyyy")',
    source: { v: '2021 24 PM' },
  },
  {
    site: 'dates AM hour above 12',
    expression: 'FormatDateTime([v], , "yyyy HH tt", "yyyy")',
    source: { v: '2021 13 AM' },
  },
  {
    site: 'dates 12-hour above 12',
    expression: 'FormatDateTime([v], , "yyyy hh tt", "yyyy")',
    source: { v: '2021 13 PM' },
  },
  {
    site: 'dates not a calendar date',
    expression: 'FormatDateTime([v], , "yyyy-MM-dd", "yyyy")',
    source: { v: '2021-02-30' },
  },
  {
    site: 'dates time of day',
    expression: 'FormatDateTime([v], , "yyyy HH", "yyyy")',
    source: { v: '2021 25' },
  },
  {
    site: 'dates day name',
    expression: 'FormatDateTime([v], , "dddd yyyy-MM-dd", "yyyy")',
    source: { v: 'Monday 2021-01-01' },
  },
  {
    site: 'dates outside years',
    expression: 'FormatDateTime([v], , "yyyy-MM-dd HH:mm zzz", "yyyy")',
    source: { v: '9999-12-31 23:59 -01:00' },
  },
];

/** What each case said before its failures had codes: the English must stay byte-identical (CLI, logs). */
export const englishBefore: Readonly<Record<string, string>> = {
  'coerce multi-valued':
    'Line 1, column 6: Left argument 1 (string): got a multi-valued value (2 values) where one value is required; wrap it in Item([x], n) or Join(separator, [x]) to use one value.',
  'coerce role list':
    'Line 1, column 6: Left argument 1 (string): got the app role list, which only the app role functions can use.',
  'coerce role objects':
    'Line 1, column 6: Left argument 1 (string): got a list of role objects, which only the app role functions can use.',
  'coerce not an integer':
    'Line 1, column 19: Left argument 2 (numChars): "Jane" is not an integer (digits with an optional leading "-", at most 64 bits).',
  'coerce date not integer':
    'Line 1, column 19: Left argument 2 (numChars): got a date where an integer is required.',
  'coerce integer not date':
    'Line 1, column 17: DateAdd argument 3 (dateTime): the integer 5 is not a date; use DateFromNum for FILETIME numbers.',
  'coerce not a date':
    'Line 1, column 7: CDate argument 1 (expression): "Jane" is not a date (expected forms like 2021-08-24, 2009-06-15T01:45:30-07:00 or 8/25/2021 5:41:18 PM).',
  'logic not boolean':
    'Line 1, column 7: CBool argument 1 (expression): "Jane" is neither "True", "False" nor an integer.',
  'logic IIF condition':
    'Line 1, column 5: IIF argument 1 (condition): got a multi-valued value (2 values) where one value is required; wrap it in Item([x], n) or Join(separator, [x]) to use one value.',
  'logic Not':
    'Line 1, column 5: Not argument 1 (source): got a multi-valued value (2 values) where one value is required; wrap it in Item([x], n) or Join(separator, [x]) to use one value.',
  'node roles not a list': 'Line 1, column 27: [appRoleAssignments] must be a list of role objects.',
  'node roles bad entry':
    'Line 1, column 27: [appRoleAssignments] holds an entry that is not a role object with a "value".',
  'node unsupported value': 'Line 1, column 9: [a] holds a value of an unsupported type (object).',
  'node unsupported entry': 'Line 1, column 9: [a] holds a list entry of an unsupported type (object).',
  'node comparison':
    'Line 1, column 5: Comparison "=": got a multi-valued value (2 values) where one value is required; wrap it in Item([x], n) or Join(separator, [x]) to use one value.',
  'evaluate all taken': 'Line 1, column 1: SelectUniqueValue: all 2 candidate value(s) are already taken.',
  'evaluate probe failed': 'SelectUniqueValue: checking the target for a candidate failed: target down',
  'evaluate probe async':
    'SelectUniqueValue: the uniqueness probe is asynchronous; use evaluateExpression instead of evaluateExpressionSync.',
  'evaluate too few random bytes': 'The random source returned too few bytes.',
  'replace regex':
    'Line 1, column 24: Replace argument 3 (regexPattern): The pattern contains a "(" with no matching ")".',
  'replace no such group':
    'Line 1, column 35: Replace argument 4 (regexGroupName): the pattern has no group named "b".',
  'replace old value empty': 'Line 1, column 22: Replace argument 2 (oldValue): oldValue must not be empty.',
  'lists roles only':
    'Line 1, column 11: Join argument 2 (source): app roles can only be used by the app role functions.',
  'lists delimiter empty':
    'Line 1, column 20: Split argument 2 (delimiter): the delimiter must not be empty.',
  'text culture':
    'Line 1, column 22: ToLower argument 2 (culture): "xx-nope-nope" is not a known culture name (use a tag such as "tr-TR").',
  'text Mid start': 'Line 1, column 18: Mid argument 2 (start): start must be 1 or more (got 0).',
  'text Mid length': 'Line 1, column 21: Mid argument 3 (length): length must not be negative (got -1).',
  'text InStr start': 'Line 1, column 25: InStr argument 3 (start): start must be 1 or more (got 0).',
  'text InStr compare':
    'Line 1, column 28: InStr argument 4 (compareType): compareType must be vbBinaryCompare, vbTextCompare, 0 or 1 (got "x").',
  'roles argument':
    'Line 1, column 27: AppRoleAssignmentsComplex argument 1 (appRoleAssignments): the argument must be [appRoleAssignments].',
  'random count negative':
    'Line 1, column 17: RandomString argument 2 (MinimumNumbers): MinimumNumbers must not be negative (got -1).',
  'random count too large':
    'Line 1, column 17: RandomString argument 2 (MinimumNumbers): MinimumNumbers must be at most 256 (got 300).',
  'random length':
    'Line 1, column 14: RandomString argument 1 (Length): Length must be between 1 and 256 (got 0).',
  'random sum':
    'Line 1, column 14: RandomString argument 1 (Length): Length 3 is less than the sum of the minimums (4).',
  'random avoid class':
    'Line 1, column 29: RandomString argument 6 (CharactersToAvoid): CharactersToAvoid removes every one of the digits, but at least 1 are required.',
  'random avoid all':
    'Line 1, column 29: RandomString argument 6 (CharactersToAvoid): CharactersToAvoid removes every character.',
  'dates interval':
    'Line 1, column 9: DateAdd argument 1 (interval): "Jane" is not an interval; use "yyyy" (years), "m" (months), "d" (days), "ww" (weeks), "h", "n" (minutes) or "s".',
  'dates format':
    'Line 1, column 32: FormatDateTime argument 3 (inputFormat): "ffffffff" asks for more than 7 fraction digits.',
  'dates out of range': 'Line 1, column 1: DateAdd: the result falls outside the years 1 to 9999.',
  'dates not a filetime':
    'Line 1, column 13: DateFromNum argument 1 (value): -1 is not a FILETIME between 1601 and the end of 9999.',
  'dates before 1601':
    'Line 1, column 13: NumFromDate argument 1 (value): the date is before 1601-01-01, where FILETIME starts.',
  'dates styles':
    'Line 1, column 24: FormatDateTime argument 2 (dateTimeStyles): unknown DateTimeStyles name(s): Nope.',
  'dates input format':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: expected a year at position 1 of "Jane".',
  'flow root only':
    'Line 1, column 11: IgnoreFlowIfNullOrEmpty: IgnoreFlowIfNullOrEmpty may only be the outermost call of an expression.',
  'replace mode':
    'Line 1, column 1: Replace: this combination of arguments is not supported; fill oldValue + replacementValue, oldValue + template, regexPattern + replacementValue, regexPattern + regexGroupName + replacementValue, or regexPattern + regexGroupName + replacementAttributeName.',
  'node unknown function': 'Line 1, column 1: Unknown function Nope.',
  'node not a value': 'Line 1, column 19: "vbNope" is not a value.',
  'evaluate no random source': 'No cryptographically secure random source is available.',
  'evaluate unexpected': 'Evaluation failed unexpectedly: boom',
  'dates expected character':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: expected "-" at position 5 of "2021x01".',
  'dates expected Z':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: expected "Z" at position 5 of "2021".',
  'dates unexpected rest':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: unexpected "-01" at position 5 of "2021-01".',
  'dates no AM/PM':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: the format reads a 12-hour clock (h) without an AM/PM field (tt) in "2021 5".',
  'dates PM hour range':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: the hour is out of range in "2021 24 PM".',
  'dates AM hour above 12':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: an AM hour is above 12 in "2021 13 AM".',
  'dates 12-hour above 12':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: a 12-hour clock hour is above 12 in "2021 13 PM".',
  'dates not a calendar date':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: 2021-2-30 is not a calendar date in "2021-02-30".',
  'dates time of day':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: the time of day is out of range in "2021 25".',
  'dates day name':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: the day name does not match the date in "Monday 2021-01-01".',
  'dates outside years':
    'Line 1, column 16: FormatDateTime argument 1 (source): the value does not match the input format: the date is outside years 1\u20139999 in "9999-12-31 23:59 -01:00".',
};
