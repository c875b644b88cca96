import { inRange, isValidDate, partsFromTicks, TICKS_PER_MINUTE, ticksFromParts } from './calendar';
import type { FieldLetter, FormatToken } from './custom-format';
import { DAY_ABBREVIATIONS, DAY_NAMES, MONTH_ABBREVIATIONS, MONTH_NAMES } from './names';
import type { DateTimeStyles } from './styles';
import { said, saidAround, type Said } from '../evaluation-messages';
import type { ExpressionMessageCode } from '../expression-messages';

/** A failure says where the text stopped matching, in English and as a code (evaluation-templates.ts). */
export type ParseDateResult = { ok: true; ticks: bigint } | { ok: false; reason: Said };

interface Fields {
  year?: number;
  twoDigitYear?: boolean;
  month?: number;
  day?: number;
  dayOfWeek?: number;
  hour?: number;
  hour12?: boolean;
  minute?: number;
  second?: number;
  fraction?: number;
  pm?: boolean;
  offsetMinutes?: number;
}

function isWhite(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  get rest(): string {
    return this.text.slice(this.pos);
  }
  skipWhite(): void {
    while (isWhite(this.text[this.pos])) this.pos++;
  }
  /** Reads between min and max ASCII digits, greedily. */
  digits(min: number, max: number): number | undefined {
    let end = this.pos;
    while (end < this.text.length && end - this.pos < max && /[0-9]/.test(this.text[end] as string)) end++;
    if (end - this.pos < min) return undefined;
    const value = Number(this.text.slice(this.pos, end));
    this.pos = end;
    return value;
  }
  /** Longest name from the list that the input starts with, ignoring case; its index. */
  name(names: readonly string[]): number | undefined {
    let best: number | undefined;
    let bestLength = 0;
    names.forEach((n, i) => {
      if (
        n.length > bestLength &&
        this.text.slice(this.pos, this.pos + n.length).toLowerCase() === n.toLowerCase()
      ) {
        best = i;
        bestLength = n.length;
      }
    });
    if (best !== undefined) this.pos += bestLength;
    return best;
  }
}

