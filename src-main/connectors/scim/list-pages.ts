/**
 * A whole endpoint, page by page (RFC 7644 §3.4.2.4): `startIndex` advances by what each page
 * returned, because servers cap `count` (the Roster Sandbox at 100, others at their `maxResults`).
 * The read must be consistent to be trusted for matching: an object missed because another client
 * created or deleted something between two pages (the rest shift by one) would be created a second
 * time. So a read whose `totalResults` changes between pages, or whose distinct ids do not add up to
 * it, rejects with `InconsistentList` — the engine then queries per object.
 */
import { ConnectorError, type TargetPage } from '../connector';
import type { QueryParameters } from './filter';
import type { ScimHttpClient } from './http-client';
import { requireListResponse, requireResource, toObjectState } from './resources';

/** Asked per page; a server may answer fewer. */
export const listPageSize = 500;

export async function* listPages(
  client: ScimHttpClient,
  endpoint: 'Users' | 'Groups',
  query: QueryParameters,
  paths: readonly string[],
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
      query: [...query, ['startIndex', String(startIndex)], ['count', String(listPageSize)]],
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
