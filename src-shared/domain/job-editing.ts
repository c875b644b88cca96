/**
 * What the app needs to set up and change a job without a JSON file (issue 10): the source's real
 * attributes and objects, the target's discovered schema, the in-scope count of a scoping filter, the
 * impact of a changed configuration before it is stored, and the new-job wizard's draft.
 */
import { z } from 'zod';
import { scopingFilterSchema } from '../scoping/schema';
import type { ScopingExplanation } from '../scoping/explain';
import type { ConfigProblem } from './config-problems';
import { jobConfigSchema } from './jobs';
import {
  objectTypeSchema,
  type ObjectType,
  type SourceSchemaAttribute,
  type SourceValue,
  type TargetSchemaAttribute,
} from './schema';

const connectionName = z.string().min(1).max(200);

/** The attributes a source connection really offers (CSV header, LDAP subschema + seen attributes). */
export const sourceSchemaInputSchema = z.object({ sourceConnection: connectionName }).strict();
export interface SourceSchemaResult {
  attributes: SourceSchemaAttribute[];
  /** Where the list came from, in English ("header of users.csv", "subschema of dc=example,dc=org"). */
  origin: string;
  /** The same as a code for the admin's language: `csvHeader` {file}, `directory` {base}. */
  originCode?: 'csvHeader' | 'directory';
  originParams?: Record<string, string>;
}

/** Source objects found by name, email or key, with all their attributes (previews, pickers). */
export const sourceSearchInputSchema = z
  .object({
    sourceConnection: connectionName,
    objectType: objectTypeSchema,
    query: z.string().trim().max(300).default(''),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();
export interface SourceObjectSample {
  objectType: ObjectType;
  anchor: string;
  displayName: string;
  attributes: Record<string, SourceValue>;
}
export interface SourceSearchResult {
  items: SourceObjectSample[];
  /** Objects the source holds of this type (from the cached read). */
  total: number;
  /** When the source was read (ISO); reads are cached for a short while. */
  readAt: string;
}

/** The attribute list the target itself publishes (SCIM /Schemas, LDAP subschema). */
export const targetSchemaDiscoverInputSchema = z.object({ targetConnection: connectionName }).strict();
export interface TargetSchemaDiscoverResult {
  /** False when the target publishes no schema; `message` says why. */
  supported: boolean;
  message: string;
  /**
   * `message` as a code for the admin's language: `scimNoSchema` {name, schemas}, `ldapNoSchema`
   * {name}, `scimFound` / `ldapFound` {users, groups, name}.
   */
  messageCode?: 'scimNoSchema' | 'ldapNoSchema' | 'scimFound' | 'ldapFound';
  messageParams?: Record<string, string>;
  attributes: TargetSchemaAttribute[];
}

/** A scoping filter's live in-scope count, and why one object is in or out. */
export const scopePreviewInputSchema = z
  .object({
    sourceConnection: connectionName,
    objectType: objectTypeSchema,
    filters: z.array(scopingFilterSchema).max(50),
    /** Explain this object (an anchor from sources.search). */
    explainAnchor: z.string().max(1000).optional(),
  })
  .strict();
export interface ScopePreviewResult {
  total: number;
  inScope: number;
  readAt: string;
  /** Validation problems of the filters, by JSON path (`filters[0].clauses[1].value`). */
  problems: { path: string; message: string }[];
  explanation?: ScopingExplanation & { anchor: string; displayName: string };
}

/**
 * What storing a changed configuration would do on the next cycle, worked out locally from the
 * source as read now and what Roster last exported (the links): no request to the target.
 */
export const jobImpactInputSchema = z
  .object({
    /** Absent in the wizard: the job does not exist yet and everything in scope would be created. */
    jobId: z.string().min(1).optional(),
    config: jobConfigSchema,
    /** Filter the listed items; counts are always for everything. */
    action: z.enum(['create', 'update', 'enable', 'disable', 'delete', 'outOfScope', 'unchanged']).optional(),
    search: z.string().trim().max(300).default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type ImpactAction = 'create' | 'update' | 'enable' | 'disable' | 'delete' | 'outOfScope' | 'unchanged';
export interface ImpactItem {
  objectType: ObjectType;
  anchor: string;
  displayName: string;
  action: ImpactAction;
  /** One sentence: why this action (the scoping clause that now fails, the attribute that changes…). */
  reason: string;
  /**
   * The reason as a message code, for the renderer's translations (`Update`, `CaseOnlyDifference`,
   * `Scope.filteredOut`, `Skip.AlreadyDisabled`…); `reason` is its English text.
   */
  reasonCode?: string;
  reasonParams?: Record<string, string>;
  /** Set when the cycle would fail on this object (an expression error, a required attribute with no value). */
  error?: string;
  changes: { attribute: string; before: string | null; after: string | null }[];
}
export interface JobImpactResult {
  counts: Record<ImpactAction, number>;
  /** Objects of the current configuration that the new one puts out of scope (a subset of disable/delete). */
  leavingScope: number;
  /** True when the change alters mappings or matching so that the job needs a full (initial) cycle. */
  needsFullCycle: boolean;
  /** The deletion threshold the job would hit (§11), when it would. */
  deletionThresholdHit: boolean;
  items: ImpactItem[];
  /** Items matching the action/search filter. */
  total: number;
  readAt: string;
  /**
   * Other jobs that write the same target attributes of the same target accounts (issue 10 item 7):
   * two writers fight over a value every cycle.
   */
  overlaps: { jobId: string; jobName: string; attributes: string[]; accounts: number }[];
  /** Problems that would stop the config from being saved at all, by JSON path (with codes to translate). */
  problems: ConfigProblem[];
}

/** The new-job wizard's draft: what was typed so far, resumed when the admin comes back. */
export const jobDraftSchema = z
  .object({
    step: z.number().int().min(0).max(20),
    /** The wizard's own state (unsaved config, chosen connections…), as the renderer keeps it. */
    data: z.record(z.string(), z.unknown()),
    savedAt: z.string().optional(),
  })
  .strict();
export type JobDraft = z.infer<typeof jobDraftSchema>;
