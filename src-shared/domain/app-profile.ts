/**
 * App profiles (issue 12, docs/app-profiles.md): what one SaaS app's public SCIM documentation says,
 * as data the gallery shows and a new job starts from — where its SCIM endpoint lives, how it
 * authenticates, what it can do, its default mappings and schema, the request dialect it expects,
 * and its known quirks with how Roster handles each. Where the vendor's docs are silent the profile
 * says "not documented" instead of guessing; discovery fills those in at run time.
 *
 * Every object is strict (an unknown key is refused with the closest known one), and the checks at
 * the end hold a profile to itself: every mapping writes an attribute of its schema, reads an
 * attribute Roster can translate for any source, and no setting exceeds a documented limit.
 */
import { z } from 'zod';
import { closestMatch } from '../expressions/suggest';
import { attributeMappingSchema, jobSettingsSchema, type AttributeMapping, type JobConfig } from './jobs';
import { targetSchemaAttributeSchema, type ObjectType } from './schema';
import { scimDialectSchema } from './scim-dialect';
import { languageSchema } from './settings';
import { quoteKey, strictCopy, strictObject } from './strict-input';

export const notDocumented = 'not documented';
const notDocumentedSchema = z.literal(notDocumented);

/** A fact from the vendor's docs, or the words "not documented". */
function documented<T extends z.ZodType>(schema: T) {
  return z.union([schema, notDocumentedSchema]);
}

const httpsUrl = z
  .string()
  .url()
  .refine((v) => v.startsWith('https://'), { message: 'Cite an https:// page' });

/**
 * The source attribute names profile mappings read: Entra ID's names, which every admin who has set
 * up a gallery app knows. A new job translates them to the real source's names (an HR file's
 * columns, Active Directory, OpenLDAP); a mapping whose attribute the source lacks is left out.
 */
export const profileSourceAttributes = [
  'userPrincipalName',
  'mail',
  'mailNickname',
  'givenName',
  'surname',
  'displayName',
  'jobTitle',
  'department',
  'employeeId',
  'manager',
  'objectId',
  'telephoneNumber',
  'mobile',
  'accountEnabled',
  'IsSoftDeleted',
  'members',
] as const;
export type ProfileSourceAttribute = (typeof profileSourceAttributes)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and dashes');

// The texts the gallery shows, with their limits: the English fields and their translations share them.
const vendorText = z.string().min(1).max(80);
const summaryText = z.string().min(1).max(400);
const hintText = z.string().min(1).max(500);
const rateLimitText = z.string().min(1).max(500);

export const appProfileDocSchema = strictObject({ title: z.string().min(1).max(200), url: httpsUrl });

export const appProfileConnectionSchema = strictObject({
  /** The SCIM base URL; `{placeholders}` are the parts each customer fills in (`{enterprise}`). */
  baseUrl: documented(z.string().min(1).max(300)),
  /** Where the admin finds the base URL and what each placeholder means. */
  baseUrlHint: hintText,
  authKinds: documented(z.array(z.enum(['bearer', 'oauth2', 'basic'])).min(1)),
  /** Where the admin gets the credential, in the vendor's words. */
  credentialHint: hintText,
  dialect: scimDialectSchema,
});

export const appProfileRateLimitSchema = strictObject({
  /** The documented limit, as the vendor states it. */
  text: rateLimitText,
  /** The steady rate Roster keeps to stay within it (requests per second), when one number fits. */
  requestsPerSecond: z.number().positive().max(1000).optional(),
});

export const appProfileCapabilitiesSchema = strictObject({
  groups: documented(z.boolean()),
  updateMethod: documented(z.enum(['patch', 'put', 'patchOrPut'])),
  filterableAttributes: strictObject({
    users: documented(z.array(z.string().min(1)).min(1)),
    groups: documented(z.array(z.string().min(1)).min(1)),
  }),
  maxMembersPerPatch: documented(z.number().int().positive()),
  pageSize: documented(z.number().int().positive()),
  /** How a user is disabled: `PATCH active=false`, or not at all. */
  disable: documented(z.enum(['activeFalse', 'notSupported'])),
  /** What `DELETE /Users/{id}` does. */
  delete: documented(z.enum(['deletes', 'deactivates', 'notSupported'])),
  rateLimit: documented(appProfileRateLimitSchema),
  /**
   * Whether reading a group returns its `members`. Absent means the docs do not say (RFC 7644
   * servers do); `false` (AWS IAM Identity Center) sets the connection's groupReadsIncludeMembers.
   */
  groupReadsIncludeMembers: documented(z.boolean()).optional(),
});

