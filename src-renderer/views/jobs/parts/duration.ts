type Unit = 'millisecond' | 'second' | 'minute' | 'hour';

function unit(locale: string, value: number, name: Unit): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
}

/** A cycle's duration as an admin reads it, in the UI language: 850 ms, 12 sec, 3 min 5 sec, 1 hr 2 min. */
export function formatDuration(ms: number, locale: string): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return unit(locale, Math.round(ms), 'millisecond');
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(locale, seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest
      ? `${unit(locale, minutes, 'minute')} ${unit(locale, rest, 'second')}`
      : unit(locale, minutes, 'minute');
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest
    ? `${unit(locale, hours, 'hour')} ${unit(locale, rest, 'minute')}`
    : unit(locale, hours, 'hour');
}
