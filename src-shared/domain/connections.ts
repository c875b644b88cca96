import { z } from 'zod';

export const connectionKinds = ['csv', 'ldap', 'scim'] as const;
export type ConnectionKind = (typeof connectionKinds)[number];

const nonBlank = z.string().trim().min(1, 'Required');
const optionalText = z.string().trim().optional();
const pem = z
  .string()
  .trim()
  .refine((v) => v === '' || v.includes('-----BEGIN CERTIFICATE-----'), {
    message: 'Paste a PEM certificate (it starts with -----BEGIN CERTIFICATE-----)',
  })
  .optional();

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for the hosts that plain http is allowed to reach (ARCHITECTURE.md §6). */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export const csvSettingsSchema = z.object({
  path: nonBlank.describe('Absolute path of the CSV file'),
  encoding: z.enum(['auto', 'utf8', 'utf16le', 'cp949', 'windows1252']).default('auto'),
  delimiter: z.enum(['auto', ',', ';', '\t']).default('auto'),
  keyColumn: optionalText,
  multiValueSeparator: z.string().max(3).default(';'),
});

export const ldapSettingsSchema = z
  .object({
    url: nonBlank.refine((v) => /^ldaps?:\/\/[^/\s]+/i.test(v), {
      message: 'Use ldap://host:port or ldaps://host:port',
    }),
    startTls: z.boolean().default(false),
    bindDn: nonBlank.describe('DN or user@domain to bind as'),
    baseDn: nonBlank,
    userSearchBase: optionalText,
    groupSearchBase: optionalText,
    userFilter: optionalText,
    groupFilter: optionalText,
    pageSize: z.number().int().min(1).max(10_000).default(500),
    timeoutSeconds: z.number().int().min(1).max(600).default(30),
    caCertificate: pem,
    // Optional, for the LDAP connector (src-main/connectors/ldap): sensible defaults per server type.
    /** Stable id attribute; default objectGUID on AD, entryUUID elsewhere. */
    anchorAttribute: optionalText,
    /** Users' object class: the default user filter, and what a target creates (comma-separated). */
    userObjectClass: optionalText,
    groupObjectClass: optionalText,
    /** As a target: where new users are created (the `__container` mapping target overrides it). */
    targetContainer: optionalText,
    /** As a target: where new groups are created; default targetContainer. */
    groupContainer: optionalText,
    /** As a target: the RDN attribute of new entries (default cn), its value from the mapped attribute. */
    rdnAttribute: optionalText,
    /** Outside AD: the attribute/value pair that marks an account disabled (e.g. pwdAccountLockedTime). */
    disableAttribute: optionalText,
    disableValue: optionalText,
    /** Written on enable when set; otherwise enabling removes disableAttribute. */
    enableValue: optionalText,
    /** As a source: every Nth cycle reads everything, so deletions are found by anchor comparison. */
    fullReadEveryCycles: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((s) => !(s.startTls && /^ldaps:/i.test(s.url)), {
    message: 'StartTLS is for ldap:// URLs; ldaps:// is already encrypted',
    path: ['startTls'],
  });

export const scimSettingsSchema = z
  .object({
    baseUrl: nonBlank.refine(
      (v) => {
        const url = parseUrl(v);
        if (!url) return false;
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
      },
      { message: 'Use an https:// URL (plain http:// is allowed only for this computer)' },
    ),
    authType: z.enum(['bearer', 'oauth2', 'basic', 'none']).default('bearer'),
    username: optionalText,
    tokenUrl: optionalText,
    clientId: optionalText,
    scope: optionalText,
    requestShape: z.enum(['scim2', 'entra-legacy']).default('scim2'),
    timeoutSeconds: z.number().int().min(1).max(600).default(60),
    caCertificate: pem,
  })
  .refine((s) => s.authType !== 'basic' || !!s.username, {
    message: 'Basic authentication needs a user name',
    path: ['username'],
  })
  .refine((s) => s.authType !== 'oauth2' || (!!s.tokenUrl && parseUrl(s.tokenUrl) !== null), {
    message: 'OAuth 2 needs a token URL',
    path: ['tokenUrl'],
  })
  .refine((s) => s.authType !== 'oauth2' || !!s.clientId, {
    message: 'OAuth 2 needs a client ID',
    path: ['clientId'],
  });

export type CsvSettings = z.infer<typeof csvSettingsSchema>;
export type LdapSettings = z.infer<typeof ldapSettingsSchema>;
export type ScimSettings = z.infer<typeof scimSettingsSchema>;

export const connectionSettingsSchemas = {
  // CSV sources take more options (column roles, groups, memberships file): kept here, checked by the connector.
  csv: csvSettingsSchema.loose(),
  ldap: ldapSettingsSchema,
  scim: scimSettingsSchema,
} as const;

export interface ConnectionSettingsByKind {
  csv: CsvSettings;
  ldap: LdapSettings;
  scim: ScimSettings;
}

/**
 * The secret fields of each kind. Their values go to the OS keychain only; SQLite keeps the id under
 * which the vault holds them, and every view shows just whether each is set.
 */
export const secretFieldsByKind = {
  csv: [],
  ldap: ['bindPassword'],
  scim: ['bearerToken', 'password', 'clientSecret'],
} as const satisfies Record<ConnectionKind, readonly string[]>;

export type SecretField = (typeof secretFieldsByKind)[ConnectionKind][number];

export function isSecretFieldOf(kind: ConnectionKind, field: string): boolean {
  return (secretFieldsByKind[kind] as readonly string[]).includes(field);
}

/** Which secret fields the chosen authentication actually uses (the form shows only these). */
export function secretFieldsInUse(kind: ConnectionKind, settings: Record<string, unknown>): string[] {
  if (kind !== 'scim') return [...secretFieldsByKind[kind]];
  switch (settings['authType']) {
    case 'bearer':
      return ['bearerToken'];
    case 'basic':
      return ['password'];
    case 'oauth2':
      return ['clientSecret'];
    default:
      return [];
  }
}

export type SecretState = 'set' | 'notSet';

export interface ConnectionView {
  id: string;
  name: string;
  kind: ConnectionKind;
  settings: Record<string, unknown>;
  /** Per secret field of the kind: only whether a value is stored, never the value. */
  secrets: Record<string, SecretState>;
  createdAt: string;
  updatedAt: string;
}

const connectionName = z
  .string()
  .trim()
  .min(1, 'Give the connection a name')
  .max(100, 'Keep the name under 100 characters');

/** Secret values to store; `null` removes a stored secret, an absent field leaves it as it is. */
const secretsInput = z.record(z.string(), z.string().min(1).nullable()).default({});

export const connectionCreateInputSchema = z.object({
  name: connectionName,
  kind: z.enum(connectionKinds),
  settings: z.record(z.string(), z.unknown()),
  secrets: secretsInput,
});
export type ConnectionCreateInput = z.input<typeof connectionCreateInputSchema>;

export const connectionUpdateInputSchema = z.object({
  id: z.string().min(1),
  name: connectionName.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  secrets: secretsInput,
});
export type ConnectionUpdateInput = z.input<typeof connectionUpdateInputSchema>;

export const connectionIdInputSchema = z.object({ id: z.string().min(1) });
