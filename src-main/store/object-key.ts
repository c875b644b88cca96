import type { ObjectType } from '@shared/domain/schema';

/**
 * An object's key in a job's maps (links, source state, verdicts, intents): its type, a NUL, its
 * anchor. One key function for all of them, so a link, its source state and its verdict always meet.
 */
export function objectKey(objectType: ObjectType, anchor: string): string {
  return `${objectType}\u0000${anchor}`;
}

/** The object type and anchor a key was made of (the type ends at the first NUL; an anchor may hold one). */
export function splitObjectKey(key: string): { objectType: ObjectType; anchor: string } {
  const at = key.indexOf('\u0000');
  return { objectType: key.slice(0, at) as ObjectType, anchor: key.slice(at + 1) };
}

/**
 * SQL for `objectKey`: SQLite builds the one string a cycle keys its maps by, so a row hands over two
 * strings rather than three plus a concatenation in script (a 100k-user cycle reads 200,000 such rows
 * before it reads the source).
 */
export const objectKeySql = 'object_type || char(0) || anchor';
