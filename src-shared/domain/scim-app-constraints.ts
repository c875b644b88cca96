import { z } from 'zod';
import { strictObject } from './strict-input';

/**
 * What a SCIM app cannot do that RFC 7644 lets a server leave out (issue 12 item 4, docs/app-profiles.md
 * "Constraints the connection carries"). They are facts about the app, so they live on its SCIM
 * connection beside the request dialect; an app profile pre-fills them, and the SCIM connector
 * honours them (src-main/connectors/scim/app-constraints.ts). The defaults describe a full RFC server.
 */

/** How resources are changed: PATCH (RFC 7644 §3.5.2), or only by replacing them whole with PUT. */
export const scimUpdateMethods = ['patch', 'put'] as const;
export const scimUpdateMethodSchema = z.enum(scimUpdateMethods);
export type ScimUpdateMethod = z.infer<typeof scimUpdateMethodSchema>;

/**
 * How the app disables a user: `PATCH active=false`, or not at all (a delete-only app whose User has
 * no `active`). A job that says "disable" is refused at save for a `notSupported` app rather than
 * having Roster delete accounts it was told to disable.
 */
export const scimUserDisables = ['activeFalse', 'notSupported'] as const;
export const scimUserDisableSchema = z.enum(scimUserDisables);
export type ScimUserDisable = z.infer<typeof scimUserDisableSchema>;

/** A gallery app's id (resources/apps/<id>.json). */
export const appIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and dashes');

/** Attribute paths as a filter names them (`userName`, `emails.value`, `urn:…:User:employeeNumber`). */
const filterableList = z.array(z.string().trim().min(1).max(200)).min(1).max(100);

/** The keys added to a SCIM connection's settings (see scimSettingsSchema). */
export const scimAppConstraintShape = {
  /** The gallery app this connection was made from: the wizard starts its jobs from that profile. */
  app: appIdSchema.optional(),
  /**
   * Left out: as the server's /ServiceProviderConfig declares (`patch.supported`), PATCH when it says
   * nothing. Set, it wins over what the server declares.
   */
  updateMethod: scimUpdateMethodSchema.optional(),
  /**
   * The attributes `filter=… eq …` works on, per object type, as the app documents them. A matching
   * attribute outside the list is matched from the target's list instead of a filter the app would
   * refuse. Left out: any attribute, unless the server declares `filter.supported: false`.
   */
  filterableAttributes: strictObject({
    users: filterableList.optional(),
    groups: filterableList.optional(),
  }).optional(),
  /**
   * False for an app whose GET /Groups answers leave `members` out or empty (AWS IAM Identity
   * Center): Roster then never reads a group's members back to settle a membership request whose
   * answer was lost, because an empty list would "prove" every removal landed; it sends the request
   * again instead (membership changes are idempotent).
   */
  groupReadsIncludeMembers: z.boolean().default(true),
  userDisable: scimUserDisableSchema.default('activeFalse'),
};

/** PUT rewrites a group's whole member list from a read of it: that needs the read to hold the members. */
export function updateMethodCanRewriteMembers(settings: {
  updateMethod?: ScimUpdateMethod;
  groupReadsIncludeMembers?: boolean;
}): boolean {
  return settings.updateMethod !== 'put' || settings.groupReadsIncludeMembers !== false;
}
