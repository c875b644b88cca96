import { type SourceValue } from '@shared/domain/schema';

/**
 * One string per distinct short value of a column. A cycle keeps every row's values until it ends,
 * and most columns of an HR export repeat a few values down the file — department, title, status,
 * location, group names — each row's cell being a fresh string of its own: at 100,000 users four
 * such columns were about 400,000 strings (issue 11, the 100k initial's peak memory).
 *
 * A column's table stops growing at `maxDistinct` values, so a column of unique values (ids, e-mail
 * addresses) holds that many extra strings at most and costs a lookup per cell after.
 */
export interface CellInterner {
  /** The value, or the equal string (or array of strings) this column handed out before. */
  intern(column: number, value: SourceValue): SourceValue;
}

const maxLength = 64;
const maxDistinct = 4096;

export function createCellInterner(columnCount: number): CellInterner {
  const tables = Array.from({ length: columnCount }, () => new Map<string, string>());

  function one(table: Map<string, string>, text: string): string {
    if (text.length > maxLength) return text;
    const held = table.get(text);
    if (held !== undefined) return held;
    if (table.size < maxDistinct) table.set(text, text);
    return text;
  }

  return {
    intern(column, value) {
      const table = tables[column];
      if (!table || value === null) return value;
      if (typeof value === 'string') return one(table, value);
      if (Array.isArray(value)) {
        // In place: the array is the cell's own, fresh from splitValues.
        for (let i = 0; i < value.length; i++) value[i] = one(table, value[i] as string);
      }
      return value;
    },
  };
}
