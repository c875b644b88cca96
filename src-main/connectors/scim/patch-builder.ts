/**
 * PATCH operations (provisioning-behaviour.md §17.4). The op is chosen from the target's current
 * value: absent → add, present → replace, "" → remove. One operation per changed path, except that
 * several sub-attributes of one missing typed element travel as one element (two separate adds would
 * create two work addresses). The dialect (dialects.ts) decides casing and Entra's shapes; the
 * E-numbers below are the items of docs/scim-dialects.md.
 */
import type { AttributeChange } from '../connector';
import type { TargetValue } from '@shared/domain/schema';
import type { ScimProfile } from './bodies';
import { rulesOf } from './dialects';
import type { JsonObject } from './json';
import {
  elementPathText,
  isComplexMultiValued,
  isManagerPath,
  newElement,
  parseAttributePath,
  wireValue,
  type AttributePath,
} from './paths';

export const patchOpSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

export interface PatchContext {
  profile: ScimProfile;
  /** `<base>/Users`, without query: entra-legacy writes the manager as a `$ref` to it (E14). */
  usersUrl: string;
}

type OpKind = 'add' | 'replace' | 'remove';

/** E16: RFC casing, or Entra's default capitals (`Add`, `Replace`, `Remove`). */
export function opName(kind: OpKind, profile: ScimProfile): string {
  return rulesOf(profile).opCase === 'capitalised' ? kind.charAt(0).toUpperCase() + kind.slice(1) : kind;
}

export function patchBody(operations: readonly PatchOperation[]): JsonObject {
  return { schemas: [patchOpSchema], Operations: operations };
}

