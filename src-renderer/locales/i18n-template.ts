/**
 * A shared English template (`{name}` for a parameter) as a vue-i18n message: the named parameters
 * stay `{name}`, and the characters vue-i18n would read as syntax (a brace that is not a parameter,
 * `@`, `|`) become literals, so the app prints exactly what the CLI and the logs print.
 */
export function asI18nMessage(template: string, parameterNames: ReadonlySet<string>): string {
  return template.replace(/\{(\w+)\}|[{}@|]/g, (whole: string, name: string | undefined) => {
    if (name !== undefined) return parameterNames.has(name) ? whole : `{'{'}${name}{'}'}`;
    return `{'${whole}'}`;
  });
}
