/**
 * The contract between the engine and the systems it reads and writes (ARCHITECTURE.md §4). Connectors
 * are the only code that talks to other systems; they get their settings and secrets passed in and
 * never look anything up. Every failure leaves a connector as a ConnectorError whose class decides
 * what the engine does next.
 */
import type {
  ObjectType,
  SourceSchemaAttribute,
  SourceValue,
  TargetSchemaAttribute,
  TargetValue,
} from '@shared/domain/schema';

/**
 * - transient: retry with backoff in this cycle, then escrow (429, 5xx, timeouts, network).
 * - objectRejected: log, escrow this object, go on (400/422, 409 that could not be adopted, bad data).
 * - stopCycle: abort the cycle, keep state (401/403, unreadable source, wrong URL, non-SCIM endpoint).
 * - notFound: the linked object is gone from the target (404 on read/update): relink or recreate.
 */
export type ErrorClass = 'transient' | 'objectRejected' | 'stopCycle' | 'notFound';

export interface ConnectorErrorInfo {
  /** HTTP status (SCIM) or result code (LDAP), when there is one. */
  status?: number;
  /** Honoured by the engine's retry for transient errors (429/503 Retry-After). */
  retryAfterMs?: number;
  /** The server's own explanation (SCIM Error `detail`), copied into the log's additionalDetails. */
  detail?: string;
  scimType?: string;
  /** Where in a source the problem is: `hr.csv:12`, or several `hr.csv:12, hr.csv:40`. */
  location?: string;
  /**
   * The request may have taken effect at the target although no usable answer came back (a timeout
   * after the request was sent, a 5xx, a 2xx whose body could not be read, a create answered without
   * an id). The engine never repeats a non-idempotent write (create, member add) on such an error
   * before it has looked at the target (docs/architecture.md "Send and record").
   */
  mayHaveApplied?: boolean;
}

