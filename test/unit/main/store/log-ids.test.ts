import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newLogId } from '../../../../src-main/store/log-ids';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('log entry ids (UUIDv7)', () => {
  it('are RFC 9562 version-7 UUIDs carrying their millisecond', () => {
    const at = Date.parse('2030-06-01T12:00:00.000Z');
    const id = newLogId(at);
    expect(id).toMatch(uuidV7);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sort as text in the order they were made: within one millisecond, past the counter, and when the clock steps back', () => {
    const at = Date.parse('2031-01-01T00:00:00.000Z');
    const ids = [
      ...Array.from({ length: 5000 }, () => newLogId(at)),
      newLogId(at - 60_000),
      newLogId(at + 1),
      ...Array.from({ length: 100 }, (_, i) => newLogId(at + 2 + i)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(uuidV7);
  });
});
