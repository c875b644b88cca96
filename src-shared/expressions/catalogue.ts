/** What an editor needs to offer completion and signature help, and what validation checks arity against. */
export interface ParameterInfo {
  readonly name: string;
  /** An optional slot may be left empty or, at the end, left out. */
  readonly optional: boolean;
}

export interface FunctionInfo {
  readonly name: string;
  /** As shown in signature help, e.g. `Mid(source, start, length)`. */
  readonly signature: string;
  readonly minArgs: number;
  /** null: no upper limit. */
  readonly maxArgs: number | null;
  readonly returns: string;
  readonly description: string;
  readonly parameters: readonly ParameterInfo[];
  /** For functions with no upper limit: the parameter that repeats (its index in `parameters`). */
  readonly repeatsFrom?: number;
  /** May only be the root call of an expression. */
  readonly rootOnly?: boolean;
}

function p(name: string, optional = false): ParameterInfo {
  return { name, optional };
}

const ROLES = '[appRoleAssignments]';

export const FUNCTION_CATALOGUE: readonly FunctionInfo[] = [
  {
    name: 'Append',
    signature: 'Append(source, suffix)',
    minArgs: 2,
    maxArgs: 2,
    returns: 'String',
    description: 'Returns source followed by suffix.',
    parameters: [p('source'), p('suffix')],
  },
  {
    name: 'AppRoleAssignmentsComplex',
    signature: `AppRoleAssignmentsComplex(${ROLES})`,
    minArgs: 1,
    maxArgs: 1,
    returns: 'role objects',
    description: "All of the object's app roles as SCIM role objects; export only ever adds roles.",
    parameters: [p('appRoleAssignments')],
  },
  {
    name: 'AssertiveAppRoleAssignmentsComplex',
    signature: `AssertiveAppRoleAssignmentsComplex(${ROLES})`,
    minArgs: 1,
    maxArgs: 1,
    returns: 'role objects',
    description: "All of the object's app roles as SCIM role objects; export replaces the target's roles.",
    parameters: [p('appRoleAssignments')],
  },
  {
    name: 'BitAnd',
    signature: 'BitAnd(value1, value2)',
    minArgs: 2,
    maxArgs: 2,
    returns: 'Integer',
    description: 'Bitwise AND of two 64-bit integers.',
    parameters: [p('value1'), p('value2')],
  },
  {
    name: 'CBool',
    signature: 'CBool(expression)',
    minArgs: 1,
    maxArgs: 1,
    returns: '"True" | "False"',
    description: 'Turns a comparison, "True"/"False" or a number (non-zero is True) into "True" or "False".',
    parameters: [p('expression')],
  },
  {
    name: 'CDate',
    signature: 'CDate(expression)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'DateTime',
    description: 'Parses a date string (ISO 8601 or M/d/yyyy) into a UTC date and time.',
    parameters: [p('expression')],
  },
  {
    name: 'Coalesce',
    signature: 'Coalesce(source1, …, sourceN)',
    minArgs: 1,
    maxArgs: null,
    returns: 'any',
    description: 'Returns the first argument that is not null ("" counts as a value).',
    parameters: [p('source')],
    repeatsFrom: 0,
  },
  {
    name: 'ConvertToBase64',
    signature: 'ConvertToBase64(source)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'String',
    description: 'Base64 of the UTF-16LE bytes of source.',
    parameters: [p('source')],
  },
  {
    name: 'ConvertToUTF8Hex',
    signature: 'ConvertToUTF8Hex(source)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'String',
    description: 'The UTF-8 bytes of source as upper-case hexadecimal.',
    parameters: [p('source')],
  },
  {
    name: 'Count',
    signature: 'Count(attribute)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'Integer',
    description: 'The number of values: 0 for null, 1 for a single value.',
    parameters: [p('attribute')],
  },
  {
    name: 'CStr',
    signature: 'CStr(value)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'String',
    description: 'The string form of a number, boolean, date or reference.',
    parameters: [p('value')],
  },
  {
    name: 'DateAdd',
    signature: 'DateAdd(interval, value, dateTime)',
    minArgs: 3,
    maxArgs: 3,
    returns: 'DateTime',
    description: 'Adds value intervals ("yyyy", "m", "d", "ww", "h", "n", "s") to a date.',
    parameters: [p('interval'), p('value'), p('dateTime')],
  },
  {
    name: 'DateDiff',
    signature: 'DateDiff(interval, date1, date2)',
    minArgs: 3,
    maxArgs: 3,
    returns: 'Integer',
    description: 'The number of intervals from date1 to date2 (positive when date2 is later).',
    parameters: [p('interval'), p('date1'), p('date2')],
  },
  {
    name: 'DateFromNum',
    signature: 'DateFromNum(value)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'DateTime',
    description:
      'Converts an AD FILETIME number (100 ns ticks since 1601) to a date; 0 and "never" give null.',
    parameters: [p('value')],
  },
  {
    name: 'FormatDateTime',
    signature: 'FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat)',
    minArgs: 4,
    maxArgs: 4,
    returns: 'String',
    description: 'Parses source with a .NET inputFormat and writes it with outputFormat, in UTC.',
    parameters: [p('source'), p('dateTimeStyles', true), p('inputFormat'), p('outputFormat')],
  },
  {
    name: 'Guid',
    signature: 'Guid()',
    minArgs: 0,
    maxArgs: 0,
    returns: 'String',
    description: 'A new random lower-case UUID (version 4). Use only in create-only mappings.',
    parameters: [],
  },
  {
    name: 'IgnoreFlowIfNullOrEmpty',
    signature: 'IgnoreFlowIfNullOrEmpty(expression)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'any',
    description: 'Leaves the target attribute alone (no default value) when expression is null or empty.',
    parameters: [p('expression')],
    rootOnly: true,
  },
  {
    name: 'IIF',
    signature: 'IIF(condition, valueIfTrue, valueIfFalse)',
    minArgs: 3,
    maxArgs: 3,
    returns: 'any',
    description: 'valueIfTrue when condition is "True" (any case), otherwise valueIfFalse.',
    parameters: [p('condition'), p('valueIfTrue'), p('valueIfFalse')],
  },
  {
    name: 'InStr',
    signature: 'InStr(value1, value2, start, compareType)',
    minArgs: 2,
    maxArgs: 4,
    returns: 'Integer',
    description: 'The 1-based position of value2 in value1 at or after start, or 0.',
    parameters: [p('value1'), p('value2'), p('start', true), p('compareType', true)],
  },
  {
    name: 'IsNull',
    signature: 'IsNull(expression)',
    minArgs: 1,
    maxArgs: 1,
    returns: '"True" | "False"',
    description: '"True" when the value is null or absent ("" is not null).',
    parameters: [p('expression')],
  },
  {
    name: 'IsNullOrEmpty',
    signature: 'IsNullOrEmpty(expression)',
    minArgs: 1,
    maxArgs: 1,
    returns: '"True" | "False"',
    description: '"True" for null, "" or an empty list.',
    parameters: [p('expression')],
  },
  {
    name: 'IsPresent',
    signature: 'IsPresent(expression)',
    minArgs: 1,
    maxArgs: 1,
    returns: '"True" | "False"',
    description: '"True" unless the value is null, "" or an empty list.',
    parameters: [p('expression')],
  },
  {
    name: 'IsString',
    signature: 'IsString(expression)',
    minArgs: 1,
    maxArgs: 1,
    returns: '"True" | "False"',
    description: '"True" for any single non-null value.',
    parameters: [p('expression')],
  },
  {
    name: 'Item',
    signature: 'Item(attribute, index)',
    minArgs: 2,
    maxArgs: 2,
    returns: 'any',
    description: 'The value at a 1-based index of a multi-valued attribute, or null.',
    parameters: [p('attribute'), p('index')],
  },
  {
    name: 'Join',
    signature: 'Join(separator, source1, …, sourceN)',
    minArgs: 2,
    maxArgs: null,
    returns: 'String',
    description: 'Joins every non-empty value of the sources with separator; null when nothing is left.',
    parameters: [p('separator'), p('source')],
    repeatsFrom: 1,
  },
  {
    name: 'Left',
    signature: 'Left(string, numChars)',
    minArgs: 2,
    maxArgs: 2,
    returns: 'String',
    description: 'The first numChars characters of string.',
    parameters: [p('string'), p('numChars')],
  },
  {
    name: 'Mid',
    signature: 'Mid(source, start, length)',
    minArgs: 3,
    maxArgs: 3,
    returns: 'String',
    description: 'Up to length characters of source from the 1-based start.',
    parameters: [p('source'), p('start'), p('length')],
  },
  {
    name: 'NormalizeDiacritics',
    signature: 'NormalizeDiacritics(source)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'String',
    description: 'Replaces accented letters with plain ones (ä → a, ß → ss, ø → oe).',
    parameters: [p('source')],
  },
  {
    name: 'Not',
    signature: 'Not(source)',
    minArgs: 1,
    maxArgs: 1,
    returns: '"True" | "False"',
    description: '"False" when source is "True" (any case), otherwise "True" (null included).',
    parameters: [p('source')],
  },
  {
    name: 'Now',
    signature: 'Now()',
    minArgs: 0,
    maxArgs: 0,
    returns: 'DateTime',
    description: 'The current UTC date and time (the same instant for the whole object).',
    parameters: [],
  },
  {
    name: 'NumFromDate',
    signature: 'NumFromDate(value)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'Integer',
    description: 'Converts a date to an AD FILETIME number (100 ns ticks since 1601).',
    parameters: [p('value')],
  },
  {
    name: 'PCase',
    signature: 'PCase(source, wordSeparators)',
    minArgs: 1,
    maxArgs: 2,
    returns: 'String',
    description: 'Lower-cases source, then upper-cases the first letter of each word.',
    parameters: [p('source'), p('wordSeparators', true)],
  },
  {
    name: 'RandomString',
    signature:
      'RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase, CharactersToAvoid)',
    minArgs: 5,
    maxArgs: 6,
    returns: 'String',
    description: 'A cryptographically random string with minimum counts per character class.',
    parameters: [
      p('Length'),
      p('MinimumNumbers'),
      p('MinimumSpecialCharacters'),
      p('MinimumCapital'),
      p('MinimumLowerCase'),
      p('CharactersToAvoid', true),
    ],
  },
  {
    name: 'Redact',
    signature: 'Redact(value)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'any',
    description: 'Returns value unchanged but shows [Redact] in logs, exports and traces.',
    parameters: [p('value')],
  },
  {
    name: 'RemoveDuplicates',
    signature: 'RemoveDuplicates(attribute)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'multi-valued',
    description: 'The values with repeats removed (case-sensitive), first occurrences kept in order.',
    parameters: [p('attribute')],
  },
  {
    name: 'Replace',
    signature:
      'Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template)',
    minArgs: 1,
    maxArgs: 7,
    returns: 'String',
    description:
      'Replaces text literally, by regex, by regex group, into a template, or extracts a fallback.',
    parameters: [
      p('source'),
      p('oldValue', true),
      p('regexPattern', true),
      p('regexGroupName', true),
      p('replacementValue', true),
      p('replacementAttributeName', true),
      p('template', true),
    ],
  },
  {
    name: 'SelectUniqueValue',
    signature: 'SelectUniqueValue(rule1, rule2, …, ruleN)',
    minArgs: 2,
    maxArgs: null,
    returns: 'String',
    description: 'The first rule value not already taken in the target (create-only mappings).',
    parameters: [p('rule')],
    repeatsFrom: 0,
    rootOnly: true,
  },
  {
    name: 'SingleAppRoleAssignment',
    signature: `SingleAppRoleAssignment(${ROLES})`,
    minArgs: 1,
    maxArgs: 1,
    returns: 'String',
    description: "The value of the object's single app role (the lowest when it has several), or null.",
    parameters: [p('appRoleAssignments')],
  },
  {
    name: 'Split',
    signature: 'Split(source, delimiter)',
    minArgs: 2,
    maxArgs: 2,
    returns: 'multi-valued',
    description: 'Splits source at each delimiter into trimmed, non-empty values.',
    parameters: [p('source'), p('delimiter')],
  },
  {
    name: 'StripSpaces',
    signature: 'StripSpaces(source)',
    minArgs: 1,
    maxArgs: 1,
    returns: 'String',
    description: 'Removes every space character (U+0020).',
    parameters: [p('source')],
  },
  {
    name: 'Switch',
    signature: 'Switch(source, defaultValue, key1, value1, …, keyN, valueN)',
    minArgs: 4,
    maxArgs: null,
    returns: 'any',
    description: 'The value whose key equals source (case-sensitive), or defaultValue.',
    parameters: [p('source'), p('defaultValue', true), p('key'), p('value')],
    repeatsFrom: 2,
  },
  {
    name: 'ToLower',
    signature: 'ToLower(source, culture)',
    minArgs: 1,
    maxArgs: 2,
    returns: 'String',
    description: 'Lower-cases source, with a culture such as "tr-TR" if given.',
    parameters: [p('source'), p('culture', true)],
  },
  {
    name: 'ToUpper',
    signature: 'ToUpper(source, culture)',
    minArgs: 1,
    maxArgs: 2,
    returns: 'String',
    description: 'Upper-cases source, with a culture such as "tr-TR" if given.',
    parameters: [p('source'), p('culture', true)],
  },
  {
    name: 'Word',
    signature: 'Word(string, wordNumber, delimiters)',
    minArgs: 3,
    maxArgs: 3,
    returns: 'String',
    description: 'The wordNumber-th run of characters not in delimiters, or "".',
    parameters: [p('string'), p('wordNumber'), p('delimiters')],
  },
];

const BY_NAME: ReadonlyMap<string, FunctionInfo> = new Map(FUNCTION_CATALOGUE.map((f) => [f.name, f]));

/** Exact, case-sensitive lookup, as the language requires. */
export function getFunctionInfo(name: string): FunctionInfo | undefined {
  return BY_NAME.get(name);
}

/** The parameter a slot fills, following the repeating group of variadic functions. */
export function parameterAt(info: FunctionInfo, index: number): ParameterInfo | undefined {
  if (index < info.parameters.length) return info.parameters[index];
  if (info.repeatsFrom === undefined) return undefined;
  const group = info.parameters.length - info.repeatsFrom;
  return info.parameters[info.repeatsFrom + ((index - info.repeatsFrom) % group)];
}
