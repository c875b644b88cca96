import { inRange, isValidDate, TICKS_PER_MINUTE, ticksFromParts } from './calendar';

// Fixed, anchored patterns without nested quantifiers: linear on any input.
const ISO_FORM =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const US_FORM =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?:[ \t]*([AaPp][Mm]))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Minutes east of UTC for `Z`, `±HH:mm` or `±HHmm`; undefined when out of range (±14:00 as in .NET). */
function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return sign * (hours * 60 + minutes);
}

function fractionTicks(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits.padEnd(7, '0'));
}

/**
 * Parses the forms of expressions.md §8.1 and returns ticks (UTC), or undefined when the text is not one of
 * them or names an impossible date or time. A value without a zone is UTC.
 */
export function parseCDate(input: string): bigint | undefined {
  const text = input.trim();
  let year: number, month: number, day: number;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let zone: string | undefined;
  const iso = ISO_FORM.exec(text);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
    if (iso[4] !== undefined) {
      hour = Number(iso[4]);
      minute = Number(iso[5]);
      second = Number(iso[6] ?? 0);
      fraction = fractionTicks(iso[7]);
    }
    zone = iso[8];
    if (hour > 23) return undefined;
  } else {
    const us = US_FORM.exec(text);
    if (!us) return undefined;
    month = Number(us[1]);
    day = Number(us[2]);
    year = Number(us[3]);
    if (us[4] !== undefined) {
      hour = Number(us[4]);
      minute = Number(us[5]);
      second = Number(us[6] ?? 0);
      fraction = fractionTicks(us[7]);
      const marker = us[8]?.toUpperCase();
      if (marker !== undefined) {
        if (hour > 12) return undefined;
        if (marker === 'AM' && hour === 12) hour = 0;
        if (marker === 'PM' && hour < 12) hour += 12;
      } else if (hour > 23) {
        return undefined;
      }
    }
    zone = us[9];
  }
  if (!isValidDate(year, month, day) || minute > 59 || second > 59) return undefined;
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  const ticks =
    ticksFromParts({ year, month, day, hour, minute, second, fraction }) - BigInt(offset) * TICKS_PER_MINUTE;
  return inRange(ticks) ? ticks : undefined;
}
