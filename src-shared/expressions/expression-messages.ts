import type { DiagnosticDetail } from './diagnostics';
import { conversionMessageParameters, conversionTemplates } from './conversion-templates';
import { evaluationMessageParameters, evaluationTemplates } from './evaluation-templates';
import { syntaxMessageParameters, syntaxPhraseTemplates, syntaxTemplates } from './syntax-messages';

/**
 * The expression checker's own sentences (validate.ts, and the lexer's and parser's from
 * syntax-messages.ts), as codes with parameters so the app can say
 * them in the admin's language (renderer locales `expressionMessages.<code>`; a diagnostic carries
 * them as `detail` `expr.<code>`). The English made from these templates is the diagnostic's message
 * the CLI prints; the renderer's English locale is made from them too.
 */
const templates = {
  tooLong: 'The expression is {length} characters long; the limit is {limit}.',
  roleAttributeMisuse:
    '[appRoleAssignments] can only be passed to AppRoleAssignmentsComplex, AssertiveAppRoleAssignmentsComplex or SingleAppRoleAssignment.',
  unknownAttribute: 'The source schema has no attribute [{attribute}].',
  unknownAttributeGuess: 'The source schema has no attribute [{attribute}]; did you mean [{guess}]?',
  enumPosition: '{name} can only be the 4th argument of InStr.',
  enumGuess: '"{name}" is not a known word; did you mean {guess}?',
  functionWithoutParentheses: '{name} is a function; call it with parentheses: {name}(…).',
  notAValue:
    '"{name}" is not a value: write text in double quotes ("{name}") or an attribute in brackets ([{name}]).',
  notAValueBoolean:
    '"{name}" is not a value: write text in double quotes ("{name}") or an attribute in brackets ([{name}]). Booleans are the strings "True" and "False".',
  unknownFunction: 'Unknown function {name}.',
  unknownFunctionCase: 'Unknown function {name}. Function names are case-sensitive: write {guess}.',
  unknownFunctionGuess: 'Unknown function {name}. Did you mean {guess}?',
  rootOnly: '{name} may only be the outermost call of an expression.',
  roleArgument: '{name} takes exactly [appRoleAssignments] as its argument.',
  roleScope:
    '{name} needs a job scoped to assigned users and groups: with "all users and groups" there are no role assignments.',
  argumentCountOne: '{name} takes 1 argument but was given {given}: {signature}.',
  argumentCountExact: '{name} takes {min} arguments but was given {given}: {signature}.',
  argumentCountAtLeast: '{name} takes at least {min} arguments but was given {given}: {signature}.',
  argumentCountRange: '{name} takes {min} to {max} arguments but was given {given}: {signature}.',
  switchOddArguments:
    'Switch needs an even number of arguments (source, default, then key/value pairs) but was given {given}: the last key has no value.',
  emptyRequiredArgument:
    'Argument {position} ({parameter}) of {name} is required and cannot be left empty: {signature}.',
  selectUniqueCreateOnly: 'SelectUniqueValue can only be used in a mapping applied on create only.',
  selectUniqueMatching: 'SelectUniqueValue cannot be used in a matching attribute.',
  switchReference: 'Switch cannot feed a reference attribute such as manager.',
  newValueEveryTime: '{name} gives a new value every time; use it only in a mapping applied on create only.',
  switchBooleanPitfall:
    'This Switch compares "True"/"False" results with each other, so it does not pick the first value that is present; use Coalesce([a], [b], …) for that.',
  // The literal-argument checks (validate-literals.ts).
  integerExpected: '{name} needs an integer here, but "{value}" is not one.',
  replaceMode: 'Replace: this combination of filled arguments is not supported; {help}.',
  replaceEmptyOldValue: 'Replace: oldValue must not be empty.',
  unknownDateTimeStyles: 'FormatDateTime: unknown DateTimeStyles name(s) {names}; known names: {known}.',
  hour12WithoutMarker:
    'FormatDateTime: the input format reads a 12-hour clock ("h") without "tt", so a string cannot be parsed; use "HH" or add "tt".',
  randomStringNegative: 'RandomString: minimums must not be negative.',
  randomStringLength: 'RandomString: Length must be between 1 and 256 (got {length}).',
  randomStringSum: 'RandomString: Length {length} is less than the sum of the minimums ({sum}).',
  unknownCultureName: '{name}: "{value}" is not a known culture name; use a tag such as "tr-TR" or "de-DE".',
  notAnInterval: '{name}: "{value}" is not an interval; use {help}.',
  inStrStart: 'InStr: start must be 1 or more.',
  inStrCompare: 'InStr: compareType must be vbBinaryCompare, vbTextCompare, 0 or 1.',
  midStart: 'Mid: start must be 1 or more.',
  midLength: 'Mid: length must not be negative.',
  splitDelimiter: 'Split: the delimiter must not be empty.',
  notADate:
    'CDate: "{value}" is not a date (expected forms like 2021-08-24, 2009-06-15T01:45:30-07:00 or 8/25/2021 5:41:18 PM).',
  notAFiletime: 'DateFromNum: {value} is not a FILETIME between 1601 and the end of 9999.',
  /** A bug in Roster; `{error}` is the exception's own (English) text. */
  internalError: 'Roster could not check this expression ({error}).',
  ...syntaxTemplates,
  ...syntaxPhraseTemplates,
  ...evaluationTemplates,
  ...conversionTemplates,
} as const;

export type ExpressionMessageCode = keyof typeof templates;
export const expressionMessageTemplates: Readonly<Record<ExpressionMessageCode, string>> = templates;
export const expressionMessageCodes = Object.keys(templates) as ExpressionMessageCode[];
const checkerParameters = [
  'length',
  'limit',
  'attribute',
  'guess',
  'name',
  'given',
  'signature',
  'min',
  'max',
  'position',
  'parameter',
  'value',
  'help',
  'names',
  'known',
  'sum',
  'error',
] as const;
export const expressionMessageParameters: readonly string[] = [
  ...new Set<string>([
    ...checkerParameters,
    ...syntaxMessageParameters,
    ...evaluationMessageParameters,
    ...conversionMessageParameters,
  ]),
];

export function isExpressionMessageCode(code: string): code is ExpressionMessageCode {
  return Object.hasOwn(templates, code);
}

/**
 * The parameters a template is filled with: a phrase parameter given by its code (`foundCode:
 * 'tokenString'`) is said first, with the same parameters, through `say` (English here, the
 * admin's language in the renderer).
 */
export function withPhrases(
  params: Readonly<Record<string, string>>,
  say: (code: ExpressionMessageCode, params: Readonly<Record<string, string>>) => string | undefined,
): Record<string, string> {
  const filled: Record<string, string> = { ...params };
  for (const [name, code] of Object.entries(params)) {
    const phrase = /^(\w+)Code$/.exec(name)?.[1];
    if (phrase === undefined || phrase in params || !isExpressionMessageCode(code)) continue;
    const said = say(code, params);
    if (said !== undefined) filled[phrase] = said;
  }
  return filled;
}

function fill(code: ExpressionMessageCode, params: Readonly<Record<string, string>>): string {
  return templates[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The English sentence and its detail code (`expr.<code>`), for a diagnostic. */
export function expressionMessage(
  code: ExpressionMessageCode,
  params: Readonly<Record<string, string>> = {},
): { text: string; detail: DiagnosticDetail } {
  const text = fill(code, withPhrases(params, fill));
  return { text, detail: { code: `expr.${code}`, params } };
}
