/**
 * Query filters (§17.3). Only `eq` is used. The value is written as a JSON string, so `"` becomes
 * `\"` and `\` becomes `\\` (Roster decision: escape instead of failing on special characters), and
 * the whole filter is then URL-encoded as one query parameter.
 */

export type QueryParameters = readonly (readonly [string, string])[];

export function eqFilter(path: string, value: string): string {
  return `${path} eq ${JSON.stringify(value)}`;
}

/** `encodeURIComponent` rather than URLSearchParams: a space becomes %20, never `+`, which some servers keep literally. */
export function encodeQuery(parameters: QueryParameters): string {
  return parameters
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
