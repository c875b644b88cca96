import { describe, expect, it } from 'vitest';
import { ExpressionEvaluationError } from '../../../../src-shared/expressions';
import { errorsOf, run } from './run';

describe('CDate', () => {
  it.each([
    ['2021-08-24', '8/24/2021 12:00:00 AM'],
    ['2021-8-4', '8/4/2021 12:00:00 AM'],
    ['2009-06-15T01:45:30', '6/15/2009 1:45:30 AM'],
    ['2020-12-31 23:59:59', '12/31/2020 11:59:59 PM'],
    ['2020-12-31 23:59', '12/31/2020 11:59:00 PM'],
    ['2009-06-15T01:45:30.1234567Z', '6/15/2009 1:45:30 AM'],
    ['8/25/2021 5:41:18 PM', '8/25/2021 5:41:18 PM'],
    ['1/16/2013', '1/16/2013 12:00:00 AM'],
    ['12/31/2021 12:00:00 AM', '12/31/2021 12:00:00 AM'],
    ['12/31/2021 12:00 PM', '12/31/2021 12:00:00 PM'],
    ['12/31/2021 17:30', '12/31/2021 5:30:00 PM'],
    ['2020-03-16-07:00', '3/16/2020 7:00:00 AM'],
    ['2021-06-30+08:00', '6/29/2021 4:00:00 PM'],
    ['2021-01-01+0530', '12/31/2020 6:30:00 PM'],
    ['2009-06-15T01:45:30-07:00', '6/15/2009 8:45:30 AM'],
    ['  2021-01-01  ', '1/1/2021 12:00:00 AM'],
    ['2024-02-29', '2/29/2024 12:00:00 AM'],
  ])('reads %s as %s (UTC)', (input, expected) => {
    expect(run('CDate([d])', { d: input })).toBe(expected);
  });
  it.each([
    '2021-02-30',
    '2023-02-29',
    '2021-13-01',
    '13/01/2021',
    '2021-01-01T24:00',
    '2021-01-01T10:60',
    'hello',
    '',
    '2021-01-01 +01:00',
    '0001-01-01T00:00:00+01:00',
    '2021-01-01+15:00',
  ])('rejects %j', (input) => {
    expect(() => run('CDate([d])', { d: input })).toThrow(ExpressionEvaluationError);
  });
  it('rejects a literal it cannot read when the mapping is saved', () => {
    expect(errorsOf('CDate("not a date")')[0]?.code).toBe('invalidLiteralArgument');
  });
  it('returns a date unchanged, and null for null', () => {
    expect(run('CDate(CDate("2021-01-01"))')).toBe('1/1/2021 12:00:00 AM');
    expect(run('CDate([missing])')).toBeNull();
  });
  it('does not read integers as dates', () => {
    expect(() => run('CDate(5)')).toThrow(/DateFromNum/);
  });
  it('writes years below 1000 with four digits', () => {
    expect(run('CDate("0099-01-01")')).toBe('1/1/0099 12:00:00 AM');
  });
});

