/** English (invariant culture) names, as .NET's InvariantCulture writes and reads them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const MONTH_ABBREVIATIONS = MONTH_NAMES.map((m) => m.slice(0, 3));

export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const DAY_ABBREVIATIONS = DAY_NAMES.map((d) => d.slice(0, 3));
