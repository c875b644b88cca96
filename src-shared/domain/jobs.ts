import { z } from 'zod';
import { scopingClauseSchema, scopingFilterSchema } from '../scoping/schema';
import { objectTypeSchema, targetSchemaAttributeSchema } from './schema';
import { scimDialectSchema } from './scim-dialect';
import { appIdSchema } from './scim-app-constraints';
import { strictCopy, strictObject } from './strict-input';

/*
 * Every object of a job is strict (issue 8): a key Roster does not know — `maxConcurency`,
 * `keyColum` — is refused with the closest known name rather than dropped, so a job file never
 * says one thing while Roster does another.
 */

/** Scoping filters and target schema entries are defined with their modules; a job holds strict copies. */
const strictScopingFilterSchema = strictCopy(scopingFilterSchema).extend({
  clauses: z.array(strictCopy(scopingClauseSchema)),
});
const strictTargetSchemaAttributeSchema = strictCopy(targetSchemaAttributeSchema);

/** provisioning-behaviour.md §5.1–5.2. `source` is an attribute name, a constant or an expression. */
export const attributeMappingSchema = strictObject({
  target: z.string().min(1),
  type: z.enum(['Direct', 'Constant', 'Expression', 'None']),
  source: z.string().default(''),
  defaultValue: z.string().optional(),
  apply: z.enum(['Always', 'OnlyOnCreate', 'MultiValueAddOnly']).default('Always'),
  matchingPriority: z.number().int().min(0).default(0),
});
export type AttributeMapping = z.infer<typeof attributeMappingSchema>;

/** provisioning-behaviour.md §6: the target object actions of one object mapping. */
export const targetObjectActionsSchema = strictObject({
  create: z.boolean().default(true),
  update: z.boolean().default(true),
  delete: z.boolean().default(true),
});

export const objectMappingSchema = strictObject({
  name: z.string().min(1),
  enabled: z.boolean().default(true),
  sourceObject: objectTypeSchema,
  targetObject: objectTypeSchema,
  actions: targetObjectActionsSchema.default({ create: true, update: true, delete: true }),
  scope: strictObject({ filters: z.array(strictScopingFilterSchema).default([]) }).default({ filters: [] }),
  attributeMappings: z.array(attributeMappingSchema),
});
export type ObjectMapping = z.infer<typeof objectMappingSchema>;

/** provisioning-behaviour.md §1 job settings, with Roster's defaults. */
export const jobSettingsSchema = strictObject({
  scope: z.enum(['assigned', 'all']).default('assigned'),
  expandNestedGroups: z.boolean().default(false),
  intervalMinutes: z.number().int().min(1).max(1440).default(40),
  /**
   * Fast deprovisioning (issue 9): while the job is started, a changed CSV file or a directory change
   * starts a cycle at once instead of at the next interval, so leavers lose access within a minute.
   */
  watchSource: z.boolean().default(true),
  notificationEmail: z.string().email().optional(),
  notifyOnFailure: z.boolean().default(false),
  preventAccidentalDeletes: z.boolean().default(true),
  deletionThreshold: z.number().int().min(0).default(500),
  skipOutOfScopeDeletions: z.boolean().default(false),
  /**
   * Roster decision: an object that disappears from the source (a removed CSV row) is disabled by
   * default, like a leaver; `delete` deletes it in the target (§8 "hard-deleted").
   */
  onSourceDelete: z.enum(['disable', 'delete']).default('disable'),
  /** Request dialect (§17.4, docs/scim-dialects.md). Unset: the SCIM connection's request shape decides. */
  scimProfile: scimDialectSchema.optional(),
  maxRequestsPerSecond: z.number().positive().max(1000).default(25),
  maxConcurrency: z.number().int().min(1).max(64).default(4),
  maxMembersPerPatch: z.number().int().min(1).max(10_000).default(100),
  /**
   * A full read with fewer objects than this fraction of the linked ones stops the cycle before any
   * write (empty/partial-source protection): 0.3 means "more than 30% gone at once is suspicious".
   */
  maxSourceShrinkFraction: z.number().min(0).max(1).default(0.3),
});
export type JobSettings = z.infer<typeof jobSettingsSchema>;

/** Which source objects the `assigned` scope mode brings in (§2.1), by source anchor. */
export const jobAssignmentsSchema = strictObject({
  users: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

/** A job as configured: what config-as-code files contain (connections by name, never secrets). */
export const jobConfigSchema = strictObject({
  name: z.string().trim().min(1).max(100),
  sourceConnection: z.string().min(1),
  targetConnection: z.string().min(1),
  /**
   * The gallery app the job was made from (resources/apps/<id>.json): "Restore default mappings"
   * restores that profile's mappings rather than Roster's generic ones.
   */
  app: appIdSchema.optional(),
  settings: jobSettingsSchema.default(jobSettingsSchema.parse({})),
  assignments: jobAssignmentsSchema.default({ users: [], groups: [] }),
  objectMappings: z.array(objectMappingSchema).min(1),
  targetSchema: z.array(strictTargetSchemaAttributeSchema).default([]),
});
export type JobConfig = z.infer<typeof jobConfigSchema>;
export type JobConfigInput = z.input<typeof jobConfigSchema>;
