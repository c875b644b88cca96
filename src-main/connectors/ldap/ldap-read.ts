/**
 * One read of an LDAP source (provisioning-behaviour.md §3): bind, read the schema, then
 *
 * 1. an index pass — a paged search for every user and group in scope asking only for the anchor
 *    and change bookkeeping — which gives the DN → anchor map that turns manager and member DNs into
 *    anchors, the settled set that reveals deletions (settled-set.ts), and the next watermark;
 * 2. a decision: full or delta. A delta needs an earlier watermark from the same server, fewer than
 *    `fullReadEveryCycles` deltas in a row, and no object gone since (else the engine must compare
 *    anchors, which only a full read allows — or, on AD, the show-deleted control names them);
 * 3. the object pass — paged searches for users, then groups (ranged member retrieval where AD
 *    cuts member lists), streamed page by page.
 *
 * Any failure — a dropped connection mid-paging, a size limit — rejects with ConnectorError
 * (stopCycle): a partial read never looks complete.
 */
import { Control } from 'ldapts';
import type { LdapSettings } from '@shared/domain/connections';
import type { ObjectType } from '@shared/domain/schema';
import {
  ConnectorError,
  isConnectorError,
  type SourceObject,
  type SourceRead,
  type SourceReadOptions,
} from '../connector';
import { generalizedTimeToIso, isoToGeneralizedTime } from './ad-values';
import { anchorOf } from './anchors';
import type { AttributeCatalog } from './attribute-catalog';
import { normalizeDn } from './dn';
import { andFilter, escapeFilterValue } from './filter';
import { memberDnsOf } from './group-members';
import { textOf, type LdapEntry } from './ldap-entry';
import { openSession, type LdapCredentials, type LdapSession } from './ldap-session';
import { loadSchema } from './schema-reader';
import { showDeletedControl, type ServerType } from './server-type';
import { digestWith, SettledSet } from './settled-set';
import { sourceConfig, type SourceConfig } from './source-config';
import { toSourceObject, type ObjectContext } from './source-object';
import { ReadWarnings, type LdapWarning } from './read-warnings';
import { decodeWatermark, encodeWatermark, type LdapWatermark } from './watermark';

export interface LdapSourceRead extends SourceRead {
  /** References to DNs outside the read, and other findings that do not stop it. Valid once pages are exhausted. */
  warnings(): LdapWarning[];
  /** Why the read is full or delta, for the log. */
  readonly reason: string;
  /** Closes the connection if the pages were never read to the end (reading them closes it too). */
  close(): Promise<void>;
}

export interface LdapReadInput {
  settings: LdapSettings;
  credentials: LdapCredentials;
  timeoutMs?: number;
}

interface IndexedObject {
  type: ObjectType;
  anchor: string;
  /** ISO time or USN (decimal text) of the last change and of the creation. */
  changed: string | null;
  created: string | null;
}

interface Index {
  byDn: Map<string, IndexedObject>;
  users: number;
  groups: number;
  /** Newest change seen (ISO), for timestamp watermarks. */
  newest: string | null;
}

export interface ChangeSpec {
  by: LdapWatermark['by'];
  changed: string;
  created: string;
}

/**
 * AD: uSNChanged/uSNCreated against highestCommittedUSN. OpenLDAP: entryCSN, which is unique per
 * change and has microseconds, so an entry whose CSN still equals the watermark is known unchanged.
 * Others: modifyTimestamp, whose one-second granularity means the watermark's second is read again.
 */
export function changeSpec(serverType: ServerType): ChangeSpec {
  if (serverType === 'activeDirectory') return { by: 'usn', changed: 'uSNChanged', created: 'uSNCreated' };
  if (serverType === 'openldap') return { by: 'csn', changed: 'entryCSN', created: 'createTimestamp' };
  return { by: 'timestamp', changed: 'modifyTimestamp', created: 'createTimestamp' };
}

/** A comparable position: USN digits, a CSN as is, a GeneralizedTime as ISO. */
function positionOf(entry: LdapEntry, attribute: string, by: LdapWatermark['by'] | 'created'): string | null {
  const raw = textOf(entry, attribute);
  if (raw === null) return null;
  if (by === 'usn' || by === 'csn') return raw.trim();
  return generalizedTimeToIso(raw);
}

