import { partsFromTicks } from './calendar';

/** `M/d/yyyy h:mm:ss tt` (expressions.md §8.2): the string form of every DateTime. Fractions are dropped. */
export function formatDefaultDate(ticks: bigint): string {
  const p = partsFromTicks(ticks);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const mm = String(p.minute).padStart(2, '0');
  const ss = String(p.second).padStart(2, '0');
  const year = String(p.year).padStart(4, '0');
  return `${p.month}/${p.day}/${year} ${h12}:${mm}:${ss} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** `yyyy-MM-ddTHH:mm:ssZ`, how a DateTime goes to a DateTime-typed target (expressions.md §4). */
export function formatIsoUtc(ticks: bigint): string {
  const p = partsFromTicks(ticks);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}Z`;
}
