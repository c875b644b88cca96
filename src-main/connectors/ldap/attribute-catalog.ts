/**
 * What the directory says about its attributes, looked up by any of their names (case-insensitive):
 * the Roster type of each (from its syntax, inherited through SUP), and whether it is multi-valued.
 * Reads type values with it; discovery lists it; the target uses it to tell multi-valued attributes.
 */
import type { AttributeType } from '@shared/domain/schema';
import type { AttributeTypeDescription, ObjectClassDescription } from './schema-descriptions';

export interface CatalogAttribute {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  syntax: string | null;
  operational: boolean;
  readOnly: boolean;
  /** AD's FILETIME integers (accountExpires, pwdLastSet): read as dates. */
  fileTime: boolean;
}

const ldapSyntax = '1.3.6.1.4.1.1466.115.121.1.';

/** RFC 4517 syntax OIDs (and AD's own) → Roster types; anything else is a String. */
const syntaxTypes: Record<string, AttributeType> = {
  [`${ldapSyntax}12`]: 'Reference', // DN
  [`${ldapSyntax}34`]: 'Reference', // Name and Optional UID (uniqueMember)
  [`${ldapSyntax}27`]: 'Integer',
  [`${ldapSyntax}7`]: 'Boolean',
  [`${ldapSyntax}24`]: 'DateTime', // Generalized Time
  [`${ldapSyntax}53`]: 'DateTime', // UTC Time
  [`${ldapSyntax}40`]: 'Binary', // Octet String
  [`${ldapSyntax}5`]: 'Binary',
  [`${ldapSyntax}28`]: 'Binary', // JPEG
  [`${ldapSyntax}8`]: 'Binary', // Certificate
  [`${ldapSyntax}9`]: 'Binary',
  [`${ldapSyntax}10`]: 'Binary',
  [`${ldapSyntax}4`]: 'Binary', // Audio
  [`${ldapSyntax}23`]: 'Binary', // Fax
  '1.2.840.113556.1.4.906': 'Integer', // AD Large Integer
  '1.2.840.113556.1.4.907': 'Binary', // AD security descriptor
  '1.2.840.113556.1.4.903': 'String', // AD DN-Binary
  '1.2.840.113556.1.4.904': 'String', // AD DN-String
};

/** AD attributes whose Large Integer values are FILETIMEs. */
const fileTimeNames = new Set([
  'accountexpires',
  'pwdlastset',
  'lockouttime',
  'lastlogon',
  'lastlogontimestamp',
  'badpasswordtime',
  'lastlogoff',
  'msds-userpasswordexpirytimecomputed',
]);

/** Rendered as text by Roster although their syntax is binary (see ad-values.ts). */
const renderedAsText = new Set(['objectguid', 'objectsid', 'sidhistory', 'msexchmailboxguid']);

export class AttributeCatalog {
  private readonly byName = new Map<string, CatalogAttribute>();
  private readonly classes = new Map<string, ObjectClassDescription>();

  constructor(types: readonly AttributeTypeDescription[], classes: readonly ObjectClassDescription[] = []) {
    const byKey = new Map<string, AttributeTypeDescription>();
    for (const t of types) {
      byKey.set(t.oid, t);
      for (const n of t.names) byKey.set(n.toLowerCase(), t);
    }
    const syntaxOf = (t: AttributeTypeDescription): string | null => {
      let current: AttributeTypeDescription | undefined = t;
      for (let depth = 0; current && depth < 10; depth++) {
        if (current.syntax) return current.syntax;
        current = current.sup ? (byKey.get(current.sup.toLowerCase()) ?? byKey.get(current.sup)) : undefined;
      }
      return null;
    };
    for (const t of types) {
      const name = t.names[0] ?? t.oid;
      const lower = name.toLowerCase();
      const syntax = syntaxOf(t);
      const fileTime = fileTimeNames.has(lower);
      let type: AttributeType = (syntax && syntaxTypes[syntax]) || 'String';
      if (fileTime) type = 'DateTime';
      if (renderedAsText.has(lower)) type = 'String';
      const entry: CatalogAttribute = {
        name,
        type,
        multiValued: !t.singleValue,
        syntax,
        operational: t.usage !== 'userApplications',
        readOnly: t.noUserModification,
        fileTime,
      };
      for (const n of [...t.names, t.oid]) this.byName.set(n.toLowerCase(), entry);
    }
    for (const c of classes) for (const n of c.names) this.classes.set(n.toLowerCase(), c);
  }

  get(name: string): CatalogAttribute | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** One entry per attribute type (aliases folded). */
  all(): CatalogAttribute[] {
    return [...new Set(this.byName.values())];
  }

  /** Names of every attribute whose values are bytes, for ldapts' explicitBufferAttributes. */
  binaryNames(): string[] {
    const names = new Set<string>(['objectGUID', 'objectSid', 'sIDHistory']);
    for (const a of this.all())
      if (a.type === 'Binary' || renderedAsText.has(a.name.toLowerCase())) names.add(a.name);
    return [...names];
  }

  /** MUST and MAY attributes of an object class and its superclasses. */
  attributesOfClass(name: string): { must: string[]; may: string[] } {
    const must = new Set<string>();
    const may = new Set<string>();
    const seen = new Set<string>();
    const visit = (className: string) => {
      const key = className.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const c = this.classes.get(key);
      if (!c) return;
      c.must.forEach((a) => must.add(a));
      c.may.forEach((a) => may.add(a));
      c.sup.forEach(visit);
    };
    visit(name);
    return { must: [...must], may: [...may].filter((a) => !must.has(a)) };
  }

  hasClass(name: string): boolean {
    return this.classes.has(name.toLowerCase());
  }
}