/** The cutoff for "settled" objects: the USN itself, or the start of the watermark's second. */
function cutoffOf(position: string, by: LdapWatermark['by']): string | null {
  if (by === 'usn') return position;
  const iso = by === 'csn' ? generalizedTimeToIso(position.slice(0, 14) + 'Z') : position;
  return iso ? `${iso.slice(0, 19)}.000Z` : null;
}

/** Created before the cutoff? Objects without a creation mark count as settled. */
function isSettled(created: string | null, cutoff: string, by: LdapWatermark['by']): boolean {
  if (created === null) return true;
  if (by === 'usn') return /^\d+$/.test(created) && BigInt(created) <= BigInt(cutoff);
  return created < cutoff;
}

function settledSet(index: Index, cutoff: string, by: LdapWatermark['by']): SettledSet {
  const set = new SettledSet();
  for (const object of index.byDn.values()) if (isSettled(object.created, cutoff, by)) set.add(object.anchor);
  return set;
}

async function buildIndex(
  session: LdapSession,
  config: SourceConfig,
  serverType: ServerType,
  types: readonly ObjectType[],
  signal: AbortSignal,
): Promise<Index> {
  const spec = changeSpec(serverType);
  const index: Index = { byDn: new Map(), users: 0, groups: 0, newest: null };
  const passes: { type: ObjectType; base: string; filter: string }[] = [
    // Users are always indexed: groups name them as members.
    { type: 'User', base: config.userBase, filter: config.userFilter },
    ...(types.includes('Group')
      ? [{ type: 'Group' as const, base: config.groupBase, filter: config.groupFilter }]
      : []),
  ];
  for (const pass of passes) {
    for await (const page of session.pages(pass.base, {
      filter: pass.filter,
      attributes: [config.anchorAttribute, spec.changed, spec.created],
      binary: ['objectGUID'],
      pageSize: config.pageSize,
      signal,
      read: true,
    })) {
      for (const entry of page) {
        const key = normalizeDn(entry.dn);
        if (index.byDn.has(key)) continue;
        const anchor = anchorOf(entry, config.anchorAttribute);
        if (anchor === null) {
          throw new ConnectorError(
            'stopCycle',
            'AnchorMissing',
            `${entry.dn} has no ${config.anchorAttribute}, so Roster cannot follow it between cycles; set the connection's anchor attribute.`,
            { location: entry.dn },
          );
        }
        const object: IndexedObject = {
          type: pass.type,
          anchor,
          changed: positionOf(entry, spec.changed, spec.by),
          created: positionOf(entry, spec.created, spec.by === 'usn' ? 'usn' : 'created'),
        };
        index.byDn.set(key, object);
        if (pass.type === 'User') index.users++;
        else index.groups++;
        // CSNs and ISO times both order as text.
        if (spec.by !== 'usn' && object.changed && (index.newest === null || object.changed > index.newest))
          index.newest = object.changed;
      }
    }
  }
  return index;
}

/** AD: anchors of users and groups deleted since `usn`, or null when the control is not allowed. */
async function deletedSince(
  session: LdapSession,
  usn: string,
  signal: AbortSignal,
): Promise<string[] | null> {
  const root = session.rootDse;
  if (!root.supportedControls.includes(showDeletedControl) || !root.defaultNamingContext) return null;
  const anchors: string[] = [];
  try {
    for await (const page of session.pages(root.defaultNamingContext, {
      filter: `(&(isDeleted=TRUE)(uSNChanged>=${BigInt(usn) + 1n})(|(objectClass=user)(objectClass=group)))`,
      attributes: ['objectGUID', 'uSNCreated'],
      binary: ['objectGUID'],
      controls: [new Control(showDeletedControl, { critical: true })],
      signal,
      read: true,
    })) {
      for (const entry of page) {
        const anchor = anchorOf(entry, 'objectGUID');
        if (anchor && isSettled(textOf(entry, 'uSNCreated'), usn, 'usn')) anchors.push(anchor);
      }
    }
  } catch (error) {
    // Without the right to see deleted objects the engine compares anchors in a full read instead.
    if (
      isConnectorError(error) &&
      (error.code === 'InsufficientRights' || error.code === 'ControlNotSupported')
    )
      return null;
    throw error;
  }
  return anchors;
}

