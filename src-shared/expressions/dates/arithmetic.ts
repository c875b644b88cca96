import {
  daysInMonth,
  inRange,
  partsFromTicks,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  ticksFromParts,
} from './calendar';

export type DateInterval = 'yyyy' | 'm' | 'd' | 'ww' | 'h' | 'n' | 's';

const INTERVALS: readonly DateInterval[] = ['yyyy', 'm', 'd', 'ww', 'h', 'n', 's'];

/** The interval named by `text`, ignoring case, or undefined (expressions.md §5 DateAdd). */
export function parseInterval(text: string): DateInterval | undefined {
  const lower = text.toLowerCase();
  return INTERVALS.find((i) => i === lower);
}

export const INTERVAL_HELP =
  '"yyyy" (years), "m" (months), "d" (days), "ww" (weeks), "h", "n" (minutes) or "s"';

const FIXED: Partial<Record<DateInterval, bigint>> = {
  d: TICKS_PER_DAY,
  ww: 7n * TICKS_PER_DAY,
  h: TICKS_PER_HOUR,
  n: TICKS_PER_MINUTE,
  s: TICKS_PER_SECOND,
};

/** Adds `amount` intervals; undefined when the result leaves years 1–9999. Months clamp the day. */
export function dateAdd(interval: DateInterval, amount: bigint, ticks: bigint): bigint | undefined {
  const unit = FIXED[interval];
  if (unit !== undefined) {
    const result = ticks + amount * unit;
    return inRange(result) ? result : undefined;
  }
  const p = partsFromTicks(ticks);
  const months = BigInt(p.year) * 12n + BigInt(p.month - 1) + (interval === 'yyyy' ? amount * 12n : amount);
  const year = months / 12n;
  if (months < 12n || year > 9999n) return undefined;
  const y = Number(year);
  const m = Number(months % 12n) + 1;
  const day = Math.min(p.day, daysInMonth(y, m));
  return ticksFromParts({
    year: y,
    month: m,
    day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    fraction: p.fraction,
  });
}

/** VB.NET DateAndTime.DateDiff with Sunday as the first day of the week (expressions.md §5 DateDiff). */
export function dateDiff(interval: DateInterval, t1: bigint, t2: bigint): bigint {
  switch (interval) {
    case 'yyyy':
      return BigInt(partsFromTicks(t2).year - partsFromTicks(t1).year);
    case 'm': {
      const a = partsFromTicks(t1);
      const b = partsFromTicks(t2);
      return BigInt((b.year - a.year) * 12 + (b.month - a.month));
    }
    case 'ww': {
      // Shift each date back by its 1-based weekday so both land on the Saturday before their week.
      const shift = (t: bigint): bigint => t - BigInt(partsFromTicks(t).dayOfWeek + 1) * TICKS_PER_DAY;
      const days = (shift(t2) - shift(t1)) / TICKS_PER_DAY;
      return days / 7n;
    }
    default:
      // BigInt division truncates toward zero, which is what DateDiff specifies.
      return (t2 - t1) / (FIXED[interval] ?? TICKS_PER_DAY);
  }
}
