/**
 * The LDAP target connector (inbound: an HR file → the directory). Users are created under the
 * configured container (or the `__container` mapping's value) with a DN built from the RDN attribute
 * and its mapped value, RFC 4514-escaped; updates send only the changed values; disable/enable
 * flips userAccountControl bit 2 on AD and the configured attribute elsewhere; a changed container
 * moves the entry; group membership is `member` values (user DNs). Target ids are entryUUID or
 * objectGUID, resolved to DNs when writing (entry-locator.ts). Passwords are never set or read.
 */
import { Attribute, Change } from 'ldapts';
import { ldapSettingsSchema, type LdapSettings } from '@shared/domain/connections';
import type { ObjectType, TargetValue } from '@shared/domain/schema';
import {
  ConnectorError,
  isConnectorError,
  type ConnectionTestResult,
  type TargetCapabilities,
  type TargetConnector,
  type TargetDiscovery,
  type TargetObjectState,
} from '../connector';
import { isAccountDisabled, uac, withAccountDisabled } from './ad-values';
import type { AttributeCatalog } from './attribute-catalog';
import { testLdapConnection } from './connection-test';
import { buildDn, normalizeDn, parentDn, parseDn, sameDn } from './dn';
import { EntryLocator } from './entry-locator';
import { andFilter, equalityFilter, isAttributeName, orFilter } from './filter';
import { memberDnsOf } from './group-members';
import { classified } from './ldap-errors';
import { textOf, textsOf, type LdapEntry } from './ldap-entry';
import { listEntries } from './ldap-list';
import { openSession, type LdapSession } from './ldap-session';
import { createOperationGate } from './operation-gate';
import { planModify, wireValues, type Modification } from './modify-plan';
import { loadSchema } from './schema-reader';
import {
  activePath,
  containerPath,
  dnPath,
  needsPlaceholderMember,
  placeholderMember,
  targetConfig,
  virtualPaths,
  type TargetConfig,
} from './target-config';
import { discoveredTargetSchema } from './target-schema';

export interface LdapTargetOptions {
  settings: LdapSettings;
  bindPassword: string;
  /** Member values per modify request (default 500). */
  maxMembersPerModify?: number;
  /** Overrides settings.timeoutSeconds (tests). */
  timeoutMs?: number;
  /** Entries per page of listAll (default ldap-list.ts listPageSize; tests use small pages). */
  listPageSize?: number;
  /**
   * The job's `maxConcurrency`: at most this many reads and writes in flight (operation-gate.ts), and
   * the target says so (`limitsConcurrency`) so the engine may batch intents. Without it the engine's
   * own pool is the only bound (connection tests, browsing).
   */
  maxConcurrency?: number;
}

export const defaultMaxMembersPerModify = 500;

function change(operation: Modification['operation'], attribute: string, values: string[]): Change {
  return new Change({ operation, modification: new Attribute({ type: attribute, values }) });
}

