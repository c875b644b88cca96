/**
 * The engine's attribute changes → LDAP operations (pure, so it is tested without a server):
 * single-valued attributes are replaced, multi-valued ones get add and delete of just the values that
 * changed, a cleared attribute is deleted, MultiValueAddOnly adds what is missing. A change of the
 * RDN attribute becomes a rename, a change of `__container` a move (both one modifyDN); `active`
 * becomes the disable attribute's change. References arrive as target ids and are resolved to DNs
 * by the caller.
 */
import type { TargetValue } from '@shared/domain/schema';
import type { AttributeChange } from '../connector';
import { sameDn } from './dn';
import { activePath, containerPath, dnPath } from './target-config';

export interface Modification {
  operation: 'add' | 'delete' | 'replace';
  attribute: string;
  /** Empty with `delete`: the whole attribute. */
  values: string[];
}

export interface ModifyPlan {
  modifications: Modification[];
  /** New value of the RDN attribute (a rename), or null. */
  newRdnValue: string | null;
  /** New parent container (a move), or null. */
  newContainer: string | null;
  /** Enable (true) / disable (false), or null for no change. */
  active: boolean | null;
  /** Reference-typed changes: path → target ids, to resolve to DNs before sending. */
  references: { attribute: string; ids: string[]; multi: boolean }[];
}

/** A target value as LDAP strings (booleans as TRUE/FALSE, RFC 4517 §3.3.3). */
export function wireValues(value: TargetValue): string[] {
  if (value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)))
    .filter((v) => v !== '');
}

function lowerSet(values: readonly string[]): Set<string> {
  return new Set(values.map((v) => v.toLowerCase()));
}

export interface PlanContext {
  rdnAttribute: string;
  /** True when the directory's schema says the attribute holds several values. */
  isMultiValued(attribute: string): boolean;
  /** True for DN-syntax attributes whose new values are target ids. */
  isReference(attribute: string): boolean;
}

export function planModify(changes: readonly AttributeChange[], context: PlanContext): ModifyPlan {
  const plan: ModifyPlan = {
    modifications: [],
    newRdnValue: null,
    newContainer: null,
    active: null,
    references: [],
  };
  for (const change of changes) {
    const path = change.path;
    if (path === dnPath) continue; // read-only: the DN follows from the RDN and the container
    if (path === activePath) {
      plan.active = change.newValue === true || String(change.newValue).toLowerCase() === 'true';
      continue;
    }
    if (path === containerPath) {
      const next = wireValues(change.newValue)[0];
      const previous = wireValues(change.oldValue)[0];
      if (next && !(previous && sameDn(previous, next))) plan.newContainer = next;
      continue;
    }
    if (path.toLowerCase() === context.rdnAttribute.toLowerCase()) {
      const next = wireValues(change.newValue)[0];
      if (next) plan.newRdnValue = next;
      continue;
    }
    const multi = context.isMultiValued(path);
    const next = wireValues(change.newValue);
    if (change.reference || context.isReference(path)) {
      plan.references.push({ attribute: path, ids: next, multi });
      continue;
    }
    if (next.length === 0) {
      plan.modifications.push({ operation: 'delete', attribute: path, values: [] });
      continue;
    }
    if (change.addOnly) {
      plan.modifications.push({ operation: 'add', attribute: path, values: next });
      continue;
    }
    const before = wireValues(change.oldValue);
    if (!multi || before.length === 0) {
      plan.modifications.push({ operation: 'replace', attribute: path, values: next });
      continue;
    }
    const had = lowerSet(before);
    const wants = lowerSet(next);
    const added = next.filter((v) => !had.has(v.toLowerCase()));
    const removed = before.filter((v) => !wants.has(v.toLowerCase()));
    if (removed.length > 0)
      plan.modifications.push({ operation: 'delete', attribute: path, values: removed });
    if (added.length > 0) plan.modifications.push({ operation: 'add', attribute: path, values: added });
  }
  return plan;
}
