import { SCIMMY } from 'scimmy-routers';
import { restoreFilterLiterals } from './filter-literals';
import type { Page } from './records';

/** Advertised as `filter.maxResults`; also the page size when a client sends no `count`. */
export const maxResults = 200;

export interface PageRequest {
  offset: number;
  limit: number;
  startIndex: number;
}

type ListConstraints = InstanceType<typeof SCIMMY.Types.Resource>['constraints'];

/** startIndex is 1-based and at least 1; count is capped at maxResults (RFC 7644 §3.4.2.4). */
export function pageRequest(constraints: ListConstraints): PageRequest {
  const startIndex = Math.max(1, constraints?.startIndex ?? 1);
  const limit = Math.min(maxResults, Math.max(0, constraints?.count ?? maxResults));
  return { offset: startIndex - 1, limit, startIndex };
}

/** SCIMMY's parsed filter as plain data, with the request's string literals decoded back in. */
export function filterBranches(filter: unknown, literals: readonly string[]): unknown[] | undefined {
  if (filter === undefined) return undefined;
  const plain = JSON.parse(JSON.stringify(filter)) as unknown;
  return Array.isArray(plain) ? (restoreFilterLiterals(plain, literals) as unknown[]) : undefined;
}

/** Filters that SQL cannot answer are matched by SCIMMY's own matcher over every resource. */
export function scanPage<T>(
  branches: unknown[],
  all: readonly T[],
  toScim: (item: T) => Record<string, unknown>,
  page: PageRequest,
): Page<Record<string, unknown>> {
  const matcher = new SCIMMY.Types.Filter(branches);
  const matched = all.map(toScim).filter((resource) => {
    // SCIMMY's matcher throws on a complex-attribute filter (`emails[type eq "work"]`) when the
    // resource lacks that attribute; such a resource simply does not match.
    try {
      return matcher.match([resource]).length > 0;
    } catch {
      return false;
    }
  });
  return { total: matched.length, items: matched.slice(page.offset, page.offset + page.limit) };
}

/**
 * A ListResponse holding exactly `resources`. SCIMMY's ListResponse guesses whether it was handed a
 * whole result set or one page, and can slice a page a second time (scimmy issues #21 and #85); the
 * sandbox always hands it the page, so the guess is overridden.
 */
export function listResponse<T extends InstanceType<typeof SCIMMY.Types.Schema>>(
  resources: T[],
  total: number,
  page: PageRequest,
): InstanceType<typeof SCIMMY.Messages.ListResponse> {
  const response = new SCIMMY.Messages.ListResponse(resources, {
    startIndex: page.startIndex,
    count: page.limit,
    totalResults: total,
  });
  response.Resources = resources;
  // RFC 7644 §3.4.2: "the number of resources returned in a list response page".
  response.itemsPerPage = resources.length;
  return response;
}