describe('DateAdd', () => {
  it.each([
    ['yyyy', '1', '2020-02-29', '2/28/2021 12:00:00 AM'],
    ['m', '1', '2021-01-31', '2/28/2021 12:00:00 AM'],
    ['m', '-1', '2021-03-31', '2/28/2021 12:00:00 AM'],
    ['m', '13', '2020-01-31T10:00:00', '2/28/2021 10:00:00 AM'],
    ['ww', '2', '2021-01-01', '1/15/2021 12:00:00 AM'],
    ['d', '-1', '2021-03-01', '2/28/2021 12:00:00 AM'],
    ['h', '25', '2021-01-01', '1/2/2021 1:00:00 AM'],
    ['n', '90', '2021-01-01', '1/1/2021 1:30:00 AM'],
    ['s', '-1', '2021-01-01', '12/31/2020 11:59:59 PM'],
    ['D', '1', '2021-01-01', '1/2/2021 12:00:00 AM'],
    ['YYYY', '-1', '2021-01-01', '1/1/2020 12:00:00 AM'],
  ])('DateAdd(%s, %s, %s) = %s', (interval, n, date, expected) => {
    expect(run(`DateAdd("${interval}", ${n}, "${date}")`)).toBe(expected);
  });
  it('applies CDate to a string date implicitly', () => {
    expect(run('DateAdd("d", 1, [d])', { d: '8/25/2021 5:41:18 PM' })).toBe('8/26/2021 5:41:18 PM');
  });
  it('rejects an unknown interval', () => {
    expect(errorsOf('DateAdd("q", 1, "2021-01-01")')[0]?.code).toBe('invalidLiteralArgument');
    expect(() => run('DateAdd([i], 1, "2021-01-01")', { i: 'w' })).toThrow(/not an interval/);
  });
  it('fails outside years 1–9999', () => {
    expect(() => run('DateAdd("yyyy", 1, "9999-06-01")')).toThrow(/1 to 9999/);
    expect(() => run('DateAdd("d", -1, "0001-01-01")')).toThrow(/1 to 9999/);
    expect(() => run('DateAdd("s", 9223372036854775807, "2021-01-01")')).toThrow(/1 to 9999/);
  });
  it('needs an integer value', () => {
    expect(() => run('DateAdd("d", [n], "2021-01-01")', { n: 'x' })).toThrow(/not an integer/);
  });
  it('gives null for null arguments', () => {
    expect(run('DateAdd("d", 1, [missing])')).toBeNull();
  });
});

describe('DateDiff', () => {
  it.each([
    ['yyyy', '2020-12-31T23:59:59', '2021-01-01', '1'],
    ['yyyy', '2021-01-01', '2020-12-31', '-1'],
    ['m', '2021-01-31', '2021-02-01', '1'],
    ['m', '2021-02-01', '2021-01-31', '-1'],
    ['d', '2021-01-01T12:00:00', '2021-01-02T11:00:00', '0'],
    ['d', '2021-01-02T11:00:00', '2021-01-01T12:00:00', '0'],
    ['h', '2021-01-01T01:30:00', '2021-01-01T00:00:00', '-1'],
    ['n', '2021-01-01T00:00:00', '2021-01-01T01:30:59', '90'],
    ['s', '2021-01-01T00:00:00', '2021-01-01T00:00:01.9', '1'],
    ['ww', '2021-08-21', '2021-08-22', '1'],
    ['ww', '2021-08-22', '2021-08-28', '0'],
    ['ww', '2021-08-28', '2021-08-22', '0'],
    ['ww', '2021-08-29', '2021-08-01', '-4'],
    ['ww', '2021-08-01', '2021-08-29T12:00:00', '4'],
    ['WW', '2021-08-21', '2021-09-04', '2'],
  ])('DateDiff(%s, %s, %s) = %s', (interval, a, b, expected) => {
    expect(run(`DateDiff("${interval}", "${a}", "${b}")`)).toBe(expected);
  });
  it('converts zoned dates to UTC first', () => {
    expect(run('DateDiff("h", "2021-01-01T00:00:00+02:00", "2021-01-01T00:00:00Z")')).toBe('2');
  });
  it('gives null when a date is null', () => {
    expect(run('DateDiff("d", [missing], "2021-01-01")')).toBeNull();
  });
});

describe('DateFromNum / NumFromDate', () => {
  it('converts AD FILETIME values', () => {
    expect(run('DateFromNum(129699324000000000)')).toBe('1/1/2012 11:00:00 PM');
    expect(run('DateFromNum([v])', { v: '129699324000000000' })).toBe('1/1/2012 11:00:00 PM');
    expect(run('DateFromNum(2650467743999999999)')).toBe('12/31/9999 11:59:59 PM');
  });
  it('returns null for 0 and "never"', () => {
    expect(run('DateFromNum(0)')).toBeNull();
    expect(run('DateFromNum(9223372036854775807)')).toBeNull();
  });
  it('fails for negative values and values past year 9999', () => {
    expect(errorsOf('DateFromNum(-1)')[0]?.code).toBe('invalidLiteralArgument');
    expect(() => run('DateFromNum([v])', { v: -1 })).toThrow(ExpressionEvaluationError);
    expect(() => run('DateFromNum([v])', { v: '2650467744000000000' })).toThrow(ExpressionEvaluationError);
  });
  it('NumFromDate gives exact 64-bit ticks, fractions included', () => {
    // (u + 11644473600000) × 10000 with u = Date.UTC(2021, 0, 1).
    const base = (BigInt(Date.UTC(2021, 0, 1)) + 11644473600000n) * 10000n;
    expect(run('NumFromDate("2021-01-01")')).toBe(base.toString());
    expect(run('NumFromDate("2021-01-01T00:00:00.1234567Z")')).toBe((base + 1234567n).toString());
    expect(run('NumFromDate("1601-01-01T00:00:00Z")')).toBe('0');
  });
  it('NumFromDate fails before 1601', () => {
    expect(() => run('NumFromDate("1600-12-31")')).toThrow(/before 1601/);
  });
  it('round-trips FILETIME values exactly', () => {
    expect(run('NumFromDate(DateFromNum(129699324000000001))')).toBe('129699324000000001');
  });
});

