import type { ObjectMapping } from '@shared/domain/jobs';
import type { OnDemandCandidate } from '@shared/domain/on-demand';
import { editDistance } from '@shared/expressions/suggest';
import type { SourceObject } from '../connectors/connector';

/**
 * Finding the object an admin means (§13: given name, surname, display name, user principal name or
 * mail — and Roster adds the source key). Sources name these attributes differently (CSV `email`,
 * AD `mail`, `sn`, `userPrincipalName`), so the fields are the usual names plus whatever the job's
 * mapping sends to the target's identifiers.
 */
const usualFields = [
  'givenName',
  'firstName',
  'surname',
  'sn',
  'lastName',
  'familyName',
  'displayName',
  'cn',
  'name',
  'mail',
  'email',
  'userPrincipalName',
  'upn',
  'userName',
  'sAMAccountName',
  'uid',
  'employeeId',
];
const identifyingTargets = /userName|displayName|givenName|familyName|email|mail|externalId|principal/i;

type Strength = 'exact' | 'prefix' | 'contains';
const rank: Record<Strength, number> = { exact: 0, prefix: 1, contains: 2 };

interface Hit {
  object: SourceObject;
  strength: Strength;
  field: string;
}

/** The source attributes worth searching for this job, in the order they are shown. */
export function searchFields(mapping: ObjectMapping | null): string[] {
  const mapped = (mapping?.attributeMappings ?? [])
    .filter((m) => m.type === 'Direct' && identifyingTargets.test(m.target))
    .map((m) => m.source);
  return [...new Set([...mapped, ...usualFields])];
}

function valuesOf(object: SourceObject, fields: readonly string[]): { field: string; value: string }[] {
  const lower = new Map(Object.keys(object.attributes).map((k) => [k.toLowerCase(), k]));
  const out: { field: string; value: string }[] = [
    { field: 'key', value: object.anchor },
    { field: 'displayName', value: object.displayName },
  ];
  for (const field of fields) {
    const key = lower.get(field.toLowerCase());
    const value = key === undefined ? undefined : object.attributes[key];
    // Directory attributes such as mail are multi-valued: each value is searched.
    for (const one of Array.isArray(value) ? value : [value]) {
      if (typeof one === 'string' && one !== '') out.push({ field: key ?? field, value: one });
    }
  }
  return out;
}

function bestHit(object: SourceObject, fields: readonly string[], wanted: string): Hit | null {
  let best: Hit | null = null;
  for (const { field, value } of valuesOf(object, fields)) {
    const v = value.toLowerCase();
    const strength: Strength | null =
      v === wanted ? 'exact' : v.startsWith(wanted) ? 'prefix' : v.includes(wanted) ? 'contains' : null;
    if (strength && (!best || rank[strength] < rank[best.strength])) best = { object, strength, field };
  }
  return best;
}

/** Every object the query finds, best first: exact values, then prefixes, then substrings. */
export function searchObjects(
  objects: Iterable<SourceObject>,
  fields: readonly string[],
  query: string,
): Hit[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const hits: Hit[] = [];
  for (const object of objects) {
    const hit = bestHit(object, fields, wanted);
    if (hit) hits.push(hit);
  }
  return hits.sort(
    (a, b) => rank[a.strength] - rank[b.strength] || a.object.displayName.localeCompare(b.object.displayName),
  );
}

export type Resolution =
  | { kind: 'found'; object: SourceObject; matchedOn: string }
  | { kind: 'ambiguous'; candidates: SourceObject[] }
  | { kind: 'notFound'; suggestions: SourceObject[] };

/**
 * The one object a run is for. Only an exact value selects (the key always wins): running the
 * pipeline for "Kim" when three people are called Kim would provision a guess. Otherwise the closest
 * objects come back as suggestions ("did you mean").
 */
export function resolveObject(
  objects: ReadonlyMap<string, SourceObject>,
  fields: readonly string[],
  query: string,
): Resolution {
  const byKey = objects.get(query.trim());
  if (byKey) return { kind: 'found', object: byKey, matchedOn: 'key' };
  const hits = searchObjects(objects.values(), fields, query);
  const exact = hits.filter((h) => h.strength === 'exact');
  if (exact.length === 1 && exact[0])
    return { kind: 'found', object: exact[0].object, matchedOn: exact[0].field };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact.map((h) => h.object) };
  if (hits.length > 0) return { kind: 'notFound', suggestions: hits.slice(0, 5).map((h) => h.object) };
  return { kind: 'notFound', suggestions: closestByName(objects.values(), query) };
}

/** Typos: the display names within a few edits of the query. */
function closestByName(objects: Iterable<SourceObject>, query: string): SourceObject[] {
  const wanted = query.trim().toLowerCase();
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { object: SourceObject; distance: number }[] = [];
  for (const object of objects) {
    const distance = editDistance(wanted, object.displayName.toLowerCase());
    if (distance <= allowed) scored.push({ object, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 5)
    .map((s) => s.object);
}

/** Search results as the UI lists them. */
export function toCandidates(
  hits: readonly Hit[],
  fields: readonly string[],
  context: { linked: (object: SourceObject) => boolean; users: ReadonlyMap<string, SourceObject> },
  limit: number,
): OnDemandCandidate[] {
  return hits.slice(0, limit).map(({ object, strength, field }) => {
    const shown = valuesOf(object, fields)
      .filter((v) => v.field !== 'displayName')
      .slice(0, 5)
      .map((v) => ({ label: v.field, value: v.value }));
    const candidate: OnDemandCandidate = {
      type: object.type,
      anchor: object.anchor,
      displayName: object.displayName,
      fields: shown,
      matchedOn: `${field} (${strength})`,
      linked: context.linked(object),
      disabled: object.disabled || object.softDeleted,
    };
    if (object.type === 'Group') {
      candidate.members = (object.members ?? []).flatMap((anchor) => {
        const user = context.users.get(anchor);
        return user ? [{ type: 'User' as const, anchor, displayName: user.displayName }] : [];
      });
    }
    return candidate;
  });
}