/** The job settings a profile pre-fills; the rest keep Roster's defaults. */
export const appProfileSettingsSchema = strictCopy(
  jobSettingsSchema.pick({
    maxMembersPerPatch: true,
    maxRequestsPerSecond: true,
    maxConcurrency: true,
    onSourceDelete: true,
  }),
).partial();

export const appProfileQuirkSchema = strictObject({
  id: slug,
  /** What the app does differently, from its docs. */
  problem: z.string().min(1).max(1000),
  /** What Roster does about it: a setting, a mapping, a dialect — or "not handled" and why. */
  handling: z.string().min(1).max(1000),
  source: httpsUrl.optional(),
});

/**
 * The UI's languages besides English (the renderer has a message catalogue for each `Language`):
 * the locales a profile's `translations` may hold. English is the profile's own fields.
 */
export const appProfileTranslationLocales = languageSchema.exclude(['en']).options;
export type AppProfileTranslationLocale = (typeof appProfileTranslationLocales)[number];

/**
 * One locale's version of the texts the gallery shows. Each is optional: a missing one falls back to
 * the English field. Quirks are not here: only the CLI prints them, in English.
 */
export const appProfileTextsSchema = strictObject({
  /** Only where `vendor` describes rather than names (Generic SCIM: "Any SCIM 2.0 service provider"). */
  vendor: vendorText.optional(),
  summary: summaryText.optional(),
  baseUrlHint: hintText.optional(),
  credentialHint: hintText.optional(),
  /** `capabilities.rateLimit.text` in this locale (only where the profile states a limit). */
  rateLimitText: rateLimitText.optional(),
});
export type AppProfileTexts = z.infer<typeof appProfileTextsSchema>;

function didYouMean(name: string, known: readonly string[]): string {
  const suggestion = closestMatch(name, known);
  return suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`;
}

/**
 * What is wrong with a locale `translations` does not take. strictObject's "unknown key" would not
 * say why `ja` or `en` is refused: one is a language the UI lacks, the other the profile's own text.
 */
function unknownLocaleProblem(key: string): string {
  const locales = appProfileTranslationLocales.join(', ');
  if (key === 'en') {
    return `English is the profile's own text (summary, connection.baseUrlHint…), not a translation: translations take ${locales}`;
  }
  return `not a language of Roster's UI: translations take ${locales}${didYouMean(key, appProfileTranslationLocales)}`;
}

/**
 * `{ ko: {...} }`: keyed by locale, so an unknown or misspelt locale is refused by name. One line per
 * key, `"key": problem`, as strictObject writes it, so inputProblems gives each key its own path.
 */
