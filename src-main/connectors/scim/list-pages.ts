/**
 * A whole endpoint, page by page (RFC 7644 §3.4.2.4): `startIndex` advances by what each page
 * returned, because servers cap `count` (the Roster Sandbox at 100, others at their `maxResults`).
 * The read must be consistent to be trusted for matching: an object missed because another client
 * created or deleted something between two pages (the rest shift by one) would be created a second
 * time. So a read whose `totalResults` changes between pages, or whose distinct ids do not add up to
 * it, rejects with `InconsistentList` — the engine then queries per object.
 *
 * Each page asks only for what the caller reads (`attributes=`, RFC 7644 §3.4.2.5): the top-level
 * attribute of every path, and the names a log shows (`userName`, `displayName`); `id` always comes.
 * A 100,000-user list then moves a fraction of the bytes and of the parsing. A server may ignore the
 * parameter (it answers whole resources, which read the same) or refuse it (400, or 501 Not
 * Implemented): then the list starts again without it, and that client never asks again.
 */
import { ConnectorError, isConnectorError, type TargetPage } from '../connector';
import type { QueryParameters } from './filter';
import type { ScimHttpClient } from './http-client';
import { parseAttributePath } from './paths';
import { requireListResponse, requireResource, toObjectState } from './resources';

/** Asked per page unless the server declares a smaller `filter.maxResults`; a server may answer fewer. */
export const listPageSize = 500;

/** Clients whose server refused `attributes=` once: their lists ask for whole resources. */
const refusesAttributes = new WeakSet<ScimHttpClient>();

/** What names an object in logs (resources.ts toObjectState), per endpoint. */
const namingAttributes = { Users: ['userName', 'displayName'], Groups: ['displayName'] } as const;

/**
 * The `attributes` value for reading `paths`: each path's top-level attribute in attribute notation
 * (RFC 7644 §3.10) — `emails` for `emails[type eq "work"].value`, `name` for `name.givenName`,
 * `urn:…:User:manager` for `urn:…:User:manager.value` — so a filtered or sub-attribute path is read
 * from the whole attribute, as servers that do not select sub-attributes also answer it.
 */
export function listedAttributes(endpoint: 'Users' | 'Groups', paths: readonly string[]): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => names.set(name.toLowerCase(), names.get(name.toLowerCase()) ?? name);
  for (const name of namingAttributes[endpoint]) add(name);
  for (const path of paths) {
    const parsed = parseAttributePath(path);
    add(parsed.schema === null ? parsed.attribute : `${parsed.schema}:${parsed.attribute}`);
  }
  return [...names.values()];
}

function refusedSelection(error: unknown): boolean {
  return isConnectorError(error) && (error.info.status === 400 || error.info.status === 501);
}

export async function* listPages(
  client: ScimHttpClient,
  endpoint: 'Users' | 'Groups',
  query: QueryParameters,
  paths: readonly string[],
  pageSize: number = listPageSize,
): AsyncGenerator<TargetPage, void, undefined> {
  if (refusesAttributes.has(client)) {
    yield* listAllPages(client, endpoint, query, paths, pageSize);
    return;
  }
  // `attributes` names everything that comes back, so an `excludedAttributes` beside it has nothing to do.
  const selecting: QueryParameters = [
    ...query.filter(([name]) => name !== 'excludedAttributes'),
    ['attributes', listedAttributes(endpoint, paths).join(',')],
  ];
  const pages = listAllPages(client, endpoint, selecting, paths, pageSize);
  let first: IteratorResult<TargetPage, void>;
  try {
    first = await pages.next();
  } catch (error) {
    if (!refusedSelection(error)) throw error;
    refusesAttributes.add(client);
    yield* listAllPages(client, endpoint, query, paths, pageSize);
    return;
  }
  if (first.done) return;
  yield first.value;
  yield* pages;
}

async function* listAllPages(
  client: ScimHttpClient,
  endpoint: 'Users' | 'Groups',
  query: QueryParameters,
  paths: readonly string[],
  pageSize: number,
): AsyncGenerator<TargetPage, void, undefined> {
  const seen = new Set<string>();
  let startIndex = 1;
  let total: number | null = null;
  const inconsistent = (what: string) =>
    new ConnectorError(
      'transient',
      'InconsistentList',
      `GET /${endpoint} ${what}: the list changed while it was read`,
    );
  for (;;) {
    const response = await client.send({
      method: 'GET',
      segments: [endpoint],
      query: [...query, ['startIndex', String(startIndex)], ['count', String(pageSize)]],
      notFound: 'endpoint',
      idempotent: true,
    });
    const list = requireListResponse(response.body, 'GET', `/${endpoint}`);
    const objects = list.resources.map((resource) =>
      toObjectState(requireResource(resource, 'GET', `/${endpoint}`), paths),
    );
    if (total !== null && list.totalResults !== total)
      throw inconsistent(`counted ${total} objects, then ${list.totalResults}`);
    total = list.totalResults;
    for (const object of objects) seen.add(object.id);
    yield { objects, total: list.totalResults };
    startIndex += objects.length;
    if (objects.length === 0 || startIndex > list.totalResults) {
      if (seen.size !== list.totalResults)
        throw inconsistent(
          `listed ${seen.size} distinct objects, but the server counts ${list.totalResults}`,
        );
      return;
    }
  }
}