interface Plan {
  kind: 'full' | 'delta';
  reason: string;
  deleted: string[];
}

async function planRead(
  session: LdapSession,
  index: Index,
  previous: LdapWatermark | null,
  by: LdapWatermark['by'],
  server: string | null,
  config: SourceConfig,
  requestedSince: string | null,
  signal: AbortSignal,
): Promise<Plan> {
  const full = (reason: string): Plan => ({ kind: 'full', reason, deleted: [] });
  if (requestedSince === null) return full('a full read was asked for');
  if (!previous) return full('there is no usable watermark');
  if (previous.by !== by || previous.server !== server)
    return full('the watermark is from another server, whose change numbers do not compare');
  if (previous.deltas + 1 >= config.fullReadEveryCycles)
    return full(
      `every ${config.fullReadEveryCycles} cycles a full read finds deletions by comparing anchors`,
    );
  const now = settledSet(index, previous.cutoff, by);
  if (now.count === previous.settled && now.digest() === previous.digest)
    return { kind: 'delta', reason: `changes since ${previous.position}`, deleted: [] };
  if (by === 'usn') {
    // AD names its deleted objects; if they account for the whole difference, the delta stands.
    const deleted = await deletedSince(session, previous.position, signal);
    if (
      deleted &&
      now.count + deleted.length === previous.settled &&
      digestWith(now.digest(), deleted) === previous.digest
    )
      return {
        kind: 'delta',
        reason: `changes and ${deleted.length} deletion(s) since USN ${previous.position}`,
        deleted,
      };
  }
  const gone = previous.settled - now.count;
  return full(
    `${gone > 0 ? `${gone} object(s)` : 'objects'} left the directory or the search scope since the last read; a full read lets the engine find which`,
  );
}

export async function readLdapSource(input: LdapReadInput, read: SourceReadOptions): Promise<LdapSourceRead> {
  read.signal.throwIfAborted();
  let session: LdapSession;
  try {
    session = await openSession({
      settings: input.settings,
      credentials: input.credentials,
      ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
    });
  } catch (error) {
    throw asStop(error);
  }
  let handedOver = false;
  try {
    const serverType = session.rootDse.serverType;
    const config = sourceConfig(serverType, input.settings);
    const { catalog } = await loadSchema(session).catch((error: unknown) => {
      throw asStop(error);
    });
    const by = changeSpec(serverType).by;
    // Read before the index pass: a change made while reading is seen again next time, never missed.
    const usnBefore = session.rootDse.highestCommittedUsn;
    const server =
      serverType === 'activeDirectory'
        ? (session.rootDse.dsServiceName ?? session.rootDse.dnsHostName)
        : null;
    const index = await buildIndex(session, config, serverType, read.objectTypes, read.signal);
    const previous = decodeWatermark(read.since);
    const plan = await planRead(session, index, previous, by, server, config, read.since, read.signal);
    const position = by === 'usn' ? usnBefore : index.newest;
    const cutoff = position === null ? null : cutoffOf(position, by);
    const settled = cutoff === null ? null : settledSet(index, cutoff, by);
    const watermark =
      position === null || cutoff === null || settled === null
        ? null
        : encodeWatermark({
            by,
            position,
            server,
            objects: index.byDn.size,
            cutoff,
            settled: settled.count,
            digest: settled.digest(),
            deltas: plan.kind === 'full' ? 0 : (previous?.deltas ?? 0) + 1,
          });
    const warnings = new ReadWarnings();
    const pages = objectPages(session, {
      config,
      catalog,
      serverType,
      index,
      plan,
      previous,
      types: read.objectTypes,
      signal: read.signal,
      warnings,
      ...(read.hashedAttributes ? { hashedAttributes: read.hashedAttributes } : {}),
    });
    handedOver = true;
    return {
      kind: plan.kind,
      reason: plan.reason,
      pages,
      deletedAnchors: () => plan.deleted,
      watermark: () => watermark,
      warnings: () => warnings.list(),
      close: () => session.close(),
      ...(plan.kind === 'full'
        ? { expectedCount: index.users * (read.objectTypes.includes('User') ? 1 : 0) + index.groups }
        : {}),
    };
  } catch (error) {
    throw asStop(error);
  } finally {
    if (!handedOver) await session.close();
  }
}

