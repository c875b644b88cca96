/**
 * What the server declares about itself in `/ServiceProviderConfig` (RFC 7643 §5), read once per
 * connector — a connector lives for one cycle, so once per cycle — before the first request whose
 * shape depends on it. It decides only what the connection leaves open (app-constraints.ts and manual
 * overrides win over it): PATCH or PUT, filter queries or matching from the list, and the page size.
 *
 * The read never fails a cycle. RFC 7644 §4 lets a server answer it without authentication, and many
 * answer 404, 401, an HTML page or a body that is not the resource; then Roster keeps its configured
 * settings and says why in `problem` (the connection check still judges the credentials).
 */
import type { TargetCapabilities } from '../connector';
import { isConnectorError } from '../connector';
import type { ScimHttpClient } from './http-client';
import { getBoolean, getNumber, getRecord, isRecord } from './json';

export interface ServerConfigRead {
  /** Only what the server declared; an absent key means "not said". */
  capabilities: Partial<Pick<TargetCapabilities, 'patch' | 'filter' | 'maxResults'>>;
  /** Why nothing could be read (`HTTP 404`, `not a ServiceProviderConfig`), or null. */
  problem: string | null;
}

/**
 * The capabilities a cycle takes from a ServiceProviderConfig body. `bulk` is left out on purpose:
 * Roster never sends `/Bulk` requests (each object's writes go on their own, with their own retries,
 * escrow and log entry), and `bulk.maxOperations` bounds the operations of one bulk request, not the
 * member values one PATCH carries — the member chunk comes from the job and the app profile.
 */
export function cycleCapabilitiesFromConfig(body: unknown): ServerConfigRead {
  if (!isRecord(body) || (!getRecord(body, 'patch') && !getRecord(body, 'filter'))) {
    return { capabilities: {}, problem: 'not a ServiceProviderConfig' };
  }
  const capabilities: ServerConfigRead['capabilities'] = {};
  const patch = getRecord(body, 'patch');
  const patchSupported = patch ? getBoolean(patch, 'supported') : undefined;
  if (patchSupported !== undefined) capabilities.patch = patchSupported;
  const filter = getRecord(body, 'filter');
  const filterSupported = filter ? getBoolean(filter, 'supported') : undefined;
  if (filterSupported !== undefined) capabilities.filter = filterSupported;
  const maxResults = filter ? getNumber(filter, 'maxResults') : undefined;
  // A zero, negative or fractional limit is a server bug, not a page size.
  if (maxResults !== undefined && Number.isInteger(maxResults) && maxResults > 0)
    capabilities.maxResults = maxResults;
  return { capabilities, problem: null };
}

/** One GET of /ServiceProviderConfig; every failure becomes a `problem`, never a rejection. */
export async function readServerConfig(client: ScimHttpClient): Promise<ServerConfigRead> {
  try {
    const response = await client.send({
      method: 'GET',
      segments: ['ServiceProviderConfig'],
      notFound: 'endpoint',
      idempotent: true,
    });
    return cycleCapabilitiesFromConfig(response.body);
  } catch (error) {
    const status = isConnectorError(error) ? error.info.status : undefined;
    const reason = status
      ? `HTTP ${status}`
      : isConnectorError(error)
        ? error.code
        : error instanceof Error
          ? error.message
          : String(error);
    return { capabilities: {}, problem: reason };
  }
}