function asValue(values: string[], multi: boolean): TargetValue {
  if (values.length === 0) return null;
  return multi || values.length > 1 ? values : (values[0] as string);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createLdapTarget(options: LdapTargetOptions): TargetConnector {
  const settings = ldapSettingsSchema.parse(options.settings);
  const credentials = { bindPassword: options.bindPassword };
  const maxOperations = Math.max(1, Math.floor(options.maxMembersPerModify ?? defaultMaxMembersPerModify));
  let sessionPromise: Promise<LdapSession> | null = null;
  /** Known after the first connection (Test connection runs before a cycle's first write). */
  let knownType: TargetConfig['serverType'] | null = null;
  let catalogPromise: Promise<AttributeCatalog> | null = null;

  function session(): Promise<LdapSession> {
    sessionPromise ??= openSession({
      settings,
      credentials,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    })
      .then((opened) => {
        knownType = opened.rootDse.serverType;
        return opened;
      })
      .catch((error: unknown) => {
        sessionPromise = null;
        throw error;
      });
    return sessionPromise.then(async (s) => {
      // A server that closed an idle connection: reconnect once, bind again.
      if (s.client.isConnected) return s;
      await s.close();
      sessionPromise = null;
      return session();
    });
  }
  async function config(): Promise<TargetConfig> {
    return targetConfig((await session()).rootDse.serverType, settings);
  }
  function catalog(): Promise<AttributeCatalog> {
    catalogPromise ??= session()
      .then(loadSchema)
      .then((s) => s.catalog)
      .catch((error: unknown) => {
        catalogPromise = null;
        throw error;
      });
    return catalogPromise;
  }

  async function locator(): Promise<EntryLocator> {
    const c = await config();
    locatorInstance ??= new EntryLocator(session, c.idAttribute, c.searchBase);
    return locatorInstance;
  }
  let locatorInstance: EntryLocator | null = null;

  function capabilities(): TargetCapabilities {
    // Before the first connection the server type is unknown: soft delete is assumed, so a disable
    // that turns out impossible fails with a clear error rather than deleting (Roster decision).
    const softDelete = !!settings.disableAttribute || knownType === null || knownType === 'activeDirectory';
    return {
      patch: true,
      filter: true,
      bulk: false,
      maxResults: null,
      maxOperations,
      groups: true,
      softDelete,
    };
  }

  /** The attributes to read for `paths`, plus what the virtual paths need. */
  function attributesFor(c: TargetConfig, paths: readonly string[]): string[] {
    const wanted = new Set<string>([c.idAttribute, c.rdnAttribute, 'objectClass']);
    for (const path of paths) {
      if (path === activePath) {
        if (c.disable.kind === 'userAccountControl') wanted.add('userAccountControl');
        if (c.disable.kind === 'attribute') wanted.add(c.disable.attribute);
      } else if (!virtualPaths.has(path) && path !== 'id' && path !== 'members' && isAttributeName(path)) {
        wanted.add(path);
      }
    }
    return [...wanted];
  }

  function isActive(c: TargetConfig, entry: LdapEntry): boolean {
    if (c.disable.kind === 'userAccountControl')
      return !isAccountDisabled(Number(textOf(entry, 'userAccountControl') ?? '0'));
    if (c.disable.kind === 'attribute') {
      const wanted = c.disable.value.toLowerCase();
      return !textsOf(entry, c.disable.attribute).some((v) => v.toLowerCase() === wanted);
    }
    return true;
  }

  async function stateOf(entry: LdapEntry, paths: readonly string[]): Promise<TargetObjectState> {
    const c = await config();
    const cat = await catalog();
    const id = (await locator()).idOf(entry);
    if (!id)
      throw new ConnectorError('objectRejected', 'AnchorMissing', `${entry.dn} has no ${c.idAttribute}.`);
    const values: Record<string, TargetValue> = {};
    const rdn = parseDn(entry.dn)[0];
    for (const path of paths) {
      if (path === activePath) values[path] = isActive(c, entry);
      else if (path === containerPath) values[path] = parentDn(entry.dn);
      else if (path === dnPath) values[path] = entry.dn;
      else if (path === 'id') values[path] = id;
      // The RDN's own value, not every value of a multi-valued cn: that is what a rename changes.
      else if (
        rdn &&
        path.toLowerCase() === c.rdnAttribute.toLowerCase() &&
        rdn.type.toLowerCase() === path.toLowerCase()
      )
        values[path] = rdn.value;
      else values[path] = asValue(textsOf(entry, path), cat.get(path)?.multiValued ?? false);
    }
    const displayName = textOf(entry, 'displayName') ?? rdn?.value ?? entry.dn;
    return { id, values, displayName };
  }

  async function modify(dn: string, modifications: readonly Modification[]): Promise<void> {
    if (modifications.length === 0) return;
    const s = await session();
    await classified({ operation: 'modify', dn }, () =>
      s.client.modify(
        dn,
        modifications.map((m) => change(m.operation, m.attribute, m.values)),
      ),
    );
  }

  /** The modification that sets the account state, from the entry's current flags. */
  async function activeModifications(
    c: TargetConfig,
    type: ObjectType,
    entry: LdapEntry,
    active: boolean,
  ): Promise<Modification[]> {
    if (type !== 'User') return [];
    switch (c.disable.kind) {
      case 'userAccountControl': {
        const flags = Number(textOf(entry, 'userAccountControl') ?? String(uac.normalAccount));
        const next = withAccountDisabled(flags, !active);
        return next === flags
          ? []
          : [{ operation: 'replace', attribute: 'userAccountControl', values: [String(next)] }];
      }
      case 'attribute': {
        const { attribute, value, enableValue } = c.disable;
        if (!active) return [{ operation: 'replace', attribute, values: [value] }];
        if (enableValue !== null) return [{ operation: 'replace', attribute, values: [enableValue] }];
        return textsOf(entry, attribute).length > 0 ? [{ operation: 'delete', attribute, values: [] }] : [];
      }
      case 'none':
        throw new ConnectorError(
          'objectRejected',
          'DisableNotConfigured',
          `${entry.dn} cannot be ${active ? 'enabled' : 'disabled'}: the LDAP connection names no disable attribute (set disableAttribute and disableValue).`,
        );
    }
  }

  async function resolveReferenceValues(ids: readonly string[]): Promise<string[]> {
    const dns = await (await locator()).dnsOf(ids);
    const missing = ids.filter((id) => !dns.has(id));
    if (missing.length > 0) {
      throw new ConnectorError(
        'objectRejected',
        'InvalidReference',
        `No entry has the id ${missing.join(', ')}, so the reference cannot be written.`,
      );
    }
    return ids.map((id) => dns.get(id) as string);
  }

  async function rename(dn: string, rdnType: string, rdnValue: string, container: string): Promise<string> {
    const s = await session();
    // Hex escapes only: ldapts splits the new DN at the first comma not preceded by a backslash.
    const newDn = buildDn(rdnType, rdnValue, container, true);
    await classified({ operation: 'modifyDN', dn }, () => s.client.modifyDN(dn, newDn));
    return newDn;
  }

  async function find(
    type: ObjectType,
    path: string,
    value: string,
    paths: readonly string[],
  ): Promise<TargetObjectState[]> {
    if (virtualPaths.has(path) || !isAttributeName(path)) {
      throw new ConnectorError(
        'objectRejected',
        'InvalidMatchingAttribute',
        `"${path}" cannot be used to match LDAP entries; match on a directory attribute.`,
      );
    }
    const c = await config();
    const s = await session();
    const classFilter = orFilter(
      c.objectClasses[type].filter((k) => k.toLowerCase() !== 'top').map((k) => `(objectClass=${k})`),
    );
    const found = await s.search(c.searchBase, {
      filter: andFilter(classFilter, equalityFilter(path, value)),
      attributes: attributesFor(c, paths),
      binary: ['objectGUID'],
      sizeLimit: 10,
    });
    const states: TargetObjectState[] = [];
    const loc = await locator();
    for (const entry of found) {
      const id = loc.idOf(entry);
      if (id) loc.remember(id, entry.dn);
      states.push(await stateOf(entry, paths));
    }
    return states;
  }

  async function get(_type: ObjectType, id: string, paths: readonly string[]): Promise<TargetObjectState> {
    const c = await config();
    const entry = await (await locator()).get(id, attributesFor(c, paths));
    return stateOf(entry, paths);
  }

  async function create(type: ObjectType, values: Record<string, TargetValue>): Promise<TargetObjectState> {
    const c = await config();
    const s = await session();
    const container = wireValues(values[containerPath] ?? null)[0] ?? c.container[type];
    if (!container) {
      throw new ConnectorError(
        'objectRejected',
        'ContainerMissing',
        `There is no container to create the ${type === 'User' ? 'user' : 'group'} in: set the connection's target container or map ${containerPath}.`,
      );
    }
    const rdnValue = wireValues(values[c.rdnAttribute] ?? null)[0];
    if (!rdnValue) {
      throw new ConnectorError(
        'objectRejected',
        'MandatoryFieldsMissing',
        `The RDN attribute ${c.rdnAttribute} has no value, so the entry has no name.`,
      );
    }
    const attributes: Record<string, string[]> = { objectClass: c.objectClasses[type] };
    for (const [path, value] of Object.entries(values)) {
      if (virtualPaths.has(path) || path === 'members' || path === 'id') continue;
      const wire = wireValues(value);
      if (wire.length > 0) attributes[path] = wire;
    }
    attributes[c.rdnAttribute] = [...new Set([rdnValue, ...(attributes[c.rdnAttribute] ?? [])])];
    if (type === 'User' && values[activePath] !== undefined) {
      const active = values[activePath] === true || String(values[activePath]).toLowerCase() === 'true';
      if (c.disable.kind === 'userAccountControl') {
        attributes['userAccountControl'] = [String(withAccountDisabled(uac.normalAccount, !active))];
      } else if (c.disable.kind === 'attribute' && !active) {
        attributes[c.disable.attribute] = [c.disable.value];
      } else if (c.disable.kind === 'attribute' && c.disable.enableValue !== null) {
        attributes[c.disable.attribute] = [c.disable.enableValue];
      }
    }
    if (type === 'Group' && needsPlaceholderMember(c, c.objectClasses.Group) && !attributes['member']) {
      attributes['member'] = [placeholderMember];
    }
    const dn = buildDn(c.rdnAttribute, rdnValue, container);
    await classified({ operation: 'add', dn }, () => s.client.add(dn, attributes));
    const entry = await s.readEntry(dn, attributesFor(c, Object.keys(values)), { binary: ['objectGUID'] });
    if (!entry)
      throw new ConnectorError('transient', 'EntryNotReadable', `${dn} was created but cannot be read back.`);
    const state = await stateOf(entry, Object.keys(values));
    (await locator()).remember(state.id, entry.dn);
    return state;
  }

  async function update(
    type: ObjectType,
    id: string,
    changes: Parameters<TargetConnector['update']>[2],
  ): Promise<void> {
    const c = await config();
    const cat = await catalog();
    const memberChanges = changes.filter((ch) => type === 'Group' && ch.path === 'members');
    const plan = planModify(
      changes.filter((ch) => !memberChanges.includes(ch)),
      {
        rdnAttribute: c.rdnAttribute,
        isMultiValued: (attribute) => cat.get(attribute)?.multiValued ?? false,
        isReference: (attribute) => cat.get(attribute)?.type === 'Reference',
      },
    );
    const loc = await locator();
    const readFor = attributesFor(c, plan.active !== null ? [activePath] : []);
    let entry = await loc.get(id, readFor);
    if (plan.newRdnValue !== null || plan.newContainer !== null) {
      const rdn = parseDn(entry.dn)[0];
      const rdnType = rdn?.type ?? c.rdnAttribute;
      const rdnValue = plan.newRdnValue ?? rdn?.value ?? '';
      const container = plan.newContainer ?? parentDn(entry.dn);
      const unchanged = sameDn(buildDn(rdnType, rdnValue, container), entry.dn);
      if (!unchanged) {
        const newDn = await rename(entry.dn, rdnType, rdnValue, container);
        loc.remember(id, newDn);
        entry = await loc.get(id, readFor);
      }
    }
    const modifications = [...plan.modifications];
    for (const reference of plan.references) {
      const dns = reference.ids.length > 0 ? await resolveReferenceValues(reference.ids) : [];
      modifications.push(
        dns.length === 0
          ? { operation: 'delete', attribute: reference.attribute, values: [] }
          : {
              operation: 'replace',
              attribute: reference.attribute,
              values: reference.multi ? dns : dns.slice(0, 1),
            },
      );
    }
    if (plan.active !== null) modifications.push(...(await activeModifications(c, type, entry, plan.active)));
    // A delete of an attribute that is already absent fails (noSuchAttribute): only delete what is there.
    const present = await presentAttributes(entry.dn, modifications);
    await modify(
      entry.dn,
      modifications.filter(
        (m) => m.operation !== 'delete' || m.values.length > 0 || present.has(m.attribute.toLowerCase()),
      ),
    );
    for (const ch of memberChanges) {
      const before = wireValues(ch.oldValue);
      const after = wireValues(ch.newValue);
      await modifyMembers(
        id,
        after.filter((m) => !before.includes(m)),
        ch.addOnly ? [] : before.filter((m) => !after.includes(m)),
      );
    }
  }

  async function presentAttributes(dn: string, modifications: readonly Modification[]): Promise<Set<string>> {
    const whole = modifications
      .filter((m) => m.operation === 'delete' && m.values.length === 0)
      .map((m) => m.attribute);
    if (whole.length === 0) return new Set();
    const entry = await (await session()).readEntry(dn, whole);
    return new Set(entry ? [...entry.attributes.keys()] : []);
  }

  async function setActive(type: ObjectType, id: string, active: boolean): Promise<void> {
    if (type !== 'User') return;
    const c = await config();
    const entry = await (await locator()).get(id, attributesFor(c, [activePath]));
    await modify(entry.dn, await activeModifications(c, type, entry, active));
  }

  async function remove(_type: ObjectType, id: string): Promise<void> {
    const loc = await locator();
    try {
      const dn = await loc.dnOf(id);
      const s = await session();
      await classified({ operation: 'delete', dn }, () => s.client.del(dn));
      loc.forget(id);
    } catch (error) {
      // Already gone is what we wanted.
      if (isConnectorError(error) && error.errorClass === 'notFound') return;
      throw error;
    }
  }

  async function modifyMembers(
    groupId: string,
    add: readonly string[],
    removeIds: readonly string[],
  ): Promise<void> {
    if (add.length === 0 && removeIds.length === 0) return;
    const c = await config();
    const s = await session();
    const loc = await locator();
    const group = await loc.get(groupId, ['member', 'objectClass']);
    const current = new Set(
      (await memberDnsOf(group, (dn, description) => s.readEntry(dn, [description]))).map(normalizeDn),
    );
    const addDns = await resolveReferenceValues(add);
    // Members already gone from the directory need no removal.
    const removeDns = [...(await loc.dnsOf(removeIds)).values()];
    const toAdd = [
      ...new Map(
        addDns.filter((dn) => !current.has(normalizeDn(dn))).map((dn) => [normalizeDn(dn), dn]),
      ).values(),
    ];
    const toRemove = removeDns.filter((dn) => current.has(normalizeDn(dn)));
    const placeholder = needsPlaceholderMember(c, textsOf(group, 'objectClass'));
    const hasPlaceholder =
      current.has(normalizeDn(placeholderMember)) && textsOf(group, 'member').includes(placeholderMember);
    const remaining = current.size - toRemove.length + toAdd.length - (hasPlaceholder ? 1 : 0);
    const batches: Modification[][] = [];
    for (const part of chunks(toAdd, maxOperations))
      batches.push([{ operation: 'add', attribute: 'member', values: part }]);
    for (const part of chunks(toRemove, maxOperations))
      batches.push([{ operation: 'delete', attribute: 'member', values: part }]);
    if (placeholder && hasPlaceholder && toAdd.length > 0) {
      // The placeholder goes once a real member is in (the first batch adds one).
      batches[0]?.push({ operation: 'delete', attribute: 'member', values: [placeholderMember] });
    }
    if (placeholder && remaining <= 0 && toRemove.length > 0) {
      // groupOfNames must keep a member: the last removal puts the placeholder back in the same request.
      batches[batches.length - 1]?.unshift({
        operation: 'add',
        attribute: 'member',
        values: [placeholderMember],
      });
    }
    for (const batch of batches) await modify(group.dn, batch);
  }

  async function testConnection(check: {
    userMatchPath: string;
    groups: boolean;
  }): Promise<ConnectionTestResult> {
    const result = await testLdapConnection(
      settings,
      credentials,
      (root) => {
        const c = targetConfig(root.serverType, settings);
        return [
          { label: 'Base DN', base: settings.baseDn },
          ...(c.container.User ? [{ label: 'User container', base: c.container.User }] : []),
          ...(check.groups && c.container.Group && c.container.Group !== c.container.User
            ? [{ label: 'Group container', base: c.container.Group }]
            : []),
        ];
      },
      options.timeoutMs,
    );
    // The session a cycle then writes through: it also tells capabilities() the server type.
    if (result.ok) await session().catch(() => undefined);
    if (result.ok && (virtualPaths.has(check.userMatchPath) || !isAttributeName(check.userMatchPath))) {
      return {
        ...result,
        ok: false,
        summary: `"${check.userMatchPath}" cannot be used to match LDAP entries.`,
        error: {
          code: 'InvalidMatchingAttribute',
          message: `Match users on a directory attribute, not "${check.userMatchPath}".`,
        },
      };
    }
    return result;
  }

  async function discover(): Promise<TargetDiscovery> {
    const c = await config();
    const cat = await catalog();
    const flavour = c.serverType === 'activeDirectory' ? 'activeDirectory' : 'inetOrgPerson';
    return {
      schema: discoveredTargetSchema(cat, flavour, c.objectClasses.User),
      capabilities: { softDelete: c.disable.kind !== 'none', groups: true, maxOperations },
      details: [
        { label: 'Creates users in', value: c.container.User ?? '(no container set)' },
        { label: 'RDN', value: `${c.rdnAttribute}=<value>` },
        { label: 'Object classes', value: c.objectClasses.User.join(', ') },
        {
          label: 'Disable',
          value:
            c.disable.kind === 'userAccountControl'
              ? 'userAccountControl bit 2 (ACCOUNTDISABLE)'
              : c.disable.kind === 'attribute'
                ? `${c.disable.attribute}: ${c.disable.value}`
                : 'not configured (disables become deletes)',
        },
      ],
    };
  }

  // Each call passes the gate as one: its own operations in a row (a create's add and its read-back,
  // a membership change's batches of modifies) hold one slot, so the directory sees at most
  // maxConcurrency operations at once.
  // listAll is not gated: it runs alone, before a phase's objects start.
  const gate = options.maxConcurrency !== undefined ? createOperationGate(options.maxConcurrency) : null;
  const gated = <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    gate ? (...args: A) => gate.run(() => call(...args)) : call;

  return {
    capabilities,
    testConnection,
    discover,
    find: gated(find),
    get: gated(get),
    create: gated(create),
    update: gated(update),
    setActive: gated(setActive),
    delete: gated(remove),
    modifyMembers: gated(modifyMembers),
    ...(gate ? { limitsConcurrency: true } : {}),
    listAll: (type, paths) =>
      listEntries(
        {
          session,
          config,
          attributesFor,
          stateOf,
          idOf: async (entry) => (await locator()).idOf(entry),
          ...(options.listPageSize !== undefined ? { pageSize: options.listPageSize } : {}),
        },
        type,
        paths,
      ),
    async close() {
      const pending = sessionPromise;
      sessionPromise = null;
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}
