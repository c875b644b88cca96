/**
 * Instants are held as .NET ticks: signed 100 ns units since 0001-01-01T00:00:00Z, proleptic Gregorian,
 * always UTC. BigInt keeps 7-digit fractions and FILETIME arithmetic exact; JS Date would round to ms.
 */
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;
/** 9999-12-31T23:59:59.9999999Z, as .NET DateTime.MaxValue. */
export const MAX_TICKS = 3_155_378_975_999_999_999n;
export const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Sub-second part in ticks, 0–9,999,999. */
  readonly fraction: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly dayOfWeek: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 0001-01-01 to the given date (Howard Hinnant's days_from_civil, shifted to year 1). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  // 719468 shifts Hinnant's 0000-03-01 epoch to 1970; 719162 more is 0001-01-01 → 1970-01-01.
  return era * 146097 + doe - 719468 + 719162;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days - 719162 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? y + 1 : y, month, day };
}

export function ticksFromParts(p: {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: number;
}): bigint {
  return (
    BigInt(daysFromCivil(p.year, p.month, p.day)) * TICKS_PER_DAY +
    BigInt(p.hour ?? 0) * TICKS_PER_HOUR +
    BigInt(p.minute ?? 0) * TICKS_PER_MINUTE +
    BigInt(p.second ?? 0) * TICKS_PER_SECOND +
    BigInt(p.fraction ?? 0)
  );
}

export function partsFromTicks(ticks: bigint): DateParts {
  const days = ticks / TICKS_PER_DAY;
  let rest = ticks - days * TICKS_PER_DAY;
  const hour = Number(rest / TICKS_PER_HOUR);
  rest %= TICKS_PER_HOUR;
  const minute = Number(rest / TICKS_PER_MINUTE);
  rest %= TICKS_PER_MINUTE;
  const second = Number(rest / TICKS_PER_SECOND);
  const fraction = Number(rest % TICKS_PER_SECOND);
  const d = Number(days);
  // 0001-01-01 was a Monday.
  return { ...civilFromDays(d), hour, minute, second, fraction, dayOfWeek: (d + 1) % 7 };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function inRange(ticks: bigint): boolean {
  return ticks >= 0n && ticks <= MAX_TICKS;
}

/** Ticks of a JS Date (milliseconds since 1970), for `now` and Date-typed source values. */
export function ticksFromDate(date: Date): bigint {
  return UNIX_EPOCH_TICKS + BigInt(Math.trunc(date.getTime())) * 10_000n;
}
