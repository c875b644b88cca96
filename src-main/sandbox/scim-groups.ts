import { randomUUID } from 'node:crypto';
import { SCIMMY } from 'scimmy-routers';
import { groupIndexedAttributes, planFilter } from './equality-query';
import {
  UniquenessError,
  type GroupRecord,
  type JsonObject,
  type MemberRecord,
  type MemberType,
  type Page,
} from './records';
import { selectsMembers } from './attribute-selection';
import { membershipChanges, type MembershipChange } from './member-patch';
import { contextOf, scimError, type ScimContext } from './scim-context';
import { filterBranches, listResponse, pageRequest, scanPage } from './scim-list';

type GroupResource = InstanceType<typeof SCIMMY.Resources.Group>;

type PatchMessage = Parameters<GroupResource['patch']>[0];
// The same message; SCIMMY's typings spell `schemas` as an array here and as a 1-tuple there.
type PatchOpRequest = ConstructorParameters<typeof SCIMMY.Messages.PatchOp>[0];

/**
 * SCIMMY's Group resource with the list read done here (see SandboxUserResource), and member-only
 * PATCH requests applied straight to the memberships table (see member-patch.ts).
 */
export class SandboxGroupResource extends SCIMMY.Resources.Group {
  override async read(ctx?: unknown) {
    if (this.id) return super.read(ctx);
    return listGroups(this, contextOf(ctx));
  }

  override async patch(message: PatchMessage, ctx?: unknown) {
    // PatchOp validates the message (schemas, op names) exactly as SCIMMY's own patch would.
    const changes = this.id
      ? membershipChanges(new SCIMMY.Messages.PatchOp(message as PatchOpRequest).Operations)
      : null;
    if (!this.id || !changes || changes.length === 0) return super.patch(message, ctx);
    applyMembershipChanges(this.id, changes, contextOf(ctx));
    // Resolving to nothing makes scimmy-routers answer 204, as it does when SCIMMY's own patch finds
    // nothing changed; SCIMMY's typings leave that case out, hence the cast.
    return undefined as unknown as SCIMMY.Schemas.Group;
  }
}

/** All or nothing: a failed operation rolls back the ones before it (RFC 7644 §3.5.2). */
function applyMembershipChanges(
  groupId: string,
  changes: readonly MembershipChange[],
  context: ScimContext,
): void {
  const { store, now } = context;
  store.transaction(() => {
    if (!store.groups.get(groupId)) throw scimError(404, undefined, `Group ${groupId} not found`);
    let changed = false;
    for (const change of changes) {
      changed =
        (change.kind === 'add'
          ? store.groups.addMember(groupId, change.id, memberKind(change.id, groupId, context))
          : store.groups.removeMember(groupId, change.id)) || changed;
    }
    if (changed) store.groups.touch(groupId, now());
  });
}

function listGroups(resource: GroupResource, context: ScimContext) {
  const { store, baseUrl } = context;
  const page = pageRequest(resource.constraints);
  const branches = filterBranches(resource.filter, context.literals);
  const plan = planFilter(branches, groupIndexedAttributes);
  const withMembers = membersWanted(context);
  let found: Page<JsonObject>;
  if (plan.kind === 'scan' && branches !== undefined) {
    // A scan may filter on members, so it always sees them.
    const toScim = (group: GroupRecord) => toScimGroup(group, store.groups.members(group.id), baseUrl);
    found = scanPage(branches, store.groups.all(), toScim, page);
  } else {
    const rows = store.groups.page(plan.kind === 'indexed' ? plan.anyOf : [], page.offset, page.limit);
    const members = (group: GroupRecord) => (withMembers ? store.groups.members(group.id) : []);
    found = {
      total: rows.total,
      items: rows.items.map((group) => toScimGroup(group, members(group), baseUrl)),
    };
  }
  const basepath = groupBasepath();
  const resources = found.items.map(
    (group) => new SCIMMY.Schemas.Group(group, 'out', basepath, resource.attributes),
  );
  return listResponse(resources, found.total, page);
}

export function egressGroup(resource: GroupResource, ctx: unknown): JsonObject {
  const context = contextOf(ctx);
  if (!resource.id) throw scimError(500, undefined, 'Group lists are read by SandboxGroupResource');
  const group = context.store.groups.get(resource.id);
  if (!group) throw scimError(404, undefined, `Group ${resource.id} not found`);
  const members = membersWanted(context) ? context.store.groups.members(group.id) : [];
  return toScimGroup(group, members, context.baseUrl);
}

