/**
 * The SCIM 2.0 target connector (ARCHITECTURE.md §4, provisioning-behaviour.md §17). It turns the
 * engine's find/get/create/update/disable/delete/membership calls into RFC 7644 requests in the
 * chosen profile. Settings and secrets are passed in; the factory never throws (a bad tenant URL
 * surfaces on the first call and as Test connection's verdict).
 */
import type { ScimSettings } from '@shared/domain/connections';
import type { ObjectType, TargetValue } from '@shared/domain/schema';
import {
  ConnectorError,
  isConnectorError,
  type AttributeChange,
  type ConnectionTestResult,
  type TargetCapabilities,
  type TargetConnector,
  type TargetDiscovery,
  type TargetObjectState,
} from '../connector';
import { capabilitiesFromConstraints, documentedFilterable, groupMembersReadable } from './app-constraints';
import type { ScimSecrets } from './auth';
import { buildCreateBody, buildReplacementBody, type ScimProfile } from './bodies';
import { testScimConnection } from './connection-test';
import { discoverTarget } from './discovery';
import { eqFilter, type QueryParameters } from './filter';
import { createScimHttpClient, type ScimHttpClient } from './http-client';
import { getArray, isRecord } from './json';
import { memberIdsOf, readGroupMembers } from './members';
import {
  activeOperation,
  buildAttributeOperations,
  buildMemberPatches,
  isIdempotentPatch,
  patchBody,
  type PatchOperation,
} from './patch-builder';
import { parseAttributePath, readPathValue } from './paths';
import { listPages, listPageSize } from './list-pages';
import { createListMatcher } from './list-match';
import { defaultRequestLimits } from './rate-limit';
import {
  readListResponse,
  requireCreated,
  requireListResponse,
  requireResource,
  toObjectState,
  type ScimResource,
} from './resources';
import { defaultRetryOptions, type RetryOptions } from './retry';
import { readServerConfig, type ServerConfigRead } from './server-config';

export interface ScimTargetOptions {
  settings: ScimSettings;
  secrets: ScimSecrets;
  /** PATCH shapes (§17.4); defaults to settings.requestShape. */
  profile?: ScimProfile;
  /** Default 25 (§17.1). */
  maxRequestsPerSecond?: number;
  /** Requests in flight at once; default 4. */
  maxConcurrency?: number;
  /** Member values per membership request; default 100 (§17.4). */
  maxMembersPerPatch?: number;
  /**
   * false: never read /ServiceProviderConfig, keep the configured settings only (transport tests that
   * script every answer the server gives). Default true.
   */
  readServerConfig?: boolean;
  /** Manual settings that win over defaults and discovery. */
  capabilityOverrides?: Partial<TargetCapabilities>;
  userAgent?: string;
  /** Retry timing; tests shorten it. */
  retry?: Partial<RetryOptions>;
  /** Overrides settings.timeoutSeconds (tests). */
  timeoutMs?: number;
  /** Waits between retries (tests: no real waiting). */
  sleep?: (ms: number) => Promise<void>;
}

export const defaultMaxMembersPerPatch = 100;
const defaultUserAgent = 'Roster-SCIM/0.1';

type Endpoint = 'Users' | 'Groups';

function endpointOf(type: ObjectType): Endpoint {
  return type === 'User' ? 'Users' : 'Groups';
}

/** Groups are always read without members (§19): a large group's member list is slow and unneeded. */
function readQuery(type: ObjectType): QueryParameters {
  return type === 'Group' ? [['excludedAttributes', 'members']] : [];
}

function isMembersChange(type: ObjectType, change: AttributeChange): boolean {
  return type === 'Group' && change.path.trim().toLowerCase() === 'members';
}

function asList(value: TargetValue): string[] {
  if (value === null || value === '') return [];
  return Array.isArray(value) ? value : [String(value)];
}

/**
 * A server that ignores the filter would hand back unrelated objects, and linking one of them would
 * be a silent disaster; results whose value at the path is present and different are dropped.
 */
function matchesQuery(resource: ScimResource, path: string, value: string): boolean {
  const actual = readPathValue(resource, parseAttributePath(path));
  if (actual === null) return true;
  const wanted = value.toLowerCase();
  return asList(actual).some((item) => item.toLowerCase() === wanted);
}

