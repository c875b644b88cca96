// Unicode property escapes need the `u` flag; these single-character tests cannot backtrack.
const LETTER = /^\p{L}$/u;
// The separator categories of .NET ToTitleCase (expressions.md §5 PCase).
const SEPARATOR =
  /^[\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}\p{Pc}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{Sm}\p{Sc}\p{Sk}\p{So}]$/u;

export function isLetter(ch: string): boolean {
  return LETTER.test(ch);
}

/** A word separator for PCase without explicit separators. The apostrophe stays inside a word. */
export function isTitleCaseSeparator(ch: string): boolean {
  return ch !== "'" && SEPARATOR.test(ch);
}
