/**
 * The lexer's and the parser's sentences (and the .NET date-format compiler's), as templates with
 * `{name}` parameters; expression-messages.ts merges them into the expression message codes, so a
 * syntax diagnostic carries `expr.<code>` + params like the checker's own and the app can say it in
 * the admin's language. The English made from them is the diagnostic's message the CLI prints.
 *
 * A parameter that is itself a phrase (what the parser found, the advice for a pasted character,
 * the date-format problem) is not passed as English: the diagnostic carries `<param>Code` naming
 * one of the phrase templates below, and whoever says the sentence says the phrase first, in the
 * same language (see expressionMessage and the renderer's diagnostic-text.ts).
 */
export const syntaxTemplates = {
  // Lexer: operators and characters.
  doubleEquals: '"==" is not an operator; write a single "=" to compare.',
  bangEquals: '"!=" is not an operator; write "<>" for "not equal".',
  loneMinus: 'A "-" must be followed directly by digits (a negative number); there is no arithmetic.',
  unexpectedCharacter: 'Unexpected character {character}.',
  unexpectedCharacters: 'Unexpected character {character} (and {more} more unexpected characters).',
  unexpectedConfusable: 'Unexpected {character}: {hint}.',
  unexpectedConfusables: 'Unexpected {character} (and {more} more unexpected characters): {hint}.',
  // Lexer: attributes, strings, numbers.
  unterminatedAttribute: 'This attribute reference has no closing "]".',
  emptyAttribute: 'An attribute reference needs a name between the brackets, for example [displayName].',
  backslashKept: '"\\{escape}" keeps its backslash; write "\\\\{escape}" to say so explicitly.',
  backslashKeptMore:
    '"\\{escape}" keeps its backslash; write "\\\\{escape}" to say so explicitly ({more} more in this string).',
  unterminatedString: 'This string has no closing double quote (write \\" for a quote inside a string).',
  notAnInteger: '"{text}" is not an integer; the language has no fractions or exponents.',
  integerOutOfRange: '{text} does not fit in a signed 64-bit integer ({min} to {max}).',
  hexWithoutDigits: '"&H" must be followed by hexadecimal digits, for example &HF7.',
  hexTooWide: '&H{digits} has more than 64 bits.',
  // Parser.
  emptyExpression: 'The expression is empty.',
  comparisonAtRoot:
    'A comparison cannot be the whole expression; wrap it, for example CBool(a {operator} b) or IIF(a {operator} b, "yes", "no").',
  unexpectedAfterEnd: 'Unexpected {found} after the end of the expression.',
  valueExpectedAtEnd:
    'Expected a value (a function call, [attribute], "string" or number) but the expression ended.',
  valueExpected: 'Expected a value (a function call, [attribute], "string" or number) but found {found}.',
  parenthesesGroup: 'Parentheses cannot group values; they only follow a function name.',
  tooDeep: 'Function calls are nested more than {limit} levels deep.',
  callNotClosed: 'The call to {name}( opened at line {line}, column {column} has no closing ")".',
  separatorExpected: 'Expected "," or ")" in the call to {name} but found {found}.',
  chainedComparison:
    'Comparisons cannot be chained; compare two values per argument and nest IIF calls for more.',
  // FormatDateTime's format strings (dates/custom-format.ts); the diagnostic names the function.
  dateFormatProblem: 'FormatDateTime: {problem}',
} as const;

/** Phrases said inside the sentences above, each named by a `<param>Code` parameter. */
export const syntaxPhraseTemplates = {
  // What the parser found where it expected something else (`foundCode`, with `{token}`).
  tokenSymbol: '"{token}"',
  tokenString: 'the string {token}',
  tokenAttribute: 'the attribute {token}',
  tokenNumber: 'the number {token}',
  // Advice for a character pasted by accident (`hintCode`).
  hintCurlyQuote: 'a curly quotation mark; strings use straight double quotes (")',
  hintGuillemet: 'a guillemet; strings use straight double quotes (")',
  hintSingleQuote: 'a single quote; strings use double quotes (")',
  hintCurlySingleQuote: 'a curly single quote; strings use straight double quotes (")',
  hintNoBreakSpace: 'a no-break space; use an ordinary space',
  hintZeroWidthSpace: 'a zero-width space; delete it',
  hintByteOrderMark: 'a byte-order mark; delete it',
  hintEnDash: 'an en dash; a negative number uses the ASCII hyphen (-)',
  hintEmDash: 'an em dash; a negative number uses the ASCII hyphen (-)',
  hintPlus: 'a "+"; there is no arithmetic or + concatenation, use Append(a, b) or Join("", a, b)',
  hintAmpersand:
    'an "&"; there is no & concatenation, use Append(a, b) or Join("", a, b) (hex numbers are written &H1F)',
  hintOpenBrace: 'a "{"; there are no braces in this language',
  hintCloseBrace: 'a "}"; there are no braces in this language',
  hintCloseBracket: 'a "]" with no matching "["',
  hintUnderscore: 'an underscore; function names contain only letters and digits',
  // Why a .NET date format cannot be used (`problemCode`); also said alone when evaluation fails.
  dateFormatEmpty: 'The date format is empty.',
  dateFormatSingleLetter:
    '"{format}" is a single-character .NET standard format, which Roster supports only for "o", "s" and "u"; write a custom format such as "yyyy-MM-dd" (or "%{format}" for the single field).',
  dateFormatOpenQuote: 'The date format has an opening {quote} with no closing {quote}.',
  dateFormatLoneBackslash: 'The date format ends with a lone backslash.',
  dateFormatLonePercent: 'A "%" in a date format must be followed by one format letter.',
  dateFormatFractionDigits: '"{field}" asks for more than 7 fraction digits.',
} as const;

export const syntaxMessageParameters = [
  'character',
  'more',
  'hint',
  'escape',
  'text',
  'min',
  'max',
  'digits',
  'operator',
  'found',
  'token',
  'limit',
  'name',
  'line',
  'column',
  'problem',
  'format',
  'quote',
  'field',
] as const;
