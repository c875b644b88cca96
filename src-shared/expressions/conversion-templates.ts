/**
 * Why a result cannot be converted to the target attribute's type (result.ts `toTargetValue`: the
 * engine's SchemaPropertyCanOnlyAcceptValue / ExportConversionFailed, the mapping dialog's preview),
 * as templates with `{name}` parameters. expression-messages.ts merges them into the expression
 * message codes, so a failed conversion carries `expr.<code>` + params and the app can say it in
 * the admin's language; the English made from them is the conversion's message, word for word what
 * the log and the CLI have always said. Like evaluation-templates.ts, this file imports nothing.
 */
export const conversionTemplates = {
  convertNoValue: 'There is no value to convert.',
  convertRoleList: 'The app role list must go through a role function.',
  convertTooManyValues: 'The expression gave {count} values but the target attribute holds one.',
  convertNotBoolean: '"{value}" is not "True" or "False".',
  convertNotInteger: '"{value}" is not an integer.',
  convertNotDate: '"{value}" is not a date.',
} as const;

/** Parameters the templates above use (the renderer's English locale keeps exactly these as `{name}`). */
export const conversionMessageParameters = ['count', 'value'] as const;
