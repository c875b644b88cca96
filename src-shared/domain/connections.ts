import { z } from 'zod';
import { strictObject } from './strict-input';
import { scimDialectSchema } from './scim-dialect';
import { scimAppConstraintShape, updateMethodCanRewriteMembers } from './scim-app-constraints';

export const connectionKinds = ['csv', 'ldap', 'scim'] as const;
export type ConnectionKind = (typeof connectionKinds)[number];

const nonBlank = z.string().trim().min(1, 'Required');
const optionalText = z.string().trim().optional();
const pem = z
  .string()
  .trim()
  .refine((v) => v === '' || v.includes('-----BEGIN CERTIFICATE-----'), {
    message: 'Paste a PEM certificate (it starts with -----BEGIN CERTIFICATE-----)',
    params: { code: 'pemCertificate' },
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

/**
 * A key a settings block must never hold, because it is a secret (normalised: lower case, letters and
 * digits) → the secret field it stands for. Settings are stored in SQLite and written to job files;
 * secrets live only in the keychain (`roster secret set`).
 */
const secretKeysByKind = {
  csv: {},
  ldap: {
    bindpassword: 'bindPassword',
    password: 'bindPassword',
    pass: 'bindPassword',
    passwd: 'bindPassword',
    bindpw: 'bindPassword',
    credentials: 'bindPassword',
    bindcredentials: 'bindPassword',
  },
  scim: {
    bearertoken: 'bearerToken',
    token: 'bearerToken',
    accesstoken: 'bearerToken',
    apitoken: 'bearerToken',
    apikey: 'bearerToken',
    bearer: 'bearerToken',
    authorization: 'bearerToken',
    password: 'password',
    pass: 'password',
    passwd: 'password',
    secret: 'clientSecret',
    clientsecret: 'clientSecret',
  },
} as const satisfies Record<ConnectionKind, Record<string, string>>;

export const csvEncodings = ['auto', 'utf8', 'utf16le', 'utf16be', 'cp949', 'windows1252'] as const;
export const csvDelimiters = ['auto', ',', ';', '\t'] as const;
/** The types a CSV cell can be read as; Reference is reserved for the manager column. */
export const csvColumnTypes = ['String', 'Integer', 'Boolean', 'DateTime'] as const;
export const defaultDisabledValues = ['Disabled', 'Inactive', 'Suspended'];
export const defaultSoftDeletedValues = ['Terminated', 'Deleted'];

const columnName = z.string().trim().min(1, 'Give a column name');
/** A column role: a blank value is the same as none. */
const optionalColumn = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const separator = z.string().min(1, 'A separator cannot be empty').max(3);

/**
 * A second file listing group memberships, one row per (group, member). `groupColumn` holds the
 * group's anchor (a name or an id); with `groupNameColumn` set, the display name comes from there.
 * Members are user keys (the main file's key column).
 */
export const csvMembershipsFileSchema = strictObject({
  path: nonBlank,
  encoding: z.enum(csvEncodings).default('auto'),
  delimiter: z.enum(csvDelimiters).default('auto'),
  groupColumn: columnName.default('group'),
  memberColumn: columnName.default('member'),
  groupNameColumn: optionalColumn,
});

/**
 * Every setting of a CSV connection, without refinements (the connector extends it with its
 * defaults, src-main/connectors/csv/csv-options.ts). Options the connector defaults stay absent here,
 * so a saved connection holds what the admin chose.
 */
export const csvSettingsObject = strictObject({
  path: nonBlank.describe('Absolute path of the CSV file'),
  /** `utf16be` cannot be detected without a byte-order mark, so it can be forced. */
  encoding: z.enum(csvEncodings).default('auto'),
  delimiter: z.enum(csvDelimiters).default('auto'),
  keyColumn: optionalColumn,
  multiValueSeparator: z.string().max(3).default(';'),
  /** Columns whose cells hold several values separated by `multiValueSeparator`. */
  multiValuedColumns: z.array(columnName).optional(),
  /** Column name → type; unlisted columns are String. */
  columnTypes: z.record(z.string(), z.enum(csvColumnTypes)).optional(),
  /** The column holding the display name; otherwise givenName + surname, otherwise the key. */
  displayNameColumn: optionalColumn,
  givenNameColumn: optionalColumn,
  surnameColumn: optionalColumn,
  /** Holds another row's key: read as a Reference to that user. */
  managerColumn: optionalColumn,
  /** A status column: a cell equal (case-insensitively) to a listed value disables or soft-deletes the row. */
  statusColumn: optionalColumn,
  disabledValues: z.array(z.string().trim().min(1)).optional(),
  softDeletedValues: z.array(z.string().trim().min(1)).optional(),
  /** Each cell lists the row's groups, separated by `groupsSeparator`; the group's anchor is its name. */
  groupsColumn: optionalColumn,
  groupsSeparator: separator.optional(),
  membershipsFile: csvMembershipsFileSchema.optional(),
  pageSize: z.number().int().min(1).max(10_000).optional(),
  /** A record longer than this (in characters) is refused: usually a quote that is never closed. */
  maxRecordChars: z.number().int().min(1_000).max(100_000_000).optional(),
});

interface CsvRoleSettings {
  keyColumn?: string | undefined;
  managerColumn?: string | undefined;
  multiValueSeparator: string;
  multiValuedColumns?: string[] | undefined;
  disabledValues?: string[] | undefined;
  softDeletedValues?: string[] | undefined;
}

/** The checks across CSV settings, shared by the saved settings and the connector's options. */
export function checkCsvSettings(o: CsvRoleSettings, ctx: z.RefinementCtx): void {
  if ((o.multiValuedColumns ?? []).length > 0 && o.multiValueSeparator === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['multiValueSeparator'],
      message: 'Multi-valued columns need a separator',
      params: { code: 'multiValueNeedsSeparator' },
    });
  }
  const disabled = new Set((o.disabledValues ?? defaultDisabledValues).map((v) => v.toLowerCase()));
  for (const value of o.softDeletedValues ?? defaultSoftDeletedValues) {
    if (disabled.has(value.toLowerCase())) {
      ctx.addIssue({
        code: 'custom',
        path: ['softDeletedValues'],
        message: `"${value.slice(0, 60)}" is listed both as a disabled and as a soft-deleted status`,
        params: { code: 'statusDisabledAndSoftDeleted', value: value.slice(0, 60) },
      });
    }
  }
  if (o.managerColumn !== undefined && o.keyColumn !== undefined && o.managerColumn === o.keyColumn) {
    ctx.addIssue({
      code: 'custom',
      path: ['managerColumn'],
      message: 'The manager column cannot be the key column',
      params: { code: 'managerColumnIsKeyColumn' },
    });
  }
}

