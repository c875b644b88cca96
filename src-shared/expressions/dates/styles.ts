/** .NET DateTimeStyles names (expressions.md §5 FormatDateTime). */
const STYLE_NAMES = [
  'None',
  'AllowLeadingWhite',
  'AllowTrailingWhite',
  'AllowInnerWhite',
  'AllowWhiteSpaces',
  'NoCurrentDateDefault',
  'AdjustToUniversal',
  'AssumeLocal',
  'AssumeUniversal',
  'RoundtripKind',
] as const;

export type DateTimeStyleName = (typeof STYLE_NAMES)[number];

export interface DateTimeStyles {
  readonly leadingWhite: boolean;
  readonly trailingWhite: boolean;
  readonly innerWhite: boolean;
  readonly noCurrentDateDefault: boolean;
}

export const DEFAULT_STYLES: DateTimeStyles = {
  leadingWhite: true,
  trailingWhite: true,
  innerWhite: false,
  noCurrentDateDefault: false,
};

export type StylesResult = { ok: true; styles: DateTimeStyles } | { ok: false; unknown: string[] };

/**
 * Reads a comma-separated list of style names (ignoring case, as .NET Enum.Parse with ignoreCase). An empty
 * list means the default. Style names other than the whitespace ones and NoCurrentDateDefault have no
 * effect, because Roster evaluates everything in UTC.
 */
export function parseDateTimeStyles(text: string): StylesResult {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  if (names.length === 0) return { ok: true, styles: DEFAULT_STYLES };
  const unknown: string[] = [];
  const set = new Set<DateTimeStyleName>();
  for (const name of names) {
    const found = STYLE_NAMES.find((s) => s.toLowerCase() === name.toLowerCase());
    if (found) set.add(found);
    else unknown.push(name);
  }
  if (unknown.length > 0) return { ok: false, unknown };
  const spaces = set.has('AllowWhiteSpaces');
  return {
    ok: true,
    styles: {
      leadingWhite: spaces || set.has('AllowLeadingWhite'),
      trailingWhite: spaces || set.has('AllowTrailingWhite'),
      innerWhite: spaces || set.has('AllowInnerWhite'),
      noCurrentDateDefault: set.has('NoCurrentDateDefault'),
    },
  };
}

export const KNOWN_STYLE_NAMES: readonly string[] = STYLE_NAMES;
