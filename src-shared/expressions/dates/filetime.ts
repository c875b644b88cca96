/** Ticks at 1601-01-01T00:00:00Z, where AD FILETIME counts from (expressions.md §8.4). */
export const FILETIME_EPOCH_TICKS = 504_911_232_000_000_000n;
/** The last FILETIME in year 9999 (expressions.md §5 DateFromNum). */
export const MAX_FILETIME = 2_650_467_743_999_999_999n;
/** AD writes this for "never expires". */
export const FILETIME_NEVER = 9_223_372_036_854_775_807n;

export function ticksFromFileTime(fileTime: bigint): bigint {
  return fileTime + FILETIME_EPOCH_TICKS;
}

export function fileTimeFromTicks(ticks: bigint): bigint {
  return ticks - FILETIME_EPOCH_TICKS;
}
