import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from './run';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
// Far enough inside years 1–9999 that adding ±500 years stays in range.
const dates = fc
  .integer({ min: Date.UTC(600, 0, 1), max: Date.UTC(9400, 11, 31) })
  .map((ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z'));

// Thousands of runs per property: on a loaded 2-core machine one property can take longer than vitest's
// 5 s default; these check results, not speed.
describe('properties of individual functions', { timeout: 60_000 }, () => {
  it('ToUpper, ToLower and PCase never change the length (simple case mapping)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (v) => {
        expect((run('ToUpper([v])', { v }) as string).length).toBe(v.length);
        expect((run('ToLower([v])', { v }) as string).length).toBe(v.length);
        expect((run('PCase([v])', { v }) as string).length).toBe(v.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('NormalizeDiacritics always returns NFC', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (v) => {
        const out = run('NormalizeDiacritics([v])', { v }) as string;
        expect(out.normalize('NFC')).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('DateDiff undoes DateAdd for d, h, m and yyyy', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: -500, max: 500 }),
        fc.constantFrom('d', 'h', 'm', 'yyyy', 'n', 's'),
        (d, n, unit) => {
          expect(run(`DateDiff("${unit}", [d], DateAdd("${unit}", ${n}, [d]))`, { d })).toBe(String(n));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a UTC instant survives CDate and FormatDateTime', () => {
    fc.assert(
      fc.property(dates, (d) => {
        expect(run('FormatDateTime(CDate([d]), , "yyyy", "yyyy-MM-ddTHH:mm:ssK")', { d })).toBe(d);
        expect(run('FormatDateTime([d], , "yyyy-MM-ddTHH:mm:ssK", "s")', { d })).toBe(d.slice(0, -1));
      }),
      { numRuns: 2000 },
    );
  });

  it('FILETIME conversions are exact both ways', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2_650_467_743_999_999_999n }), (n) => {
        expect(run(`NumFromDate(DateFromNum(${n}))`)).toBe(n.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('BitAnd and the numeric comparisons agree with 64-bit integer arithmetic', () => {
    const int64 = fc.bigInt({ min: INT64_MIN, max: INT64_MAX });
    fc.assert(
      fc.property(int64, int64, (a, b) => {
        const source = { a: a.toString(), b: b.toString() };
        expect(run('BitAnd([a], [b])', source)).toBe((a & b).toString());
        expect(run('CBool([a] < [b])', source)).toBe(a < b ? 'True' : 'False');
        expect(run('CBool([a] >= [b])', source)).toBe(a >= b ? 'True' : 'False');
      }),
      { numRuns: 2000 },
    );
  });

  it('Split then Join restores a delimited list of trimmed, non-empty items', () => {
    const item = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '1'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (items) => {
        const v = items.join(', ');
        expect(run('Split([v], ",")', { v })).toEqual(items);
        expect(run('Join(", ", Split([v], ","))', { v })).toBe(v);
        expect(run('Count(Split([v], ","))', { v })).toBe(String(items.length));
      }),
      { numRuns: 1000 },
    );
  });
});