export class ConnectorError extends Error {
  constructor(
    readonly errorClass: ErrorClass,
    /** A code of provisioning-behaviour.md §9.1 (TooManyRequests, EntryConflict, InvalidAnchor, …) or a source code. */
    readonly code: string,
    message: string,
    readonly info: ConnectorErrorInfo = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

/** What "Test connection" shows (defined in src-shared: the renderer displays it). */
export type { ConnectionTestResult } from '@shared/domain/connection-test';
import type { ConnectionTestResult } from '@shared/domain/connection-test';

// ─── Sources ────────────────────────────────────────────────────────────────

export interface SourceObject {
  type: ObjectType;
  /** Stable identity in the source (CSV key column, AD objectGUID, entryUUID). Never changes. */
  anchor: string;
  displayName: string;
  /** Typed per the source schema; absent attributes are null. References hold the referenced anchor. */
  attributes: Record<string, SourceValue>;
  /**
   * Content hash of everything above (of the attributes the reader named, when it named them:
   * SourceReadOptions.hashedAttributes): an unchanged hash means nothing to do for this object.
   */
  hash: string;
  /** Disabled in the source (AD userAccountControl bit 2, an HR status column…). */
  disabled: boolean;
  /** Soft-deleted in the source (recycle bin, "terminated" rows…). */
  softDeleted: boolean;
  /** Groups only: anchors of the direct members (users and groups). */
  members?: string[];
  /** Where it was read, for messages: `hr.csv:12`, a DN. */
  origin?: string;
}

export interface SourceReadOptions {
  objectTypes: readonly ObjectType[];
  /** The watermark of the last completed cycle; null for a full (initial) read. */
  since: string | null;
  signal: AbortSignal;
  /**
   * The caller keeps every object it is handed (a cycle does). A source that must check everything
   * before the first page may then keep the objects it built while checking, rather than read
   * everything a second time; without it, pages are built as they go, in bounded memory.
   */
  keepsAll?: boolean;
  /**
   * Per object type, the lower-cased names of the attributes whose changes matter to the caller (a
   * cycle: what its mappings and scoping filters read, engine/attributes-read.ts). The object's
   * `hash` then covers only those attributes, besides its anchor, display name, flags and members.
   * A type left out: every attribute.
   */
  hashedAttributes?: Partial<Record<ObjectType, ReadonlySet<string>>>;
}

export interface SourceRead {
  /** `delta` only when the connector honoured `since`; a full read lists every object. */
  kind: 'full' | 'delta';
  /** Objects in pages, streamed: a large source is never held in memory at once. */
  pages: AsyncIterable<SourceObject[]>;
  /** Delta reads: anchors deleted since the watermark. Valid once `pages` is exhausted. */
  deletedAnchors(): string[];
  /** The position to store when the cycle completes. Valid once `pages` is exhausted. */
  watermark(): string | null;
  /** Objects the read will yield, when known before reading them (for progress). */
  expectedCount?: number;
}

export interface SourceCapabilities {
  delta: boolean;
  groups: boolean;
  nestedGroups: boolean;
}

/**
 * How an LDAP-like source notices cheaply that it changed: what the watermark position is made of
 * (AD uSNChanged, OpenLDAP entryCSN, else modifyTimestamp), for the job page.
 */
export type SourceChangeMark = 'usn' | 'csn' | 'timestamp';

export interface SourceChangePoll {
  /** Something in the source changed after the watermark (a cycle would find it). */
  changed: boolean;
  by: SourceChangeMark;
}

export interface SourceConnector {
  readonly capabilities: SourceCapabilities;
  testConnection(): Promise<ConnectionTestResult>;
  discoverSchema(): Promise<SourceSchemaAttribute[]>;
  /** Rejects with ConnectorError(stopCycle) when the source is unreadable, empty, truncated or inconsistent. */
  read(options: SourceReadOptions): Promise<SourceRead>;
  /**
   * Optional, for fast deprovisioning (scheduler/change-triggers): the absolute paths of the files a
   * read opens. A change to any of them is a change of the source.
   */
  watchTargets?(): string[];
  /**
   * Optional, for fast deprovisioning: whether the source changed after `watermark` (the one the last
   * completed read returned), found with one small request — never a read of the source.
   */
  pollChanges?(watermark: string | null, signal: AbortSignal): Promise<SourceChangePoll>;
  /**
   * Optional, for the unchanged-source shortcut (engine/unchanged-source.ts): the watermark a full
   * read of these object types would return now, computed without parsing anything (a CSV file's
   * content hash). Only for sources whose watermark names their whole content: an equal value
   * must mean the read would return exactly the objects of the read that returned it.
   */
  fingerprint?(options: { objectTypes: readonly ObjectType[]; signal: AbortSignal }): Promise<string>;
  close?(): Promise<void>;
}

// ─── Targets ────────────────────────────────────────────────────────────────

/** A target object as the engine sees it: its id and the current values of the paths it asked for. */
export interface TargetObjectState {
  id: string;
  /** path → current value (null when absent). Only the requested paths are guaranteed present. */
  values: Record<string, TargetValue>;
  displayName?: string;
}

/**
 * One attribute to change. The engine diffs mapped values against the target's current ones; the
 * connector turns changes into its wire form (SCIM PATCH operations, LDAP modify).
 * `newValue === ''` clears the attribute; null never appears (null never flows, §5.4).
 */
export interface AttributeChange {
  path: string;
  oldValue: TargetValue;
  newValue: TargetValue;
  /** MultiValueAddOnly: add the missing values, never remove any. */
  addOnly?: boolean;
  /** A Reference-typed attribute: newValue is the referenced object's target id. */
  reference?: { objectType: ObjectType };
}

export interface TargetCapabilities {
  patch: boolean;
  filter: boolean;
  bulk: boolean;
  /** Largest page a query may return, when the server declares one. */
  maxResults: number | null;
  /** Member values per membership request (min of the job's maxMembersPerPatch and the server's bulk.maxOperations). */
  maxOperations: number;
  groups: boolean;
  /** False when the target has no disable: the engine deletes instead (§8). */
  softDelete: boolean;
}

export interface TargetDiscovery {
  /** Attributes to add to the job's target schema (discovery never removes any, §17.1). */
  schema: TargetSchemaAttribute[];
  capabilities: Partial<TargetCapabilities>;
  details: { label: string; value: string }[];
}

/** One page of a target's list (see TargetConnector.listAll). */
export interface TargetPage {
  objects: TargetObjectState[];
  /**
   * The number of objects the target says the whole list holds; null when it does not say (an LDAP
   * paged search counts nothing in advance).
   */
  total: number | null;
}

export interface TargetConnector {
  capabilities(): TargetCapabilities;
  /**
   * The connector itself keeps at most the job's `maxConcurrency` requests in flight (the SCIM
   * client's limiter). Only then does the engine start more objects than that at once, so that their
   * write intents share a commit (engine/bounded-pool.ts runBatched); for any other connector the
   * engine's pool is what bounds the requests.
   */
  readonly limitsConcurrency?: boolean;
  /**
   * §17.2: a query for a random value on the first Users matching attribute (and Groups when enabled).
   * Resolves with ok:false for credentials/URL/compliance problems rather than throwing.
   */
  testConnection(check: {
    userMatchPath: string;
    groups: boolean;
    /**
     * true at the start of a cycle: transient failures (429 with Retry-After, 5xx, timeouts, an
     * unreadable body) are retried like any request before the check gives its verdict. Test
     * connection in the UI makes one attempt so that it answers quickly.
     */
    retry?: boolean;
  }): Promise<ConnectionTestResult>;
  discover(): Promise<TargetDiscovery>;
  /** Exact-match query `path eq value`: 0, 1 or several objects, with `paths` read from each. */
  find(type: ObjectType, path: string, value: string, paths: readonly string[]): Promise<TargetObjectState[]>;
  /**
   * Optional (issue 11): every object of a type, page by page, with `paths` read from each — for the
   * engine to match many objects in memory instead of one query each. `total` is what the target says
   * it holds; a read that cannot be completed consistently rejects, and the engine then queries per
   * object as without this capability.
   */
  listAll?(type: ObjectType, paths: readonly string[]): AsyncIterable<TargetPage>;
  /** Read by id. Rejects with ConnectorError(notFound, 'InvalidAnchor') on 404. */
  get(type: ObjectType, id: string, paths: readonly string[]): Promise<TargetObjectState>;
  /**
   * Create with path → value. A uniqueness conflict (409) rejects with
   * ConnectorError(objectRejected, 'EntryConflict', { status: 409 }) so the engine can adopt (§4).
   */
  create(type: ObjectType, values: Record<string, TargetValue>): Promise<TargetObjectState>;
  /** Apply changes in one request where the target allows (PATCH), else a full replace (PUT). */
  update(type: ObjectType, id: string, changes: readonly AttributeChange[]): Promise<void>;
  setActive(type: ObjectType, id: string, active: boolean): Promise<void>;
  /** 404 counts as already deleted. */
  delete(type: ObjectType, id: string): Promise<void>;
  /** Membership changes, chunked by capabilities().maxOperations: ⌈k / maxOperations⌉ requests. */
  modifyMembers(groupId: string, add: readonly string[], remove: readonly string[]): Promise<void>;
  /**
   * The target ids of a group's current members, read from the target. The engine reads them to
   * reconcile a membership write that may or may not have landed (a crash, a timeout). A connector
   * without it must make modifyMembers idempotent (adding a present member or removing an absent one
   * changes nothing), as the LDAP target does by reading the group first.
   */
  readMembers?(groupId: string): Promise<string[]>;
  close?(): Promise<void>;
}
