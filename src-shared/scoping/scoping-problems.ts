/**
 * What is wrong with a scoping filter set, as a message code with parameters, so the app can say it
 * in the admin's language (renderer locales `scopingProblems.<code>`); `scopingProblemEnglish` is the
 * sentence stored and printed where no translation runs (CLI, logs, the save error's text). The
 * renderer's English locale is made from these templates, so the two never drift.
 *
 * `{detail}` of `invalidRegex` is the regex engine's English sentence; its code and parameters travel
 * beside it (`regexCode` and the regex problem's own parameters) for translation.
 */
const clause = 'Filter {filter}, clause {clause}: ';
const templates = {
  invalidShape: '{path}: {detail}.',
  invalidShapeRoot: 'The filter set: {detail}.',
  emptyFilter: 'Filter {filter} has no clauses; add a clause or delete the filter.',
  emptyFilterTitled: 'Filter {filter} "{title}" has no clauses; add a clause or delete the filter.',
  emptyAttribute: `${clause}choose an attribute.`,
  unknownOperator: `${clause}"{operator}" is not an operator; use one of {operators}.`,
  unknownOperatorGuess: `${clause}"{operator}" is not an operator; did you mean "{guess}"?`,
  unexpectedValue: `${clause}{operator} takes no value; remove "{value}".`,
  missingValue: `${clause}{operator} needs a value.`,
  notAnInteger: `${clause}{operator} compares integers, but "{value}" is not one (digits with an optional leading "-").`,
  zeroMask: `${clause}{operator} needs a non-zero bit mask (for example 2 for "account disabled").`,
  invalidRegex: `${clause}{detail}`,
  neverFilteredMembers: `${clause}the group members attribute cannot be filtered; scope groups through assignments.`,
  neverFilteredAppRoleAssignments: `${clause}appRoleAssignments cannot be filtered; scope by assignment instead.`,
  neverFilteredIsSoftDeleted: `${clause}IsSoftDeleted cannot be filtered: it is derived from scope itself.`,
  unknownAttribute: `${clause}the source has no attribute "{attribute}".`,
  unknownAttributeGuess: `${clause}the source has no attribute "{attribute}"; did you mean "{guess}"?`,
  multiValued: `${clause}{attribute} is multi-valued, and multi-valued attributes cannot be filtered.`,
  referenceType: `${clause}{attribute}: reference attributes (such as manager) cannot be filtered.`,
  dateTimeType: `${clause}{attribute}: date attributes cannot be filtered; a date held in a String attribute can be tested with REGEX MATCH.`,
  binaryType: `${clause}{attribute}: binary attributes cannot be filtered.`,
  operatorTypeMismatch: `${clause}{operator} cannot be used on {attribute}, a {type} attribute; it works on {types} attributes.`,
} as const;

export type ScopingMessageCode = keyof typeof templates;
/** The English templates, `{name}` for a parameter; the renderer's English locale is made from them. */
export const scopingProblemTemplates: Readonly<Record<ScopingMessageCode, string>> = templates;
export const scopingMessageCodes = Object.keys(templates) as ScopingMessageCode[];
/** Every parameter a template names (the renderer keeps any other brace as text). */
export const scopingProblemParameters = [
  'path',
  'detail',
  'filter',
  'clause',
  'title',
  'operator',
  'operators',
  'guess',
  'value',
  'attribute',
  'type',
  'types',
] as const;

/** The English sentence of a problem; only known `{name}` parameters are filled. */
export function scopingProblemEnglish(
  code: ScopingMessageCode,
  params: Readonly<Record<string, string>>,
): string {
  return templates[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
