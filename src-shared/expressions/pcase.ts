import { toLowerInvariant, toTitleChar } from './case-mapping';
import { isLetter, isTitleCaseSeparator } from './unicode-categories';

/**
 * PCase (expressions.md §5). Lower-cases first (so ALL-CAPS words change, unlike .NET ToTitleCase), then
 * upper-cases word starts. Without separators a word starts at a letter and runs until a separator
 * character; with separators only those characters split words.
 */
export function pcase(source: string, wordSeparators?: string): string {
  const lower = toLowerInvariant(source);
  let out = '';
  if (wordSeparators === undefined) {
    let inWord = false;
    for (const ch of lower) {
      if (inWord) {
        if (isTitleCaseSeparator(ch)) inWord = false;
        out += ch;
      } else if (isLetter(ch)) {
        out += toTitleChar(ch);
        inWord = true;
      } else {
        out += ch;
      }
    }
    return out;
  }
  const separators = new Set(wordSeparators);
  let startsWord = true;
  for (const ch of lower) {
    out += startsWord ? toTitleChar(ch) : ch;
    startsWord = separators.has(ch);
  }
  return out;
}
