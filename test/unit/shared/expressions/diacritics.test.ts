import { describe, expect, it } from 'vitest';
import { DIACRITICS_TABLE } from '../../../../src-shared/expressions/diacritics-table';
import { normalizeDiacritics } from '../../../../src-shared/expressions/normalize-diacritics';

const entries = Object.entries(DIACRITICS_TABLE).flatMap(([to, froms]) =>
  froms.map((hex) => [hex, String.fromCodePoint(...hex.split(' ').map((h) => parseInt(h, 16))), to] as const),
);

describe('NormalizeDiacritics table (expressions.md §6)', () => {
  it('holds 261 distinct sequences', () => {
    expect(entries).toHaveLength(261);
    expect(new Set(entries.map(([hex]) => hex)).size).toBe(261);
  });
  it.each(entries)('%s → %s', (_hex, from, to) => {
    expect(from.normalize('NFC')).toBe(from);
    expect(normalizeDiacritics(from)).toBe(to);
    expect(normalizeDiacritics(`x${from}y`)).toBe(`x${to}y`);
  });
  it('normalizes decomposed input to NFC before looking it up', () => {
    expect(normalizeDiacritics('Zoe\u0308')).toBe('Zoe');
  });
});
