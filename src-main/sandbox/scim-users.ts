import { randomUUID } from 'node:crypto';
import { SCIMMY } from 'scimmy-routers';
import { planFilter, userIndexedAttributes } from './equality-query';
import { UniquenessError, type JsonObject, type Page, type UserRecord } from './records';
import { contextOf, scimError, type ScimContext } from './scim-context';
import { filterBranches, listResponse, pageRequest, scanPage } from './scim-list';

type UserResource = InstanceType<typeof SCIMMY.Resources.User>;

/**
 * SCIMMY's User resource with the list read done here: filters that are plain `eq` on an indexed
 * column become SQL, and pages are cut by SQL rather than by materialising every user.
 */
export class SandboxUserResource extends SCIMMY.Resources.User {
  override async read(ctx?: unknown) {
    if (this.id) return super.read(ctx);
    return listUsers(this, contextOf(ctx));
  }
}

function listUsers(resource: UserResource, context: ScimContext) {
  const page = pageRequest(resource.constraints);
  const branches = filterBranches(resource.filter, context.literals);
  const plan = planFilter(branches, userIndexedAttributes);
  let found: Page<JsonObject>;
  if (plan.kind === 'scan' && branches !== undefined) {
    found = scanPage(branches, context.store.users.all(), toScimUser, page);
  } else {
    const rows = context.store.users.page(plan.kind === 'indexed' ? plan.anyOf : [], page.offset, page.limit);
    found = { total: rows.total, items: rows.items.map(toScimUser) };
  }
  const basepath = userBasepath();
  const resources = found.items.map(
    (user) => new SCIMMY.Schemas.User(user, 'out', basepath, resource.attributes),
  );
  return listResponse(resources, found.total, page);
}

export function egressUser(resource: UserResource, ctx: unknown): JsonObject {
  const { store } = contextOf(ctx);
  if (!resource.id) throw scimError(500, undefined, 'User lists are read by SandboxUserResource');
  const user = store.users.get(resource.id);
  if (!user) throw scimError(404, undefined, `User ${resource.id} not found`);
  return toScimUser(user);
}

/** Creates (POST) or replaces (PUT, and the result of a PATCH) a user. */
export function ingressUser(resource: UserResource, instance: unknown, ctx: unknown): JsonObject {
  const { store, now } = contextOf(ctx);
  const attributes = acceptedAttributes(instance);
  const fields = {
    userName: String(attributes.userName),
    externalId: optionalString(attributes.externalId),
    displayName: optionalString(attributes.displayName),
    active: attributes.active !== false,
  };
  try {
    if (resource.id) {
      const existing = store.users.get(resource.id);
      if (!existing) throw scimError(404, undefined, `User ${resource.id} not found`);
      const next: UserRecord = { ...existing, ...fields, attributes, lastModified: now() };
      if (
        JSON.stringify({ ...existing, lastModified: '' }) === JSON.stringify({ ...next, lastModified: '' })
      ) {
        return toScimUser(existing);
      }
      store.users.update(next);
      return toScimUser(next);
    }
    const at = now();
    const user: UserRecord = { id: randomUUID(), ...fields, attributes, created: at, lastModified: at };
    store.users.insert(user);
    return toScimUser(user);
  } catch (error) {
    if (error instanceof UniquenessError) throw scimError(409, 'uniqueness', error.message);
    throw error;
  }
}

export function degressUser(resource: UserResource, ctx: unknown): void {
  const { store } = contextOf(ctx);
  if (!resource.id || !store.users.delete(resource.id)) {
    throw scimError(404, undefined, `User ${resource.id ?? ''} not found`);
  }
}

export function toScimUser(user: UserRecord): JsonObject {
  return {
    ...user.attributes,
    id: user.id,
    meta: { resourceType: 'User', created: user.created, lastModified: user.lastModified },
  };
}

/**
 * The resource as SCIMMY accepted it (already checked against the schema), as plain JSON. id and meta
 * belong to the sandbox; a password is never kept. A user sent without `active` is active.
 */
function acceptedAttributes(instance: unknown): JsonObject {
  const {
    id: _id,
    meta: _meta,
    password: _password,
    ...attributes
  } = JSON.parse(JSON.stringify(instance)) as JsonObject;
  return { ...attributes, active: attributes.active ?? true };
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function userBasepath(): string | undefined {
  const basepath = SCIMMY.Resources.User.basepath();
  return typeof basepath === 'string' ? basepath : undefined;
}