function asStop(error: unknown): unknown {
  if (isConnectorError(error) && error.errorClass !== 'stopCycle') {
    const stop = new ConnectorError('stopCycle', error.code, error.message, error.info);
    stop.cause = error;
    return stop;
  }
  return error;
}

interface PagesInput {
  config: SourceConfig;
  catalog: AttributeCatalog;
  serverType: ServerType;
  index: Index;
  plan: Plan;
  previous: LdapWatermark | null;
  types: readonly ObjectType[];
  signal: AbortSignal;
  warnings: ReadWarnings;
  hashedAttributes?: SourceReadOptions['hashedAttributes'];
}

function deltaFilter(input: PagesInput): string | null {
  if (input.plan.kind !== 'delta' || !input.previous) return null;
  const { position, by } = input.previous;
  if (by === 'usn') return `(uSNChanged>=${BigInt(position) + 1n})`;
  if (by === 'csn') return `(entryCSN>=${escapeFilterValue(position)})`;
  // `>=` on a one-second timestamp re-reads that second's changes: the engine's hashes drop repeats.
  return `(modifyTimestamp>=${isoToGeneralizedTime(position)})`;
}

/** OpenLDAP: an entry whose CSN still equals the watermark has not changed since (CSNs are per change). */
function unchangedSince(entry: LdapEntry, previous: LdapWatermark | null, delta: boolean): boolean {
  return delta && previous?.by === 'csn' && textOf(entry, 'entryCSN') === previous.position;
}

async function* objectPages(
  session: LdapSession,
  input: PagesInput,
): AsyncGenerator<SourceObject[], void, undefined> {
  const { config, catalog, serverType, index, warnings } = input;
  const emitted = new Set<string>();
  const context: ObjectContext = {
    serverType,
    catalog,
    anchorAttribute: config.anchorAttribute,
    disableRule: config.disableRule,
    ...(input.hashedAttributes ? { hashedAttributes: input.hashedAttributes } : {}),
    resolveDn: (dn) => index.byDn.get(normalizeDn(dn))?.anchor ?? null,
    unresolved: (attribute, dn) =>
      warnings.add({
        code: 'UnknownReference',
        message: `${attribute} names ${dn}, which is not among the users and groups read; the value is left out.`,
        location: dn,
      }),
  };
  const binary = catalog.binaryNames();
  // `*` leaves out operational attributes such as entryUUID: the anchor is asked for by name.
  const attributes = ['*', config.anchorAttribute, ...(serverType === 'openldap' ? ['entryCSN'] : [])];
  const delta = deltaFilter(input);
  try {
    const passes: { type: ObjectType; base: string; filter: string }[] = [];
    if (input.types.includes('User'))
      passes.push({ type: 'User', base: config.userBase, filter: config.userFilter });
    if (input.types.includes('Group'))
      passes.push({ type: 'Group', base: config.groupBase, filter: config.groupFilter });
    for (const pass of passes) {
      for await (const page of session.pages(pass.base, {
        filter: andFilter(pass.filter, delta),
        attributes,
        binary,
        pageSize: config.pageSize,
        signal: input.signal,
        read: true,
      })) {
        const objects: SourceObject[] = [];
        for (const entry of page) {
          if (unchangedSince(entry, input.previous, delta !== null)) continue;
          const members =
            pass.type === 'Group'
              ? await memberDnsOf(entry, (dn, description) => session.readEntry(dn, [description]))
              : [];
          const object = toSourceObject(pass.type, entry, context, members);
          // Overlapping bases, or an entry matching both filters: each object once, the first reading wins.
          if (emitted.has(object.anchor)) continue;
          emitted.add(object.anchor);
          objects.push(object);
        }
        if (objects.length > 0) yield objects;
      }
    }
  } catch (error) {
    throw asStop(error);
  } finally {
    await session.close();
  }
}
