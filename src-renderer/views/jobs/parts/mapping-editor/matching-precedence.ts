import type { AttributeMapping } from '@shared/domain/jobs';

/**
 * Matching precedence (behaviour §5.5): the attributes Roster matches objects on, tried in order
 * 1, 2, 3… Every change here renumbers them 1..n, so the numbers the admin sees are always the order
 * the engine uses, with no gaps or ties.
 */

/** Indexes of the matching mappings, in precedence order (ties keep the table's order). */
export function matchingOrder(mappings: readonly AttributeMapping[]): number[] {
  return mappings
    .map((m, index) => ({ index, priority: m.matchingPriority }))
    .filter((m) => m.priority > 0)
    .sort((a, b) => a.priority - b.priority || a.index - b.index)
    .map((m) => m.index);
}

/** The mappings with their matching priorities set to 1..n in the given order of indexes. */
function numbered(mappings: readonly AttributeMapping[], order: readonly number[]): AttributeMapping[] {
  const priority = new Map(order.map((index, position) => [index, position + 1]));
  return mappings.map((m, index) => {
    const next = priority.get(index) ?? 0;
    return m.matchingPriority === next ? m : { ...m, matchingPriority: next };
  });
}

export function renumberMatching(mappings: readonly AttributeMapping[]): AttributeMapping[] {
  return numbered(mappings, matchingOrder(mappings));
}

/** Moves one matching mapping up (earlier, -1) or down (+1) in precedence; at an end, nothing moves. */
export function moveMatching(
  mappings: readonly AttributeMapping[],
  index: number,
  direction: -1 | 1,
): AttributeMapping[] {
  const order = matchingOrder(mappings);
  const at = order.indexOf(index);
  const to = at + direction;
  if (at < 0 || to < 0 || to >= order.length) return renumberMatching(mappings);
  const next = [...order];
  [next[at], next[to]] = [next[to] as number, next[at] as number];
  return numbered(mappings, next);
}

/** Turns matching on (last in precedence) or off for one mapping, renumbering the rest. */
export function setMatching(
  mappings: readonly AttributeMapping[],
  index: number,
  on: boolean,
): AttributeMapping[] {
  const order = matchingOrder(mappings).filter((i) => i !== index);
  if (on) order.push(index);
  return numbered(mappings, order);
}

/** Sets one mapping's precedence to a position 1..n among the matching ones (the dialog's number box). */
export function placeMatching(
  mappings: readonly AttributeMapping[],
  index: number,
  position: number,
): AttributeMapping[] {
  const order = matchingOrder(mappings).filter((i) => i !== index);
  const at = Math.max(0, Math.min(order.length, Math.round(position) - 1));
  order.splice(at, 0, index);
  return numbered(mappings, order);
}
