/**
 * Why a regular expression cannot be used, as a code with parameters, so the app can say it in the
 * admin's language (renderer locales `regexProblems.<code>`); `regexProblemEnglish` is the sentence
 * stored and printed where no translation runs (CLI, logs, exports).
 */
const templates = {
  unmatchedClose: 'The pattern contains an unmatched ")" at position {position}.',
  nothingToRepeat: 'The pattern contains "{token}" at position {position}, which has nothing to repeat.',
  repeatOutOfOrder: 'The pattern contains the repetition "{repetition}", whose numbers are out of order.',
  repeatTooLarge:
    'The pattern contains the repetition "{repetition}", which exceeds {limit}, the largest count the linear-time engine allows.',
  unclosedGroup: 'The pattern contains a "(" with no matching ")".',
  possessive: 'The pattern contains a possessive quantifier at position {position} (a .NET/Java construct).',
  lookahead:
    'The pattern contains a lookahead "{construct}" at position {position}; the linear-time engine has no lookaround.',
  lookbehind:
    'The pattern contains a lookbehind "{construct}" at position {position}; the linear-time engine has no lookaround.',
  badGroupName:
    'The pattern contains a malformed group name at position {position} (write (?<name>…) with letters, digits or _).',
  quotedGroupName:
    'The pattern contains a .NET "(?\'name\'…)" group at position {position}; write (?<name>…) instead.',
  atomicGroup: 'The pattern contains an atomic group "(?>" at position {position} (a .NET construct).',
  inlineComment: 'The pattern contains a "(?#…)" comment at position {position} (a .NET construct).',
  conditional: 'The pattern contains a conditional "(?(" at position {position} (a .NET construct).',
  recursion: 'The pattern contains a backreference or recursion "{construct}" at position {position}.',
  inlineOption:
    'The pattern contains an inline option group at position {position}; only a leading "(?i)" is supported (it makes the whole pattern case-insensitive).',
  unsupportedGroup:
    'The pattern contains an unsupported group construct "{construct}" at position {position}.',
  loneBackslash: 'The pattern ends with a lone backslash.',
  anchorG: 'The pattern contains "\\G" at position {position} (a .NET anchor the engine does not have).',
  namedBackreference:
    'The pattern contains a named backreference "\\k" at position {position}; the linear-time engine has no backreferences.',
  backreference:
    'The pattern contains a backreference "{construct}" at position {position}; the linear-time engine has no backreferences.',
  unicodeBlock:
    'The pattern contains the Unicode block "{construct}" at position {position}; use a script such as \\p{Greek} instead.',
  unclosedClass: 'The pattern contains a "[" at position {position} with no closing "]".',
  classRangeOrder: 'The pattern contains a class range at position {position} that is out of order.',
  octalInClass:
    'The pattern contains "{construct}" inside a character class at position {position} (an octal escape); write \\x{…} instead.',
  tooLarge: 'The pattern is too large ({size} instructions, limit {limit}); use smaller repetition counts.',
  invalid: 'The pattern is not valid: {detail}.',
  noSuchGroup: 'The pattern has no group named "{group}" (its named groups: {names}).',
  noNamedGroups: 'The pattern has no group named "{group}" (it has no named groups).',
} as const;

export type RegexProblemCode = keyof typeof templates;
/** The English templates, `{name}` for a parameter; the renderer's English locale is made from them. */
export const regexProblemTemplates: Readonly<Record<RegexProblemCode, string>> = templates;
export const regexProblemCodes = Object.keys(templates) as RegexProblemCode[];

export interface RegexProblem {
  code: RegexProblemCode;
  params: Record<string, string>;
}

/** The English sentence of a problem (only known `{name}` parameters are filled: `\p{Greek}` stays). */
export function regexProblemEnglish(problem: RegexProblem): string {
  return templates[problem.code].replace(
    /\{(\w+)\}/g,
    (whole, name: string) => problem.params[name] ?? whole,
  );
}