export const appProfileTranslationsSchema = z.strictObject(
  Object.fromEntries(
    appProfileTranslationLocales.map((locale) => [locale, appProfileTextsSchema.optional()]),
  ) as Record<AppProfileTranslationLocale, z.ZodOptional<typeof appProfileTextsSchema>>,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${quoteKey(key)}: ${unknownLocaleProblem(key)}`).join('\n')
        : undefined,
  },
);
export type AppProfileTranslations = z.infer<typeof appProfileTranslationsSchema>;

const strictMapping = strictCopy(attributeMappingSchema);

const appProfileObject = strictObject({
  $schema: z.string().optional(),
  format: z.literal('roster-app'),
  version: z.literal(1),
  id: slug,
  name: z.string().min(1).max(80),
  vendor: vendorText,
  summary: summaryText,
  /** The vendor's public SCIM pages this profile was written from. */
  docs: z.array(appProfileDocSchema).min(1),
  /** The vendor's page where an admin turns SCIM on (the gallery links to it). */
  setupUrl: httpsUrl,
  connection: appProfileConnectionSchema,
  capabilities: appProfileCapabilitiesSchema,
  settings: appProfileSettingsSchema.default({}),
  mappings: strictObject({
    users: z.array(strictMapping).min(1),
    groups: z.array(strictMapping).nullable(),
  }),
  targetSchema: z.array(strictCopy(targetSchemaAttributeSchema)).min(1),
  quirks: z.array(appProfileQuirkSchema).default([]),
  /** The gallery's texts in the UI's other languages (docs/app-profiles.md#translations). */
  translations: appProfileTranslationsSchema.default({}),
});

/** `[givenName]`-style attribute references of an expression. */
function referencedAttributes(expression: string): string[] {
  return [...expression.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1] ?? '');
}

type Profile = z.infer<typeof appProfileObject>;

function checkMappings(
  profile: Profile,
  objectType: ObjectType,
  key: 'users' | 'groups',
  ctx: z.RefinementCtx,
): void {
  const mappings: AttributeMapping[] | null = profile.mappings[key];
  if (!mappings) return;
  const targets = profile.targetSchema.filter((a) => a.objectType === objectType).map((a) => a.name);
  const sources: readonly string[] = profileSourceAttributes;
  mappings.forEach((mapping, index) => {
    const path = ['mappings', key, index];
    if (!targets.includes(mapping.target)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'target'],
        message: `"${mapping.target}" is not a ${objectType} attribute of targetSchema${didYouMean(mapping.target, targets)}`,
      });
    }
    const read =
      mapping.type === 'Direct'
        ? [mapping.source]
        : mapping.type === 'Expression'
          ? referencedAttributes(mapping.source)
          : [];
    for (const name of read) {
      if (!sources.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'source'],
          message: `"${name}" is not a source attribute profiles can read${didYouMean(name, sources)}`,
        });
      }
    }
  });
  if (!mappings.some((m) => m.matchingPriority > 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['mappings', key],
      message:
        'Give one mapping a matchingPriority (1 = tried first), or Roster cannot find existing accounts',
    });
  }
  for (const attribute of profile.targetSchema) {
    if (attribute.objectType !== objectType || !attribute.required || attribute.primaryKey) continue;
    if (!mappings.some((m) => m.target === attribute.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mappings', key],
        message: `The app requires "${attribute.name}", and no mapping writes it`,
      });
    }
  }
}

/** A translated rate-limit text needs an English one to stand for: a limit the profile states. */
function checkTranslations(profile: Profile, ctx: z.RefinementCtx): void {
  if (typeof profile.capabilities.rateLimit === 'object') return;
  for (const locale of appProfileTranslationLocales) {
    if (profile.translations[locale]?.rateLimitText === undefined) continue;
    ctx.addIssue({
      code: 'custom',
      path: ['translations', locale, 'rateLimitText'],
      message:
        'The profile states no rate limit (capabilities.rateLimit is "not documented"): there is no text to translate',
    });
  }
}

function checkProfile(profile: Profile, ctx: z.RefinementCtx): void {
  const { capabilities, settings } = profile;
  if (capabilities.groups === false && profile.mappings.groups !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['mappings', 'groups'],
      message: 'The app has no groups (capabilities.groups is false): set mappings.groups to null',
    });
  }
  if (
    typeof capabilities.maxMembersPerPatch === 'number' &&
    settings.maxMembersPerPatch !== undefined &&
    settings.maxMembersPerPatch > capabilities.maxMembersPerPatch
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['settings', 'maxMembersPerPatch'],
      message: `The app takes at most ${capabilities.maxMembersPerPatch} members per PATCH`,
    });
  }
  if (capabilities.disable === 'notSupported' && settings.onSourceDelete !== 'delete') {
    ctx.addIssue({
      code: 'custom',
      path: ['settings', 'onSourceDelete'],
      message:
        'The app cannot disable users (capabilities.disable is notSupported): set settings.onSourceDelete to "delete", or every job made from it is refused',
    });
  }
  if (capabilities.updateMethod === 'put' && capabilities.groupReadsIncludeMembers === false) {
    ctx.addIssue({
      code: 'custom',
      path: ['capabilities', 'groupReadsIncludeMembers'],
      message:
        'A PUT-only app must return group members: PUT rewrites the member list from a read of the group',
    });
  }
  if (capabilities.delete === 'notSupported' && settings.onSourceDelete === 'delete') {
    ctx.addIssue({
      code: 'custom',
      path: ['settings', 'onSourceDelete'],
      message: 'The app cannot delete users (capabilities.delete is notSupported)',
    });
  }
  checkMappings(profile, 'User', 'users', ctx);
  checkMappings(profile, 'Group', 'groups', ctx);
  checkTranslations(profile, ctx);
}

export const appProfileSchema = appProfileObject.superRefine(checkProfile);
export type AppProfile = z.infer<typeof appProfileSchema>;
export type AppProfileInput = z.input<typeof appProfileSchema>;

/** What the gallery lists per app (apps.list): enough to choose, without mappings and schema. */
export interface AppProfileSummary {
  id: string;
  name: string;
  vendor: string;
  summary: string;
  setupUrl: string;
  dialect: AppProfile['connection']['dialect'];
  groups: AppProfile['capabilities']['groups'];
  updateMethod: AppProfile['capabilities']['updateMethod'];
  authKinds: AppProfile['connection']['authKinds'];
  quirkCount: number;
  /** What the gallery says about leavers: disabled (`activeFalse`), or only deleted. */
  disable: AppProfile['capabilities']['disable'];
  delete: AppProfile['capabilities']['delete'];
  rateLimit: AppProfile['capabilities']['rateLimit'];
  maxMembersPerPatch: AppProfile['capabilities']['maxMembersPerPatch'];
  /** False when reading a group returns no members (the connection then never trusts such a read). */
  groupReadsIncludeMembers: boolean | typeof notDocumented;
  /** Whether the base URL has parts the admin fills in ({tenantId}), or is not documented at all. */
  baseUrl: AppProfile['connection']['baseUrl'];
  baseUrlHint: string;
  credentialHint: string;
  /** The texts above in the UI's other languages; the renderer falls back to English per text. */
  translations: AppProfileTranslations;
}

export function summarizeAppProfile(profile: AppProfile): AppProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    vendor: profile.vendor,
    summary: profile.summary,
    setupUrl: profile.setupUrl,
    dialect: profile.connection.dialect,
    groups: profile.capabilities.groups,
    updateMethod: profile.capabilities.updateMethod,
    authKinds: profile.connection.authKinds,
    quirkCount: profile.quirks.length,
    disable: profile.capabilities.disable,
    delete: profile.capabilities.delete,
    rateLimit: profile.capabilities.rateLimit,
    maxMembersPerPatch: profile.capabilities.maxMembersPerPatch,
    groupReadsIncludeMembers: profile.capabilities.groupReadsIncludeMembers ?? notDocumented,
    baseUrl: profile.connection.baseUrl,
    baseUrlHint: profile.connection.baseUrlHint,
    credentialHint: profile.connection.credentialHint,
    translations: profile.translations,
  };
}

/** `{enterprise}`-style parts of a base URL the admin must fill in. */
export function baseUrlPlaceholders(baseUrl: string): string[] {
  return [...baseUrl.matchAll(/\{([A-Za-z][\w-]*)\}/g)].map((match) => match[1] ?? '');
}

/** The documented filterable attributes, as the connection's `filterableAttributes` (none: any). */
function filterableSettings(filterable: AppProfile['capabilities']['filterableAttributes']): {
  filterableAttributes?: { users?: string[]; groups?: string[] };
} {
  const lists = {
    ...(filterable.users === notDocumented ? {} : { users: [...filterable.users] }),
    ...(filterable.groups === notDocumented ? {} : { groups: [...filterable.groups] }),
  };
  return Object.keys(lists).length > 0 ? { filterableAttributes: lists } : {};
}

/**
 * A SCIM connection's settings as the profile pre-fills them. `baseUrl` is what the admin typed for
 * a profile whose URL has placeholders or is not documented; every placeholder must be filled.
 */
export function connectionSettingsFromProfile(
  profile: AppProfile,
  baseUrl?: string,
): { ok: true; settings: Record<string, unknown> } | { ok: false; message: string } {
  const template = profile.connection.baseUrl;
  const url = baseUrl?.trim() || (template === notDocumented ? '' : template);
  if (url === '') {
    return {
      ok: false,
      message: `${profile.name} needs its SCIM base URL: ${profile.connection.baseUrlHint}`,
    };
  }
  const open = baseUrlPlaceholders(url);
  if (open.length > 0) {
    return {
      ok: false,
      message: `Fill in ${open.map((p) => `{${p}}`).join(', ')} in ${url}: ${profile.connection.baseUrlHint}`,
    };
  }
  const kinds = profile.connection.authKinds;
  const authType = kinds === notDocumented ? 'bearer' : (kinds[0] ?? 'bearer');
  const { capabilities } = profile;
  return {
    ok: true,
    settings: {
      baseUrl: url,
      authType,
      requestShape: profile.connection.dialect,
      app: profile.id,
      // What the docs do not state is left to the server's /ServiceProviderConfig at each cycle.
      ...(capabilities.updateMethod === notDocumented
        ? {}
        : { updateMethod: capabilities.updateMethod === 'put' ? 'put' : 'patch' }),
      ...filterableSettings(capabilities.filterableAttributes),
      groupReadsIncludeMembers: capabilities.groupReadsIncludeMembers !== false,
      userDisable: capabilities.disable === 'notSupported' ? 'notSupported' : 'activeFalse',
    },
  };
}

/** A mapping of the profile left out of a new job because the source has no such attribute. */
export interface OmittedProfileMapping {
  objectMapping: 'Users' | 'Groups';
  target: string;
  /** The profile's source attribute(s) the chosen source does not offer. */
  missing: string[];
}

/** apps.jobDefaults: a new job from a profile, and what had to be left out of it. */
export interface AppJobDefaults {
  config: JobConfig;
  omittedMappings: OmittedProfileMapping[];
}

export const appIdInputSchema = strictObject({ id: slug });
export const appJobDefaultsInputSchema = strictObject({
  app: slug,
  name: z.string().trim().min(1).max(100),
  sourceConnection: z.string().min(1),
  targetConnection: z.string().min(1),
});