export function createScimTarget(options: ScimTargetOptions): TargetConnector {
  const { settings } = options;
  const profile: ScimProfile = options.profile ?? settings.requestShape ?? 'scim2';
  const maxMembersPerPatch = Math.max(1, Math.floor(options.maxMembersPerPatch ?? defaultMaxMembersPerPatch));
  const client: ScimHttpClient = createScimHttpClient({
    settings,
    secrets: options.secrets,
    limits: {
      maxRequestsPerSecond: options.maxRequestsPerSecond ?? defaultRequestLimits.maxRequestsPerSecond,
      maxConcurrency: options.maxConcurrency ?? defaultRequestLimits.maxConcurrency,
    },
    retry: { ...defaultRetryOptions, ...options.retry },
    userAgent: options.userAgent ?? defaultUserAgent,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const timeoutSeconds =
    options.timeoutMs !== undefined
      ? options.timeoutMs / 1000
      : settings.timeoutSeconds > 0
        ? settings.timeoutSeconds
        : 60;
  let discovered: Partial<TargetCapabilities> = {};
  let serverConfig: Promise<ServerConfigRead> | null = null;

  /**
   * /ServiceProviderConfig, read once, before the first request this connector sends but the connection
   * check (a cycle with nothing to send reads nothing). What the server declares fills only what the connection and the
   * manual overrides leave open (capabilities() below); a failed read keeps the configured settings.
   */
  function declared(): Promise<ServerConfigRead> {
    if (options.readServerConfig === false) return Promise.resolve({ capabilities: {}, problem: null });
    serverConfig ??= readServerConfig(client).then((read) => {
      discovered = { ...read.capabilities, ...discovered };
      return read;
    });
    return serverConfig;
  }

  function capabilities(): TargetCapabilities {
    const merged: TargetCapabilities = {
      patch: true,
      filter: true,
      bulk: false,
      maxResults: null,
      maxOperations: maxMembersPerPatch,
      groups: true,
      softDelete: true,
      ...discovered,
      ...capabilitiesFromConstraints(settings),
      ...options.capabilityOverrides,
    };
    return { ...merged, maxOperations: Math.max(1, Math.floor(merged.maxOperations)) };
  }

  /** Lists ask for no more than the server says one answer may hold. */
  function pageSize(): number {
    const { maxResults } = capabilities();
    return maxResults !== null && maxResults > 0 ? Math.min(listPageSize, maxResults) : listPageSize;
  }

  /** A filter on `path` is sent only where the app can answer it; the app's own list of attributes wins. */
  function canFilter(type: ObjectType, path: string): boolean {
    return documentedFilterable(settings, type, path) ?? capabilities().filter;
  }

  /**
   * What the connection check filters on for `path`: the path itself, the app's first filterable
   * attribute when the app cannot filter on it (the check is about the endpoint, not the mapping), or
   * null when the server declares it cannot filter at all.
   */
  function probePath(type: ObjectType, path: string): string | null {
    const documented = documentedFilterable(settings, type, path);
    if (documented === false)
      return settings.filterableAttributes?.[type === 'User' ? 'users' : 'groups']?.[0] ?? path;
    return documented === true || capabilities().filter ? path : null;
  }

  const listed = createListMatcher({
    list: (type, paths) => listPages(client, endpointOf(type), readQuery(type), paths, pageSize()),
    get: async (type, id, paths) => toObjectState(await readFull(type, id, readQuery(type)), paths),
  });

  async function readFull(type: ObjectType, id: string, query: QueryParameters): Promise<ScimResource> {
    await declared();
    const segments = [endpointOf(type), id];
    const response = await client.send({ method: 'GET', segments, query, idempotent: true });
    const path = `/${segments.join('/')}`;
    // A few servers answer a read by id with a ListResponse; more than one entry is ambiguous (§9.1).
    const list =
      isRecord(response.body) && getArray(response.body, 'Resources')
        ? readListResponse(response.body)
        : null;
    if (list) {
      if (list.resources.length > 1) {
        throw new ConnectorError(
          'objectRejected',
          'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse',
          `GET ${path} returned ${list.resources.length} resources for one id`,
        );
      }
      if (list.resources.length === 0) {
        throw new ConnectorError('notFound', 'InvalidAnchor', `GET ${path} returned no resource`, {
          status: 404,
        });
      }
      return requireResource(list.resources[0], 'GET', path);
    }
    return requireResource(response.body, 'GET', path);
  }

  async function replaceWith(
    type: ObjectType,
    id: string,
    changes: readonly AttributeChange[],
  ): Promise<void> {
    // PUT replaces everything, so the current resource is read whole (members included for groups).
    const current = await readFull(type, id, []);
    const body = buildReplacementBody(type, current, changes);
    await client.send({ method: 'PUT', segments: [endpointOf(type), id], body, idempotent: true });
  }

  async function patch(type: ObjectType, id: string, operations: readonly PatchOperation[]): Promise<void> {
    await client.send({
      method: 'PATCH',
      segments: [endpointOf(type), id],
      body: patchBody(operations),
      // Adding members or list values twice may duplicate them: such a PATCH is not retried blindly.
      idempotent: isIdempotentPatch(operations),
    });
  }

  async function modifyMembers(
    groupId: string,
    add: readonly string[],
    remove: readonly string[],
  ): Promise<void> {
    if (add.length === 0 && remove.length === 0) return;
    await declared();
    if (!capabilities().patch) {
      const members = memberIdsOf(await readFull('Group', groupId, []));
      const removed = new Set(remove);
      const next = [...members.filter((m) => !removed.has(m)), ...add.filter((a) => !members.includes(a))];
      await replaceWith('Group', groupId, [{ path: 'members', oldValue: members, newValue: next }]);
      return;
    }
    // One group's requests go one after another (§17.1); the limiter paces them.
    for (const operations of buildMemberPatches(add, remove, capabilities().maxOperations, profile)) {
      await patch('Group', groupId, operations);
    }
  }

  return {
    capabilities,
    // The HTTP client's limiter (rate-limit.ts) holds every request to maxConcurrency in flight.
    limitsConcurrency: true,

    async testConnection(check): Promise<ConnectionTestResult> {
      const probes = () => {
        const userPath = probePath('User', check.userMatchPath);
        return {
          ...check,
          userMatchPath: userPath ?? check.userMatchPath,
          groupMatchPath: probePath('Group', 'displayName') ?? 'displayName',
          unfiltered: userPath === null,
        };
      };
      const before = probes();
      const result = await testScimConnection(client, before, timeoutSeconds);
      // The check is a cycle's first request (E5), so what the server declares is read only when the
      // check fails as a server that cannot filter would (it answered everything, or refused the
      // filter): if it says so, the check is run again the way such a server can answer.
      if (result.ok || !check.retry || result.error?.kind !== 'incompatible') return result;
      await declared();
      const after = probes();
      return after.unfiltered === before.unfiltered && after.userMatchPath === before.userMatchPath
        ? result
        : testScimConnection(client, after, timeoutSeconds);
    },

    async discover(): Promise<TargetDiscovery> {
      const discovery = await discoverTarget(client, { maxMembersPerPatch });
      discovered = discovery.capabilities;
      return {
        ...discovery,
        capabilities: {
          ...discovery.capabilities,
          ...capabilitiesFromConstraints(settings),
          ...options.capabilityOverrides,
        },
      };
    },

    async find(type, path, value, paths): Promise<TargetObjectState[]> {
      await declared();
      if (!canFilter(type, path)) return listed.find(type, path, value, paths);
      const endpoint = endpointOf(type);
      const response = await client.send({
        method: 'GET',
        segments: [endpoint],
        query: [...readQuery(type), ['filter', eqFilter(path, value)]],
        notFound: 'endpoint',
        idempotent: true,
      });
      const list = requireListResponse(response.body, 'GET', `/${endpoint}`);
      return list.resources
        .map((resource) => requireResource(resource, 'GET', `/${endpoint}`))
        .filter((resource) => matchesQuery(resource, path, value))
        .map((resource) => toObjectState(resource, paths));
    },

    async *listAll(type, paths) {
      await declared();
      yield* listPages(client, endpointOf(type), readQuery(type), paths, pageSize());
    },

    async get(type, id, paths): Promise<TargetObjectState> {
      return toObjectState(await readFull(type, id, readQuery(type)), paths);
    },

    async create(type, values): Promise<TargetObjectState> {
      await declared();
      const endpoint = endpointOf(type);
      let created: TargetObjectState;
      try {
        const response = await client.send({
          method: 'POST',
          segments: [endpoint],
          body: buildCreateBody(type, values, profile),
          notFound: 'endpoint',
          // A create sent twice creates twice: never retried unless the server proved it did nothing.
          idempotent: false,
        });
        const resource = requireCreated(response.body, 'POST', `/${endpoint}`, response.status);
        created = toObjectState(resource, Object.keys(values));
      } catch (error) {
        // A conflict or a lost answer: the engine looks the object up live next, so no stale list answers.
        listed.forget(type);
        throw error;
      }
      listed.created(type, created);
      return created;
    },

    async update(type, id, changes): Promise<void> {
      const memberChanges = changes.filter((change) => isMembersChange(type, change));
      const attributeChanges = changes.filter((change) => !isMembersChange(type, change));
      await declared();
      if (attributeChanges.length > 0) {
        if (capabilities().patch) {
          const operations = buildAttributeOperations(attributeChanges, {
            profile,
            usersUrl: client.urlOf(['Users']),
          });
          if (operations.length > 0) await patch(type, id, operations);
        } else {
          await replaceWith(type, id, attributeChanges);
        }
      }
      // Membership travels in its own requests (§17.4), whoever asked for it.
      for (const change of memberChanges) {
        const before = asList(change.oldValue);
        const after = asList(change.newValue);
        const add = after.filter((member) => !before.includes(member));
        const remove = change.addOnly ? [] : before.filter((member) => !after.includes(member));
        await modifyMembers(id, add, remove);
      }
    },

    async setActive(type, id, active): Promise<void> {
      await declared();
      if (capabilities().patch) {
        await patch(type, id, [activeOperation(active, profile)]);
        return;
      }
      await replaceWith(type, id, [{ path: 'active', oldValue: null, newValue: active }]);
    },

    async delete(type, id): Promise<void> {
      await declared();
      try {
        // A repeated DELETE finds the object gone (404), which counts as done.
        await client.send({ method: 'DELETE', segments: [endpointOf(type), id], idempotent: true });
      } catch (error) {
        // Already gone is what we wanted (§17.3).
        if (isConnectorError(error) && error.errorClass === 'notFound') return;
        throw error;
      }
    },

    modifyMembers,

    ...(groupMembersReadable(settings)
      ? {
          readMembers(groupId: string): Promise<string[]> {
            return readGroupMembers((query) => readFull('Group', groupId, query));
          },
        }
      : {}),

    close(): Promise<void> {
      return client.close();
    },
  };
}
