/**
 * The sentences evaluation fails with (ExpressionEvaluationError: the preview, the CLI, the log's
 * ExpressionEvaluationFailed), as templates with `{name}` parameters; expression-messages.ts merges
 * them into the expression message codes, so an evaluation error carries `expr.<code>` + params and
 * the app can say it in the admin's language. The English made from them is the error's message.
 *
 * A failure inside a call is said as the place (`evalInNamedArgument`: "Mid argument 2 (start): ")
 * around the problem, which is passed by its code (`problemCode`, its parameters beside the place's)
 * so it is said first, in the same language. This file imports nothing: expression-messages.ts
 * spreads it while its own module is still loading.
 */
export const evaluationTemplates = {
  // Where in a call the evaluation failed; `{problem}` is the phrase named by `problemCode`.
  evalInFunction: '{functionName}: {problem}',
  evalInArgument: '{functionName} argument {position}: {problem}',
  evalInNamedArgument: '{functionName} argument {position} ({parameter}): {problem}',
  evalInComparison: 'Comparison "{operator}": {problem}',
  // Reading a value as the type an argument needs (coerce.ts).
  evalMultiValued:
    'got a multi-valued value ({count} values) where one value is required; wrap it in Item([x], n) or Join(separator, [x]) to use one value.',
  evalRoleValue: 'got {kind}, which only the app role functions can use.',
  evalKindRoleList: 'the app role list',
  evalKindRoleObjects: 'a list of role objects',
  evalNotAnInteger: '"{value}" is not an integer (digits with an optional leading "-", at most 64 bits).',
  evalDateNotInteger: 'got a date where an integer is required.',
  evalIntegerNotDate: 'the integer {value} is not a date; use DateFromNum for FILETIME numbers.',
  evalNotADate:
    '"{value}" is not a date (expected forms like 2021-08-24, 2009-06-15T01:45:30-07:00 or 8/25/2021 5:41:18 PM).',
  evalNotBoolean: '"{value}" is neither "True", "False" nor an integer.',
  // Nodes outside a call (evaluate-node.ts) and the evaluation as a whole (evaluate.ts).
  evalAttribute: '[{attribute}] {problem}.',
  evalRolesNotAList: 'must be a list of role objects',
  evalRolesBadEntry: 'holds an entry that is not a role object with a "value"',
  /** `{type}` is the JavaScript type the source handed over ("object", "non-finite number"). */
  evalUnsupportedEntry: 'holds a list entry of an unsupported type ({type})',
  evalUnsupportedValue: 'holds a value of an unsupported type ({type})',
  evalNotAValue: '"{name}" is not a value.',
  evalNeedsArgument: '{name} needs an argument.',
  evalAllTaken: 'SelectUniqueValue: all {count} candidate value(s) are already taken.',
  evalProbeFailed: 'SelectUniqueValue: checking the target for a candidate failed: {error}',
  evalProbeAsync:
    'SelectUniqueValue: the uniqueness probe is asynchronous; use evaluateExpression instead of evaluateExpressionSync.',
  evalNoRandomSource: 'No cryptographically secure random source is available.',
  evalTooFewRandomBytes: 'The random source returned too few bytes.',
  /** A bug in Roster; `{error}` is the exception's own (English) text. */
  evalUnexpected: 'Evaluation failed unexpectedly: {error}',
  // The functions' own checks (functions/*.ts).
  evalNoSuchGroup: 'the pattern has no group named "{group}".',
  evalReplaceMode: 'this combination of arguments is not supported; {help}.',
  evalOldValueEmpty: 'oldValue must not be empty.',
  evalRolesOnly: 'app roles can only be used by the app role functions.',
  evalDelimiterEmpty: 'the delimiter must not be empty.',
  evalUnknownCulture: '"{value}" is not a known culture name (use a tag such as "tr-TR").',
  evalStartAtLeastOne: 'start must be 1 or more (got {value}).',
  evalLengthNegative: 'length must not be negative (got {value}).',
  evalCompareType: 'compareType must be vbBinaryCompare, vbTextCompare, 0 or 1 (got "{value}").',
  evalRoleArgument: 'the argument must be [appRoleAssignments].',
  evalCountNegative: '{argument} must not be negative (got {value}).',
  evalCountTooLarge: '{argument} must be at most 256 (got {value}).',
  evalRandomLength: 'Length must be between 1 and 256 (got {value}).',
  evalRandomSum: 'Length {length} is less than the sum of the minimums ({sum}).',
  evalAvoidClass:
    'CharactersToAvoid removes every one of the {characterClass}, but at least {min} are required.',
  evalClassDigits: 'digits',
  evalClassSpecial: 'special characters',
  evalClassCapitals: 'capitals',
  evalClassLower: 'lower-case letters',
  evalAvoidAll: 'CharactersToAvoid removes every character.',
  /** A warning, not a failure: the value is used and the log shows a warning step. */
  evalSingleRole:
    'SingleAppRoleAssignment: the object holds {count} roles; "{value}" (the lowest value) was used.',
  evalNotAnInterval: '"{value}" is not an interval; use {help}.',
  evalDateOutOfRange: 'the result falls outside the years 1 to 9999.',
  evalNotAFiletime: '{value} is not a FILETIME between 1601 and the end of 9999.',
  evalBefore1601: 'the date is before 1601-01-01, where FILETIME starts.',
  evalUnknownStyles: 'unknown DateTimeStyles name(s): {names}.',
  /** `{reason}` is where the text stopped matching (`reasonCode`, one of the date parser's below). */
  evalInputFormat: 'the value does not match the input format: {reason}.',
  // Why a text does not match FormatDateTime's input format (dates/parse-date.ts).
  dateExpectedField: 'expected {field} at position {at} of "{input}"',
  dateExpectedCharacter: 'expected "{character}" at position {at} of "{input}"',
  dateUnexpected: 'unexpected "{rest}" at position {at} of "{input}"',
  dateInvalid: '{why} in "{input}"',
  dateFieldYear: 'a year',
  dateFieldMonth: 'a month',
  dateFieldDay: 'a day',
  dateFieldHour12: 'an hour (1-12)',
  dateFieldHour24: 'an hour (0-23)',
  dateFieldMinutes: 'minutes',
  dateFieldSeconds: 'seconds',
  dateFieldFraction: 'fraction digits',
  dateFieldAmPm: 'AM or PM',
  dateFieldOffset: 'a UTC offset',
  dateFieldZone: 'a time zone',
  dateNoAmPm: 'the format reads a 12-hour clock (h) without an AM/PM field (tt)',
  dateHourRange: 'the hour is out of range',
  dateAmHourAbove12: 'an AM hour is above 12',
  date12HourAbove12: 'a 12-hour clock hour is above 12',
  dateNotCalendar: '{year}-{month}-{day} is not a calendar date',
  dateTimeRange: 'the time of day is out of range',
  dateDayName: 'the day name does not match the date',
  dateOutsideYears: 'the date is outside years 1–9999',
} as const;

/** Parameters the templates above use (the renderer's English locale keeps exactly these as `{name}`). */
export const evaluationMessageParameters = [
  'functionName',
  'position',
  'parameter',
  'operator',
  'problem',
  'count',
  'kind',
  'value',
  'attribute',
  'name',
  'error',
  'group',
  'help',
  'argument',
  'length',
  'sum',
  'characterClass',
  'min',
  'names',
  'reason',
  'type',
  'field',
  'at',
  'input',
  'character',
  'rest',
  'why',
  'year',
  'month',
  'day',
] as const;
