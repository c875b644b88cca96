import { partsFromTicks } from './calendar';
import type { FormatToken } from './custom-format';
import { DAY_ABBREVIATIONS, DAY_NAMES, MONTH_ABBREVIATIONS, MONTH_NAMES } from './names';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Writes a UTC instant with a compiled .NET custom format. Every value is UTC, so zone fields write the
 * zero offset and K writes "Z" (expressions.md §8.3).
 */
export function formatDate(ticks: bigint, tokens: readonly FormatToken[]): string {
  const p = partsFromTicks(ticks);
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    if (t.kind === 'utc') {
      out += 'Z';
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'y':
        out += n === 1 ? String(p.year % 100) : n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
        out +=
          n >= 4 ? MONTH_NAMES[p.month - 1] : n === 3 ? MONTH_ABBREVIATIONS[p.month - 1] : pad(p.month, n);
        break;
      case 'd':
        out += n >= 4 ? DAY_NAMES[p.dayOfWeek] : n === 3 ? DAY_ABBREVIATIONS[p.dayOfWeek] : pad(p.day, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, Math.min(n, 2));
        break;
      case 'H':
        out += pad(p.hour, Math.min(n, 2));
        break;
      case 'm':
        out += pad(p.minute, Math.min(n, 2));
        break;
      case 's':
        out += pad(p.second, Math.min(n, 2));
        break;
      case 'f':
        out += pad(p.fraction, 7).slice(0, n);
        break;
      case 'F': {
        const digits = pad(p.fraction, 7).slice(0, n).replace(/0+$/, '');
        // As .NET: with nothing to write, a decimal point written just before is removed too.
        if (digits === '' && out.endsWith('.')) out = out.slice(0, -1);
        out += digits;
        break;
      }
      case 't':
        out += (p.hour < 12 ? 'AM' : 'PM').slice(0, n === 1 ? 1 : 2);
        break;
      case 'z':
        out += n === 1 ? '+0' : n === 2 ? '+00' : '+00:00';
        break;
      case 'K':
        out += 'Z';
        break;
    }
  }
  return out;
}