describe('FormatDateTime', () => {
  const d = { d: '20150123105347.1Z' };
  const fmt = (output: string): unknown => run(`FormatDateTime([d], , "yyyyMMddHHmmss.fZ", "${output}")`, d);

  it.each([
    ['yyyy-MM-dd', '2015-01-23'],
    ['MMMM d, yyyy', 'January 23, 2015'],
    ['dddd', 'Friday'],
    ['ddd MMM', 'Fri Jan'],
    ['h:mm tt', '10:53 AM'],
    ['h:mm t', '10:53 A'],
    ['HH:mm:ss.fff', '10:53:47.100'],
    ['HH:mm:ss.FFF', '10:53:47.1'],
    ['yy M d', '15 1 23'],
    ['zzz|zz|z|K', '+00:00|+00|+0|Z'],
    ["'Date: 'yyyy", 'Date: 2015'],
    ['o', '2015-01-23T10:53:47.1000000Z'],
    ['s', '2015-01-23T10:53:47'],
    ['u', '2015-01-23 10:53:47Z'],
    ['%d', '23'],
  ])('writes %s as %s', (output, expected) => {
    expect(fmt(output)).toBe(expected);
  });
  it('removes the decimal point before an all-zero F fraction', () => {
    expect(run('FormatDateTime("2015-01-23 10:53:47", , "yyyy-MM-dd HH:mm:ss", "ss.FFF")')).toBe('47');
  });
  it('converts a parsed offset to UTC before formatting', () => {
    expect(run('FormatDateTime("2020-12-31+08:00", , "yyyy-MM-ddzzz", "yyyy-MM-dd")')).toBe('2020-12-30');
    expect(run('FormatDateTime("2015-01-23T10:53:47+02:00", , "yyyy-MM-ddTHH:mm:ssK", "HH")')).toBe('08');
    expect(run('FormatDateTime("2015-01-23T10:53:47Z", , "yyyy-MM-ddTHH:mm:ssK", "HH")')).toBe('10');
  });
  it('parses month and day names in any case and checks the day name', () => {
    expect(run('FormatDateTime("23 january 2015", , "d MMMM yyyy", "yyyy-MM-dd")')).toBe('2015-01-23');
    expect(run('FormatDateTime("Fri, 23 Jan 2015", , "ddd, d MMM yyyy", "yyyy-MM-dd")')).toBe('2015-01-23');
    expect(() => run('FormatDateTime("Monday, 23 January 2015", , "dddd, d MMMM yyyy", "yyyy")')).toThrow(
      /day name/,
    );
  });
  it('reads two-digit years with the 2049 window', () => {
    expect(run('FormatDateTime("49-01-02", , "yy-MM-dd", "yyyy")')).toBe('2049');
    expect(run('FormatDateTime("50-01-02", , "yy-MM-dd", "yyyy")')).toBe('1950');
  });
  it('needs tt to parse a 12-hour clock', () => {
    expect(run('FormatDateTime("2015-01-23 01:05 PM", , "yyyy-MM-dd hh:mm tt", "HH:mm")')).toBe('13:05');
    expect(run('FormatDateTime("2015-01-23 12:05 AM", , "yyyy-MM-dd hh:mm tt", "HH:mm")')).toBe('00:05');
    expect(() => run('FormatDateTime("2015-01-23 01:05", , "yyyy-MM-dd hh:mm", "HH:mm")')).toThrow(/12-hour/);
  });
  it('is exact: a mismatch is an evaluation error', () => {
    expect(() => run('FormatDateTime("2015-01-23", , "MM/dd/yyyy", "yyyy")')).toThrow(
      /does not match the input format/,
    );
    expect(() => run('FormatDateTime("2015-01-23x", , "yyyy-MM-dd", "yyyy")')).toThrow(
      ExpressionEvaluationError,
    );
    expect(() => run('FormatDateTime("2015-02-30", , "yyyy-MM-dd", "yyyy")')).toThrow(/calendar date/);
  });
  it('tolerates leading and trailing whitespace by default, not with explicit styles', () => {
    expect(run('FormatDateTime("  2015-01-23 ", , "yyyy-MM-dd", "yyyy")')).toBe('2015');
    expect(() => run('FormatDateTime("  2015-01-23", "None", "yyyy-MM-dd", "yyyy")')).toThrow(
      ExpressionEvaluationError,
    );
    expect(run('FormatDateTime("2015 - 01 - 23", "AllowWhiteSpaces", "yyyy-MM-dd", "yyyy")')).toBe('2015');
    expect(
      run('FormatDateTime(" 2015-01-23", "AllowLeadingWhite, AssumeUniversal", "yyyy-MM-dd", "yyyy")'),
    ).toBe('2015');
  });
  it('accepts style names in any case and rejects unknown ones', () => {
    expect(run('FormatDateTime("2015-01-23", "roundtripkind", "yyyy-MM-dd", "yyyy")')).toBe('2015');
    const [problem] = errorsOf('FormatDateTime("2015-01-23", "Bogus", "yyyy-MM-dd", "yyyy")');
    expect(problem?.code).toBe('unknownDateTimeStyle');
    expect(problem?.message).toMatch(/Bogus/);
  });
  it('fills a missing date the way .NET does', () => {
    const now = new Date(Date.UTC(2024, 4, 6, 12));
    expect(run('FormatDateTime("10:53", , "HH:mm", "yyyy-MM-dd HH:mm")', {}, { now })).toBe(
      '2024-05-06 10:53',
    );
    expect(run('FormatDateTime("10:53", "NoCurrentDateDefault", "HH:mm", "yyyy-MM-dd")')).toBe('0001-01-01');
    expect(run('FormatDateTime("2015", , "yyyy", "yyyy-MM-dd")')).toBe('2015-01-01');
  });
  it('formats a DateTime source directly', () => {
    expect(run('FormatDateTime(CDate("2015-01-23"), , "unused", "yyyy")')).toBe('2015');
  });
  it('rejects single-character formats other than o, s and u', () => {
    expect(errorsOf('FormatDateTime("x", , "yyyy", "d")')[0]?.code).toBe('invalidDateFormat');
    expect(() => run('FormatDateTime("2015", , "yyyy", [f])', { f: 'D' })).toThrow(/standard format/);
  });
  it('gives null for a null source', () => {
    expect(run('FormatDateTime([missing], , "yyyy", "yyyy")')).toBeNull();
  });
  it('keeps seven fraction digits exactly', () => {
    expect(
      run('FormatDateTime("2015-01-23T10:53:47.1234567", , "yyyy-MM-ddTHH:mm:ss.fffffff", "fffffff")'),
    ).toBe('1234567');
  });
});

describe('Now', () => {
  it('returns the same instant for every call in one evaluation', () => {
    const [a, b] = (run('Split(Join("|", Now(), Now()), "|")') as string[]) ?? [];
    expect(a).toBe(b);
  });
  it('uses the injected clock, in UTC', () => {
    const now = new Date(Date.UTC(2024, 0, 2, 15, 4, 5));
    expect(run('Now()', {}, { now })).toBe('1/2/2024 3:04:05 PM');
    expect(run('FormatDateTime(Now(), , "yyyy", "yyyy-MM-ddTHH:mm:ssK")', {}, { now })).toBe(
      '2024-01-02T15:04:05Z',
    );
  });
});