/** ±H, ±HH, ±HH:mm or ±HHmm as .NET's ParseTimeZoneOffset reads them for z, zz and zzz/K. */
function readOffset(c: Cursor, count: number): number | undefined {
  const sign = c.text[c.pos];
  if (sign !== '+' && sign !== '-') return undefined;
  c.pos++;
  let hours: number | undefined;
  let minutes = 0;
  if (count <= 2) {
    hours = count === 1 ? c.digits(1, 2) : c.digits(2, 2);
    if (hours !== undefined && c.text[c.pos] === ':') {
      c.pos++;
      const m = c.digits(2, 2);
      if (m === undefined) return undefined;
      minutes = m;
    }
  } else {
    hours = c.digits(1, 2);
    if (c.text[c.pos] === ':') c.pos++;
    const m = c.digits(2, 2);
    if (m === undefined) return undefined;
    minutes = m;
  }
  if (hours === undefined || minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const DESCRIBE: Record<FieldLetter, ExpressionMessageCode> = {
  y: 'dateFieldYear',
  M: 'dateFieldMonth',
  d: 'dateFieldDay',
  h: 'dateFieldHour12',
  H: 'dateFieldHour24',
  m: 'dateFieldMinutes',
  s: 'dateFieldSeconds',
  f: 'dateFieldFraction',
  F: 'dateFieldFraction',
  t: 'dateFieldAmPm',
  z: 'dateFieldOffset',
  K: 'dateFieldZone',
};

function readField(c: Cursor, letter: FieldLetter, n: number, f: Fields): boolean {
  switch (letter) {
    case 'y': {
      const v = n === 1 ? c.digits(1, 2) : c.digits(n, n);
      if (v === undefined) return false;
      f.year = v;
      f.twoDigitYear = n <= 2;
      return true;
    }
    case 'M': {
      const v = n >= 4 ? c.name(MONTH_NAMES) : n === 3 ? c.name(MONTH_ABBREVIATIONS) : undefined;
      if (n >= 3) {
        if (v === undefined) return false;
        f.month = v + 1;
        return true;
      }
      const d = n === 1 ? c.digits(1, 2) : c.digits(2, 2);
      if (d === undefined) return false;
      f.month = d;
      return true;
    }
    case 'd': {
      if (n >= 3) {
        const v = c.name(n >= 4 ? DAY_NAMES : DAY_ABBREVIATIONS);
        if (v === undefined) return false;
        f.dayOfWeek = v;
        return true;
      }
      const d = n === 1 ? c.digits(1, 2) : c.digits(2, 2);
      if (d === undefined) return false;
      f.day = d;
      return true;
    }
    case 'h':
    case 'H':
    case 'm':
    case 's': {
      const v = n === 1 ? c.digits(1, 2) : c.digits(2, 2);
      if (v === undefined) return false;
      if (letter === 'm') f.minute = v;
      else if (letter === 's') f.second = v;
      else {
        f.hour = v;
        f.hour12 = letter === 'h';
      }
      return true;
    }
    case 'f':
    case 'F': {
      const start = c.pos;
      const v = c.digits(letter === 'f' ? n : 0, n);
      if (v === undefined) return false;
      const width = c.pos - start;
      f.fraction = width === 0 ? 0 : v * 10 ** (7 - width);
      return true;
    }
    case 't': {
      const want = n === 1 ? 1 : 2;
      const s = c.text.slice(c.pos, c.pos + want).toUpperCase();
      const am = want === 1 ? 'A' : 'AM';
      const pm = want === 1 ? 'P' : 'PM';
      if (s !== am && s !== pm) return false;
      f.pm = s === pm;
      c.pos += want;
      return true;
    }
    case 'z': {
      const v = readOffset(c, n);
      if (v === undefined) return false;
      f.offsetMinutes = v;
      return true;
    }
    case 'K': {
      if (c.text[c.pos] === 'Z') {
        c.pos++;
        f.offsetMinutes = 0;
        return true;
      }
      if (c.text[c.pos] === '+' || c.text[c.pos] === '-') {
        const v = readOffset(c, 3);
        if (v === undefined) return false;
        f.offsetMinutes = v;
      }
      return true;
    }
  }
}

/**
 * .NET DateTime.ParseExact over the format subset of expressions.md §8.3, in UTC. `nowTicks` fills a missing
 * date the way .NET does (CheckDefaultDateTime): no date at all takes today unless NoCurrentDateDefault.
 */
export function parseDateExact(
  input: string,
  tokens: readonly FormatToken[],
  styles: DateTimeStyles,
  nowTicks: bigint,
): ParseDateResult {
  let text = input;
  if (styles.leadingWhite) text = text.replace(/^\s+/, '');
  if (styles.trailingWhite) text = text.replace(/\s+$/, '');
  const c = new Cursor(text);
  const f: Fields = {};
  const at = () => ({ at: String(c.pos + 1), input });
  const mismatchCharacter = (character: string): ParseDateResult => ({
    ok: false,
    reason: said('dateExpectedCharacter', { character, ...at() }),
  });
  const mismatchField = (field: ExpressionMessageCode): ParseDateResult => ({
    ok: false,
    reason: saidAround('dateExpectedField', at(), 'field', said(field)),
  });
  for (const t of tokens) {
    if (styles.innerWhite) c.skipWhite();
    if (t.kind === 'literal') {
      for (const ch of t.text) {
        if (isWhite(ch) && styles.innerWhite) {
          c.skipWhite();
          continue;
        }
        if (c.text[c.pos] !== ch) return mismatchCharacter(ch);
        c.pos++;
      }
      continue;
    }
    if (t.kind === 'utc') {
      if (c.text[c.pos] !== 'Z') return mismatchCharacter('Z');
      c.pos++;
      f.offsetMinutes = 0;
      continue;
    }
    if (!readField(c, t.letter, t.count, f)) return mismatchField(DESCRIBE[t.letter]);
  }
  if (styles.innerWhite) c.skipWhite();
  if (c.pos < c.text.length) {
    return { ok: false, reason: said('dateUnexpected', { rest: c.rest.slice(0, 20), ...at() }) };
  }
  return assemble(f, styles, nowTicks, input);
}

function assemble(f: Fields, styles: DateTimeStyles, nowTicks: bigint, input: string): ParseDateResult {
  const bad = (why: ExpressionMessageCode, params: Record<string, string> = {}): ParseDateResult => ({
    ok: false,
    reason: saidAround('dateInvalid', { input }, 'why', said(why, params)),
  });
  if (f.hour12 && f.pm === undefined) {
    return bad('dateNoAmPm');
  }
  let year = f.year;
  if (year !== undefined && f.twoDigitYear) year = year < 50 ? 2000 + year : 1900 + year;
  let month = f.month;
  let day = f.day;
  if (year === undefined || month === undefined || day === undefined) {
    const now = partsFromTicks(nowTicks);
    if (month === undefined && day === undefined) {
      if (year === undefined) {
        if (styles.noCurrentDateDefault) year = month = day = 1;
        else [year, month, day] = [now.year, now.month, now.day];
      } else {
        month = day = 1;
      }
    } else {
      year ??= now.year;
      month ??= 1;
      day ??= 1;
    }
  }
  let hour = f.hour ?? 0;
  if (f.pm !== undefined) {
    if (f.pm) {
      if (hour > 23) return bad('dateHourRange');
      if (hour < 12) hour += 12;
    } else {
      if (hour > 12) return bad('dateAmHourAbove12');
      if (hour === 12) hour = 0;
    }
  }
  if (f.hour12 && (f.hour ?? 0) > 12) return bad('date12HourAbove12');
  const minute = f.minute ?? 0;
  const second = f.second ?? 0;
  if (!isValidDate(year, month, day))
    return bad('dateNotCalendar', { year: String(year), month: String(month), day: String(day) });
  if (hour > 23 || minute > 59 || second > 59) return bad('dateTimeRange');
  let ticks = ticksFromParts({ year, month, day, hour, minute, second, fraction: f.fraction ?? 0 });
  if (f.dayOfWeek !== undefined && partsFromTicks(ticks).dayOfWeek !== f.dayOfWeek) {
    return bad('dateDayName');
  }
  ticks -= BigInt(f.offsetMinutes ?? 0) * TICKS_PER_MINUTE;
  if (!inRange(ticks)) return bad('dateOutsideYears');
  return { ok: true, ticks };
}