export const csvSettingsSchema = csvSettingsObject.superRefine(checkCsvSettings);

export const ldapSettingsSchema = strictObject(
  {
    url: nonBlank.refine((v) => /^ldaps?:\/\/[^/\s]+/i.test(v), {
      message: 'Use ldap://host:port or ldaps://host:port',
      params: { code: 'ldapUrl' },
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
  },
  { secretKeys: secretKeysByKind.ldap },
).refine((s) => !(s.startTls && /^ldaps:/i.test(s.url)), {
  message: 'StartTLS is for ldap:// URLs; ldaps:// is already encrypted',
  params: { code: 'startTlsWithLdaps' },
  path: ['startTls'],
});

export const scimSettingsSchema = strictObject(
  {
    baseUrl: nonBlank.refine(
      (v) => {
        const url = parseUrl(v);
        if (!url) return false;
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
      },
      {
        message: 'Use an https:// URL (plain http:// is allowed only for this computer)',
        params: { code: 'httpsUrl' },
      },
    ),
    authType: z.enum(['bearer', 'oauth2', 'basic', 'none']).default('bearer'),
    username: optionalText,
    tokenUrl: optionalText,
    clientId: optionalText,
    scope: optionalText,
    requestShape: scimDialectSchema.default('scim2'),
    timeoutSeconds: z.number().int().min(1).max(600).default(60),
    caCertificate: pem,
    ...scimAppConstraintShape,
  },
  { secretKeys: secretKeysByKind.scim },
)
  .refine(updateMethodCanRewriteMembers, {
    message:
      'A PUT-only app must return group members when a group is read: PUT rewrites the whole member list from that read',
    params: { code: 'putOnlyNeedsGroupMembers' },
    path: ['groupReadsIncludeMembers'],
  })
  .refine((s) => s.authType !== 'basic' || !!s.username, {
    message: 'Basic authentication needs a user name',
    params: { code: 'basicNeedsUserName' },
    path: ['username'],
  })
  .refine((s) => s.authType !== 'oauth2' || (!!s.tokenUrl && parseUrl(s.tokenUrl) !== null), {
    message: 'OAuth 2 needs a token URL',
    params: { code: 'oauthNeedsTokenUrl' },
    path: ['tokenUrl'],
  })
  .refine((s) => s.authType !== 'oauth2' || !!s.clientId, {
    message: 'OAuth 2 needs a client ID',
    params: { code: 'oauthNeedsClientId' },
    path: ['clientId'],
  });

export type CsvSettings = z.infer<typeof csvSettingsSchema>;
export type LdapSettings = z.infer<typeof ldapSettingsSchema>;
export type ScimSettings = z.infer<typeof scimSettingsSchema>;

/** Each kind's settings, strict: an unknown key is refused with the closest known one. */
export const connectionSettingsSchemas = {
  csv: csvSettingsSchema,
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

export const connectionCreateInputSchema = strictObject({
  name: connectionName,
  kind: z.enum(connectionKinds),
  settings: z.record(z.string(), z.unknown()),
  secrets: secretsInput,
});
export type ConnectionCreateInput = z.input<typeof connectionCreateInputSchema>;

export const connectionUpdateInputSchema = strictObject({
  id: z.string().min(1),
  name: connectionName.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  secrets: secretsInput,
});
export type ConnectionUpdateInput = z.input<typeof connectionUpdateInputSchema>;

export const connectionIdInputSchema = z.object({ id: z.string().min(1) });