/** Creates (POST) or replaces (PUT, and the result of a PATCH) a group and its members. */
export function ingressGroup(resource: GroupResource, instance: unknown, ctx: unknown): JsonObject {
  const context = contextOf(ctx);
  const { store, now, baseUrl } = context;
  const { members: requested, ...attributes } = acceptedAttributes(instance);
  const id = resource.id ?? randomUUID();
  try {
    return store.transaction(() => {
      const existing = resource.id ? store.groups.get(resource.id) : undefined;
      if (resource.id && !existing) throw scimError(404, undefined, `Group ${resource.id} not found`);
      const members = resolveMembers(requested, id, context);
      const at = now();
      const stored: GroupRecord = {
        id,
        displayName: String(attributes.displayName),
        externalId: optionalString(attributes.externalId),
        attributes,
        created: existing?.created ?? at,
        lastModified: existing?.lastModified ?? at,
      };
      // Insert before the memberships that reference it.
      if (!existing) store.groups.insert(stored);
      const membersChanged = store.groups.setMembers(id, members);
      const attributesChanged =
        existing && JSON.stringify(existing.attributes) !== JSON.stringify(attributes);
      const group =
        existing && (membersChanged || attributesChanged) ? { ...stored, lastModified: at } : stored;
      if (group !== stored) store.groups.update(group);
      return toScimGroup(group, store.groups.members(id), baseUrl);
    });
  } catch (error) {
    if (error instanceof UniquenessError) throw scimError(409, 'uniqueness', error.message);
    throw error;
  }
}

export function degressGroup(resource: GroupResource, ctx: unknown): void {
  const { store } = contextOf(ctx);
  if (!resource.id || !store.groups.delete(resource.id)) {
    throw scimError(404, undefined, `Group ${resource.id ?? ''} not found`);
  }
}

export function toScimGroup(
  group: GroupRecord,
  members: readonly MemberRecord[],
  baseUrl: string,
): JsonObject {
  return {
    ...group.attributes,
    id: group.id,
    ...(members.length > 0 ? { members: members.map((member) => toScimMember(member, baseUrl)) } : {}),
    meta: { resourceType: 'Group', created: group.created, lastModified: group.lastModified },
  };
}

function toScimMember(member: MemberRecord, baseUrl: string): JsonObject {
  return {
    value: member.id,
    type: member.type,
    $ref: `${baseUrl}/${member.type}s/${member.id}`,
    ...(member.display !== null ? { display: member.display } : {}),
  };
}

function resolveMembers(requested: unknown, groupId: string, context: ScimContext): Map<string, MemberType> {
  const members = new Map<string, MemberType>();
  for (const member of Array.isArray(requested) ? (requested as unknown[]) : []) {
    const value = typeof member === 'object' && member !== null ? (member as JsonObject).value : undefined;
    if (typeof value !== 'string' || value === '') {
      throw scimError(400, 'invalidValue', 'Every member needs a "value" holding a user or group id');
    }
    members.set(value, memberKind(value, groupId, context));
  }
  return members;
}

/**
 * Every member must be a user or group of this sandbox: a reference to anything else is the
 * provisioning mistake an admin is trying the sandbox to find.
 */
function memberKind(memberId: string, groupId: string, { store }: ScimContext): MemberType {
  if (memberId === groupId) throw scimError(400, 'invalidValue', 'A group cannot be a member of itself');
  const kind = store.groups.kindOf(memberId);
  if (!kind)
    throw scimError(400, 'invalidValue', `Member ${memberId} is not a user or group in this sandbox`);
  return kind;
}

/**
 * Reading members of a large group is the slow part of a group read, so a GET that excludes them
 * (`excludedAttributes=members`, or `attributes=` without members) skips it.
 */
function membersWanted(context: ScimContext): boolean {
  return context.method !== 'GET' || selectsMembers(context.selection);
}

function acceptedAttributes(instance: unknown): JsonObject {
  const { id: _id, meta: _meta, ...attributes } = JSON.parse(JSON.stringify(instance)) as JsonObject;
  return attributes;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function groupBasepath(): string | undefined {
  const basepath = SCIMMY.Resources.Group.basepath();
  return typeof basepath === 'string' ? basepath : undefined;
}
