const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const scriptNames = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' });

const cache = new Map<string, string | null>();

/**
 * The canonical BCP 47 tag for a culture name such as "tr-TR", or null when it names no real culture
 * (expressions.md §5 ToLower: an unknown tag is an error). "" is the invariant culture and maps to "".
 * Existence is checked per subtag against CLDR display names, because Intl accepts any well-formed tag.
 */
export function resolveCulture(name: string): string | null {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const result = resolveUncached(name);
  if (cache.size > 200) cache.clear();
  cache.set(name, result);
  return result;
}

function resolveUncached(name: string): string | null {
  if (name === '') return '';
  let canonical: string;
  try {
    const [first] = Intl.getCanonicalLocales(name.replace(/_/g, '-'));
    if (first === undefined) return null;
    canonical = first;
  } catch {
    return null;
  }
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(canonical);
  } catch {
    return null;
  }
  if (!languageNames.of(locale.language)) return null;
  if (locale.region !== undefined && (locale.region === 'ZZ' || !regionNames.of(locale.region))) return null;
  if (locale.script !== undefined && !scriptNames.of(locale.script)) return null;
  return canonical;
}
