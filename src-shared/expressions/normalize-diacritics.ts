import { DIACRITICS_TABLE } from './diacritics-table';

interface Lookup {
  readonly map: ReadonlyMap<string, string>;
  readonly maxLength: number;
}

let lookup: Lookup | undefined;

function build(): Lookup {
  const map = new Map<string, string>();
  let maxLength = 0;
  for (const [replacement, sequences] of Object.entries(DIACRITICS_TABLE)) {
    for (const seq of sequences) {
      const text = String.fromCodePoint(...seq.split(' ').map((h) => parseInt(h, 16)));
      map.set(text, replacement);
      maxLength = Math.max(maxLength, text.length);
    }
  }
  return { map, maxLength };
}

/**
 * NFC, then the longest table sequence at each position is replaced, so U+0101 U+0301 becomes "a" and not
 * "a" plus a stray accent. Characters outside the table pass through; the output is NFC again.
 */
export function normalizeDiacritics(source: string): string {
  lookup ??= build();
  const text = source.normalize('NFC');
  let out = '';
  let i = 0;
  while (i < text.length) {
    let matched = false;
    for (let len = Math.min(lookup.maxLength, text.length - i); len > 0; len--) {
      const replacement = lookup.map.get(text.slice(i, i + len));
      if (replacement !== undefined) {
        out += replacement;
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += text[i];
      i++;
    }
  }
  return out.normalize('NFC');
}
