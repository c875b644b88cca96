/**
 * What differs between the request dialects, in one table (docs/scim-dialects.md lists the E-items
 * each row reproduces). The request-shape code asks this table instead of testing dialect names, so
 * a new dialect is one row, and a reader sees every difference side by side.
 */
import type { ScimDialect } from '@shared/domain/scim-dialect';

export interface DialectRules {
  /** E16: `add`/`replace`/`remove` (RFC 7644) or Entra's default `Add`/`Replace`/`Remove`. */
  opCase: 'lower' | 'capitalised';
  /** E23: disable/enable as a JSON boolean, or as the string "False"/"True". */
  activeValue: 'boolean' | 'string';
  /**
   * E17, E19: a single value under a filtered path (`emails[type eq "work"].value`) whose element is
   * missing. `element`: add the element itself (RFC-safe); `path`: send the filtered path anyway, as
   * Entra does, and let the server create the element.
   */
  missingTypedElement: 'element' | 'path';
  /** E17 with `aadOptscim062020`: several plain replaces travel as one path-less replace with a value map. */
  foldReplaces: boolean;
  /** E21: each added member as `{ value }` or with Entra's `"$ref": null`. */
  memberAddRef: boolean;
  /**
   * How members are added: `path` is RFC 7644's usual `{ op: add, path: members, value: [...] }`;
   * `valueObject` is the path-less form `{ op: add, value: { members: [...] } }` (also RFC 7644
   * §3.5.2.1: no path means the resource itself), the only shape Salesforce documents.
   */
  memberAdd: 'path' | 'valueObject';
  /** E22: one `members[value eq "id"]` removal per member, or Entra's `path: members` with a value list. */
  memberRemove: 'filteredPath' | 'valueList';
  /**
   * E14: the manager as the enterprise URN path with `{ value: id }` (RFC 7643), Entra's default
   * `Add manager [{ $ref, value }]`, or the plain id string under the URN path (with the flag).
   */
  manager: 'urnObject' | 'legacyRef' | 'urnString';
  /** Role values as RFC objects, or Entra's default JSON-encoded string inside `value`. */
  roleValue: 'object' | 'jsonString';
  /** E12, E15: `meta.resourceType` in create bodies. */
  createMeta: boolean;
  /** E12: the enterprise User schema is listed in every create body, used or not. */
  alwaysEnterpriseSchema: boolean;
  /** E12: custom extension URNs are listed in `schemas` (Entra leaves them out). */
  customExtensionSchemas: boolean;
  /** E15: Entra's non-standard ADSCIM group schema URI in group create bodies. */
  adscimGroupSchema: boolean;
}

const scim2: DialectRules = {
  opCase: 'lower',
  activeValue: 'boolean',
  missingTypedElement: 'element',
  foldReplaces: false,
  memberAddRef: false,
  memberAdd: 'path',
  memberRemove: 'filteredPath',
  manager: 'urnObject',
  roleValue: 'object',
  createMeta: false,
  alwaysEnterpriseSchema: false,
  customExtensionSchemas: true,
  adscimGroupSchema: false,
};

/** Create bodies are the same with and without the flag; it changes PATCH only (compat page). */
const entraCreateBodies = {
  createMeta: true,
  alwaysEnterpriseSchema: true,
  customExtensionSchemas: false,
  adscimGroupSchema: true,
} as const;

export const dialectRules: Readonly<Record<ScimDialect, DialectRules>> = {
  scim2,
  // RFC 7644 in every request but the member add (docs/app-profiles.md, Salesforce's quirks).
  salesforce: { ...scim2, memberAdd: 'valueObject' },
  'entra-2020': {
    ...entraCreateBodies,
    opCase: 'lower',
    activeValue: 'boolean',
    missingTypedElement: 'path',
    foldReplaces: true,
    memberAddRef: true,
    memberAdd: 'path',
    memberRemove: 'filteredPath',
    manager: 'urnString',
    // Not documented for the flag: RFC objects, which is what "compliant" means.
    roleValue: 'object',
  },
  'entra-legacy': {
    ...entraCreateBodies,
    opCase: 'capitalised',
    activeValue: 'string',
    missingTypedElement: 'path',
    foldReplaces: false,
    memberAddRef: true,
    memberAdd: 'path',
    memberRemove: 'valueList',
    manager: 'legacyRef',
    roleValue: 'jsonString',
  },
};

export function rulesOf(dialect: ScimDialect): DialectRules {
  return dialectRules[dialect];
}
