/**
 * "Did you mean …?" for column names: admins type `EmployeeID` for `employeeId`, or `e-mail` for
 * `email`. Names are compared ignoring case, spaces and punctuation, by edit distance.
 */

/** Lower case, letters and digits only (any script, so Hangul headers compare too). */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `wanted`, when it is close enough to be a plausible typo. */
export function closestName(wanted: string, candidates: readonly string[]): string | null {
  const target = normalizeName(wanted);
  let best: { name: string; distance: number } | null = null;
  for (const name of candidates) {
    const distance = editDistance(target, normalizeName(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return null;
  const allowed = Math.max(2, Math.floor(target.length / 3));
  return best.distance <= allowed ? best.name : null;
}