function isEmpty(value: TargetValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function asList(value: TargetValue): string[] {
  if (value === null || value === '') return [];
  return Array.isArray(value) ? value : [String(value)];
}

function missingValues(newValue: string[], oldValue: TargetValue): string[] {
  const old = asList(oldValue).map((v) => v.toLowerCase());
  return newValue.filter((v) => !old.includes(v.toLowerCase()));
}

/** `active` (§17.4, E23): a JSON boolean, or the string "True"/"False" in entra-legacy. */
export function activeOperation(active: boolean, profile: ScimProfile): PatchOperation {
  return {
    op: opName('replace', profile),
    path: 'active',
    value: rulesOf(profile).activeValue === 'string' ? (active ? 'True' : 'False') : active,
  };
}

function isActivePath(path: AttributePath): boolean {
  return path.schema === null && path.attribute.toLowerCase() === 'active' && path.subAttribute === null;
}

function roleElement(value: string, profile: ScimProfile): JsonObject {
  // Entra's legacy form packs each role into a JSON-encoded string (§19).
  if (rulesOf(profile).roleValue === 'jsonString')
    return { value: JSON.stringify({ id: value, value, displayName: value }) };
  return { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: value, value };
}

function listWireValue(path: AttributePath, values: string[], profile: ScimProfile): unknown {
  if (path.schema === null && path.attribute.toLowerCase() === 'roles' && path.subAttribute === null) {
    return values.map((value) => roleElement(value, profile));
  }
  return wireValue(path, values);
}

function typedElements(path: AttributePath, values: string[]): JsonObject[] {
  const sub = path.subAttribute ?? 'value';
  return values.map((value) => ({ ...newElement(path), [sub]: value }));
}

function referenceOperation(
  path: AttributePath,
  id: string,
  oldValue: TargetValue,
  context: PatchContext,
): PatchOperation {
  const style = isManagerPath(path) ? rulesOf(context.profile).manager : 'urnObject';
  if (style === 'legacyRef') {
    return {
      op: opName('add', context.profile),
      path: 'manager',
      value: [{ $ref: `${context.usersUrl}/${id}`, value: id }],
    };
  }
  if (style === 'urnString') {
    // E14 with the flag: the id itself under the URN path, `add` while the user has no manager.
    return { op: opName(isEmpty(oldValue) ? 'add' : 'replace', context.profile), path: path.text, value: id };
  }
  return { op: opName('replace', context.profile), path: path.text, value: { value: id } };
}

/**
 * E17 with `aadOptscim062020`: plain replaces (no filter, one value, not `active`, not a reference)
 * travel as one path-less replace whose value maps each path to its value. One alone keeps its path:
 * the flag changes "requests to replace multiple attributes".
 */
function foldReplaces(operations: PatchOperation[], foldable: ReadonlySet<PatchOperation>): PatchOperation[] {
  const folded = operations.filter((operation) => foldable.has(operation));
  if (folded.length < 2) return operations;
  const value: JsonObject = {};
  for (const operation of folded) value[operation.path ?? ''] = operation.value;
  const rest = operations.filter((operation) => !foldable.has(operation));
  return [...rest, { op: folded[0]?.op ?? 'replace', value }];
}

/**
 * The operations for a set of attribute changes. Changes whose old and new values leave nothing to
 * do (a clear of an absent value, an add-only list with nothing missing) produce no operation.
 */
export function buildAttributeOperations(
  changes: readonly AttributeChange[],
  context: PatchContext,
): PatchOperation[] {
  const { profile } = context;
  const rules = rulesOf(profile);
  const operations: PatchOperation[] = [];
  // Replaces the entra-2020 dialect may fold into one path-less replace (E17).
  const foldable = new Set<PatchOperation>();
  // Missing typed elements being added in this PATCH, by element path, so their sub-attributes merge.
  const pendingElements = new Map<string, JsonObject>();

  for (const change of changes) {
    const path = parseAttributePath(change.path);
    const { oldValue, newValue } = change;

    if (isEmpty(newValue)) {
      if (isEmpty(oldValue)) continue;
      const clearsElement = path.filter !== null && (path.subAttribute ?? 'value').toLowerCase() === 'value';
      operations.push({
        op: opName('remove', profile),
        path: clearsElement ? elementPathText(path) : path.text,
      });
      continue;
    }

    if (change.reference && !Array.isArray(newValue)) {
      operations.push(referenceOperation(path, String(newValue), oldValue, context));
      continue;
    }

    if (isActivePath(path) && typeof newValue === 'boolean') {
      operations.push(activeOperation(newValue, profile));
      continue;
    }

    if (Array.isArray(newValue)) {
      const values = change.addOnly ? missingValues(newValue, oldValue) : newValue;
      if (values.length === 0) continue;
      if (path.filter) {
        const attribute = elementPathText({ ...path, filter: null, subAttribute: null });
        if (!change.addOnly && !isEmpty(oldValue)) {
          // Replacing a typed list: drop the old elements of that type, then add the new ones.
          operations.push({ op: opName('remove', profile), path: elementPathText(path) });
        }
        operations.push({ op: opName('add', profile), path: attribute, value: typedElements(path, values) });
        continue;
      }
      const kind: OpKind = change.addOnly || isEmpty(oldValue) ? 'add' : 'replace';
      operations.push({
        op: opName(kind, profile),
        path: path.text,
        value: listWireValue(path, values, profile),
      });
      continue;
    }

    if (path.filter && isEmpty(oldValue) && rules.missingTypedElement === 'path') {
      // E19: Entra sends the filtered path although the element does not exist yet.
      operations.push({ op: opName('add', profile), path: path.text, value: newValue });
      continue;
    }

    if (path.filter && isEmpty(oldValue)) {
      // Typed element missing: add the element itself (§17.4), merged with its siblings in this PATCH.
      const key = elementPathText(path).toLowerCase();
      const sub = path.subAttribute ?? 'value';
      const pending = pendingElements.get(key);
      if (pending) {
        pending[sub] = newValue;
        continue;
      }
      const element: JsonObject = { ...newElement(path), [sub]: newValue };
      pendingElements.set(key, element);
      operations.push({
        op: opName('add', profile),
        path: elementPathText({ ...path, filter: null, subAttribute: null }),
        value: [element],
      });
      continue;
    }

    const kind: OpKind = isEmpty(oldValue) ? 'add' : 'replace';
    const wrapsElement = path.filter === null && path.subAttribute === null && isComplexMultiValued(path);
    const value = wrapsElement ? [{ value: newValue }] : wireValue(path, newValue);
    const operation: PatchOperation = { op: opName(kind, profile), path: path.text, value };
    operations.push(operation);
    const plain = path.filter === null && !wrapsElement && !isActivePath(path) && !isManagerPath(path);
    if (kind === 'replace' && plain) foldable.add(operation);
  }
  return rules.foldReplaces ? foldReplaces(operations, foldable) : operations;
}

/**
 * Membership PATCH bodies: adds and removes share requests, each carrying at most `perRequest`
 * member values, so k changes take ⌈k / perRequest⌉ requests (§17.4).
 */
export function buildMemberPatchBodies(
  add: readonly string[],
  remove: readonly string[],
  perRequest: number,
  profile: ScimProfile,
): JsonObject[] {
  return buildMemberPatches(add, remove, perRequest, profile).map(patchBody);
}

/** The operations of each membership request (see buildMemberPatchBodies). */
export function buildMemberPatches(
  add: readonly string[],
  remove: readonly string[],
  perRequest: number,
  profile: ScimProfile,
): PatchOperation[][] {
  const rules = rulesOf(profile);
  const size = Math.max(1, Math.floor(perRequest));
  const changes = [
    ...add.map((id) => ({ kind: 'add' as const, id })),
    ...remove.map((id) => ({ kind: 'remove' as const, id })),
  ];
  const requests: PatchOperation[][] = [];
  for (let start = 0; start < changes.length; start += size) {
    const chunk = changes.slice(start, start + size);
    const adds = chunk.filter((c) => c.kind === 'add').map((c) => c.id);
    const removes = chunk.filter((c) => c.kind === 'remove').map((c) => c.id);
    const operations: PatchOperation[] = [];
    if (adds.length > 0) {
      // E21: Entra's tutorial sends `"$ref": null` beside each member id.
      const members = adds.map((id) => (rules.memberAddRef ? { $ref: null, value: id } : { value: id }));
      operations.push(
        rules.memberAdd === 'valueObject'
          ? { op: opName('add', profile), value: { members } }
          : { op: opName('add', profile), path: 'members', value: members },
      );
    }
    if (removes.length > 0) {
      if (rules.memberRemove === 'valueList') {
        // E22 default: on a strict server this shape means "remove all"; apps built for Entra expect it.
        operations.push({
          op: opName('remove', profile),
          path: 'members',
          value: removes.map((id) => ({ value: id })),
        });
      } else {
        for (const id of removes) {
          operations.push({ op: opName('remove', profile), path: `members[value eq ${JSON.stringify(id)}]` });
        }
      }
    }
    requests.push(operations);
  }
  return requests;
}

/**
 * Whether sending these operations twice leaves the target as sending them once. `replace` and
 * `remove` do; so does `add` of a single value (it sets the attribute). `add` of a list appends to a
 * multi-valued attribute (members, emails, roles) — a repeat could duplicate values on servers that
 * keep duplicates — and a path-less `add` may carry such lists, so neither is idempotent.
 */
export function isIdempotentPatch(operations: readonly PatchOperation[]): boolean {
  return operations.every((operation) => {
    const op = operation.op.toLowerCase();
    if (op === 'replace' || op === 'remove') return true;
    return op === 'add' && operation.path !== undefined && !Array.isArray(operation.value);
  });
}
